package io.netty.contrib.httpsys.nativeapi.conformance;

import io.netty.contrib.httpsys.nativeapi.Http;
import io.netty.contrib.httpsys.nativeapi.WinError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Behaviours 6.1, after Wine's {@code test_v1_bad_request}: the kernel answers {@code foo\r\n} itself with
 * {@code 400 Bad Request} and {@code Connection: close}, the application never sees it, and data sent afterwards
 * meets a graceful FIN ({@code recv} returns 0 with no error), not a reset.
 */
@ExtendWith(WineHttpInitialize.class)
@Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class WineBadRequestTest {

    @Test
    void aMalformedRequestGetsA400AndAGracefulClose() throws IOException {
        try (WineV2Server server = new WineV2Server();
             WineCompletionPort completions = server.completionPort(server.queue, 4)) {
            int port = WineUrls.addUrlV2(server.api, server.group, "/");
            long ovl = server.arena.overlapped();
            assertEquals(WinError.ERROR_IO_PENDING, server.api.HttpReceiveHttpRequest(server.queue, Http.HTTP_NULL_ID, 0,
                    server.arena.allocate(2048), 2048, 0, ovl));
            try (RawClient client = new RawClient(port)) {
                client.send("foo\r\n");
                WineWireResponse wire = WineWireResponse.read(client, -1);
                assertEquals("HTTP/1.1 400 Bad Request", wire.statusLine());
                assertTrue(wire.headerLines().contains("Connection: close"), "Connection: close in " + wire.headerLines());

                client.send("foo\r\n");
                assertEquals(-1, client.socket.getInputStream().read(), "connection should be shut down");
            }
            completions.assertEmpty();
            assertTrue(server.io.CancelIoEx(server.queue, ovl));
            assertEquals(WinError.ERROR_OPERATION_ABORTED, completions.take(ovl).error(), "the app saw the bad request");
            assertEquals(0, WineUrls.removeUrlV2(server.api, server.group, port));
        }
    }
}
