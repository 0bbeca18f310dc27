package io.netty.contrib.httpsys;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelProgressiveFuture;
import io.netty.channel.ChannelProgressiveFutureListener;
import io.netty.channel.ChannelProgressivePromise;
import io.netty.channel.DefaultFileRegion;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.UnsupportedMessageTypeException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpChunkedInput;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.stream.ChunkedFile;
import io.netty.handler.stream.ChunkedWriteHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Netty idioms that handlers written for NIO rely on, end to end over real sockets: they must behave here as they
 * do there.
 */
@ExtendWith(LeakCheck.class)
@Timeout(60)
class NettyIdiomsTest {

    @TempDir
    Path directory;

    /** {@code writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(CLOSE)} after an unflushed response (Netty's snoop). */
    @Test
    void emptyBufferWriteIsAFlushWhosePromiseSucceedsAfterTheResponse() throws Exception {
        CompletableFuture<ChannelFuture> flushed = new CompletableFuture<>();
        try (TestServer server = TestServer.start(ch -> ch.pipeline().addLast(
                new SimpleChannelInboundHandler<FullHttpRequest>() {
                    @Override
                    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
                        ctx.write(text("hello"));
                        ctx.writeAndFlush(Unpooled.EMPTY_BUFFER)
                                .addListener((ChannelFutureListener) flushed::complete)
                                .addListener(ChannelFutureListener.CLOSE);
                    }
                }))) {
            java.net.http.HttpResponse<String> response = RequestResponseTest.get(server, "/");
            assertEquals(200, response.statusCode());
            assertEquals("hello", response.body());
            ChannelFuture flush = flushed.get(10, TimeUnit.SECONDS);
            assertTrue(flush.isSuccess(), () -> "the empty buffer's write failed: " + flush.cause());
        }
    }

    /** Only an empty buffer is a flush: bytes still fail, with the message that says what to remove. */
    @Test
    void nonEmptyRawBufferStillFailsWithTheCodecAdvice() throws Exception {
        CompletableFuture<ChannelFuture> raw = new CompletableFuture<>();
        try (TestServer server = TestServer.start(ch -> ch.pipeline().addLast(
                new SimpleChannelInboundHandler<FullHttpRequest>() {
                    @Override
                    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
                        ctx.writeAndFlush(Unpooled.copiedBuffer("raw", StandardCharsets.US_ASCII))
                                .addListener((ChannelFutureListener) raw::complete);
                        ctx.writeAndFlush(text("answered"));
                    }
                }))) {
            java.net.http.HttpResponse<String> response = RequestResponseTest.get(server, "/");
            assertEquals("answered", response.body());
            Throwable cause = raw.get(10, TimeUnit.SECONDS).cause();
            assertInstanceOf(UnsupportedMessageTypeException.class, cause);
            assertTrue(cause.getMessage().contains("remove HttpServerCodec"), cause.getMessage());
        }
    }

    /** Netty's file server example: a progressive promise on a DefaultFileRegion reports the bytes sent. */
    @Test
    void progressivePromiseOnAFileRegionHearsProgressThenSucceeds() throws Exception {
        File file = file(3 * 1024 * 1024 + 17);
        Progress progress = new Progress();
        try (TestServer server = TestServer.start(ch -> ch.pipeline().addLast(
                new SimpleChannelInboundHandler<FullHttpRequest>() {
                    @Override
                    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
                        HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
                        HttpUtil.setContentLength(head, file.length());
                        ctx.write(head);
                        ctx.write(new DefaultFileRegion(file, 0, file.length()), progress.promise(ctx));
                        ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
                    }
                }))) {
            java.net.http.HttpResponse<byte[]> response = RequestResponseTest.client().send(
                    java.net.http.HttpRequest.newBuilder(server.uri("/")).build(), BodyHandlers.ofByteArray());
            assertEquals(file.length(), response.body().length);
            progress.assertCompleteAfterReaching(file.length());
        }
    }

    /** HttpChunkedInput through ChunkedWriteHandler: the handler reports progress chunk by chunk, as on NIO. */
    @Test
    void progressivePromiseOnAChunkedInputHearsProgressThenSucceeds() throws Exception {
        File file = file(1024 * 1024 + 5);
        Progress progress = new Progress();
        try (TestServer server = TestServer.start(ch -> ch.pipeline().addLast(new ChunkedWriteHandler(),
                new SimpleChannelInboundHandler<FullHttpRequest>() {
                    @Override
                    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) throws Exception {
                        HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
                        HttpUtil.setContentLength(head, file.length());
                        ctx.write(head);
                        ctx.writeAndFlush(new HttpChunkedInput(new ChunkedFile(file, 64 * 1024)),
                                progress.promise(ctx));
                    }
                }))) {
            java.net.http.HttpResponse<byte[]> response = RequestResponseTest.client().send(
                    java.net.http.HttpRequest.newBuilder(server.uri("/")).build(), BodyHandlers.ofByteArray());
            assertEquals(file.length(), response.body().length);
            progress.assertCompleteAfterReaching(file.length());
        }
    }

    /** As after HttpObjectAggregator, which answers the expectation and removes it; HTTP.SYS answered it here. */
    @Test
    void aggregatedRequestNoLongerCarriesTheContinueExpectation() throws Exception {
        try (TestServer server = TestServer.start(ch -> ch.pipeline().addLast(
                new SimpleChannelInboundHandler<FullHttpRequest>() {
                    @Override
                    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
                        ctx.writeAndFlush(text(request.headers().get(HttpHeaderNames.EXPECT, "none") + " "
                                + request.content().toString(StandardCharsets.US_ASCII)));
                    }
                }))) {
            assertEquals("none posted", postExpectingContinue(server));
        }
    }

    /** The streamed head keeps it, as HttpServerCodec alone does (HttpServerExpectContinueHandler removes it). */
    @Test
    void streamedRequestKeepsTheContinueExpectation() throws Exception {
        try (TestServer server = TestServer.builder().option(HttpSysChannelOption.AGGREGATE, false)
                .pipeline(ch -> ch.pipeline().addLast(new SimpleChannelInboundHandler<HttpObject>() {
                    private String expect;

                    @Override
                    protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) {
                        if (msg instanceof HttpRequest) {
                            expect = ((HttpRequest) msg).headers().get(HttpHeaderNames.EXPECT, "none");
                        }
                        if (msg instanceof LastHttpContent) {
                            ctx.writeAndFlush(text(expect + " posted"));
                        }
                    }
                })).start()) {
            assertEquals("100-continue posted", postExpectingContinue(server).toLowerCase(Locale.ROOT));
        }
    }

    /**
     * A bootstrap written for NIO sets socket options on every child; ServerBootstrap's acceptor would log
     * "Unknown channel option" for each, on every request. At most one line for the whole server instead.
     */
    @Test
    void socketChildOptionsAreAcceptedAndNotedOncePerServer() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                String message = String.valueOf(record.getMessage());
                if (message.contains("TCP_NODELAY") || message.contains("SO_KEEPALIVE")
                        || message.contains("channel option")) {
                    lines.add(record.getLevel() + " " + message);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        List<Logger> loggers = List.of(Logger.getLogger(ServerBootstrap.class.getName()),
                Logger.getLogger(HttpSysServerChannel.class.getName()));
        List<Level> levels = loggers.stream().map(Logger::getLevel).toList();
        loggers.forEach(logger -> {
            logger.setLevel(Level.ALL);
            logger.addHandler(capture);
        });
        HttpSysEventLoopGroup group = new HttpSysEventLoopGroup(1);
        try {
            int port = freePort();
            Channel server = bindWithChildOptions(group, port, ch -> ch.pipeline().addLast(
                    new SimpleChannelInboundHandler<FullHttpRequest>() {
                        @Override
                        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
                            ctx.writeAndFlush(text("ok"));
                        }
                    }));
            HttpClient client = RequestResponseTest.client();
            for (int i = 0; i < 20; i++) {
                java.net.http.HttpResponse<String> response = client.send(java.net.http.HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/" + i)).build(), BodyHandlers.ofString());
                assertEquals("ok", response.body());
            }
            server.close().sync();
        } finally {
            group.shutdownGracefully(0, 5, TimeUnit.SECONDS).sync();
            for (int i = 0; i < loggers.size(); i++) {
                loggers.get(i).removeHandler(capture);
                loggers.get(i).setLevel(levels.get(i));
            }
        }
        assertTrue(lines.size() <= 1, "log lines about child options over 20 requests: " + lines);
    }

    private static Channel bindWithChildOptions(HttpSysEventLoopGroup group, int port, Consumer<Channel> pipeline)
            throws Exception {
        ServerBootstrap bootstrap = new ServerBootstrap().group(group).channel(HttpSysServerChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        pipeline.accept(ch);
                    }
                });
        return bootstrap.bind(HttpSysAddress.ofPort(port)).sync().channel();
    }

    private static int freePort() throws Exception {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    private static String postExpectingContinue(TestServer server) throws Exception {
        java.net.http.HttpResponse<String> response = RequestResponseTest.client().send(
                java.net.http.HttpRequest.newBuilder(server.uri("/upload")).expectContinue(true)
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("posted")).build(),
                BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        return response.body();
    }

    private static FullHttpResponse text(String body) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.TEXT_PLAIN)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
        return response;
    }

    private File file(int size) throws Exception {
        byte[] content = new byte[size];
        new Random(size).nextBytes(content);
        return Files.write(directory.resolve("body-" + size + ".bin"), content).toFile();
    }

    /** Records what a progressive promise's listener hears, in order. */
    private static final class Progress implements ChannelProgressiveFutureListener {
        private final List<long[]> events = new CopyOnWriteArrayList<>();
        private final CompletableFuture<ChannelProgressiveFuture> done = new CompletableFuture<>();

        /** A progressive promise that this listens to from the start: a send may complete inside the write. */
        ChannelProgressivePromise promise(ChannelHandlerContext ctx) {
            ChannelProgressivePromise promise = ctx.newProgressivePromise();
            promise.addListener(this);
            return promise;
        }

        @Override
        public void operationProgressed(ChannelProgressiveFuture future, long progress, long total) {
            if (done.isDone()) {
                throw new AssertionError("progress after completion");
            }
            events.add(new long[] {progress, total});
        }

        @Override
        public void operationComplete(ChannelProgressiveFuture future) {
            done.complete(future);
        }

        void assertCompleteAfterReaching(long total) throws Exception {
            ChannelProgressiveFuture future = done.get(10, TimeUnit.SECONDS);
            assertTrue(future.isSuccess(), () -> "write failed: " + future.cause());
            assertTrue(!events.isEmpty(), "no progress event before completion");
            long[] last = events.get(events.size() - 1);
            assertEquals(total, last[0], "progress of the last event");
            for (long[] event : events) {
                assertTrue(event[0] <= total && (event[1] == total || event[1] == -1),
                        () -> "event " + event[0] + "/" + event[1]);
            }
        }
    }
}
