package io.netty.contrib.httpsys.nativeapi.conformance;

import io.netty.contrib.httpsys.nativeapi.Http;
import io.netty.contrib.httpsys.nativeapi.NtStatus;
import io.netty.contrib.httpsys.nativeapi.WinError;
import io.netty.contrib.httpsys.nativeapi.struct.HttpRequestV2;
import io.netty.contrib.httpsys.nativeapi.struct.HttpTransportAddress;
import io.netty.contrib.httpsys.nativeapi.struct.Overlapped;
import io.netty.contrib.httpsys.nativeapi.struct.SockaddrIn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.InetSocketAddress;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Behaviours 3.3 and 3.4, after Wine's {@code test_v1_multiple_requests}: two outstanding receives are completed in
 * the order they were posted, one per request; two requests pipelined on one connection are released one at a time,
 * the second only once the first has been answered, with the same ConnectionId and different RequestIds.
 */
@ExtendWith(WineHttpInitialize.class)
@Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class WineMultipleRequestsTest {

    private static final int BUFFER = 2048;

    @Test
    void receivesCompleteFirstPostedFirstAndPipelinedRequestsWaitForTheirTurn() {
        try (WineV2Server server = new WineV2Server();
             WineCompletionPort completions = server.completionPort(server.queue, 3)) {
            int port = WineUrls.addUrlV2(server.api, server.group, "/");
            long req1 = server.arena.allocate(BUFFER);
            long req2 = server.arena.allocate(BUFFER);
            long ovl1 = server.arena.overlapped();
            long ovl2 = server.arena.overlapped();
            String request = WineExchange.simpleReq(port);
            try (RawClient s1 = new RawClient(port); RawClient s2 = new RawClient(port)) {
                assertEquals(WinError.ERROR_IO_PENDING, receive(server, req1, ovl1));
                assertEquals(WinError.ERROR_IO_PENDING, receive(server, req2, ovl2));
                assertEquals(NtStatus.STATUS_PENDING, NtStatus.statusOf(Overlapped.internal(ovl1)));

                s1.send(request);
                completions.take(ovl1);
                completions.assertQuiet();
                assertEquals(NtStatus.STATUS_PENDING, NtStatus.statusOf(Overlapped.internal(ovl2)));
                s2.send(request);
                completions.take(ovl2);

                assertEquals(s1.socket.getLocalSocketAddress(), remote(req1));
                assertEquals(s2.socket.getLocalSocketAddress(), remote(req2));
                assertNotEquals(HttpRequestV2.connectionId(req1), HttpRequestV2.connectionId(req2));
                assertNotEquals(HttpRequestV2.requestId(req1), HttpRequestV2.requestId(req2));

                long response = new ResponseBuilder(server.arena).status(418, "I'm a teapot").build();
                assertEquals(0, send(server, HttpRequestV2.requestId(req1), response, ovl1));
                assertEquals(0, send(server, HttpRequestV2.requestId(req2), response, ovl2));
                assertEquals(Set.of(ovl1, ovl2), Set.of(completions.take2()));
                WineWireResponse.read(s1, -1);
                WineWireResponse.read(s2, -1);

                // Several requests on one socket.
                assertEquals(WinError.ERROR_IO_PENDING, receive(server, req1, ovl1));
                assertEquals(WinError.ERROR_IO_PENDING, receive(server, req2, ovl2));
                s1.send(request);
                s1.send(request);
                completions.take(ovl1);
                completions.assertQuiet();
                assertEquals(NtStatus.STATUS_PENDING, NtStatus.statusOf(Overlapped.internal(ovl2)),
                        "second pipelined request delivered before the first was answered");

                assertEquals(0, send(server, HttpRequestV2.requestId(req1), response, ovl1));
                assertEquals(Set.of(ovl1, ovl2), Set.of(completions.take2()));
                assertEquals(HttpRequestV2.connectionId(req1), HttpRequestV2.connectionId(req2));
                assertNotEquals(HttpRequestV2.requestId(req1), HttpRequestV2.requestId(req2));
                WineWireResponse.read(s1, -1);
                WineExchange.sendResponseV1(server.api, server.queue, HttpRequestV2.requestId(req2), s1);
            }
            assertEquals(0, WineUrls.removeUrlV2(server.api, server.group, port));
        }
    }

    private static int receive(WineV2Server server, long req, long ovl) {
        return server.api.HttpReceiveHttpRequest(server.queue, Http.HTTP_NULL_ID, 0, req, BUFFER, 0, ovl);
    }

    private static int send(WineV2Server server, long requestId, long response, long ovl) {
        return server.api.HttpSendHttpResponse(server.queue, requestId, 0, response, 0, 0, 0, 0, ovl, 0);
    }

    private static InetSocketAddress remote(long req) {
        return SockaddrIn.toInetSocketAddress(HttpTransportAddress.remoteAddress(HttpRequestV2.address(req)));
    }
}
