package io.netty.contrib.httpsys;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Branches of the request channel and the response encoder that only unusual applications or clients reach: an
 * exception after the response started, a body over the limit without aggregation, a response that is not cached
 * because it closes the connection, trailers that have no place in a response with a {@code Content-Length}.
 */
@ExtendWith(LeakCheck.class)
class ErrorPathTest {

    private static String text(RawHttpClient.Response response) {
        return response.status + " " + response.bodyText();
    }

    private static FullHttpResponse ok(String body) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                Unpooled.copiedBuffer(body, StandardCharsets.US_ASCII));
        response.headers().set(HttpHeaderNames.CONTENT_LENGTH, body.length());
        return response;
    }

    @Test
    void anExceptionAfterTheResponseStartedAbortsTheRequestAndTheServerGoesOn() throws Exception {
        try (TestServer server = TestServer.start(ch -> ch.pipeline().addLast(
                new SimpleChannelInboundHandler<FullHttpRequest>() {
                    @Override
                    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
                        if (request.uri().equals("/after")) {
                            ctx.writeAndFlush(ok("after"));
                            return;
                        }
                        ctx.writeAndFlush(new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK));
                        ctx.writeAndFlush(new DefaultHttpContent(
                                Unpooled.copiedBuffer("partial", StandardCharsets.US_ASCII)));
                        ctx.fireExceptionCaught(new IllegalStateException("failed halfway through the response"));
                    }
                }))) {
            RawHttpClient client = server.rawClient();
            client.send("GET /broken HTTP/1.1\r\nHost: a\r\n\r\n");
            // The head went out (chunked); the body never ends: a 500 is too late, the request is dropped.
            client.expectClosedWithoutResponse();
            RawHttpClient next = server.rawClient();
            next.send("GET /after HTTP/1.1\r\nHost: a\r\n\r\n");
            assertEquals("200 after", text(next.read()));
        }
    }

    @Test
    void aBodyOverTheLimitWithoutAggregationDropsTheRequestTheHandlerAlreadySaw() throws Exception {
        CountDownLatch headSeen = new CountDownLatch(1);
        AtomicBoolean lastSeen = new AtomicBoolean();
        @ChannelHandler.Sharable
        final class Streaming extends ChannelInboundHandlerAdapter {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                if (msg instanceof HttpRequest) {
                    headSeen.countDown();
                }
                if (msg instanceof LastHttpContent) {
                    lastSeen.set(true);
                    ctx.writeAndFlush(ok("whole"));
                }
                ReferenceCountUtil.release(msg);
            }
        }
        Streaming handler = new Streaming();
        try (TestServer server = TestServer.builder()
                .option(HttpSysChannelOption.AGGREGATE, false)
                .option(HttpSysChannelOption.MAX_REQUEST_BODY_SIZE, 1000L)
                .pipeline(ch -> ch.pipeline().addLast(handler)).start()) {
            RawHttpClient client = server.rawClient();
            // Chunked, so the limit cannot be seen from the head, and the first piece is under it.
            client.send("POST /big HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n1f4\r\n"
                    + "a".repeat(500) + "\r\n");
            assertTrue(headSeen.await(10, TimeUnit.SECONDS));
            client.send("fa0\r\n" + "b".repeat(4000) + "\r\n0\r\n\r\n");
            // The handler has seen the head: a 413 cannot replace what it may already have answered.
            client.expectClosedWithoutResponse();
            assertFalse(lastSeen.get(), "the handler got the end of a body over the limit");
            RawHttpClient next = server.rawClient();
            next.send("POST /small HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nsmall");
            assertEquals("200 whole", text(next.read()));
        }
    }

    @Test
    void aResponseThatClosesTheConnectionIsNotCached() throws Exception {
        AtomicInteger handled = new AtomicInteger();
        @ChannelHandler.Sharable
        final class Cacheable extends SimpleChannelInboundHandler<FullHttpRequest> {
            @Override
            protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
                FullHttpResponse response = ok("n" + handled.incrementAndGet());
                // Content-Type: HTTP.SYS caches nothing without one (since Windows 8).
                response.headers().set(HttpHeaderNames.CACHE_CONTROL, "public, max-age=60")
                        .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.TEXT_PLAIN);
                if (request.uri().startsWith("/closing")) {
                    response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
                }
                ctx.writeAndFlush(response);
            }
        }
        Cacheable handler = new Cacheable();
        try (TestServer server = TestServer.builder()
                .option(HttpSysChannelOption.ENABLE_RESPONSE_CACHING, true)
                .pipeline(ch -> ch.pipeline().addLast(handler)).start()) {
            // The control: the same response without Connection: close ends up served from the kernel's cache
            // (HTTP.SYS may want a second hit before it caches).
            List<String> kept = threeGets(server, "/kept");
            assertEquals(kept.get(1), kept.get(2), "the control was never cached: " + kept);
            // HTTP.SYS would serve a cached copy without the disconnect: the transport does not cache it.
            List<String> closing = threeGets(server, "/closing");
            assertEquals(3, new HashSet<>(closing).size(), "a response that closes its connection was cached: "
                    + closing);
        }
    }

    private static List<String> threeGets(TestServer server, String path) throws IOException {
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            answers.add(text(get(server, path)));
        }
        return answers;
    }

    private static RawHttpClient.Response get(TestServer server, String path) throws IOException {
        RawHttpClient client = server.rawClient();
        client.send("GET " + path + " HTTP/1.1\r\nHost: a\r\n\r\n");
        return client.read();
    }

    @Test
    void trailersOfAResponseWithAContentLengthAreDroppedAndTheConnectionStaysUsable() throws Exception {
        @ChannelHandler.Sharable
        final class WithTrailers extends SimpleChannelInboundHandler<FullHttpRequest> {
            @Override
            protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
                HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
                head.headers().set(HttpHeaderNames.CONTENT_LENGTH, 5);
                LastHttpContent last = new DefaultLastHttpContent(
                        Unpooled.copiedBuffer("hello", StandardCharsets.US_ASCII));
                last.trailingHeaders().set("X-Checksum", "abc");
                ctx.write(head);
                ctx.writeAndFlush(last);
            }
        }
        WithTrailers handler = new WithTrailers();
        try (TestServer server = TestServer.start(ch -> ch.pipeline().addLast(handler))) {
            RawHttpClient client = server.rawClient();
            for (int i = 0; i < 2; i++) {
                client.send("GET /t HTTP/1.1\r\nHost: a\r\n\r\n");
                RawHttpClient.Response response = client.read();
                assertEquals("200 hello", text(response));
                assertNull(response.header("X-Checksum"));
            }
        }
    }
}
