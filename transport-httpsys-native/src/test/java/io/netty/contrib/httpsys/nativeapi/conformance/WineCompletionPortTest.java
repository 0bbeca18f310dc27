package io.netty.contrib.httpsys.nativeapi.conformance;

import io.netty.contrib.httpsys.nativeapi.Http;
import io.netty.contrib.httpsys.nativeapi.NtStatus;
import io.netty.contrib.httpsys.nativeapi.WinError;
import io.netty.contrib.httpsys.nativeapi.struct.HttpRequestV2;
import io.netty.contrib.httpsys.nativeapi.struct.Overlapped;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Behaviours section 7, after Wine's {@code test_v2_completion_port} (and {@code test_v1_completion_port}) and the
 * cancellation at the end of {@code test_v1_server}: one packet per request with the port's key and the caller's
 * OVERLAPPED, a synchronously successful send that still queues a packet, and a cancelled receive failing with 995.
 */
@ExtendWith(WineHttpInitialize.class)
@Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class WineCompletionPortTest {

    private static final long KEY = 123;
    private static final int BUFFER = 2048;

    @Test
    void oneRequestIsOnePacketAndASynchronousSendStillQueuesOne() {
        try (WineV2Server server = new WineV2Server();
             WineCompletionPort completions = server.completionPort(server.queue, KEY)) {
            completions.assertEmpty();
            long req = server.arena.allocate(BUFFER);
            long ovl = server.arena.overlapped();
            assertEquals(WinError.ERROR_IO_PENDING,
                    server.api.HttpReceiveHttpRequest(server.queue, Http.HTTP_NULL_ID, 0, req, BUFFER, 0, ovl));
            int port = WineUrls.addUrlV2(server.api, server.group, "/");
            try (RawClient client = new RawClient(port)) {
                completions.assertEmpty();
                client.send(WineExchange.simpleReq(port));

                WineCompletionPort.Packet received = completions.take(ovl);
                assertEquals(KEY, received.key());
                assertEquals(0, received.error());
                assertTrue(received.bytes() > HttpRequestV2.SIZE, "size " + received.bytes());
                completions.assertEmpty();

                long response = new ResponseBuilder(server.arena).status(418, "I'm a teapot").build();
                assertEquals(0, server.api.HttpSendHttpResponse(server.queue, HttpRequestV2.requestId(req), 0, response,
                        0, 0, 0, 0, ovl, 0));
                WineCompletionPort.Packet sent = completions.take(ovl);
                assertEquals(KEY, sent.key());
                assertEquals(0, sent.error());
                assertEquals(sent.bytes(), WineWireResponse.read(client, -1).wireLength(), "bytes sent vs bytes received");
                completions.assertEmpty();
            }
            assertEquals(0, WineUrls.removeUrlV2(server.api, server.group, port));
        }
    }

    @Test
    void aCancelledReceiveCompletesWithOperationAborted() {
        try (WineV2Server server = new WineV2Server();
             WineCompletionPort completions = server.completionPort(server.queue, KEY)) {
            int port = WineUrls.addUrlV2(server.api, server.group, "/");
            assertEquals(0, WineUrls.removeUrlV2(server.api, server.group, port));
            long ovl = server.arena.overlapped();
            assertEquals(WinError.ERROR_IO_PENDING, server.api.HttpReceiveHttpRequest(server.queue, Http.HTTP_NULL_ID, 0,
                    server.arena.allocate(BUFFER), BUFFER, 0, ovl));
            assertTrue(server.io.CancelIoEx(server.queue, ovl), "CancelIoEx: " + server.io.GetLastError());
            WineCompletionPort.Packet cancelled = completions.take(ovl);
            assertEquals(KEY, cancelled.key());
            assertEquals(WinError.ERROR_OPERATION_ABORTED, cancelled.error());
            assertEquals(0, cancelled.bytes());
            // What GetOverlappedResult reads: failure 995 with 0 bytes.
            assertEquals(WinError.ERROR_OPERATION_ABORTED,
                    server.io.RtlNtStatusToDosError(NtStatus.statusOf(Overlapped.internal(ovl))));
            assertEquals(0, Overlapped.internalHigh(ovl));
        }
    }
}
