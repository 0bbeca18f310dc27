package io.netty.contrib.httpsys.nativeapi.conformance;

import io.netty.contrib.httpsys.nativeapi.Http;
import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.WinError;
import io.netty.contrib.httpsys.nativeapi.struct.HttpRequestV2;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Behaviours section 5 (the response on the wire), after the response halves of Wine's {@code test_v1_entity_body}:
 * the kernel's Content-Length and Date, an application Content-Length kept as given, and MORE_DATA followed by
 * {@code HttpSendResponseEntityBody} with no framing added. Each test answers Wine's {@code post_req} on one
 * keep-alive connection and reads the response byte for byte.
 */
@ExtendWith(WineHttpInitialize.class)
@Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class WineResponseWireTest {

    private static final int BUFFER = 4096;
    private static final int QUIET_MS = 200;

    private WineV2Server server;
    private RawClient client;
    private long req;

    @BeforeEach
    @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void setUp() {
        server = new WineV2Server();
        int port = WineUrls.addUrlV2(server.api, server.group, "/");
        client = new RawClient(port);
        req = server.arena.allocate(BUFFER);
        client.send(WineExchange.postReq(port));
        assertEquals(0, server.api.HttpReceiveHttpRequest(server.queue, Http.HTTP_NULL_ID, 0, req, BUFFER, 0, 0));
    }

    @AfterEach
    @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void tearDown() {
        client.close();
        server.close();
    }

    private ResponseBuilder teapot() {
        return new ResponseBuilder(server.arena).status(418, "I'm a teapot");
    }

    @Test
    void theKernelAddsContentLengthAndDate() {
        long requestId = HttpRequestV2.requestId(req);
        assertEquals(0, server.api.HttpSendHttpResponse(server.queue, requestId, 0, teapot().body("pong", "pang").build(),
                0, 0, 0, 0, 0, 0));
        WineWireResponse wire = WineWireResponse.read(client, -1);
        assertEquals("HTTP/1.1 418 I'm a teapot", wire.statusLine());
        assertEquals(List.of("8"), wire.values("Content-Length"));
        assertTrue(wire.headerLines().contains("Content-Length: 8"), "Content-Length line in " + wire.headerLines());
        wire.assertKernelDate();
        assertEquals("pongpang", wire.body());
        WineWireResponse.assertNothingMore(client, QUIET_MS);
        assertEquals(WinError.ERROR_CONNECTION_INVALID,
                server.api.HttpReceiveHttpRequest(server.queue, requestId, 0, req, BUFFER, 0, 0));
    }

    @Test
    void anApplicationContentLengthIsKeptButItsDateIsReplaced() {
        long response = teapot().known(Http.HttpHeaderContentLength, "6").known(Http.HttpHeaderDate, "yesteryear")
                .body("pong", "pang").build();
        assertEquals(0, server.api.HttpSendHttpResponse(server.queue, HttpRequestV2.requestId(req), 0, response,
                0, 0, 0, 0, 0, 0));
        WineWireResponse wire = WineWireResponse.read(client, 8);
        assertEquals("HTTP/1.1 418 I'm a teapot", wire.statusLine());
        assertEquals(List.of("6"), wire.values("Content-Length"));
        assertFalse(String.join("\n", wire.headerLines()).contains("yesteryear"), "app Date sent: " + wire.headerLines());
        wire.assertKernelDate();
        assertEquals("pongpang", wire.body(), "the kernel neither truncates nor checks the body");
        WineWireResponse.assertNothingMore(client, QUIET_MS);
    }

    @Test
    void moreDataThenEntityBodySendsTheBodyUnframed() {
        try (NativeArena arena = new NativeArena()) {
            long bytesSent = arena.allocate(4);
            long fooBar = ResponseBuilder.memoryChunks(arena, "foo", "bar");
            assertEquals(WinError.ERROR_CONNECTION_INVALID, server.api.HttpSendResponseEntityBody(server.queue,
                    Http.HTTP_NULL_ID, 0, (short) 2, fooBar, 0, 0, 0, 0, 0));

            long requestId = HttpRequestV2.requestId(req);
            assertEquals(0, server.api.HttpSendHttpResponse(server.queue, requestId, Http.HTTP_SEND_RESPONSE_FLAG_MORE_DATA,
                    teapot().body("pong", "pang").build(), 0, 0, 0, 0, 0, 0));
            assertEquals(0, server.api.HttpSendResponseEntityBody(server.queue, requestId,
                    Http.HTTP_SEND_RESPONSE_FLAG_MORE_DATA, (short) 0, 0, 0, 0, 0, 0, 0));
            NativeAccess.putInt(bytesSent, 0xdeadbeef);
            assertEquals(0, server.api.HttpSendResponseEntityBody(server.queue, requestId, 0, (short) 2, fooBar,
                    bytesSent, 0, 0, 0, 0));
            assertEquals(6, NativeAccess.getInt(bytesSent));

            WineWireResponse wire = WineWireResponse.read(client, "pongpangfoobar".length());
            assertEquals("HTTP/1.1 418 I'm a teapot", wire.statusLine());
            assertEquals(List.of(), wire.values("Content-Length"), "no Content-Length with MORE_DATA");
            assertEquals(List.of(), wire.values("Transfer-Encoding"), "no chunked framing added");
            wire.assertKernelDate();
            assertEquals("pongpangfoobar", wire.body());
            WineWireResponse.assertNothingMore(client, QUIET_MS);

            assertEquals(WinError.ERROR_CONNECTION_INVALID,
                    server.api.HttpReceiveHttpRequest(server.queue, requestId, 0, req, BUFFER, 0, 0));
        }
    }
}
