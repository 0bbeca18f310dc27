package io.netty.contrib.httpsys;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A {@code 101 Switching Protocols} cannot switch anything on this transport yet (HTTP.SYS needs opaque mode for
 * that): the client is answered {@code 501 Not Implemented} at once, and the write of the 101 fails with an
 * exception that says upgrades are not supported.
 */
@ExtendWith(LeakCheck.class)
@Timeout(60)
class UpgradeRefusalTest {

    /** A handler that answers the upgrade itself, as a hand-written WebSocket or h2c handshake does. */
    @Test
    void switchingProtocolsIsAnswered501AndItsWriteFailsNamingTheMissingSupport() throws Exception {
        CompletableFuture<ChannelFuture> written = new CompletableFuture<>();
        try (TestServer server = TestServer.start(ch -> ch.pipeline().addLast(
                new SimpleChannelInboundHandler<FullHttpRequest>() {
                    @Override
                    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
                        FullHttpResponse upgrade = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                                HttpResponseStatus.SWITCHING_PROTOCOLS, Unpooled.EMPTY_BUFFER);
                        upgrade.headers().set(HttpHeaderNames.UPGRADE, "h2c")
                                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.UPGRADE);
                        ctx.writeAndFlush(upgrade).addListener((ChannelFutureListener) written::complete);
                    }
                }))) {
            RawHttpClient client = server.rawClient();
            client.send("GET / HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\nConnection: Upgrade, HTTP2-Settings"
                    + "\r\nUpgrade: h2c\r\nHTTP2-Settings: AAMAAABkAAQAoAAAAAIAAAAA\r\n\r\n");
            RawHttpClient.Response response = client.read();
            assertEquals(501, response.status);
            assertTrue(client.isClosedByServer(), "the connection ends after the refusal");
            assertUpgradeUnsupported(written.get(10, TimeUnit.SECONDS).cause());
        }
    }

    /**
     * Netty's own WebSocketServerProtocolHandler, with the JDK's WebSocket client doing the handshake. Its
     * handshaker looks for HttpServerCodec and fails before it writes the 101; the exception reaches the end of
     * the pipeline, and the client gets the same 501 with a log line that names the real reason.
     */
    @Test
    void webSocketHandshakeThroughNettysHandlerIsRefusedNotLeftHanging() throws Exception {
        try (LogCapture log = LogCapture.of(HttpSysRequestChannel.class);
             TestServer server = TestServer.start(ch -> ch.pipeline().addLast(
                new WebSocketServerProtocolHandler("/ws"),
                new SimpleChannelInboundHandler<TextWebSocketFrame>() {
                    @Override
                    protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame frame) {
                        ctx.writeAndFlush(frame.retain());
                    }
                }))) {
            CompletableFuture<WebSocket> handshake = HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(URI.create("ws://127.0.0.1:" + server.port() + "/ws"), new WebSocket.Listener() { });
            ExecutionException refused = assertThrows(ExecutionException.class,
                    () -> handshake.get(10, TimeUnit.SECONDS));
            WebSocketHandshakeException rejected = assertInstanceOf(WebSocketHandshakeException.class,
                    refused.getCause());
            assertEquals(501, rejected.getResponse().statusCode());
            log.awaitWarning("does not support yet");
        }
    }

    private static void assertUpgradeUnsupported(Throwable cause) {
        assertInstanceOf(UnsupportedOperationException.class, cause);
        assertTrue(cause.getMessage().contains("upgrades") && cause.getMessage().contains("not supported"),
                cause.getMessage());
    }
}
