package io.netty.contrib.httpsys;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.contrib.httpsys.nativeapi.Http;
import io.netty.contrib.httpsys.nativeapi.HttpApi;
import io.netty.contrib.httpsys.nativeapi.HttpSysBackend;
import io.netty.contrib.httpsys.nativeapi.HttpSysException;
import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.NativeMemory;
import io.netty.contrib.httpsys.nativeapi.WinError;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.EOFException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The server channel's life: bind errors, addresses, closing, and shutting the group down. */
@ExtendWith(LeakCheck.class)
@Timeout(60)
class ServerChannelTest {

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private final List<HttpSysEventLoopGroup> groups = new ArrayList<>();

    /** A group that is shut down after the test, whatever the test's outcome. */
    private HttpSysEventLoopGroup newGroup(int threads) {
        HttpSysEventLoopGroup group = new HttpSysEventLoopGroup(threads);
        groups.add(group);
        return group;
    }

    @AfterEach
    void shutDownGroups() throws InterruptedException {
        for (HttpSysEventLoopGroup group : groups) {
            group.shutdownGracefully(0, 5, TimeUnit.SECONDS).sync();
        }
    }

    private static ServerBootstrap bootstrap(HttpSysEventLoopGroup group) {
        return new ServerBootstrap().group(group).channel(HttpSysServerChannel.class)
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(new RequestResponseTest.EchoHandler());
                    }
                });
    }

    @Test
    void bindingAPrefixTwiceSaysWhoHoldsIt() throws Exception {
        HttpSysEventLoopGroup group = newGroup(1);
        int port = freePort();
        Channel first = bootstrap(group).bind(HttpSysAddress.ofPort(port)).sync().channel();
        try {
            Exception e = assertThrows(Exception.class,
                    () -> bootstrap(group).bind(HttpSysAddress.ofPort(port)).sync());
            HttpSysException cause = (HttpSysException) e;
            assertEquals(WinError.ERROR_ALREADY_EXISTS, cause.errorCode());
            assertTrue(cause.getMessage().contains("http://+:" + port + "/"), cause.getMessage());
            assertTrue(cause.getMessage().contains("netsh http show"), cause.getMessage());
        } finally {
            first.close().sync();
        }
    }

    @Test
    void inetSocketAddressBindsEveryHostOnItsPort() throws Exception {
        HttpSysEventLoopGroup group = newGroup(1);
        int port = freePort();
        Channel server = bootstrap(group).bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))
                .sync().channel();
        try {
            assertEquals(HttpSysAddress.of("http://+:" + port + "/"), server.localAddress());
            HttpResponse<String> response = RequestResponseTest.client().send(HttpRequest.newBuilder(
                    java.net.URI.create("http://localhost:" + port + "/x")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals("GET /x ", response.body());
        } finally {
            server.close().sync();
        }
    }

    @Test
    void severalPrefixesWithPathsAndTheirUrlContexts() throws Exception {
        HttpSysEventLoopGroup group = newGroup(1);
        int first = freePort();
        int second = freePort();
        Channel server = new ServerBootstrap().group(group).channel(HttpSysServerChannel.class)
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(new SimpleChannelInboundHandler<FullHttpRequest>() {
                            @Override
                            protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
                                RequestResponseTest.respond(ctx, HttpResponseStatus.OK, request.uri() + " "
                                        + HttpSysServerChannel.requestInfo(ctx.channel()).urlContext());
                            }
                        });
                    }
                })
                .bind(HttpSysAddress.of("http://+:" + first + "/app/", "http://+:" + second + "/"))
                .sync().channel();
        try {
            assertEquals("/app/x 0", get(first, "/app/x").body());
            assertEquals("/y 1", get(second, "/y").body());
            assertEquals(404, get(first, "/elsewhere").statusCode(), "no prefix matches: HTTP.SYS answers");
        } finally {
            server.close().sync();
        }
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return RequestResponseTest.client().send(HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void invalidPrefixIsRejectedWhereItIsWritten() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HttpSysAddress.of("http://+:8080/app"));
        assertTrue(e.getMessage().contains("trailing slash"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> HttpSysAddress.ofPort(0));
    }

    @Test
    void closedServerChannelFreesItsPrefixForTheNextServer() throws Exception {
        HttpSysEventLoopGroup group = newGroup(2);
        int port = freePort();
        bootstrap(group).bind(HttpSysAddress.ofPort(port)).sync().channel().close().sync();
        Channel again = bootstrap(group).bind(HttpSysAddress.ofPort(port)).sync().channel();
        try {
            assertEquals("GET /again ", RequestResponseTest.client().send(HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + port + "/again")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
        } finally {
            again.close().sync();
        }
    }

    @Test
    void shuttingTheGroupDownWithoutClosingTheServerChannelReleasesEverything() throws Exception {
        HttpSysEventLoopGroup group = newGroup(2);
        int port = freePort();
        Channel server = bootstrap(group).bind(HttpSysAddress.ofPort(port)).sync().channel();
        assertEquals("GET /a ", RequestResponseTest.client().send(HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + port + "/a")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        group.shutdownGracefully(0, 5, TimeUnit.SECONDS).sync();
        assertTrue(server.closeFuture().await(5, TimeUnit.SECONDS), "the server channel closed with its loop");
    }

    /** Opens a handle of this test's own to the named queue and asks the kernel for one of its ULONG properties. */
    private static int queueProperty(String queueName, int property) throws HttpSysException {
        HttpApi api = HttpSysBackend.current().httpApi();
        long out = NativeMemory.allocate(Long.BYTES);
        try {
            HttpSysException.check(api.HttpCreateRequestQueue(Http.HTTPAPI_VERSION_2, queueName, 0,
                    Http.HTTP_CREATE_REQUEST_QUEUE_FLAG_OPEN_EXISTING, out), "HttpCreateRequestQueue");
            long handle = NativeAccess.getLong(out);
            try {
                HttpSysException.check(api.HttpQueryRequestQueueProperty(handle, property, out, Integer.BYTES, 0, 0,
                        0), "HttpQueryRequestQueueProperty");
                return NativeAccess.getInt(out);
            } finally {
                api.HttpCloseRequestQueue(handle);
            }
        } finally {
            NativeMemory.free(out, Long.BYTES);
        }
    }

    /** Reads one response on a thread of its own; completes exceptionally when the connection ends instead. */
    private static CompletableFuture<RawHttpClient.Response> readAsync(RawHttpClient client) {
        CompletableFuture<RawHttpClient.Response> response = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try {
                response.complete(client.read());
            } catch (Throwable t) {
                response.completeExceptionally(t);
            }
        }, "raw-client-reader");
        reader.setDaemon(true);
        reader.start();
        return response;
    }

    /**
     * Sends {@code count} requests on connections of their own while the server, its {@code autoRead} off, posts no
     * receive; returns the reads of their answers once the first of them ended, and checks that only one did: the
     * request the full queue turned away. The others wait in the kernel's queue, whatever order they arrived in.
     */
    private static List<CompletableFuture<RawHttpClient.Response>> overfillTheQueue(TestServer server, int count)
            throws Exception {
        List<CompletableFuture<RawHttpClient.Response>> responses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            RawHttpClient client = server.rawClient();
            client.send("GET /q HTTP/1.1\r\nHost: a\r\n\r\n");
            responses.add(readAsync(client));
        }
        CompletableFuture.anyOf(responses.stream().map(f -> f.exceptionally(t -> null))
                .toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        assertEquals(1, responses.stream().filter(CompletableFuture::isDone).count(),
                "one request turned away, the others queued");
        return responses;
    }

    @Test
    void autoReadOffLeavesRequestsInTheKernelQueueUpToItsLengthThenA503() throws Exception {
        String queueName = "tcore-queue-" + System.nanoTime();
        try (TestServer server = TestServer.builder()
                .option(io.netty.channel.ChannelOption.AUTO_READ, false)
                .option(HttpSysChannelOption.REQUEST_QUEUE_NAME, queueName)
                .option(HttpSysChannelOption.REQUEST_QUEUE_LENGTH, 2)
                .option(HttpSysChannelOption.HTTP_503_VERBOSITY, HttpSysChannelOption.Http503Verbosity.FULL)
                .pipeline(ch -> ch.pipeline().addLast(new RequestResponseTest.EchoHandler())).start()) {
            // What the kernel holds, not what the channel's config stored.
            assertEquals(2, queueProperty(queueName, Http.HttpServerQueueLengthProperty));
            assertEquals(Http.Http503ResponseVerbosityFull, queueProperty(queueName,
                    Http.HttpServer503VerbosityProperty));
            List<CompletableFuture<RawHttpClient.Response>> responses = overfillTheQueue(server, 3);
            server.channel().read();
            List<Integer> statuses = new ArrayList<>();
            for (CompletableFuture<RawHttpClient.Response> response : responses) {
                statuses.add(response.get(10, TimeUnit.SECONDS).status);
            }
            statuses.sort(null);
            assertEquals(List.of(200, 200, 503), statuses, "two queued and then received, one turned away");
        }
    }

    @Test
    void basic503VerbosityResetsTheConnectionOfARequestTheFullQueueTurnsAway() throws Exception {
        String queueName = "tcore-basic-" + System.nanoTime();
        try (TestServer server = TestServer.builder()
                .option(io.netty.channel.ChannelOption.AUTO_READ, false)
                .option(HttpSysChannelOption.REQUEST_QUEUE_NAME, queueName)
                .option(HttpSysChannelOption.REQUEST_QUEUE_LENGTH, 1)
                .option(HttpSysChannelOption.HTTP_503_VERBOSITY, HttpSysChannelOption.Http503Verbosity.BASIC)
                .pipeline(ch -> ch.pipeline().addLast(new RequestResponseTest.EchoHandler())).start()) {
            assertEquals(Http.Http503ResponseVerbosityBasic, queueProperty(queueName,
                    Http.HttpServer503VerbosityProperty));
            List<CompletableFuture<RawHttpClient.Response>> responses = overfillTheQueue(server, 2);
            CompletableFuture<RawHttpClient.Response> turnedAway = responses.stream()
                    .filter(CompletableFuture::isDone).findFirst().orElseThrow();
            Throwable cause = assertThrows(ExecutionException.class, turnedAway::get).getCause();
            assertTrue(cause instanceof EOFException || cause instanceof SocketException,
                    "closed without a response, not " + cause);
            server.channel().read();
            for (CompletableFuture<RawHttpClient.Response> response : responses) {
                if (response != turnedAway) {
                    assertEquals("GET /q ", response.get(10, TimeUnit.SECONDS).bodyText());
                }
            }
        }
    }

    @Test
    void maxConnectionsIsEnforcedByTheKernel() throws Exception {
        RequestHold hold = new RequestHold();
        try (TestServer server = TestServer.builder()
                .option(HttpSysChannelOption.MAX_CONNECTIONS, 1L)
                .pipeline(ch -> ch.pipeline().addLast(hold)).start()) {
            RawHttpClient first = server.rawClient();
            first.send("GET /first HTTP/1.1\r\nHost: a\r\n\r\n");
            ChannelHandlerContext ctx = hold.held.get(10, TimeUnit.SECONDS);
            // The first connection counts against the limit while its request is held: the kernel turns the
            // second away itself ("ConnLimit", a 503 whatever the 503 verbosity).
            RawHttpClient second = server.rawClient();
            second.send("GET /second HTTP/1.1\r\nHost: a\r\n\r\n");
            assertEquals(503, second.read().status);
            RequestResponseTest.respond(ctx, HttpResponseStatus.OK, "first");
            assertEquals("first", first.read().bodyText());
        }
    }

    @Test
    void receivesPerLoopIsHowManyReceivesTheKernelHolds() throws Exception {
        CallRecorder<HttpApi> kernel = CallRecorder.of(HttpApi.class, HttpSysBackend.current().httpApi());
        try (TestServer server = TestServer.builder()
                .option(HttpSysChannelOption.RECEIVES_PER_LOOP, 3)
                .httpApi(kernel.proxy())
                .pipeline(ch -> ch.pipeline().addLast(new RequestResponseTest.EchoHandler())).start()) {
            // Each receive has a buffer of its own. The loop posts all of them in one go, so once a third one is
            // pending any extra receive would already have been posted too, before the request below is handled.
            Set<Long> pendingBuffers = ConcurrentHashMap.newKeySet();
            kernel.await("HttpReceiveHttpRequest", call -> call.intResult() == WinError.ERROR_IO_PENDING
                    && pendingBuffers.add(call.longArg(3)) && pendingBuffers.size() == 3);
            assertEquals("GET /r ", RequestResponseTest.get(server, "/r").body());
            assertEquals(3, kernel.calls("HttpReceiveHttpRequest").stream().mapToLong(call -> call.longArg(3))
                    .distinct().count(), "receive buffers the kernel was given");
        }
    }

    @Test
    void kernelResponseCacheServesRepeatsUnlessDisabled() throws Exception {
        for (boolean caching : new boolean[] {true, false}) {
            java.util.concurrent.atomic.AtomicInteger handled = new java.util.concurrent.atomic.AtomicInteger();
            try (TestServer server = TestServer.builder()
                    .option(HttpSysChannelOption.ENABLE_RESPONSE_CACHING, caching)
                    .pipeline(ch -> ch.pipeline().addLast(new SimpleChannelInboundHandler<FullHttpRequest>() {
                        @Override
                        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
                            handled.incrementAndGet();
                            io.netty.handler.codec.http.FullHttpResponse response =
                                    new io.netty.handler.codec.http.DefaultFullHttpResponse(
                                            io.netty.handler.codec.http.HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                                            io.netty.buffer.Unpooled.copiedBuffer("cacheable",
                                                    io.netty.util.CharsetUtil.US_ASCII));
                            // Content-Type: HTTP.SYS caches nothing without one (since Windows 8).
                            response.headers().set("Cache-Control", "public, max-age=60")
                                    .set("Content-Type", "text/plain").set("Content-Length", 9);
                            ctx.writeAndFlush(response);
                        }
                    })).start()) {
                for (int i = 0; i < 3; i++) {
                    assertEquals("cacheable", RequestResponseTest.get(server, "/cached").body());
                }
                assertEquals(caching ? 1 : 3, handled.get(), "requests that reached Java, caching " + caching);
            }
        }
    }

    @Test
    void serversShareANamedRequestQueue() throws Exception {
        String queueName = "tcore-shared-" + System.nanoTime();
        CyclicBarrier bothHeld = new CyclicBarrier(2);
        try (TestServer creator = TestServer.builder()
                .option(HttpSysChannelOption.REQUEST_QUEUE_NAME, queueName)
                .option(HttpSysChannelOption.RECEIVES_PER_LOOP, 1)
                .pipeline(ch -> ch.pipeline().addLast(new LoopBarrierHandler(bothHeld, "creator"))).start()) {
            HttpSysEventLoopGroup group = newGroup(1);
            ServerBootstrap attaching = new ServerBootstrap().group(group).channel(HttpSysServerChannel.class)
                    .option(HttpSysChannelOption.REQUEST_QUEUE_NAME, queueName)
                    .option(HttpSysChannelOption.RECEIVES_PER_LOOP, 1)
                    .childHandler(new ChannelInitializer<Channel>() {
                        @Override
                        protected void initChannel(Channel ch) {
                            ch.pipeline().addLast(new LoopBarrierHandler(bothHeld, "attached"));
                        }
                    });
            HttpSysException exists = assertThrows(HttpSysException.class, () -> attaching.clone()
                    .option(HttpSysChannelOption.REQUEST_QUEUE_MODE, HttpSysChannelOption.RequestQueueMode.CREATE)
                    .bind(HttpSysAddress.ofPort(creator.port())).sync());
            assertEquals(WinError.ERROR_ALREADY_EXISTS, exists.errorCode());
            // Attached: the creator owns the URL; the address only says where requests come from.
            Channel attached = attaching.clone()
                    .option(HttpSysChannelOption.REQUEST_QUEUE_MODE,
                            HttpSysChannelOption.RequestQueueMode.CREATE_OR_ATTACH)
                    .bind(HttpSysAddress.ofPort(creator.port())).sync().channel();
            try {
                // Both servers hold one receive each and hold their loop on the barrier: two requests at once can
                // only be held if each server took one (which server the kernel picks is not Windows' contract).
                Set<String> answeredBy = new HashSet<>();
                List<RawHttpClient> clients = List.of(creator.rawClient(), creator.rawClient());
                for (RawHttpClient client : clients) {
                    client.send("GET /shared HTTP/1.1\r\nHost: a\r\n\r\n");
                }
                for (RawHttpClient client : clients) {
                    answeredBy.add(client.read().bodyText().split(" on ")[0]);
                }
                assertEquals(Set.of("creator", "attached"), answeredBy);
            } finally {
                attached.close().sync();
            }
        }
    }

    @Test
    void gracefulShutdownLetsAnInFlightRequestFinish() throws Exception {
        HttpSysEventLoopGroup group = newGroup(1);
        RequestHold hold = new RequestHold();
        int port = freePort();
        new ServerBootstrap().group(group).channel(HttpSysServerChannel.class)
                .childHandler(hold).bind(HttpSysAddress.ofPort(port)).sync();
        CompletableFuture<HttpResponse<String>> response = RequestResponseTest.client().sendAsync(
                HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/slow")).build(),
                HttpResponse.BodyHandlers.ofString());
        ChannelHandlerContext ctx = hold.held.get(10, TimeUnit.SECONDS);
        io.netty.util.concurrent.Future<?> shutdown = group.shutdownGracefully(1, 10, TimeUnit.SECONDS);
        // The answer comes from outside the loop while it shuts down, as a slow backend's would.
        RequestResponseTest.respond(ctx, HttpResponseStatus.OK, "finished");
        assertEquals("finished", response.get(10, TimeUnit.SECONDS).body());
        shutdown.sync();
    }

    /** Binds a server on {@code group} whose handler holds each request and hands its context to the test. */
    private static int holdingServer(HttpSysEventLoopGroup group, CompletableFuture<ChannelHandlerContext> held,
                                     CountDownLatch inactive) throws Exception {
        int port = freePort();
        new ServerBootstrap().group(group).channel(HttpSysServerChannel.class)
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(new SimpleChannelInboundHandler<FullHttpRequest>() {
                            @Override
                            protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
                                held.complete(ctx);
                            }

                            @Override
                            public void channelInactive(ChannelHandlerContext ctx) {
                                inactive.countDown();
                            }
                        });
                    }
                }).bind(HttpSysAddress.ofPort(port)).sync();
        return port;
    }

    @Test
    void answerAfterTheQuietPeriodFindsTheRequestCancelled() throws Exception {
        HttpSysEventLoopGroup group = newGroup(1);
        CompletableFuture<ChannelHandlerContext> held = new CompletableFuture<>();
        CountDownLatch inactive = new CountDownLatch(1);
        int port = holdingServer(group, held, inactive);
        try (RawHttpClient client = new RawHttpClient(port)) {
            client.send("GET /late HTTP/1.1\r\nHost: a\r\n\r\n");
            ChannelHandlerContext ctx = held.get(10, TimeUnit.SECONDS);
            // Completions are not tasks: a quiet period without tasks ends the loop even with a request in flight.
            // Destroying the loop cancels the requests still live (LoopReceiver.abort), and must not wait the 5 s
            // drain for them (their OVERLAPPEDs would leak, which LeakCheck reports).
            group.shutdownGracefully(100, 10_000, TimeUnit.MILLISECONDS).sync();
            assertTrue(inactive.await(10, TimeUnit.SECONDS), "the cancelled request's channel went inactive");
            client.expectClosedWithoutResponse();
            // The loop is gone, so the late answer fails (and its message is released) instead of going anywhere.
            ChannelFuture late = RequestResponseTest.respond(ctx, HttpResponseStatus.OK, "too late");
            assertTrue(late.await(10, TimeUnit.SECONDS));
            assertTrue(late.cause() instanceof RejectedExecutionException, "failed because the loop ended: "
                    + late.cause());
        }
    }

    @Test
    void closingTheServerChannelLetsAHeldRequestFinishThenClosesTheQueue() throws Exception {
        CallRecorder<HttpApi> kernel = CallRecorder.of(HttpApi.class, HttpSysBackend.current().httpApi());
        RequestHold hold = new RequestHold();
        try (TestServer server = TestServer.builder()
                .httpApi(kernel.proxy())
                .pipeline(ch -> ch.pipeline().addLast(hold)).start()) {
            RawHttpClient client = server.rawClient();
            client.send("GET /held HTTP/1.1\r\nHost: a\r\n\r\n");
            ChannelHandlerContext ctx = hold.held.get(10, TimeUnit.SECONDS);
            server.channel().close().sync();
            // HttpSysServerChannel's contract: closing lets the requests in flight finish; the queue, URL group and
            // session close after the last of them. The held request is still live, so nothing is closed yet.
            assertEquals(List.of(), kernel.calls("HttpCloseServerSession"), "closed while a request was held");
            assertTrue(ctx.channel().isActive(), "the held request survived the server channel's close");
            RequestResponseTest.respond(ctx, HttpResponseStatus.OK, "finished after close");
            RawHttpClient.Response response = client.read();
            assertEquals(200, response.status);
            assertEquals("finished after close", response.bodyText());
            kernel.await("HttpCloseServerSession", call -> call.intResult() == WinError.NO_ERROR);
            assertEquals(2, kernel.calls("HttpCloseRequestQueue").size(), "the server's and its loop's handles");
        }
    }
}
