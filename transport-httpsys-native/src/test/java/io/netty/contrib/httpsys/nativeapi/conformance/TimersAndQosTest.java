package io.netty.contrib.httpsys.nativeapi.conformance;

import io.netty.contrib.httpsys.nativeapi.Http;
import io.netty.contrib.httpsys.nativeapi.HttpSysBackend;
import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.WinError;
import io.netty.contrib.httpsys.nativeapi.struct.HttpBandwidthLimitInfo;
import io.netty.contrib.httpsys.nativeapi.struct.HttpConnectionLimitInfo;
import io.netty.contrib.httpsys.nativeapi.struct.HttpDataChunk;
import io.netty.contrib.httpsys.nativeapi.struct.HttpQosSettingInfo;
import io.netty.contrib.httpsys.nativeapi.struct.HttpRequestV2;
import io.netty.contrib.httpsys.nativeapi.struct.HttpResponseV2;
import io.netty.contrib.httpsys.nativeapi.struct.HttpServiceConfigTimeoutSet;
import io.netty.contrib.httpsys.nativeapi.struct.HttpTimeoutLimitInfo;
import io.netty.contrib.httpsys.nativeapi.struct.OverlappedEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The timers of {@code HttpServerTimeoutsProperty} and the connection limit of {@code HttpServerQosProperty}.
 * Timers are set to 1 s and the tests wait for the observable effect (the server ending the connection) with
 * the client's bounded read timeout (10 s), never with sleeps.
 *
 * <p>Sources: the {@code HTTP_TIMEOUT_LIMIT_INFO} reference (meaning of each timer; IdleConnection and
 * HeaderWait use the kernel's values until the first request is routed, the application's after it), and
 * "Types of errors logged by the HTTP Server API" (Timer_AppPool, Timer_EntityBody, Timer_MinBytesPerSecond
 * are connection timeouts; ConnLimit is a 503).
 */
@Timeout(60)
class TimersAndQosTest extends ServerTestBase {

    private static final int BUFFER = 4096;

    /** Sets the session's timers; zeros keep the defaults. */
    private void sessionTimeouts(int entityBody, int drainEntityBody, int requestQueue, int idle, int headerWait,
                                 int minSendRate) {
        long timeouts = arena.allocate(HttpTimeoutLimitInfo.SIZE);
        NativeAccess.setMemory(timeouts, HttpTimeoutLimitInfo.SIZE, (byte) 0);
        HttpTimeoutLimitInfo.setFlags(timeouts, 1);
        HttpTimeoutLimitInfo.setEntityBody(timeouts, entityBody);
        HttpTimeoutLimitInfo.setDrainEntityBody(timeouts, drainEntityBody);
        HttpTimeoutLimitInfo.setRequestQueue(timeouts, requestQueue);
        HttpTimeoutLimitInfo.setIdleConnection(timeouts, idle);
        HttpTimeoutLimitInfo.setHeaderWait(timeouts, headerWait);
        HttpTimeoutLimitInfo.setMinSendRate(timeouts, minSendRate);
        assertEquals(0, server.api.HttpSetServerSessionProperty(server.session, Http.HttpServerTimeoutsProperty,
                timeouts, HttpTimeoutLimitInfo.SIZE));
    }

    private long receive() {
        long buffer = arena.allocate(BUFFER);
        assertEquals(0, server.api.HttpReceiveHttpRequest(server.queue, 0, 0, buffer, BUFFER, 0, 0));
        return buffer;
    }

    private void respond(long request, String body) {
        long response = new ResponseBuilder(arena).body(body).build();
        assertEquals(0, server.api.HttpSendHttpResponse(server.queue, HttpRequestV2.requestId(request), 0, response,
                0, 0, 0, 0, 0, 0));
    }

    @Test
    void applicationIdleAndHeaderWaitTimersApplyAfterTheFirstRequest() {
        sessionTimeouts(0, 0, 0, 1, 1, 0);
        int port = server.addLocalhostUrl("/");
        try (RawClient idle = new RawClient(port); RawClient slow = new RawClient(port)) {
            idle.send(RawClient.simpleGet("/a", port));
            respond(receive(), "first");
            assertTrue(idle.readResponse().endsWith("first"));
            slow.send(RawClient.simpleGet("/b", port));
            respond(receive(), "second");
            assertTrue(slow.readResponse().endsWith("second"));
            slow.send("GET / HTTP/1.1\r\nHost: local");
            assertTrue(idle.isClosedByServer(), "IdleConnection did not close an idle keep-alive connection");
            assertTrue(slow.isClosedByServer(), "HeaderWait did not close a connection with a partial head");
        }
        assertQueueEmpty();
    }

    @Test
    void serviceWideIdleTimeoutAppliesBeforeTheFirstRequest() {
        assumeTrue(HttpSysBackend.current().isEmulated(),
                "on Windows this would change every HTTP.SYS application of the machine");
        long set = arena.allocate(HttpServiceConfigTimeoutSet.SIZE);
        HttpServiceConfigTimeoutSet.setKeyDesc(set, Http.IdleConnectionTimeout);
        HttpServiceConfigTimeoutSet.setParamDesc(set, 1);
        assertEquals(0, server.api.HttpSetServiceConfiguration(0, Http.HttpServiceConfigTimeout, set,
                HttpServiceConfigTimeoutSet.SIZE, 0));
        try {
            int port = server.addLocalhostUrl("/");
            try (RawClient idle = new RawClient(port)) {
                assertTrue(idle.isClosedByServer(), "the service-wide IdleConnectionTimeout did not apply");
            }
        } finally {
            assertEquals(0, server.api.HttpDeleteServiceConfiguration(0, Http.HttpServiceConfigTimeout, set,
                    HttpServiceConfigTimeoutSet.SIZE, 0));
        }
    }

    @Test
    void entityBodyTimerClosesAConnectionWhoseBodyStopsArriving() {
        sessionTimeouts(1, 0, 0, 0, 0, 0);
        int port = server.addLocalhostUrl("/");
        try (RawClient client = new RawClient(port)) {
            client.send("POST /upload HTTP/1.1\r\nHost: localhost:" + port + "\r\nContent-Length: 10\r\n\r\nabc");
            long request = receive();
            assertEquals(Http.HTTP_REQUEST_FLAG_MORE_ENTITY_BODY_EXISTS, HttpRequestV2.flags(request));
            assertTrue(client.isClosedByServer(), "EntityBody did not close the connection");
        }
    }

    @Test
    void drainEntityBodyTimerClosesAConnectionAfterTheResponse() {
        sessionTimeouts(60, 1, 0, 0, 0, 0);
        int port = server.addLocalhostUrl("/");
        try (RawClient client = new RawClient(port)) {
            client.send("POST /upload HTTP/1.1\r\nHost: localhost:" + port + "\r\nContent-Length: 10\r\n\r\nabc");
            respond(receive(), "early answer");
            assertTrue(client.readResponse().endsWith("early answer"));
            assertTrue(client.isClosedByServer(), "DrainEntityBody did not close the connection");
        }
    }

    @Test
    void requestQueueTimerDropsARequestNobodyReceives() {
        sessionTimeouts(0, 0, 1, 0, 0, 0);
        int port = server.addLocalhostUrl("/");
        try (RawClient client = new RawClient(port)) {
            client.send(RawClient.simpleGet("/waiting", port));
            assertTrue(client.isClosedByServer(), "RequestQueue did not time the connection out (or it answered)");
        }
        assertQueueEmpty();
    }

    @Test
    void minSendRateDropsAClientThatDoesNotRead() throws IOException {
        int bodyLength = 16 << 20;
        // 16 MB at 8 MB/s: two seconds for a client whose receive window is 16 KB and who reads nothing.
        sessionTimeouts(0, 0, 0, 0, 0, 8 << 20);
        int port = server.addLocalhostUrl("/");
        try (Socket socket = new Socket()) {
            socket.setReceiveBufferSize(16 << 10);
            socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(RawClient.simpleGet("/big", port).getBytes(StandardCharsets.US_ASCII));
            long request = receive();
            long connectionId = HttpRequestV2.connectionId(request);
            long chunk = arena.allocate(HttpDataChunk.SIZE);
            long body = arena.allocate(bodyLength);
            NativeAccess.setMemory(body, bodyLength, (byte) 'x');
            HttpDataChunk.setFromMemory(chunk, body, bodyLength);
            long response = new ResponseBuilder(arena).build();
            HttpResponseV2.setEntityChunkCount(response, 1);
            HttpResponseV2.setEntityChunks(response, chunk);
            awaitDisconnect(connectionId, () -> {
                int sent = server.api.HttpSendHttpResponse(server.queue, HttpRequestV2.requestId(request), 0,
                        response, 0, 0, 0, 0, 0, 0);
                assertTrue(sent == WinError.NO_ERROR || sent == WinError.ERROR_IO_PENDING, "send: " + sent);
            });
            assertTrue(readUntilEnd(socket.getInputStream()) < bodyLength, "the whole body arrived");
        }
    }

    /**
     * Waits (overlapped, through a completion port) for the kernel to see {@code connectionId} close, with the
     * wait already pending when {@code action} runs; fails after 10 s.
     */
    private void awaitDisconnect(long connectionId, Runnable action) {
        long completionPort = server.io.CreateIoCompletionPort(server.queue, 0, 7, 0);
        try {
            long ovl = arena.overlapped();
            assertEquals(WinError.ERROR_IO_PENDING, server.api.HttpWaitForDisconnect(server.queue, connectionId, ovl));
            action.run();
            long entry = arena.allocate(OverlappedEntry.SIZE);
            assertTrue(server.io.GetQueuedCompletionStatusEx(completionPort, entry, 1, arena.allocate(4), 10_000,
                    false), "the connection was not dropped");
            assertEquals(ovl, OverlappedEntry.overlapped(entry));
        } finally {
            server.io.CloseHandle(completionPort);
        }
    }

    private static long readUntilEnd(InputStream in) {
        long total = 0;
        byte[] buffer = new byte[64 << 10];
        try {
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
            }
        } catch (IOException reset) {
            // Dropped with a reset: what arrived before it counts.
        }
        return total;
    }

    private void connectionLimit(int maxConnections) {
        long limit = arena.allocate(HttpConnectionLimitInfo.SIZE);
        HttpConnectionLimitInfo.setFlags(limit, 1);
        HttpConnectionLimitInfo.setMaxConnections(limit, maxConnections);
        long qos = arena.allocate(HttpQosSettingInfo.SIZE);
        HttpQosSettingInfo.setQosType(qos, Http.HttpQosSettingTypeConnectionLimit);
        HttpQosSettingInfo.setQosSetting(qos, limit);
        assertEquals(0, server.api.HttpSetUrlGroupProperty(server.group, Http.HttpServerQosProperty, qos,
                HttpQosSettingInfo.SIZE));
    }

    @Test
    void connectionsBeyondTheQosLimitGet503UntilOneCloses() {
        connectionLimit(1);
        int port = server.addLocalhostUrl("/");
        try (RawClient first = new RawClient(port)) {
            first.send(RawClient.simpleGet("/one", port));
            long request = receive();
            long connectionId = HttpRequestV2.connectionId(request);
            respond(request, "one");
            assertTrue(first.readResponse().endsWith("one"));
            try (RawClient second = new RawClient(port)) {
                second.send(RawClient.simpleGet("/two", port));
                String refused = second.readResponse(true);
                assertTrue(refused.startsWith("HTTP/1.1 503 "), refused);
            }
            assertQueueEmpty();
            awaitDisconnect(connectionId, first::close);
        }
        try (RawClient third = new RawClient(port)) {
            third.send(RawClient.simpleGet("/three", port));
            respond(receive(), "three");
            assertTrue(third.readResponse().endsWith("three"));
        }
    }

    @Test
    void bandwidthLimitIsValidatedAndStored() {
        long limit = arena.allocate(HttpBandwidthLimitInfo.SIZE);
        HttpBandwidthLimitInfo.setFlags(limit, 1);
        HttpBandwidthLimitInfo.setMaxBandwidth(limit, 512);
        long qos = arena.allocate(HttpQosSettingInfo.SIZE);
        HttpQosSettingInfo.setQosType(qos, Http.HttpQosSettingTypeBandwidth);
        HttpQosSettingInfo.setQosSetting(qos, limit);
        // HTTP_BANDWIDTH_LIMIT_INFO: MaxBandwidth may not be below HTTP_MIN_ALLOWED_BANDWIDTH_THROTTLING_RATE (1024).
        assertEquals(WinError.ERROR_INVALID_PARAMETER, server.api.HttpSetServerSessionProperty(server.session,
                Http.HttpServerQosProperty, qos, HttpQosSettingInfo.SIZE));
        HttpBandwidthLimitInfo.setMaxBandwidth(limit, 4096);
        assertEquals(0, server.api.HttpSetServerSessionProperty(server.session, Http.HttpServerQosProperty, qos,
                HttpQosSettingInfo.SIZE));
        assumeTrue(HttpSysBackend.current().isEmulated(), "reading QoS back is the emulator's own report");
        HttpBandwidthLimitInfo.setMaxBandwidth(limit, 0);
        assertEquals(0, server.api.HttpQueryServerSessionProperty(server.session, Http.HttpServerQosProperty, qos,
                HttpQosSettingInfo.SIZE, arena.allocate(4)));
        assertEquals(4096, HttpBandwidthLimitInfo.maxBandwidth(limit));
    }
}
