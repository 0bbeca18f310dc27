package io.netty.contrib.httpsys.nativeapi.conformance;

import io.netty.contrib.httpsys.nativeapi.Http;
import io.netty.contrib.httpsys.nativeapi.struct.HttpCachePolicy;
import io.netty.contrib.httpsys.nativeapi.struct.HttpRequestV2;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Behaviours section 9: the kernel response cache (HttpCachePolicyTimeToLive, HttpFlushResponseCache). The timers
 * are in {@link TimersAndQosTest}.
 */
@Timeout(60)
class ResponseCacheAndTimeoutsTest extends ServerTestBase {

    private static final int BUFFER = 2048;

    /** Receives the next request (synchronously) and answers it with {@code body}, cached for {@code ttl} s. */
    private void answer(String body, int ttl) {
        long buffer = arena.allocate(BUFFER);
        assertEquals(0, server.api.HttpReceiveHttpRequest(server.queue, 0, 0, buffer, BUFFER, 0, 0));
        long policy = 0;
        if (ttl > 0) {
            policy = arena.allocate(HttpCachePolicy.SIZE);
            HttpCachePolicy.setPolicy(policy, Http.HttpCachePolicyTimeToLive);
            HttpCachePolicy.setSecondsToLive(policy, ttl);
        }
        long response = new ResponseBuilder(arena).known(Http.HttpHeaderCacheControl, "public, max-age=60")
                .body(body).build();
        assertEquals(0, server.api.HttpSendHttpResponse(server.queue, HttpRequestV2.requestId(buffer), 0, response,
                policy, 0, 0, 0, 0, 0));
    }

    @Test
    void cachedResponsesAreServedByTheKernelUntilFlushed() {
        int port = server.addLocalhostUrl("/app/");
        try (RawClient client = new RawClient(port)) {
            client.send(RawClient.simpleGet("/app/c", port));
            answer("from the application", 60);
            String first = client.readResponse();
            assertTrue(first.endsWith("from the application"));
            client.send(RawClient.simpleGet("/app/c", port));
            String second = client.readResponse();
            assertTrue(second.startsWith("HTTP/1.1 200"), second);
            assertEquals(first.substring(first.indexOf("\r\n\r\n")), second.substring(second.indexOf("\r\n\r\n")),
                    "the cached body");
            assertQueueEmpty();
            // The connection stays open after a cache hit.
            client.send(RawClient.simpleGet("/app/other", port));
            answer("not cached", 0);
            assertTrue(client.readResponse().endsWith("not cached"));

            assertEquals(0, server.api.HttpFlushResponseCache(server.queue, "http://localhost:" + port + "/app/",
                    Http.HTTP_FLUSH_RESPONSE_FLAG_RECURSIVE, 0));
            client.send(RawClient.simpleGet("/app/c", port));
            answer("fresh", 0);
            assertTrue(client.readResponse().endsWith("fresh"));
        }
    }
}
