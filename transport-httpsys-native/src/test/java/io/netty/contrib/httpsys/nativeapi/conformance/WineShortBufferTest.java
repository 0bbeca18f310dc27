package io.netty.contrib.httpsys.nativeapi.conformance;

import io.netty.contrib.httpsys.nativeapi.Http;
import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.WinError;
import io.netty.contrib.httpsys.nativeapi.struct.HttpRequestV2;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Behaviours 3.5, after Wine's {@code test_v1_short_buffer}: 122 below the fixed struct, 234 with the required size
 * once it fits, and from then on the request belongs to its id, so a receive with {@code HTTP_NULL_ID} stays
 * pending. Wine uses {@code sizeof(HTTP_REQUEST_V1)} (848) on a v1 queue; on this v2 queue the 234 case uses
 * {@code sizeof(HTTP_REQUEST_V2)} (864), which holds for both struct sizes.
 */
@ExtendWith(WineHttpInitialize.class)
@Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class WineShortBufferTest {

    private static final int BUFFER = 2048;

    @Test
    void aShortBufferBindsTheRequestToItsId() {
        try (WineV2Server server = new WineV2Server();
             WineCompletionPort completions = server.completionPort(server.queue, 1)) {
            int port = WineUrls.addUrlV2(server.api, server.group, "/");
            try (RawClient client = new RawClient(port)) {
                client.send(WineExchange.simpleReq(port));
                long req = server.arena.guarded(BUFFER);
                long size = server.arena.allocate(4);

                NativeAccess.putInt(size, 1);
                assertEquals(WinError.ERROR_INSUFFICIENT_BUFFER, server.api.HttpReceiveHttpRequest(server.queue,
                        Http.HTTP_NULL_ID, 0, req, WineExchange.HTTP_REQUEST_V1_SIZE - 1, size, 0));
                int reported = NativeAccess.getInt(size);
                assertTrue(reported == 1 /* win < 10 */ || reported == 0, "size " + reported);

                NativeAccess.putInt(size, 1);
                req = server.arena.guarded(HttpRequestV2.SIZE);
                assertEquals(WinError.ERROR_MORE_DATA, server.api.HttpReceiveHttpRequest(server.queue,
                        Http.HTTP_NULL_ID, 0, req, HttpRequestV2.SIZE, size, 0));
                NativeArena.assertGuardIntact(req, HttpRequestV2.SIZE);
                int required = NativeAccess.getInt(size);
                assertTrue(required > HttpRequestV2.SIZE, "required size " + required);
                assertNotEquals(0, HttpRequestV2.connectionId(req));
                long requestId = HttpRequestV2.requestId(req);
                assertNotEquals(0, requestId);
                assertEquals(0, HttpRequestV2.version(req) & 0xFFFF, "major version");
                assertEquals(0, HttpRequestV2.bytesReceived(req));

                long other = server.arena.allocate(BUFFER);
                long ovl = server.arena.overlapped();
                assertEquals(WinError.ERROR_IO_PENDING, server.api.HttpReceiveHttpRequest(server.queue,
                        Http.HTTP_NULL_ID, 0, other, BUFFER, 0, ovl), "the request is bound to its id now");

                req = server.arena.guarded(required - 1);
                assertEquals(WinError.ERROR_MORE_DATA, server.api.HttpReceiveHttpRequest(server.queue, requestId, 0,
                        req, required - 1, size, 0));
                assertEquals(requestId, HttpRequestV2.requestId(req));
                NativeArena.assertGuardIntact(req, required - 1);
                assertEquals(WinError.ERROR_MORE_DATA, server.api.HttpReceiveHttpRequest(server.queue, requestId, 0,
                        req, required - 1, 0, 0));
                assertEquals(requestId, HttpRequestV2.requestId(req));

                req = server.arena.guarded(required);
                assertEquals(0, server.api.HttpReceiveHttpRequest(server.queue, requestId, 0, req, required, size, 0));
                assertEquals(requestId, HttpRequestV2.requestId(req));
                assertEquals("/foobar", WineRequestView.rawUrl(req));
                NativeArena.assertGuardIntact(req, required);

                completions.assertEmpty();
                WineExchange.sendResponseV1(server.api, server.queue, requestId, client);
                assertEquals(WinError.ERROR_CONNECTION_INVALID, server.api.HttpReceiveHttpRequest(server.queue,
                        requestId, 0, req, required, size, 0));

                assertTrue(server.io.CancelIoEx(server.queue, ovl), "CancelIoEx: " + server.io.GetLastError());
                WineCompletionPort.Packet cancelled = completions.take(ovl);
                assertEquals(WinError.ERROR_OPERATION_ABORTED, cancelled.error());
            }
            assertEquals(0, WineUrls.removeUrlV2(server.api, server.group, port));
        }
    }
}
