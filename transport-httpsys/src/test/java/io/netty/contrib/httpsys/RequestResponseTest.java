package io.netty.contrib.httpsys;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.DefaultFileRegion;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.contrib.httpsys.nativeapi.Http;
import io.netty.contrib.httpsys.nativeapi.HttpApi;
import io.netty.contrib.httpsys.nativeapi.HttpSysBackend;
import io.netty.contrib.httpsys.nativeapi.HttpSysException;
import io.netty.contrib.httpsys.nativeapi.WinError;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.CharsetUtil;
import io.netty.util.ReferenceCountUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.RandomAccessFile;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.CRC32;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Requests and responses end to end: real clients over loopback, the emulator, the whole transport. */
@ExtendWith(LeakCheck.class)
@Timeout(60)
class RequestResponseTest {

    /** Answers {@code METHOD URI BODY}, then closes the channel after the write, as most handlers do. */
    static final class EchoHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            String text = request.method() + " " + request.uri() + " " + request.content().toString(CharsetUtil.UTF_8);
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                    Unpooled.copiedBuffer(text, CharsetUtil.UTF_8));
            HttpUtil.setContentLength(response, response.content().readableBytes());
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain");
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }

    /** Answers {@code <length> <crc32>} of the request body, computed from whatever the pipeline delivers. */
    static final class BodyDigestHandler extends ChannelInboundHandlerAdapter {
        private final CRC32 crc = new CRC32();
        private long length;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            try {
                if (msg instanceof HttpContent) {
                    ByteBuf content = ((HttpContent) msg).content();
                    length += content.readableBytes();
                    crc.update(content.nioBuffer());
                }
                if (msg instanceof LastHttpContent) {
                    respond(ctx, HttpResponseStatus.OK, length + " " + crc.getValue());
                }
            } finally {
                ReferenceCountUtil.release(msg);
            }
        }
    }

    static ChannelFuture respond(ChannelHandlerContext ctx, HttpResponseStatus status, String text) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.copiedBuffer(text, CharsetUtil.UTF_8));
        HttpUtil.setContentLength(response, response.content().readableBytes());
        return ctx.writeAndFlush(response);
    }

    /** A server whose only handler is {@link EchoHandler}. */
    private static TestServer echoServer() throws Exception {
        return TestServer.start(ch -> ch.pipeline().addLast(new EchoHandler()));
    }

    static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    static HttpResponse<String> get(TestServer server, String path) throws Exception {
        return client().send(HttpRequest.newBuilder(server.uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String digest(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return bytes.length + " " + crc.getValue();
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new java.util.Random(size).nextBytes(bytes);
        return bytes;
    }

    @Test
    void getWithJdkClient() throws Exception {
        try (TestServer server = echoServer()) {
            HttpResponse<String> response = get(server, "/hello?x=1");
            assertEquals(200, response.statusCode());
            assertEquals("GET /hello?x=1 ", response.body());
            assertEquals("text/plain", response.headers().firstValue("content-type").orElse(null));
        }
    }

    @Test
    void keepAliveServesSeveralRequestsOnOneConnection() throws Exception {
        Queue<Long> connectionIds = new ConcurrentLinkedQueue<>();
        Queue<Long> requestIds = new ConcurrentLinkedQueue<>();
        try (TestServer server = TestServer.start(ch -> {
            HttpSysRequestInfo info = HttpSysServerChannel.requestInfo(ch);
            connectionIds.add(info.connectionId());
            requestIds.add(info.requestId());
            ch.pipeline().addLast(new EchoHandler());
        })) {
            HttpClient client = client();
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(server.uri("/" + i)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals("GET /" + i + " ", response.body());
            }
        }
        assertEquals(1, connectionIds.stream().distinct().count(), "one connection: " + connectionIds);
        assertEquals(3, requestIds.stream().distinct().count(), "three requests: " + requestIds);
    }

    @Test
    void channelAddressesAndRequestInfoComeFromTheRequest() throws Exception {
        try (TestServer server = TestServer.start(ch -> ch.pipeline().addLast(
                new SimpleChannelInboundHandler<FullHttpRequest>() {
                    @Override
                    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
                        java.net.InetSocketAddress remote = (java.net.InetSocketAddress) ctx.channel().remoteAddress();
                        java.net.InetSocketAddress local = (java.net.InetSocketAddress) ctx.channel().localAddress();
                        HttpSysRequestInfo info = HttpSysServerChannel.requestInfo(ctx.channel());
                        respond(ctx, HttpResponseStatus.OK, remote.getAddress().isLoopbackAddress() + " "
                                + remote.getPort() + " " + local.getPort() + " " + info.protocol() + " "
                                + info.isSecure() + " " + (ctx.channel().parent() instanceof HttpSysServerChannel));
                    }
                }))) {
            RawHttpClient client = server.rawClient();
            client.send("GET /who HTTP/1.1\r\nHost: a\r\n\r\n");
            assertEquals("true " + client.localPort() + " " + server.port() + " HTTP_1 false true",
                    client.read().bodyText());
        }
    }

    @Test
    void connectionCloseRequestClosesTheConnectionAfterTheResponse() throws Exception {
        try (TestServer server = echoServer()) {
            RawHttpClient client = server.rawClient();
            client.send("GET /bye HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            RawHttpClient.Response response = client.read();
            assertEquals(200, response.status);
            assertEquals("GET /bye ", response.bodyText());
            assertTrue(client.isClosedByServer());
        }
    }

    @Test
    void connectionCloseResponseDisconnects() throws Exception {
        try (TestServer server = TestServer.start(ch -> ch.pipeline().addLast(
                new SimpleChannelInboundHandler<FullHttpRequest>() {
                    @Override
                    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
                        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                                HttpResponseStatus.OK, Unpooled.copiedBuffer("last", CharsetUtil.UTF_8));
                        HttpUtil.setContentLength(response, 4);
                        response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
                        ctx.writeAndFlush(response);
                    }
                }))) {
            RawHttpClient client = server.rawClient();
            client.send("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n");
            RawHttpClient.Response response = client.read();
            assertEquals("last", response.bodyText());
            assertEquals("close", response.header("connection"));
            assertTrue(client.isClosedByServer());
        }
    }

    @Test
    void http10RequestIsAnsweredAndClosed() throws Exception {
        try (TestServer server = echoServer()) {
            RawHttpClient client = server.rawClient();
            client.send("GET /old HTTP/1.0\r\n\r\n");
            RawHttpClient.Response response = client.read();
            assertEquals(200, response.status);
            assertEquals("GET /old ", response.bodyText());
            assertTrue(client.isClosedByServer());
        }
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrder() throws Exception {
        try (TestServer server = TestServer.builder().threads(2)
                .pipeline(ch -> ch.pipeline().addLast(new EchoHandler())).start()) {
            RawHttpClient client = server.rawClient();
            client.send("GET /1 HTTP/1.1\r\nHost: a\r\n\r\nGET /2 HTTP/1.1\r\nHost: a\r\n\r\n"
                    + "POST /3 HTTP/1.1\r\nHost: a\r\nContent-Length: 4\r\n\r\nbody");
            assertEquals("GET /1 ", client.read().bodyText());
            assertEquals("GET /2 ", client.read().bodyText());
            assertEquals("POST /3 body", client.read().bodyText());
        }
    }

    @Test
    void headGetsHeadersWithoutBody() throws Exception {
        try (TestServer server = echoServer()) {
            RawHttpClient client = server.rawClient();
            client.send("HEAD /h HTTP/1.1\r\nHost: a\r\n\r\n");
            RawHttpClient.Response head = client.read(true);
            assertEquals(200, head.status);
            assertEquals(String.valueOf("HEAD /h ".length()), head.header("content-length"));
            // Had body bytes followed the head, this response would be garbage.
            client.send("GET /g HTTP/1.1\r\nHost: a\r\n\r\n");
            assertEquals("GET /g ", client.read().bodyText());
        }
    }

    @Test
    void smallPostBody() throws Exception {
        try (TestServer server = echoServer()) {
            HttpResponse<String> response = client().send(HttpRequest.newBuilder(server.uri("/p"))
                    .POST(HttpRequest.BodyPublishers.ofString("hello")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals("POST /p hello", response.body());
        }
    }

    @Test
    void tenMegabytePostAggregated() throws Exception {
        byte[] body = randomBytes(10 * 1024 * 1024);
        try (TestServer server = TestServer.start(ch -> ch.pipeline().addLast(new BodyDigestHandler()))) {
            // ofInputStream: unknown length, so the JDK client sends it chunked.
            HttpResponse<String> response = client().send(HttpRequest.newBuilder(server.uri("/big"))
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode());
            assertEquals(digest(body), response.body());
        }
    }

    @Test
    void tenMegabytePostStreamed() throws Exception {
        byte[] body = randomBytes(10 * 1024 * 1024);
        AtomicInteger contents = new AtomicInteger();
        try (TestServer server = TestServer.builder()
                .option(HttpSysChannelOption.AGGREGATE, false)
                .pipeline(ch -> ch.pipeline().addLast(new ChannelInboundHandlerAdapter() {
                    @Override
                    public void channelRead(ChannelHandlerContext ctx, Object msg) {
                        if (msg instanceof HttpContent) {
                            contents.incrementAndGet();
                        }
                        ctx.fireChannelRead(msg);
                    }
                }, new BodyDigestHandler())).start()) {
            HttpResponse<String> response = client().send(HttpRequest.newBuilder(server.uri("/big"))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode());
            assertEquals(digest(body), response.body());
        }
        assertTrue(contents.get() > 1, "the body arrived in pieces, not aggregated: " + contents.get());
    }

    @Test
    void streamedBodyWaitsForRead() throws Exception {
        AtomicReference<ChannelHandlerContext> context = new AtomicReference<>();
        CountDownLatch headSeen = new CountDownLatch(1);
        AtomicInteger contentsBeforeRead = new AtomicInteger();
        try (TestServer server = TestServer.builder()
                .option(HttpSysChannelOption.AGGREGATE, false)
                .pipeline(ch -> {
                    ch.config().setAutoRead(false);
                    ch.pipeline().addLast(new ChannelInboundHandlerAdapter() {
                        @Override
                        public void channelActive(ChannelHandlerContext ctx) {
                            ctx.read();
                        }

                        @Override
                        public void channelRead(ChannelHandlerContext ctx, Object msg) {
                            if (msg instanceof io.netty.handler.codec.http.HttpRequest) {
                                context.set(ctx);
                                headSeen.countDown();
                            } else {
                                contentsBeforeRead.incrementAndGet();
                            }
                            ctx.fireChannelRead(msg);
                        }
                    }, new BodyDigestHandler());
                }).start()) {
            RawHttpClient client = server.rawClient();
            byte[] body = randomBytes(300_000);
            client.send("POST /s HTTP/1.1\r\nHost: a\r\nContent-Length: " + body.length + "\r\n\r\n");
            client.send(body);
            assertTrue(headSeen.await(10, TimeUnit.SECONDS));
            // With autoRead off and one read() asked for, only the head was delivered: the body waits.
            CompletableFuture.runAsync(() -> { }, context.get().executor()).get(5, TimeUnit.SECONDS);
            assertEquals(0, contentsBeforeRead.get());
            context.get().channel().config().setAutoRead(true);
            assertEquals(digest(body), client.read().bodyText());
        }
    }

    @Test
    void bodyOverTheLimitGets413AndNeverReachesTheHandler() throws Exception {
        AtomicInteger seen = new AtomicInteger();
        try (TestServer server = TestServer.builder()
                .option(HttpSysChannelOption.MAX_REQUEST_BODY_SIZE, 1000L)
                .pipeline(ch -> {
                    seen.incrementAndGet();
                    ch.pipeline().addLast(new EchoHandler());
                }).start()) {
            HttpResponse<String> tooLarge = client().send(HttpRequest.newBuilder(server.uri("/l"))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[5000])).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(413, tooLarge.statusCode());
            HttpResponse<String> chunkedTooLarge = client().send(HttpRequest.newBuilder(server.uri("/l"))
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(
                            new byte[200_000]))).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(413, chunkedTooLarge.statusCode());
            assertEquals(0, seen.get());
            assertEquals("POST /l small", client().send(HttpRequest.newBuilder(server.uri("/l"))
                    .POST(HttpRequest.BodyPublishers.ofString("small")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
        }
    }

    @Test
    void expectContinue() throws Exception {
        try (TestServer server = echoServer()) {
            RawHttpClient client = server.rawClient();
            client.send("POST /e HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n");
            RawHttpClient.Response interim = client.read();
            assertEquals(100, interim.status);
            client.send("hello");
            assertEquals("POST /e hello", client.read().bodyText());
        }
    }

    @Test
    void writesFromCompletionListenersKeepTheirOrder() throws Exception {
        // Each piece is written by the previous piece's listener, i.e. while the transport completes a send.
        try (TestServer server = TestServer.start(ch -> ch.pipeline().addLast(
                new SimpleChannelInboundHandler<FullHttpRequest>() {
                    @Override
                    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
                        io.netty.handler.codec.http.HttpResponse head =
                                new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
                        HttpUtil.setTransferEncodingChunked(head, true);
                        ctx.writeAndFlush(head).addListener(f -> writePiece(ctx, 0));
                    }

                    private void writePiece(ChannelHandlerContext ctx, int i) {
                        if (i == 50) {
                            ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
                            return;
                        }
                        ctx.writeAndFlush(new DefaultHttpContent(Unpooled.copiedBuffer(i + ",", CharsetUtil.US_ASCII)))
                                .addListener(f -> {
                                    if (f.isSuccess()) {
                                        writePiece(ctx, i + 1);
                                    }
                                });
                    }
                }))) {
            StringBuilder expected = new StringBuilder();
            for (int i = 0; i < 50; i++) {
                expected.append(i).append(',');
            }
            assertEquals(expected.toString(), get(server, "/pieces").body());
        }
    }

    @Test
    void handlerExceptionBecomes500() throws Exception {
        try (TestServer server = TestServer.start(ch -> ch.pipeline().addLast(
                new SimpleChannelInboundHandler<FullHttpRequest>() {
                    @Override
                    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
                        throw new IllegalStateException("test: the handler failed");
                    }
                }))) {
            assertEquals(500, get(server, "/fail").statusCode());
        }
    }

    @Test
    void wrongMessageTypeFailsTheWriteNamingHttpServerCodec() throws Exception {
        try (TestServer server = TestServer.start(ch -> ch.pipeline().addLast(
                new SimpleChannelInboundHandler<FullHttpRequest>() {
                    @Override
                    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
                        ctx.writeAndFlush(Unpooled.copiedBuffer("raw bytes", CharsetUtil.US_ASCII)).addListener(f ->
                                respond(ctx, HttpResponseStatus.OK, f.isSuccess() ? "accepted" : f.cause().getMessage()));
                    }
                }))) {
            HttpResponse<String> response = get(server, "/raw");
            assertEquals(200, response.statusCode());
            assertTrue(response.body().contains("HttpServerCodec"), response.body());
        }
    }

    @Test
    void closingWithoutResponseDropsTheConnection() throws Exception {
        try (TestServer server = TestServer.start(ch -> ch.pipeline().addLast(
                new SimpleChannelInboundHandler<FullHttpRequest>() {
                    @Override
                    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
                        ctx.close();
                    }
                }))) {
            RawHttpClient client = server.rawClient();
            client.send("GET /nothing HTTP/1.1\r\nHost: a\r\n\r\n");
            client.expectClosedWithoutResponse();
        }
    }

    @Test
    void clientDisconnectMidResponseFailsTheSendInFlightAndFiresChannelInactive(@TempDir Path dir)
            throws Exception {
        // A body the client never reads: far more than the socket buffers hold, so its send cannot have
        // completed when the client leaves. (A file, because the kernel completes a memory send it can buffer.)
        File body = dir.resolve("large.bin").toFile();
        try (RandomAccessFile file = new RandomAccessFile(body, "rw")) {
            file.setLength(64L * 1024 * 1024);
        }
        CountDownLatch inactive = new CountDownLatch(1);
        CompletableFuture<Throwable> sendFailure = new CompletableFuture<>();
        try (TestServer server = TestServer.start(ch -> ch.pipeline().addLast(
                new SimpleChannelInboundHandler<FullHttpRequest>() {
                    @Override
                    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
                        io.netty.handler.codec.http.HttpResponse head =
                                new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
                        HttpUtil.setContentLength(head, body.length());
                        // One flush, so one send: the client reading the head shows this send is in the kernel.
                        ctx.write(head);
                        ctx.write(new DefaultFileRegion(body, 0, body.length()));
                        ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT).addListener(f ->
                                sendFailure.complete(f.cause()));
                    }

                    @Override
                    public void channelInactive(ChannelHandlerContext ctx) {
                        inactive.countDown();
                    }
                }))) {
            try (RawHttpClient client = new RawHttpClient(server.port())) {
                client.send("GET /large HTTP/1.1\r\nHost: a\r\n\r\n");
                assertEquals(200, client.read(true).status);
            }
            assertTrue(inactive.await(10, TimeUnit.SECONDS), "channelInactive after the client left");
            // The send in flight fails too (before or after channelInactive), from the send path: an error of
            // HttpSendHttpResponse / HttpSendResponseEntityBody, not a later write meeting a closed channel.
            Throwable failure = sendFailure.get(10, TimeUnit.SECONDS);
            assertTrue(failure instanceof HttpSysException, "not a failed send: " + failure);
            assertTrue(Set.of(WinError.ERROR_CONNECTION_INVALID, WinError.ERROR_NETNAME_DELETED,
                    WinError.ERROR_OPERATION_ABORTED).contains(((HttpSysException) failure).errorCode()),
                    "a send ended by the client leaving: " + failure);
        }
    }

    @Test
    void clientDisconnectWhileTheHandlerHoldsTheRequestFiresChannelInactive() throws Exception {
        CountDownLatch received = new CountDownLatch(1);
        CountDownLatch inactive = new CountDownLatch(1);
        try (TestServer server = TestServer.start(ch -> ch.pipeline().addLast(
                new SimpleChannelInboundHandler<FullHttpRequest>() {
                    @Override
                    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
                        received.countDown(); // a long poll: the answer would come later, from elsewhere
                    }

                    @Override
                    public void channelInactive(ChannelHandlerContext ctx) {
                        inactive.countDown();
                    }
                }))) {
            try (RawHttpClient client = new RawHttpClient(server.port())) {
                client.send("GET /poll HTTP/1.1\r\nHost: a\r\n\r\n");
                assertTrue(received.await(10, TimeUnit.SECONDS));
            }
            assertTrue(inactive.await(10, TimeUnit.SECONDS), "channelInactive after the client left");
        }
    }

    @Test
    void clientDisconnectMidRequestBodyFiresChannelInactiveWhenStreaming() throws Exception {
        CountDownLatch headSeen = new CountDownLatch(1);
        CountDownLatch inactive = new CountDownLatch(1);
        AtomicInteger lastContents = new AtomicInteger();
        try (TestServer server = TestServer.builder()
                .option(HttpSysChannelOption.AGGREGATE, false)
                .pipeline(ch -> ch.pipeline().addLast(new ChannelInboundHandlerAdapter() {
                    @Override
                    public void channelRead(ChannelHandlerContext ctx, Object msg) {
                        if (msg instanceof io.netty.handler.codec.http.HttpRequest) {
                            headSeen.countDown();
                        }
                        if (msg instanceof LastHttpContent) {
                            lastContents.incrementAndGet();
                        }
                        ReferenceCountUtil.release(msg);
                    }

                    @Override
                    public void channelInactive(ChannelHandlerContext ctx) {
                        inactive.countDown();
                    }
                })).start()) {
            try (RawHttpClient client = new RawHttpClient(server.port())) {
                client.send("POST /cut HTTP/1.1\r\nHost: a\r\nContent-Length: 100000\r\n\r\n");
                client.send(new byte[1000]);
                assertTrue(headSeen.await(10, TimeUnit.SECONDS));
            }
            assertTrue(inactive.await(10, TimeUnit.SECONDS), "channelInactive after the client left mid-body");
            assertEquals(0, lastContents.get(), "a cut body never looks complete");
        }
    }

    @Test
    void clientDisconnectMidRequestBodyNeverReachesAnAggregatingHandler() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        CallRecorder<HttpApi> kernel = CallRecorder.of(HttpApi.class, HttpSysBackend.current().httpApi());
        try (TestServer server = TestServer.builder().httpApi(kernel.proxy()).pipeline(ch -> {
            requests.incrementAndGet();
            ch.pipeline().addLast(new EchoHandler());
        }).start()) {
            try (RawHttpClient client = new RawHttpClient(server.port())) {
                client.send("POST /cut HTTP/1.1\r\nHost: a\r\nContent-Length: 100000\r\n\r\n");
                client.send(new byte[1000]);
                // The transport has the request and is reading its body before the client leaves.
                kernel.await("HttpReceiveRequestEntityBody", call -> true);
            }
            // The transport is done with it once it cancels it: from then on it can never become a channel.
            kernel.await("HttpCancelHttpRequest", call -> true);
            assertEquals(0, requests.get(), "the cut request became a channel");
            assertEquals("GET /after ", get(server, "/after").body(), "the server still serves");
            assertEquals(1, requests.get());
        }
    }

    @Test
    void twoHundredConcurrentClients() throws Exception {
        int clients = 200;
        try (TestServer server = TestServer.builder().threads(2)
                .pipeline(ch -> ch.pipeline().addLast(new EchoHandler())).start()) {
            List<RawHttpClient> sockets = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                sockets.add(server.rawClient());
            }
            for (int i = 0; i < clients; i++) {
                sockets.get(i).send("GET /c" + i + " HTTP/1.1\r\nHost: a\r\n\r\n");
            }
            for (int i = 0; i < clients; i++) {
                assertEquals("GET /c" + i + " ", sockets.get(i).read().bodyText());
            }
        }
    }

    @Test
    void largeRequestHeadIsReReceivedIntoALargerBuffer() throws Exception {
        String big = "x".repeat(12_000);
        AtomicReference<String> seen = new AtomicReference<>();
        CallRecorder<HttpApi> kernel = CallRecorder.of(HttpApi.class, HttpSysBackend.current().httpApi());
        try (TestServer server = TestServer.builder()
                .option(HttpSysChannelOption.INITIAL_RECEIVE_BUFFER_SIZE, 1024)
                .httpApi(kernel.proxy())
                .pipeline(ch -> ch.pipeline().addLast(new SimpleChannelInboundHandler<FullHttpRequest>() {
                    @Override
                    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
                        seen.set(request.headers().get("x-big"));
                        respond(ctx, HttpResponseStatus.OK, "ok");
                    }
                })).start()) {
            HttpResponse<String> response = client().send(HttpRequest.newBuilder(server.uri("/big-head"))
                    .header("X-Big", big).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals("ok", response.body());
            assertEquals(big, seen.get());
            assertEquals("ok", get(server, "/small").body());
        }
        // HttpReceiveHttpRequest(queue, requestId, flags, buffer, bufferLength, ...): the big request was received
        // again, by its id, into a buffer large enough; every receive posted after that one is back to 1 KB.
        List<CallRecorder.Call> receives = kernel.calls("HttpReceiveHttpRequest");
        int grown = -1;
        for (int i = 0; i < receives.size(); i++) {
            if (receives.get(i).longArg(1) != 0 && receives.get(i).intArg(4) >= big.length()) {
                grown = i;
            }
        }
        assertTrue(grown >= 0, "no receive by request id into a larger buffer");
        List<CallRecorder.Call> later = receives.subList(grown + 1, receives.size());
        assertTrue(!later.isEmpty() && later.stream().allMatch(call -> call.intArg(4) == 1024),
                "the receive buffer shrank back to 1 KB");
    }

    /**
     * Streams a chunked response in pieces larger than the high water mark, writing only while the channel is
     * writable: every piece makes it unwritable, its completed send makes it writable again (each announced by
     * {@code channelWritabilityChanged}), and no byte stays counted as pending at the end.
     */
    @Test
    void writabilityFollowsTheWaterMarksAndPendingBytesDrainToZero() throws Exception {
        int pieces = 40;
        int pieceSize = 16 * 1024;
        int high = 8 * 1024;
        StringBuilder transitions = new StringBuilder();
        CompletableFuture<Long> bytesBeforeUnwritableAtTheEnd = new CompletableFuture<>();
        try (TestServer server = TestServer.start(ch -> {
            ch.config().setWriteBufferWaterMark(new WriteBufferWaterMark(4 * 1024, high));
            ch.pipeline().addLast(new SimpleChannelInboundHandler<FullHttpRequest>() {
                private int written;

                @Override
                protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
                    io.netty.handler.codec.http.HttpResponse head =
                            new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
                    HttpUtil.setTransferEncodingChunked(head, true);
                    ctx.write(head);
                    writeWhileWritable(ctx);
                }

                @Override
                public void channelWritabilityChanged(ChannelHandlerContext ctx) {
                    transitions.append(ctx.channel().isWritable() ? 'W' : 'U');
                    writeWhileWritable(ctx);
                }

                private void writeWhileWritable(ChannelHandlerContext ctx) {
                    while (ctx.channel().isWritable() && written < pieces) {
                        byte[] piece = new byte[pieceSize];
                        java.util.Arrays.fill(piece, (byte) ('a' + written % 26));
                        written++;
                        ctx.writeAndFlush(new DefaultHttpContent(Unpooled.wrappedBuffer(piece)));
                    }
                    if (written == pieces && ctx.channel().isWritable()) {
                        written++;
                        ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT).addListener(f ->
                                bytesBeforeUnwritableAtTheEnd.complete(ctx.channel().bytesBeforeUnwritable()));
                    }
                }
            });
        })) {
            RawHttpClient client = server.rawClient();
            client.send("GET /stream HTTP/1.1\r\nHost: a\r\n\r\n");
            byte[] body = client.read().body;
            assertEquals(pieces * pieceSize, body.length);
            for (int i = 0; i < pieces; i++) {
                assertEquals((byte) ('a' + i % 26), body[i * pieceSize], "piece " + i + " in order");
            }
            // Nothing pending: bytesBeforeUnwritable is the high water mark + 1 only at zero.
            assertEquals(high + 1, bytesBeforeUnwritableAtTheEnd.get(10, TimeUnit.SECONDS));
        }
        assertEquals("UW".repeat(pieces), transitions.toString(), "unwritable after each piece, writable again");
    }

    @Test
    void kernelResponseBufferingReachesTheKernelOnEverySend() throws Exception {
        for (boolean buffering : new boolean[] {true, false}) {
            CallRecorder<HttpApi> kernel = CallRecorder.of(HttpApi.class, HttpSysBackend.current().httpApi());
            try (TestServer server = TestServer.builder()
                    .option(HttpSysChannelOption.ENABLE_KERNEL_RESPONSE_BUFFERING, buffering)
                    .httpApi(kernel.proxy())
                    .pipeline(ch -> ch.pipeline().addLast(new SimpleChannelInboundHandler<FullHttpRequest>() {
                        @Override
                        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
                            io.netty.handler.codec.http.HttpResponse head =
                                    new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
                            HttpUtil.setTransferEncodingChunked(head, true);
                            ctx.writeAndFlush(head).addListener(f ->
                                    ctx.writeAndFlush(new DefaultHttpContent(Unpooled.copiedBuffer("body",
                                            CharsetUtil.US_ASCII))).addListener(g ->
                                            ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT)));
                        }
                    })).start()) {
                assertEquals("body", get(server, "/buffered").body());
            }
            // HttpSendHttpResponse and HttpSendResponseEntityBody both take their flags third.
            List<CallRecorder.Call> sends = new ArrayList<>(kernel.calls("HttpSendHttpResponse"));
            sends.addAll(kernel.calls("HttpSendResponseEntityBody"));
            assertTrue(sends.size() >= 2, "a head and a body send: " + sends.size());
            for (CallRecorder.Call send : sends) {
                assertEquals(buffering, (send.intArg(2) & Http.HTTP_SEND_RESPONSE_FLAG_BUFFER_DATA) != 0,
                        send.function() + " flags 0x" + Integer.toHexString(send.intArg(2)) + ", buffering "
                                + buffering);
            }
        }
    }
}
