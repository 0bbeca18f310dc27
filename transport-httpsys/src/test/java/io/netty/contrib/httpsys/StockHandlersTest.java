package io.netty.contrib.httpsys;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContentCompressor;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerExpectContinueHandler;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.cors.CorsConfigBuilder;
import io.netty.handler.codec.http.cors.CorsHandler;
import io.netty.util.CharsetUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Netty's stock HTTP server handlers, unmodified, in front of an application handler on this transport: they must
 * behave as they do behind {@code HttpServerCodec} on a socket transport.
 */
@ExtendWith(LeakCheck.class)
@Timeout(60)
class StockHandlersTest {

    /** Writes a keep-alive friendly response and leaves closing to whoever decides it (no CLOSE listener). */
    static final class TextHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
        private final String text;

        TextHandler(String text) {
            this.text = text;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                    Unpooled.copiedBuffer(text, CharsetUtil.UTF_8));
            HttpUtil.setContentLength(response, response.content().readableBytes());
            HttpUtil.setKeepAlive(response, HttpUtil.isKeepAlive(request));
            ctx.writeAndFlush(response);
        }
    }

    @Test
    void httpServerKeepAliveHandler() throws Exception {
        try (TestServer server = TestServer.start(ch -> ch.pipeline().addLast(new HttpServerKeepAliveHandler(),
                new TextHandler("kept")))) {
            RawHttpClient client = server.rawClient();
            for (int i = 0; i < 2; i++) {
                client.send("GET /k HTTP/1.1\r\nHost: a\r\n\r\n");
                RawHttpClient.Response response = client.read();
                assertEquals("kept", response.bodyText());
                assertNull(response.header("connection"));
            }
            client.send("GET /k HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");
            assertEquals("kept", client.read().bodyText());
            assertTrue(client.isClosedByServer());
        }
    }

    @Test
    void httpServerExpectContinueHandler() throws Exception {
        try (TestServer server = TestServer.start(ch -> ch.pipeline().addLast(new HttpServerExpectContinueHandler(),
                new RequestResponseTest.EchoHandler()))) {
            RawHttpClient client = server.rawClient();
            client.send("POST /x HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nExpect: 100-continue\r\n\r\n");
            assertEquals(100, client.read().status);
            client.send("abc");
            assertEquals("POST /x abc", client.read().bodyText());
        }
    }

    @Test
    void httpContentCompressor() throws Exception {
        String text = "compress me, ".repeat(2000);
        try (TestServer server = TestServer.start(ch -> ch.pipeline().addLast(new HttpContentCompressor(),
                new TextHandler(text)))) {
            RawHttpClient client = server.rawClient();
            client.send("GET /z HTTP/1.1\r\nHost: a\r\nAccept-Encoding: gzip\r\n\r\n");
            RawHttpClient.Response response = client.read();
            assertEquals("gzip", response.header("content-encoding"));
            assertTrue(response.body.length < text.length() / 10, "compressed: " + response.body.length);
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(response.body))) {
                assertEquals(text, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            // The connection is still usable: the compressed body was framed correctly.
            client.send("GET /z HTTP/1.1\r\nHost: a\r\n\r\n");
            assertEquals(text, client.read().bodyText());
        }
    }

    @Test
    void corsHandler() throws Exception {
        try (TestServer server = TestServer.start(ch -> ch.pipeline().addLast(
                new CorsHandler(CorsConfigBuilder.forOrigin("http://example.com")
                        .allowedRequestMethods(HttpMethod.GET, HttpMethod.PUT).build()),
                new TextHandler("cors")))) {
            RawHttpClient client = server.rawClient();
            client.send("OPTIONS /c HTTP/1.1\r\nHost: a\r\nOrigin: http://example.com\r\n"
                    + "Access-Control-Request-Method: PUT\r\n\r\n");
            RawHttpClient.Response preflight = client.read();
            assertEquals(200, preflight.status);
            assertEquals("http://example.com", preflight.header("access-control-allow-origin"));
            assertTrue(preflight.header("access-control-allow-methods").contains("PUT"));
            client.send("GET /c HTTP/1.1\r\nHost: a\r\nOrigin: http://example.com\r\n\r\n");
            RawHttpClient.Response actual = client.read();
            assertEquals("cors", actual.bodyText());
            assertEquals("http://example.com", actual.header("access-control-allow-origin"));
        }
    }

    @Test
    void plainHandlerThatWritesAndCloses() throws Exception {
        try (TestServer server = TestServer.start(ch -> ch.pipeline().addLast(new RequestResponseTest.EchoHandler()))) {
            HttpResponse<String> response = RequestResponseTest.client().send(
                    HttpRequest.newBuilder(server.uri("/plain")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals("GET /plain ", response.body());
        }
    }
}
