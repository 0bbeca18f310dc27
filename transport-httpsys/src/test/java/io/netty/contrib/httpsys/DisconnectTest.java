package io.netty.contrib.httpsys;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.contrib.httpsys.nativeapi.NativeMemory;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.CharsetUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Disconnect notification for handlers that answer later, from another thread: the request channel becomes
 * inactive when its client leaves (closes or resets), a keep-alive connection costs one disconnect wait however
 * many requests it carries, and closing the server never waits for a client that keeps its connection open.
 * HTTP.SYS documents no way to cancel {@code HttpWaitForDisconnect}, and the emulator does not let one be cancelled.
 */
@ExtendWith(LeakCheck.class)
@Timeout(60)
class DisconnectTest {

    private static final String GET = "GET /later HTTP/1.1\r\nHost: localhost\r\n\r\n";
    /** Far below the 5 s that HttpSysIoHandler.destroy waits for operations before it leaks their OVERLAPPEDs. */
    private static final long CLOSE_BOUND_MILLIS = 2_000;

    private final ExecutorService answerer = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopAnswerer() throws InterruptedException {
        answerer.shutdownNow();
        assertTrue(answerer.awaitTermination(10, TimeUnit.SECONDS));
    }

    @Test
    void handlerThatAnswersLaterSeesChannelInactiveWhenTheClientCloses() throws Exception {
        assertClientLeavingMakesTheRequestInactive(false);
    }

    @Test
    void clientResetWhileTheHandlerWaitsMakesTheRequestInactive() throws Exception {
        assertClientLeavingMakesTheRequestInactive(true);
    }

    @Test
    void manyRequestsAnsweredLaterOnOneKeepAliveConnectionHoldOneWait() throws Exception {
        int requests = 200;
        int[] liveChildren = new int[requests];
        int[] outstandingOperations = new int[requests];
        int[] disconnectWaits = new int[requests];
        try (TestServer server = TestServer.start(ch -> ch.pipeline().addLast(new AnswerLater(answerer) {
            @Override
            protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
                // On the loop that received the request: what it holds for the requests of this connection.
                LoopReceiver receiver = ((HttpSysRequestChannel) ctx.channel()).receiver();
                int i = Integer.parseInt(request.uri().substring(1));
                liveChildren[i] = receiver.liveChildren();
                outstandingOperations[i] = receiver.handler().outstandingOperations();
                disconnectWaits[i] = receiver.disconnects().pendingWaits();
                super.channelRead0(ctx, request);
            }
        }));
             RawHttpClient client = new RawHttpClient(server.port())) {
            for (int i = 0; i < requests; i++) {
                client.send("GET /" + i + " HTTP/1.1\r\nHost: localhost\r\n\r\n");
                RawHttpClient.Response response = client.read();
                assertEquals(200, response.status);
                assertEquals("later", response.bodyText());
            }
        }
        // From the second request on, the first request's wait watches the connection for all of them.
        for (int i = 1; i < requests; i++) {
            assertEquals(1, disconnectWaits[i], "disconnect waits pending at request " + i);
        }
        // Answered requests leave: what is live is the request at hand and those whose last completion is not
        // dequeued yet (a few, however many requests the connection carried), not one per earlier request.
        int last = requests - 1;
        int bound = requests / 4;
        assertTrue(liveChildren[last] < bound, "live request channels after " + requests + " requests on one "
                + "connection: " + liveChildren[last]);
        assertTrue(outstandingOperations[last] - outstandingOperations[0] < bound, "OVERLAPPEDs in use grew from "
                + outstandingOperations[0] + " to " + outstandingOperations[last]);
    }

    @Test
    void closingTheServerDoesNotWaitForAnIdleKeepAliveClient() throws Exception {
        assertServerClosesQuicklyWithAnIdleKeepAliveClient();
    }

    @Test
    @EnabledOnOs(OS.WINDOWS)
    void closingTheServerDoesNotWaitForAnIdleKeepAliveClientOnTheKernel() throws Exception {
        assumeFalse(HttpSys.isEmulated(), "the emulator is selected");
        assertServerClosesQuicklyWithAnIdleKeepAliveClient();
    }

    @Test
    @EnabledOnOs(OS.WINDOWS)
    void handlerThatAnswersLaterSeesChannelInactiveWhenTheClientClosesOnTheKernel() throws Exception {
        assumeFalse(HttpSys.isEmulated(), "the emulator is selected");
        assertClientLeavingMakesTheRequestInactive(false);
    }

    private void assertClientLeavingMakesTheRequestInactive(boolean reset) throws Exception {
        CompletableFuture<ChannelHandlerContext> received = new CompletableFuture<>();
        CompletableFuture<Void> inactive = new CompletableFuture<>();
        try (TestServer server = TestServer.start(ch -> ch.pipeline().addLast(
                new SimpleChannelInboundHandler<FullHttpRequest>() {
                    @Override
                    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
                        // Told after the delivery has returned, when the channel watches for the disconnect: the
                        // client then leaves while the wait is pending, not before it starts.
                        ctx.channel().eventLoop().execute(() -> received.complete(ctx));
                    }

                    @Override
                    public void channelInactive(ChannelHandlerContext ctx) {
                        inactive.complete(null);
                        ctx.fireChannelInactive();
                    }
                }))) {
            ChannelHandlerContext ctx;
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
                OutputStream out = socket.getOutputStream();
                out.write(GET.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                ctx = received.get(10, TimeUnit.SECONDS);
                if (reset) {
                    socket.setSoLinger(true, 0);
                }
            }
            inactive.get(10, TimeUnit.SECONDS);
            // The answer the handler had in the making has nowhere to go, and says so.
            ChannelFuture late = CompletableFuture.supplyAsync(() -> ctx.writeAndFlush(answer()), answerer)
                    .get(10, TimeUnit.SECONDS);
            assertTrue(late.await(10, TimeUnit.SECONDS));
            assertInstanceOf(ClosedChannelException.class, late.cause());
        }
    }

    private void assertServerClosesQuicklyWithAnIdleKeepAliveClient() throws Exception {
        long nativeBefore = NativeMemory.outstandingAllocations();
        TestServer server = TestServer.start(ch -> ch.pipeline().addLast(new AnswerLater(answerer)));
        try (RawHttpClient client = new RawHttpClient(server.port())) {
            client.send(GET);
            assertEquals(200, client.read().status);
            // The client keeps its connection open while the server and its event loops shut down.
            long start = System.nanoTime();
            server.close();
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(millis < CLOSE_BOUND_MILLIS, "closing the server took " + millis + " ms");
            // Every OVERLAPPED completed before its loop ended: the slab was freed, not leaked.
            assertEquals(nativeBefore, NativeMemory.outstandingAllocations(), "native memory left after close");
        }
    }

    private static FullHttpResponse answer() {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                Unpooled.copiedBuffer("later", CharsetUtil.US_ASCII));
        response.headers().set(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
        return response;
    }

    /** Answers every request from another thread, after the read has returned. */
    private static class AnswerLater extends SimpleChannelInboundHandler<FullHttpRequest> {
        private final ExecutorService answerer;

        AnswerLater(ExecutorService answerer) {
            this.answerer = answerer;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            answerer.execute(() -> ctx.writeAndFlush(answer()));
        }
    }
}
