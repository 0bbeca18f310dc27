package io.netty.contrib.httpsys;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.CharsetUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which threads touch a request: the handler must run on the event loop that dequeued the request's completion
 * (zero thread hops), and every loop of the child group must take requests. Throughput for one and two loops is a
 * measurement, not a test: it runs only with {@code -Dhttpsys.perf=true} and prints its figures.
 */
@ExtendWith(LeakCheck.class)
@Timeout(120)
class ThreadingTest {

    private static final int CONNECTIONS = 16;

    /** Answers "ok" and counts requests whose handler ran on another thread than the one that received them. */
    static final class HopCountingHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
        private final AtomicInteger hops;
        private final Set<Thread> handlerThreads;
        private final java.util.Map<String, AtomicInteger> perThread;

        HopCountingHandler(AtomicInteger hops, Set<Thread> handlerThreads,
                           java.util.Map<String, AtomicInteger> perThread) {
            this.hops = hops;
            this.handlerThreads = handlerThreads;
            this.perThread = perThread;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            Thread current = Thread.currentThread();
            if (((HttpSysRequestChannel) ctx.channel()).receivedOn() != current) {
                hops.incrementAndGet();
            }
            handlerThreads.add(current);
            perThread.computeIfAbsent(current.getName(), name -> new AtomicInteger()).incrementAndGet();
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                    Unpooled.copiedBuffer("ok", CharsetUtil.US_ASCII));
            HttpUtil.setContentLength(response, 2);
            ctx.writeAndFlush(response);
        }
    }

    /** Sends {@code perConnection} keep-alive requests on each of {@link #CONNECTIONS} sockets in parallel. */
    private static long[] load(int port, int perConnection) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CONNECTIONS);
        try {
            long start = System.nanoTime();
            List<Future<Integer>> results = new ArrayList<>();
            for (int c = 0; c < CONNECTIONS; c++) {
                results.add(pool.submit(() -> {
                    int ok = 0;
                    try (RawHttpClient client = new RawHttpClient(port)) {
                        for (int i = 0; i < perConnection; i++) {
                            client.send("GET /r HTTP/1.1\r\nHost: a\r\n\r\n");
                            if ("ok".equals(client.read().bodyText())) {
                                ok++;
                            }
                        }
                    }
                    return ok;
                }));
            }
            long ok = 0;
            for (Future<Integer> result : results) {
                ok += result.get(60, TimeUnit.SECONDS);
            }
            return new long[] {ok, System.nanoTime() - start};
        } finally {
            pool.shutdownNow();
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Runs a server with {@code boss} and {@code workers}, loads it, returns requests per second. */
    private static double run(EventLoopGroup boss, EventLoopGroup workers, AtomicInteger hops, Set<Thread> threads,
                              int perConnection) throws Exception {
        return run(boss, workers, hops, threads, new ConcurrentHashMap<>(), perConnection);
    }

    private static double run(EventLoopGroup boss, EventLoopGroup workers, AtomicInteger hops, Set<Thread> threads,
                              java.util.Map<String, AtomicInteger> perThread, int perConnection) throws Exception {
        int port = freePort();
        Channel server = new ServerBootstrap()
                .group(boss, workers)
                .channel(HttpSysServerChannel.class)
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(new HopCountingHandler(hops, threads, perThread));
                    }
                })
                .bind(HttpSysAddress.ofPort(port)).sync().channel();
        try {
            long[] result = load(port, perConnection);
            assertEquals((long) CONNECTIONS * perConnection, result[0]);
            return result[0] * 1e9 / result[1];
        } finally {
            server.close().sync();
        }
    }

    /**
     * Binds a server with one receive per loop whose handler holds its loop until {@code loops} requests are held
     * at once (see {@link LoopBarrierHandler}), sends that many requests together and returns the threads that
     * answered them: every loop of the child group took one, whatever the kernel's policy for spreading requests.
     */
    private static Set<String> threadsHoldingOneRequestEach(EventLoopGroup boss, EventLoopGroup workers, int loops)
            throws Exception {
        int port = freePort();
        CyclicBarrier allHeld = new CyclicBarrier(loops);
        Channel server = new ServerBootstrap()
                .group(boss, workers)
                .channel(HttpSysServerChannel.class)
                .option(HttpSysChannelOption.RECEIVES_PER_LOOP, 1)
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(new LoopBarrierHandler(allHeld, "held"));
                    }
                })
                .bind(HttpSysAddress.ofPort(port)).sync().channel();
        List<RawHttpClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < loops; i++) {
                RawHttpClient client = new RawHttpClient(port);
                clients.add(client);
                client.send("GET /held HTTP/1.1\r\nHost: a\r\n\r\n");
            }
            Set<String> threads = new HashSet<>();
            for (RawHttpClient client : clients) {
                String answer = client.read().bodyText();
                assertTrue(answer.startsWith("held on "), answer);
                threads.add(answer.substring("held on ".length()));
            }
            return threads;
        } finally {
            for (RawHttpClient client : clients) {
                client.close();
            }
            server.close().sync();
        }
    }

    @Test
    void requestsStayOnTheLoopThatReceivedThemAndEveryLoopTakesSome() throws Exception {
        AtomicInteger hops = new AtomicInteger();
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        java.util.Map<String, AtomicInteger> perThread = new ConcurrentHashMap<>();
        HttpSysEventLoopGroup group = new HttpSysEventLoopGroup(2);
        Set<String> holding;
        try {
            run(group, group, hops, threads, perThread, 50);
            holding = threadsHoldingOneRequestEach(group, group, 2);
        } finally {
            group.shutdownGracefully(0, 5, TimeUnit.SECONDS).sync();
        }
        System.out.println("Requests per event loop (2 loops, " + CONNECTIONS * 50 + " requests, thread hops "
                + hops.get() + "): " + perThread);
        assertEquals(0, hops.get(), "requests whose handler ran on another thread than the receiving loop");
        assertEquals(2, holding.size(), "both loops held a request: " + holding);
    }

    @Test
    void separateBossAndPlainIoEventLoopGroupForChildren() throws Exception {
        assertChildGroupTakesTheRequests(new MultiThreadIoEventLoopGroup(2, HttpSysIoHandler.newFactory()));
    }

    @Test
    void separateBossAndHttpSysEventLoopGroupForChildren() throws Exception {
        assertChildGroupTakesTheRequests(new HttpSysEventLoopGroup(2));
    }

    private static void assertChildGroupTakesTheRequests(EventLoopGroup workers) throws Exception {
        AtomicInteger hops = new AtomicInteger();
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        EventLoopGroup boss = new HttpSysEventLoopGroup(1);
        Set<String> bossThreads = ConcurrentHashMap.newKeySet();
        Set<String> holding;
        try {
            boss.submit(() -> bossThreads.add(Thread.currentThread().getName())).sync();
            run(boss, workers, hops, threads, 20);
            holding = threadsHoldingOneRequestEach(boss, workers, 2);
        } finally {
            boss.shutdownGracefully(0, 5, TimeUnit.SECONDS).sync();
            workers.shutdownGracefully(0, 5, TimeUnit.SECONDS).sync();
        }
        assertEquals(0, hops.get());
        assertEquals(2, holding.size(), "the child group's two loops held a request each: " + holding);
        assertTrue(java.util.Collections.disjoint(threads.stream().map(Thread::getName).toList(), bossThreads)
                && java.util.Collections.disjoint(holding, bossThreads), "the boss loop handled no request");
    }

    /** A measurement, not a unit test: it prints rates no CI machine can judge. Run with -Dhttpsys.perf=true. */
    @Test
    @EnabledIfSystemProperty(named = "httpsys.perf", matches = "true")
    void throughputWithOneAndTwoLoops() throws Exception {
        // Three alternating rounds, median reported: clients, emulator and server share the same few cores, so one
        // round says little.
        double[][] rates = new double[2][3];
        for (int round = 0; round < 3; round++) {
            for (int loops = 1; loops <= 2; loops++) {
                HttpSysEventLoopGroup group = new HttpSysEventLoopGroup(loops);
                try {
                    AtomicInteger hops = new AtomicInteger();
                    run(group, group, hops, ConcurrentHashMap.newKeySet(), 20); // warm-up
                    rates[loops - 1][round] = run(group, group, hops, ConcurrentHashMap.newKeySet(), 150);
                    assertEquals(0, hops.get());
                } finally {
                    group.shutdownGracefully(0, 5, TimeUnit.SECONDS).sync();
                }
            }
        }
        for (double[] perLoops : rates) {
            java.util.Arrays.sort(perLoops);
        }
        System.out.printf("HTTP.SYS transport on the %s backend, %d keep-alive connections, %d cores, median of 3 "
                        + "rounds: 1 loop %.0f req/s, 2 loops %.0f req/s (all rounds: %s / %s)%n",
                HttpSys.backendName(), CONNECTIONS, Runtime.getRuntime().availableProcessors(), rates[0][1],
                rates[1][1], rounded(rates[0]), rounded(rates[1]));
    }

    private static String rounded(double[] rates) {
        return java.util.Arrays.stream(rates).mapToObj(rate -> String.format("%.0f", rate))
                .collect(java.util.stream.Collectors.joining(", ", "[", "]"));
    }
}
