package io.netty.contrib.httpsys;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.contrib.httpsys.nativeapi.HttpSysException;
import io.netty.contrib.httpsys.nativeapi.WinError;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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

    @Test
    void queueAndConnectionOptionsAreAppliedAtBind() throws Exception {
        try (TestServer server = TestServer.builder()
                .option(HttpSysChannelOption.REQUEST_QUEUE_LENGTH, 10)
                .option(HttpSysChannelOption.HTTP_503_VERBOSITY, HttpSysChannelOption.Http503Verbosity.FULL)
                .option(HttpSysChannelOption.MAX_CONNECTIONS, 50L)
                .option(HttpSysChannelOption.RECEIVES_PER_LOOP, 1)
                .pipeline(ch -> ch.pipeline().addLast(new RequestResponseTest.EchoHandler())).start()) {
            assertEquals(10, server.channel().config().getOption(HttpSysChannelOption.REQUEST_QUEUE_LENGTH));
            assertEquals(50L, server.channel().config().getOption(HttpSysChannelOption.MAX_CONNECTIONS));
            assertEquals("GET /o ", RequestResponseTest.get(server, "/o").body());
        }
    }

    @Test
    void autoReadOffStopsReceivingUntilRead() throws Exception {
        try (TestServer server = TestServer.builder()
                .option(io.netty.channel.ChannelOption.AUTO_READ, false)
                .pipeline(ch -> ch.pipeline().addLast(new RequestResponseTest.EchoHandler())).start()) {
            CompletableFuture<HttpResponse<String>> response = RequestResponseTest.client().sendAsync(
                    HttpRequest.newBuilder(server.uri("/held")).build(), HttpResponse.BodyHandlers.ofString());
            // Not received: the request waits in the kernel's queue.
            assertThrows(java.util.concurrent.TimeoutException.class, () -> response.get(300, TimeUnit.MILLISECONDS));
            server.channel().read();
            assertEquals("GET /held ", response.get(10, TimeUnit.SECONDS).body());
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
                            response.headers().set("Cache-Control", "public, max-age=60")
                                    .set("Content-Length", 9);
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
        try (TestServer creator = TestServer.builder()
                .option(HttpSysChannelOption.REQUEST_QUEUE_NAME, queueName)
                .pipeline(ch -> ch.pipeline().addLast(new StockHandlersTest.TextHandler("creator"))).start()) {
            HttpSysEventLoopGroup group = newGroup(1);
            ServerBootstrap attaching = new ServerBootstrap().group(group).channel(HttpSysServerChannel.class)
                    .option(HttpSysChannelOption.REQUEST_QUEUE_NAME, queueName)
                    .childHandler(new ChannelInitializer<Channel>() {
                        @Override
                        protected void initChannel(Channel ch) {
                            ch.pipeline().addLast(new StockHandlersTest.TextHandler("attached"));
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
                java.util.Set<String> answeredBy = new java.util.HashSet<>();
                for (int i = 0; i < 20; i++) {
                    RawHttpClient client = creator.rawClient();
                    client.send("GET /shared HTTP/1.1\r\nHost: a\r\n\r\n");
                    answeredBy.add(client.read().bodyText());
                }
                assertEquals(java.util.Set.of("creator", "attached"), answeredBy);
            } finally {
                attached.close().sync();
            }
        }
    }

    @Test
    void gracefulShutdownLetsAnInFlightRequestFinish() throws Exception {
        HttpSysEventLoopGroup group = newGroup(1);
        CompletableFuture<ChannelHandlerContext> handlerContext = new CompletableFuture<>();
        int port = freePort();
        new ServerBootstrap().group(group).channel(HttpSysServerChannel.class)
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(new SimpleChannelInboundHandler<FullHttpRequest>() {
                            @Override
                            protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
                                handlerContext.complete(ctx);
                            }
                        });
                    }
                }).bind(HttpSysAddress.ofPort(port)).sync();
        CompletableFuture<HttpResponse<String>> response = RequestResponseTest.client().sendAsync(
                HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/slow")).build(),
                HttpResponse.BodyHandlers.ofString());
        ChannelHandlerContext ctx = handlerContext.get(10, TimeUnit.SECONDS);
        io.netty.util.concurrent.Future<?> shutdown = group.shutdownGracefully(1, 10, TimeUnit.SECONDS);
        // The answer comes from outside the loop while it shuts down, as a slow backend's would.
        RequestResponseTest.respond(ctx, HttpResponseStatus.OK, "finished");
        assertEquals("finished", response.get(10, TimeUnit.SECONDS).body());
        shutdown.sync();
    }
}
