package io.netty.contrib.httpsys.nativeapi.conformance;

import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.WinError;
import io.netty.contrib.httpsys.nativeapi.struct.HttpRequestV2;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Behaviours section 2: URL registration and routing (Wine's test_v2_server, test_v1_relative_urls, test_v2_bound_port). */
@Timeout(60)
class UrlRegistrationTest extends ServerTestBase {

    private static final int BUFFER = 2048;

    private int add(String url) {
        return server.api.HttpAddUrlToUrlGroup(server.group, url, 0, 0);
    }

    private long newGroupBoundTo(long queue) {
        long out = arena.allocate(8);
        assertEquals(0, server.api.HttpCreateUrlGroup(server.session, out, 0));
        long group = NativeAccess.getLong(out);
        server.bind(group, queue);
        return group;
    }

    @Test
    void malformedPrefixesAreInvalidParameters() {
        int port = server.addLocalhostUrl("/");
        for (String url : new String[] {"http://localhost:" + port, "localhost:" + port, "localhost:" + port + "/",
                "http://localhost/", "http://localhost:/", "http://localhost:0/", "http://localhost:70000/",
                "ftp://localhost:" + port + "/", "http://localhost:" + port + "/barfoo?a=b", null}) {
            assertEquals(WinError.ERROR_INVALID_PARAMETER, add(url), String.valueOf(url));
        }
    }

    @Test
    void duplicatesIgnoreTheTrailingSlashAndTheGroup() {
        int port = server.addLocalhostUrl("/barfoo/");
        assertEquals(WinError.ERROR_ALREADY_EXISTS, add("http://localhost:" + port + "/barfoo/"));
        assertEquals(WinError.ERROR_ALREADY_EXISTS, add("http://localhost:" + port + "/barfoo"));
        long other = newGroupBoundTo(server.createQueue(null, 0));
        assertEquals(WinError.ERROR_ALREADY_EXISTS,
                server.api.HttpAddUrlToUrlGroup(other, "http://LOCALHOST:" + port + "/BarFoo/", 0, 0));
        assertEquals(0, add("HTTP://localhost:" + port + "/other/"));
        assertEquals(0, server.api.HttpRemoveUrlFromUrlGroup(server.group, "http://localhost:" + port + "/barfoo/", 0));
        assertEquals(WinError.ERROR_FILE_NOT_FOUND,
                server.api.HttpRemoveUrlFromUrlGroup(server.group, "http://localhost:" + port + "/barfoo/", 0));
        assertEquals(0, server.api.HttpCloseUrlGroup(other));
    }

    @Test
    void aPortHeldByAnotherSocketIsASharingViolation() throws IOException {
        try (Socket holder = new Socket()) {
            holder.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            int port = holder.getLocalPort();
            assertEquals(WinError.ERROR_SHARING_VIOLATION, add("http://localhost:" + port + "/"));
        }
    }

    @Test
    void ipv6LiteralsAreValidHosts() {
        int port = server.addUrl(server.group, "http://[::1]:%d/", 0);
        assertEquals(WinError.ERROR_ALREADY_EXISTS, add("http://[::1]:" + port + "/"));
    }

    @Test
    void longestPrefixWinsAcrossQueuesEvenOnOneConnection() {
        long queue2 = server.createQueue(null, 0);
        long group2 = newGroupBoundTo(queue2);
        int port = server.addLocalhostUrl("/");
        assertEquals(0, server.api.HttpAddUrlToUrlGroup(group2, "http://localhost:" + port + "/foobar/foo/", 2, 0));
        try (RawClient client = new RawClient(port)) {
            assertRoutedTo(client, "/", port, server.queue);
            assertRoutedTo(client, "/foobar/foo/bar", port, queue2);
            assertRoutedTo(client, "/foobar/foo", port, queue2);
            assertRoutedTo(client, "/foobar/foo?a=b", port, queue2);
            assertRoutedTo(client, "/FOOBAR/Foo/x", port, queue2);
            assertRoutedTo(client, "/foobar", port, server.queue);
        }
        assertEquals(0, server.api.HttpCloseUrlGroup(group2));
        assertEquals(0, server.api.HttpCloseRequestQueue(queue2));
    }

    @Test
    void strongWildcardBeatsExplicitHostsWhichBeatTheWeakWildcard() {
        long explicitQueue = server.createQueue(null, 0);
        long explicitGroup = newGroupBoundTo(explicitQueue);
        long strongQueue = server.createQueue(null, 0);
        long strongGroup = newGroupBoundTo(strongQueue);
        int port = server.addUrl(server.group, "http://*:%d/", 0);
        assertEquals(0, server.api.HttpAddUrlToUrlGroup(explicitGroup, "http://localhost:" + port + "/", 0, 0));
        try (RawClient client = new RawClient(port)) {
            assertRoutedTo(client, "/a", port, explicitQueue);
            client.send("GET /b HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n\r\n");
            answer(server.queue, client);
            assertEquals(0, server.api.HttpAddUrlToUrlGroup(strongGroup, "http://+:" + port + "/", 0, 0));
            assertRoutedTo(client, "/c", port, strongQueue);
        }
        server.api.HttpCloseUrlGroup(explicitGroup);
        server.api.HttpCloseUrlGroup(strongGroup);
        server.api.HttpCloseRequestQueue(explicitQueue);
        server.api.HttpCloseRequestQueue(strongQueue);
    }

    private void assertRoutedTo(RawClient client, String path, int port, long queue) {
        client.send(RawClient.simpleGet(path, port));
        answer(queue, client);
    }

    /** Receives on {@code queue} (synchronously: waits for the request) and answers it. */
    private void answer(long queue, RawClient client) {
        long buffer = arena.allocate(BUFFER);
        assertEquals(0, server.api.HttpReceiveHttpRequest(queue, 0, 0, buffer, BUFFER, 0, 0));
        assertEquals(0, server.api.HttpSendHttpResponse(queue, HttpRequestV2.requestId(buffer), 0,
                new ResponseBuilder(arena).status(204, "No Content").build(), 0, 0, 0, 0, 0, 0));
        assertTrue(client.readResponse().startsWith("HTTP/1.1 204"));
    }
}
