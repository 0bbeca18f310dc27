package io.netty.contrib.httpsys.nativeapi.conformance;

import io.netty.contrib.httpsys.nativeapi.Http;
import io.netty.contrib.httpsys.nativeapi.WinError;
import io.netty.contrib.httpsys.nativeapi.struct.HttpCachePolicy;
import io.netty.contrib.httpsys.nativeapi.struct.HttpRequestV2;
import io.netty.contrib.httpsys.nativeapi.struct.OverlappedEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Behaviours section 9: the kernel response cache (HttpCachePolicyTimeToLive, HttpFlushResponseCache), what it
 * answers {@code Range} requests with, and the requests and responses HTTP.SYS does not cache ("Kernel Mode
 * Cache", "Events and Conditions That Disable HTTP.sys Response Caching", KB 817445, KB 820129, ASP.NET Core's
 * {@code ResponseCachingTests}). The timers are in {@link TimersAndQosTest}.
 */
@Timeout(60)
class ResponseCacheAndTimeoutsTest extends ServerTestBase {

    private static final int BUFFER = 2048;
    private static final String BODY = "0123456789abcdefghij";

    private long completionPort;

    @BeforeEach
    void associateACompletionPort() {
        completionPort = server.io.CreateIoCompletionPort(server.queue, 0, 1, 0);
    }

    @AfterEach
    void closeTheCompletionPort() {
        server.io.CloseHandle(completionPort);
    }

    /** Receives the next request (synchronously) and answers it with {@code response}, cached for {@code ttl} s. */
    private void answer(ResponseBuilder response, int ttl) {
        answer(response, ttl == 0 ? Http.HttpCachePolicyNocache : Http.HttpCachePolicyTimeToLive, ttl);
    }

    private void answer(ResponseBuilder response, int policyType, int ttl) {
        long buffer = arena.allocate(BUFFER);
        long ovl = arena.overlapped();
        int received = server.api.HttpReceiveHttpRequest(server.queue, 0, 0, buffer, BUFFER, 0, ovl);
        if (received == WinError.ERROR_IO_PENDING && !completed(ovl)) {
            assertTrue(server.io.CancelIoEx(server.queue, ovl));
            fail("the request never reached the queue: the kernel answered it");
        }
        assertTrue(received == WinError.ERROR_IO_PENDING || received == WinError.NO_ERROR, "receive: " + received);
        long policy = arena.allocate(HttpCachePolicy.SIZE);
        HttpCachePolicy.setPolicy(policy, policyType);
        HttpCachePolicy.setSecondsToLive(policy, ttl);
        assertEquals(0, server.api.HttpSendHttpResponse(server.queue, HttpRequestV2.requestId(buffer), 0,
                response.build(), policy, 0, 0, 0, 0, 0));
    }

    /** Whether the operation of {@code ovl} completes within 10 s (packets of earlier operations are skipped). */
    private boolean completed(long ovl) {
        long entry = arena.allocate(OverlappedEntry.SIZE);
        long deadline = System.nanoTime() + 10_000_000_000L;
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            if (server.io.GetQueuedCompletionStatusEx(completionPort, entry, 1, arena.allocate(4),
                    (int) Math.max(1, left / 1_000_000), false) && OverlappedEntry.overlapped(entry) == ovl) {
                return true;
            }
        }
        return false;
    }

    /** A response HTTP.SYS caches when asked to: it has a {@code Content-Type} ("Http.Sys requires content-type"). */
    private ResponseBuilder cacheable(String body) {
        return new ResponseBuilder(arena).known(Http.HttpHeaderCacheControl, "public, max-age=60")
                .known(Http.HttpHeaderContentType, "text/plain").body(body);
    }

    private static List<String> lines(String response, String name) {
        String head = response.substring(0, response.indexOf("\r\n\r\n"));
        return Arrays.stream(head.split("\r\n"))
                .filter(line -> line.toLowerCase(Locale.ROOT).startsWith(name.toLowerCase(Locale.ROOT) + ":"))
                .toList();
    }

    private static String body(String response) {
        return response.substring(response.indexOf("\r\n\r\n") + 4);
    }

    @Test
    void cachedResponsesAreServedByTheKernelUntilFlushed() {
        int port = server.addLocalhostUrl("/app/");
        try (RawClient client = new RawClient(port)) {
            client.send(RawClient.simpleGet("/app/c", port));
            answer(cacheable("from the application"), 60);
            String first = client.readResponse();
            assertTrue(first.endsWith("from the application"));
            client.send(RawClient.simpleGet("/app/c", port));
            String second = client.readResponse();
            assertTrue(second.startsWith("HTTP/1.1 200"), second);
            assertEquals(body(first), body(second), "the cached body");
            assertQueueEmpty();
            // The connection stays open after a cache hit.
            client.send(RawClient.simpleGet("/app/other", port));
            answer(cacheable("not cached"), 0);
            assertTrue(client.readResponse().endsWith("not cached"));

            assertEquals(0, server.api.HttpFlushResponseCache(server.queue, "http://localhost:" + port + "/app/",
                    Http.HTTP_FLUSH_RESPONSE_FLAG_RECURSIVE, 0));
            client.send(RawClient.simpleGet("/app/c", port));
            answer(cacheable("fresh"), 0);
            assertTrue(client.readResponse().endsWith("fresh"));
        }
    }

    @Test
    void aRangeRequestForACachedEntryGetsTheRangeWithTheKernelsLength() {
        int port = server.addLocalhostUrl("/app/");
        try (RawClient client = new RawClient(port)) {
            client.send(RawClient.simpleGet("/app/r", port));
            answer(cacheable(BODY), 60);
            client.readResponse();
            client.send("GET /app/r HTTP/1.1\r\nHost: localhost:" + port + "\r\nRange: bytes=0-10\r\n\r\n");
            String partial = client.readResponse();
            assertTrue(partial.startsWith("HTTP/1.1 206 Partial Content\r\n"), partial);
            assertEquals(List.of("Content-Length: 11"), lines(partial, "Content-Length"));
            assertEquals(List.of("Content-Range: bytes 0-10/20"), lines(partial, "Content-Range"));
            assertEquals(List.of("Accept-Ranges: bytes"), lines(partial, "Accept-Ranges"));
            assertEquals(BODY.substring(0, 11), body(partial));
            client.send("GET /app/r HTTP/1.1\r\nHost: localhost:" + port + "\r\nRange: bytes=-4\r\n\r\n");
            String suffix = client.readResponse();
            assertEquals(List.of("Content-Range: bytes 16-19/20"), lines(suffix, "Content-Range"));
            assertEquals("ghij", body(suffix));
            assertQueueEmpty();
        }
    }

    @Test
    void anApplicationContentLengthInTheEntryIsSentBesideTheKernelsOnRangeRequests() {
        // aspnet/HttpSysServer#167, dotnet/corefx#5073: the transport must not leave its own in a cached response.
        int port = server.addLocalhostUrl("/app/");
        try (RawClient client = new RawClient(port)) {
            client.send(RawClient.simpleGet("/app/two", port));
            answer(cacheable(BODY).known(Http.HttpHeaderContentLength, "20"), 60);
            assertEquals(List.of("Content-Length: 20"), lines(client.readResponse(), "Content-Length"));
            client.send(RawClient.simpleGet("/app/two", port));
            assertEquals(List.of("Content-Length: 20"), lines(client.readResponse(), "Content-Length"),
                    "a whole cached response has one");
            client.send("GET /app/two HTTP/1.1\r\nHost: localhost:" + port + "\r\nRange: bytes=0-10\r\n\r\n");
            String head = client.readHead();
            assertEquals(List.of("Content-Length: 20", "Content-Length: 11"), lines(head + "\r\n\r\n",
                    "Content-Length"));
        }
    }

    @Test
    void rangeAndIfRangeRequestsAreNotCachedAndOddRangesReachTheApplication() {
        int port = server.addLocalhostUrl("/app/");
        try (RawClient client = new RawClient(port)) {
            client.send("GET /app/p HTTP/1.1\r\nHost: localhost:" + port + "\r\nRange: bytes=0-1\r\n\r\n");
            answer(cacheable("whole"), 60);
            client.readResponse();
            client.send(RawClient.simpleGet("/app/p", port));
            answer(cacheable("cached now"), 60);
            assertTrue(client.readResponse().endsWith("cached now"), "the Range request's response was not cached");

            for (String range : List.of("Range: bytes=0-1,4-5", "Range: bytes=50-60", "Range: lines=1-2",
                    "Range: bytes=0-1\r\nIf-Range: \"v1\"")) {
                client.send("GET /app/p HTTP/1.1\r\nHost: localhost:" + port + "\r\n" + range + "\r\n\r\n");
                answer(cacheable("from the application"), 0);
                assertTrue(client.readResponse().endsWith("from the application"), range);
            }
            client.send(RawClient.simpleGet("/app/p", port));
            assertTrue(client.readResponse().endsWith("cached now"), "the entry is still there");
        }
    }

    @Test
    void requestsWithAQueryStringAreNotCached() {
        int port = server.addLocalhostUrl("/app/");
        try (RawClient client = new RawClient(port)) {
            client.send(RawClient.simpleGet("/app/q?x=1", port));
            answer(cacheable("first"), 60);
            client.readResponse();
            client.send(RawClient.simpleGet("/app/q?x=1", port));
            answer(cacheable("second"), 0);
            assertTrue(client.readResponse().endsWith("second"));
            client.send(RawClient.simpleGet("/app/q", port));
            answer(cacheable("no query"), 0);
            assertTrue(client.readResponse().endsWith("no query"), "nor was it stored under the path alone");
        }
    }

    @Test
    void responsesOverUriMaxUriBytesAreNotCachedAndOnesWithinAre() {
        int port = server.addLocalhostUrl("/app/");
        try (RawClient client = new RawClient(port)) {
            // UriMaxUriBytes (default 256 KB) bounds the whole response, head and body.
            client.send(RawClient.simpleGet("/app/big", port));
            answer(cacheable("x".repeat(256 * 1024)), 60);
            client.readResponse();
            client.send(RawClient.simpleGet("/app/big", port));
            answer(cacheable("small now"), 0);
            assertTrue(client.readResponse().endsWith("small now"), "the 256 KB body plus its head was not cached");

            client.send(RawClient.simpleGet("/app/fits", port));
            answer(cacheable("y".repeat(255 * 1024)), 60);
            client.readResponse();
            client.send(RawClient.simpleGet("/app/fits", port));
            assertEquals(255 * 1024, body(client.readResponse()).length());
            assertQueueEmpty();
        }
    }

    @Test
    void responsesHttpSysWillNotCache() {
        int port = server.addLocalhostUrl("/app/");
        try (RawClient client = new RawClient(port)) {
            ResponseBuilder noContentType = new ResponseBuilder(arena)
                    .known(Http.HttpHeaderCacheControl, "public, max-age=60").body("untyped");
            ResponseBuilder bigHead = cacheable("big head").header("X-Padding", "p".repeat(1024));
            ResponseBuilder partial = cacheable("partial").status(206, "Partial Content")
                    .known(Http.HttpHeaderContentRange, "bytes 0-6/100");
            ResponseBuilder badDate = cacheable("bad date").known(Http.HttpHeaderLastModified, "yesterday");
            List<ResponseBuilder> refused = List.of(noContentType, bigHead, partial, badDate);
            for (int i = 0; i < refused.size(); i++) {
                client.send(RawClient.simpleGet("/app/n" + i, port));
                answer(refused.get(i), 60);
                client.readResponse();
                client.send(RawClient.simpleGet("/app/n" + i, port));
                answer(cacheable("again"), 0);
                assertTrue(client.readResponse().endsWith("again"), "response " + i + " was not cached");
            }
        }
    }

    @Test
    void requestsTheCacheDoesNotAnswer() {
        int port = server.addLocalhostUrl("/app/");
        try (RawClient client = new RawClient(port)) {
            client.send(RawClient.simpleGet("/app/s", port));
            answer(cacheable("cached"), 60);
            client.readResponse();
            for (String request : List.of(
                    "GET /app/s HTTP/1.1\r\nHost: localhost:" + port + "\r\nAuthorization: Basic eDp5\r\n\r\n",
                    "GET /app/s HTTP/1.1\r\nHost: localhost:" + port + "\r\nTranslate: f\r\n\r\n",
                    "HEAD /app/s HTTP/1.1\r\nHost: localhost:" + port + "\r\n\r\n",
                    "GET /app/s HTTP/1.1\r\nHost: localhost:" + port + "\r\nContent-Length: 1\r\n\r\nb")) {
                client.send(request);
                answer(cacheable("application"), 0);
                String response = request.startsWith("HEAD") ? client.readHead() : client.readResponse();
                assertTrue(request.startsWith("HEAD") || response.endsWith("application"), request);
            }
        }
    }

    @Test
    void userInvalidatesEntriesStayUntilFlushedAndFlushesAreScoped() {
        int port = server.addLocalhostUrl("/app/");
        try (RawClient client = new RawClient(port)) {
            for (String path : List.of("/app/a", "/app/dir/b")) {
                client.send(RawClient.simpleGet(path, port));
                answer(cacheable("cached " + path), Http.HttpCachePolicyUserInvalidates, 0);
                client.readResponse();
            }
            // The prefix must be one registered for this queue, or under one (HttpFlushResponseCache docs).
            assertEquals(WinError.ERROR_INVALID_PARAMETER, server.api.HttpFlushResponseCache(server.queue,
                    "http://localhost:" + port + "/other/", 0, 0));
            assertEquals(WinError.ERROR_INVALID_PARAMETER, server.api.HttpFlushResponseCache(server.queue,
                    "http://localhost:" + (port == 1 ? 2 : port - 1) + "/app/", 0, 0));
            // Not recursive: only the URL itself.
            assertEquals(0, server.api.HttpFlushResponseCache(server.queue, "http://localhost:" + port + "/app/",
                    0, 0));
            client.send(RawClient.simpleGet("/app/a", port));
            assertTrue(client.readResponse().endsWith("cached /app/a"));
            assertEquals(0, server.api.HttpFlushResponseCache(server.queue,
                    "http://localhost:" + port + "/app/a", 0, 0));
            client.send(RawClient.simpleGet("/app/dir/b", port));
            assertTrue(client.readResponse().endsWith("cached /app/dir/b"));
            client.send(RawClient.simpleGet("/app/a", port));
            answer(cacheable("a again"), 0);
            assertTrue(client.readResponse().endsWith("a again"));
            assertEquals(0, server.api.HttpFlushResponseCache(server.queue, "http://localhost:" + port + "/app/",
                    Http.HTTP_FLUSH_RESPONSE_FLAG_RECURSIVE, 0));
            client.send(RawClient.simpleGet("/app/dir/b", port));
            answer(cacheable("b again"), 0);
            assertTrue(client.readResponse().endsWith("b again"));
        }
    }
}
