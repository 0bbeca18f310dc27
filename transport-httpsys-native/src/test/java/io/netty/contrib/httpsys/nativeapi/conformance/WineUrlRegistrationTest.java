package io.netty.contrib.httpsys.nativeapi.conformance;

import io.netty.contrib.httpsys.nativeapi.Http;
import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.WinError;
import io.netty.contrib.httpsys.nativeapi.struct.HttpRequestV2;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Behaviours section 2 (URL registration), after the {@code HttpAddUrl} checks of Wine's {@code test_v1_server}
 * and {@code test_v2_server} (the v2 ones are {@code todo_wine}: Windows returns 87, Wine did not),
 * {@code test_v2_bound_port}, {@code test_v1_urls} and {@code test_v1_multiple_urls}.
 */
@ExtendWith(WineHttpInitialize.class)
@Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class WineUrlRegistrationTest {

    @Test
    void malformedUrlsAreInvalidParameters() {
        try (WineV2Server server = new WineV2Server()) {
            int port = TestServer.freePort();
            List<String> malformed = List.of("http://localhost:" + port, "localhost:" + port, "localhost:" + port + "/",
                    "http://localhost/", "http://localhost:/", "http://localhost:0/",
                    "http://localhost:" + port + "/barfoo?a=b");
            for (String url : malformed) {
                assertEquals(WinError.ERROR_INVALID_PARAMETER,
                        server.api.HttpAddUrlToUrlGroup(server.group, url, WineUrls.CONTEXT, 0), url);
            }
        }
    }

    @Test
    void aUrlCanBeRegisteredOnlyOnce() {
        try (WineV2Server server = new WineV2Server()) {
            int port = WineUrls.addUrlV2(server.api, server.group, "/");
            String url = WineUrls.localhost(port, "/");
            assertEquals(WinError.ERROR_ALREADY_EXISTS, server.api.HttpAddUrlToUrlGroup(server.group, url, 1, 0),
                    "same group");
            long otherGroup = server.createGroup();
            server.bind(otherGroup, server.createQueue());
            assertEquals(WinError.ERROR_ALREADY_EXISTS, server.api.HttpAddUrlToUrlGroup(otherGroup, url, 1, 0),
                    "group of another queue");
            assertEquals(0, WineUrls.removeUrlV2(server.api, server.group, port));
            assertEquals(WinError.ERROR_FILE_NOT_FOUND, WineUrls.removeUrlV2(server.api, server.group, port));
        }
    }

    /** {@code test_v2_bound_port}: a port some plain socket has bound on 127.0.0.1 is a sharing violation. */
    @Test
    void aPortBoundByAPlainSocketIsASharingViolation() throws IOException {
        try (WineV2Server server = new WineV2Server(); Socket plain = new Socket()) {
            plain.bind(new InetSocketAddress("127.0.0.1", 0));
            String url = WineUrls.localhost(plain.getLocalPort(), "/");
            assertEquals(WinError.ERROR_SHARING_VIOLATION,
                    server.api.HttpAddUrlToUrlGroup(server.group, url, WineUrls.CONTEXT, 0), url);
        }
    }

    /** {@code test_v1_urls}: the strong wildcard {@code http://+:P/}; without a URL ACL Windows says 5 and Wine skips. */
    @Test
    void theStrongWildcardReceivesRequestsForLocalhost() {
        try (WineV2Server server = new WineV2Server()) {
            int port = 0;
            int error = WinError.ERROR_SHARING_VIOLATION;
            for (int attempt = 0; attempt < 50 && error == WinError.ERROR_SHARING_VIOLATION; attempt++) {
                port = TestServer.freePort();
                error = server.api.HttpAddUrlToUrlGroup(server.group, "http://+:" + port + "/", 0, 0);
            }
            Assumptions.assumeFalse(error == WinError.ERROR_ACCESS_DENIED, "not allowed to bind to all URLs");
            assertEquals(0, error);
            try (RawClient client = new RawClient(port)) {
                client.send(WineExchange.simpleReq(port));
                long req = server.arena.allocate(2048);
                long bytes = server.arena.allocate(4);
                assertEquals(0, server.api.HttpReceiveHttpRequest(server.queue, Http.HTTP_NULL_ID, 0, req, 2048, bytes, 0));
                assertTrue(NativeAccess.getInt(bytes) > WineExchange.HTTP_REQUEST_V1_SIZE);
                WineExchange.sendResponseV1(server.api, server.queue, HttpRequestV2.requestId(req), client);
            }
            assertEquals(0, server.api.HttpRemoveUrlFromUrlGroup(server.group, "http://+:" + port + "/", 0));
        }
    }

    /** {@code test_v1_multiple_urls}: one queue owns URLs on four ports and receives from all of them. */
    @Test
    void oneQueueReceivesFromEveryPortItRegistered() {
        try (WineV2Server server = new WineV2Server()) {
            int[] ports = new int[4];
            for (int i = 0; i < ports.length; i++) {
                ports[i] = WineUrls.addUrlV2(server.api, server.group, "/");
            }
            long req = server.arena.allocate(2048);
            for (int port : ports) {
                try (RawClient client = new RawClient(port)) {
                    client.send(WineExchange.simpleReq(port));
                    assertEquals(0, server.api.HttpReceiveHttpRequest(server.queue, Http.HTTP_NULL_ID, 0, req, 2048, 0, 0));
                    assertEquals(WineUrls.localhost(port, "/foobar"), WineRequestView.fullUrl(req));
                    WineExchange.sendResponseV1(server.api, server.queue, HttpRequestV2.requestId(req), client);
                }
            }
        }
    }
}
