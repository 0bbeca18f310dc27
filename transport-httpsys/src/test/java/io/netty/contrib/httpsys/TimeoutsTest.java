package io.netty.contrib.httpsys;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.contrib.httpsys.nativeapi.Http;
import io.netty.contrib.httpsys.nativeapi.HttpApi;
import io.netty.contrib.httpsys.nativeapi.HttpSysBackend;
import io.netty.contrib.httpsys.nativeapi.HttpSysException;
import io.netty.contrib.httpsys.nativeapi.NativeMemory;
import io.netty.contrib.httpsys.nativeapi.struct.HttpTimeoutLimitInfo;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.util.ReferenceCountUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link HttpSysChannelOption#TIMEOUTS}: the kernel's timers reach the URL group and close connections that a
 * client keeps waiting. Each timer is set to 1 s against HTTP.SYS's default of 120 s, and the client waits at most
 * {@link RawHttpClient}'s 10 s read timeout for the close: without the option the connection would stay open.
 * MinSendRate is checked only as far as the kernel reporting it back: when the emulator completes a large send
 * depends on its socket buffers, so a slow reader is no deterministic test of it.
 */
@ExtendWith(LeakCheck.class)
@Timeout(60)
class TimeoutsTest {

    private static final String KEEP_ALIVE_GET = "GET /first HTTP/1.1\r\nHost: localhost\r\n\r\n";

    private static TestServer server(HttpSysTimeouts timeouts) throws Exception {
        return TestServer.builder()
                .option(HttpSysChannelOption.TIMEOUTS, timeouts)
                .pipeline(ch -> ch.pipeline().addLast(new KeepAliveEcho()))
                .start();
    }

    @Test
    void headerWaitClosesAClientThatSendsHalfAHead() throws Exception {
        try (TestServer server = server(HttpSysTimeouts.builder().headerWait(Duration.ofSeconds(1)).build())) {
            RawHttpClient client = server.rawClient();
            // HTTP.SYS applies a URL group's HeaderWait once the connection's first request was routed to it.
            client.send(KEEP_ALIVE_GET);
            assertEquals(200, client.read().status);
            client.send("GET /second HTTP/1.1\r\nHost: localhost\r\n");
            client.expectClosedWithoutResponse();
        }
    }

    @Test
    void headerWaitTimesAHeadWhoseFirstBytesCameWhileTheRequestBeforeWasServed() throws Exception {
        try (TestServer server = server(HttpSysTimeouts.builder().headerWait(Duration.ofSeconds(1)).build())) {
            RawHttpClient client = server.rawClient();
            // Pipelined: the start of the second head waits in the kernel while the first request is served.
            client.send(KEEP_ALIVE_GET + "GET /second HTTP/1.1\r\nHost: localhost\r\n");
            assertEquals(200, client.read().status);
            client.expectClosedWithoutResponse();
        }
    }

    @Test
    void idleConnectionClosesAnIdleKeepAliveConnection() throws Exception {
        try (TestServer server = server(HttpSysTimeouts.builder().idleConnection(Duration.ofSeconds(1)).build())) {
            RawHttpClient client = server.rawClient();
            client.send(KEEP_ALIVE_GET);
            assertEquals(200, client.read().status);
            client.expectClosedWithoutResponse();
        }
    }

    @Test
    void entityBodyStopsASlowBody() throws Exception {
        AtomicBoolean delivered = new AtomicBoolean();
        try (TestServer server = TestServer.builder()
                .option(HttpSysChannelOption.TIMEOUTS, HttpSysTimeouts.builder()
                        .entityBody(Duration.ofSeconds(1)).build())
                .pipeline(ch -> ch.pipeline().addLast(new KeepAliveEcho() {
                    @Override
                    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest msg) {
                        delivered.set(true);
                        super.channelRead0(ctx, msg);
                    }
                }))
                .start()) {
            RawHttpClient client = server.rawClient();
            client.send("POST /upload HTTP/1.1\r\nHost: localhost\r\nContent-Length: 100\r\n\r\n0123456789");
            client.expectClosedWithoutResponse();
            assertFalse(delivered.get(), "a request whose body never completed reached the pipeline");
        }
    }

    /** Answered before its body arrived, a request's remaining body is drained by the kernel within DrainEntityBody. */
    @Test
    void drainEntityBodyBoundsTheDrainOfAnUnreadBody() throws Exception {
        try (TestServer server = TestServer.builder()
                .option(HttpSysChannelOption.AGGREGATE, false)
                .option(HttpSysChannelOption.TIMEOUTS, HttpSysTimeouts.builder()
                        .drainEntityBody(Duration.ofSeconds(1)).build())
                .pipeline(ch -> ch.pipeline().addLast(new ChannelInboundHandlerAdapter() {
                    @Override
                    public void channelRead(ChannelHandlerContext ctx, Object msg) {
                        if (msg instanceof HttpRequest) {
                            RequestResponseTest.respond(ctx, HttpResponseStatus.OK, "answered early");
                        }
                        ReferenceCountUtil.release(msg);
                    }
                }))
                .start()) {
            RawHttpClient client = server.rawClient();
            client.send("POST /upload HTTP/1.1\r\nHost: localhost\r\nContent-Length: 100\r\n\r\n0123456789");
            assertEquals("answered early", client.read().bodyText());
            client.expectClosedWithoutResponse();
        }
    }

    /** With {@code autoRead} off the server posts no receive, so the request waits in the queue until RequestQueue. */
    @Test
    void requestQueueDropsARequestThatNoReceiveTakes() throws Exception {
        try (TestServer server = TestServer.builder()
                .option(ChannelOption.AUTO_READ, false)
                .option(HttpSysChannelOption.TIMEOUTS, HttpSysTimeouts.builder()
                        .requestQueue(Duration.ofSeconds(1)).build())
                .start()) {
            RawHttpClient client = server.rawClient();
            client.send(KEEP_ALIVE_GET);
            client.expectClosedWithoutResponse();
        }
    }

    @Test
    void outOfRangeValuesAreRefusedWithTheFieldAndItsRange() {
        IllegalArgumentException fraction = assertThrows(IllegalArgumentException.class,
                () -> HttpSysTimeouts.builder().headerWait(Duration.ofMillis(1500)));
        assertTrue(fraction.getMessage().contains("headerWait"), fraction.getMessage());
        assertTrue(fraction.getMessage().contains("between 0 (the default) and 65535"), fraction.getMessage());
        IllegalArgumentException tooLong = assertThrows(IllegalArgumentException.class,
                () -> HttpSysTimeouts.builder().entityBody(Duration.ofSeconds(65536)));
        assertTrue(tooLong.getMessage().contains("HTTP_TIMEOUT_LIMIT_INFO.EntityBody is a USHORT"),
                tooLong.getMessage());
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> HttpSysTimeouts.builder().idleConnection(Duration.ofSeconds(-1)));
        assertTrue(negative.getMessage().contains("idleConnection"), negative.getMessage());
        for (long rate : new long[] {-1, 0x1_0000_0000L}) {
            IllegalArgumentException sendRate = assertThrows(IllegalArgumentException.class,
                    () -> HttpSysTimeouts.builder().minSendBytesPerSecond(rate));
            assertTrue(sendRate.getMessage().contains("minSendBytesPerSecond must be between 0"),
                    sendRate.getMessage());
            assertTrue(sendRate.getMessage().contains("4294967295"), sendRate.getMessage());
        }
        assertEquals(HttpSysTimeouts.DISABLED,
                HttpSysTimeouts.builder().requestQueue(HttpSysTimeouts.DISABLED).build().requestQueue());
    }

    @Test
    void allSixTimersReachTheUrlGroup() throws Exception {
        assertKernelHoldsAllSix();
    }

    /** The same, stated for the Windows kernel: the values are queried back from HTTP.SYS itself. */
    @Test
    @EnabledOnOs(OS.WINDOWS)
    void windowsKernelReportsTheTimersSet() throws Exception {
        assertEquals("native", HttpSysBackend.current().name());
        assertKernelHoldsAllSix();
    }

    private static void assertKernelHoldsAllSix() throws Exception {
        AtomicLong urlGroup = new AtomicLong();
        CallRecorder<HttpApi> kernel = CallRecorder.of(HttpApi.class, HttpSysBackend.current().httpApi())
                .observe("HttpSetUrlGroupProperty", args -> {
                    if ((Integer) args[1] == Http.HttpServerTimeoutsProperty) {
                        urlGroup.set((Long) args[0]);
                    }
                });
        HttpSysTimeouts timeouts = HttpSysTimeouts.builder()
                .entityBody(Duration.ofSeconds(11))
                .drainEntityBody(Duration.ofSeconds(12))
                .requestQueue(Duration.ofSeconds(13))
                .idleConnection(Duration.ofSeconds(14))
                .headerWait(Duration.ofSeconds(15))
                .minSendBytesPerSecond(HttpSysTimeouts.NO_MIN_SEND_RATE)
                .build();
        try (TestServer server = TestServer.builder().httpApi(kernel.proxy())
                .option(HttpSysChannelOption.TIMEOUTS, timeouts).start()) {
            assertEquals(timeouts, server.channel().config().getOption(HttpSysChannelOption.TIMEOUTS));
            assertTrue(urlGroup.get() != 0, "HttpServerTimeoutsProperty was never set on the URL group");
            long info = NativeMemory.allocate(HttpTimeoutLimitInfo.SIZE);
            try {
                HttpSysException.check(kernel.proxy().HttpQueryUrlGroupProperty(urlGroup.get(),
                        Http.HttpServerTimeoutsProperty, info, HttpTimeoutLimitInfo.SIZE, 0),
                        "HttpQueryUrlGroupProperty(HttpServerTimeoutsProperty)");
                assertEquals(11, HttpTimeoutLimitInfo.entityBody(info));
                assertEquals(12, HttpTimeoutLimitInfo.drainEntityBody(info));
                assertEquals(13, HttpTimeoutLimitInfo.requestQueue(info));
                assertEquals(14, HttpTimeoutLimitInfo.idleConnection(info));
                assertEquals(15, HttpTimeoutLimitInfo.headerWait(info));
                assertEquals(-1, HttpTimeoutLimitInfo.minSendRate(info));
            } finally {
                NativeMemory.free(info, HttpTimeoutLimitInfo.SIZE);
            }
        }
    }

    /** Answers every request with 200 and keeps the connection open for the next one. */
    private static class KeepAliveEcho extends SimpleChannelInboundHandler<FullHttpRequest> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            RequestResponseTest.respond(ctx, HttpResponseStatus.OK, request.uri());
        }
    }
}
