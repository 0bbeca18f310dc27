package io.netty.contrib.httpsys.nativeapi.conformance;

import io.netty.contrib.httpsys.nativeapi.Http;
import io.netty.contrib.httpsys.nativeapi.WinError;
import io.netty.contrib.httpsys.nativeapi.struct.HttpRequestV2;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Behaviours 2.2 and 2.7, after Wine's {@code test_v1_relative_urls}: with {@code http://localhost:P/} on one queue
 * and {@code http://localhost:P/foobar/foo/} on another, each request goes to the longest matching prefix, also
 * when successive requests on one keep-alive connection go to different queues. Wine's two v1 queues are two URL
 * groups bound to two queues here; an overlapped receive waits on each queue so a misrouted request shows up as a
 * packet on the wrong port instead of a hang.
 */
@ExtendWith(WineHttpInitialize.class)
@Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class WineRelativeUrlsTest {

    private static final int BUFFER = 2048;

    @Test
    void requestsGoToTheLongestMatchingPrefix() {
        try (WineV2Server server = new WineV2Server()) {
            long group2 = server.createGroup();
            long queue2 = server.createQueue();
            server.bind(group2, queue2);
            int port = WineUrls.addUrlV2(server.api, server.group, "/");
            String url2 = WineUrls.localhost(port, "/foobar/foo/");
            assertEquals(0, server.api.HttpAddUrlToUrlGroup(group2, url2, 0, 0));

            try (WineCompletionPort completions1 = server.completionPort(server.queue, 1);
                 WineCompletionPort completions2 = server.completionPort(queue2, 2);
                 RawClient client = new RawClient(port)) {
                Receiver receiver1 = new Receiver(server, server.queue, completions1);
                Receiver receiver2 = new Receiver(server, queue2, completions2);

                client.send(WineExchange.simpleReq(port));
                receiver1.expect("/foobar", receiver2, client);
                for (String path : new String[] {"/foobar/foo/bar", "/foobar/foo", "/foobar/foo?a=b"}) {
                    client.send(WineExchange.relativeReq(path, port));
                    receiver2.expect(path, receiver1, client);
                }
                receiver1.cancel();
                receiver2.cancel();
            }
            assertEquals(0, WineUrls.removeUrlV2(server.api, server.group, port));
            assertEquals(0, server.api.HttpRemoveUrlFromUrlGroup(group2, url2, 0));

            assertEquals(0, server.api.HttpAddUrlToUrlGroup(server.group, WineUrls.localhost(port, "/barfoo/"), 0, 0));
            assertEquals(WinError.ERROR_ALREADY_EXISTS,
                    server.api.HttpAddUrlToUrlGroup(group2, WineUrls.localhost(port, "/barfoo/"), 0, 0));
            assertEquals(WinError.ERROR_ALREADY_EXISTS,
                    server.api.HttpAddUrlToUrlGroup(group2, WineUrls.localhost(port, "/barfoo"), 0, 0));
            assertEquals(WinError.ERROR_INVALID_PARAMETER,
                    server.api.HttpAddUrlToUrlGroup(group2, WineUrls.localhost(port, "/barfoo?a=b"), 0, 0));
        }
    }

    /** One queue with an overlapped receive always outstanding. */
    private static final class Receiver {

        private final WineV2Server server;
        private final long queue;
        private final WineCompletionPort completions;
        private final long req;
        private final long ovl;

        Receiver(WineV2Server server, long queue, WineCompletionPort completions) {
            this.server = server;
            this.queue = queue;
            this.completions = completions;
            req = server.arena.allocate(BUFFER);
            ovl = server.arena.overlapped();
            post();
        }

        private void post() {
            assertEquals(WinError.ERROR_IO_PENDING,
                    server.api.HttpReceiveHttpRequest(queue, Http.HTTP_NULL_ID, 0, req, BUFFER, 0, ovl));
        }

        /** The request for {@code path} arrives here and not at {@code other}; answers it and receives again. */
        void expect(String path, Receiver other, RawClient client) {
            WineCompletionPort.Packet packet = completions.take(ovl);
            assertEquals(0, packet.error());
            assertEquals(path, WineRequestView.rawUrl(req));
            other.completions.assertEmpty();
            WineExchange.sendResponseV1(server.api, queue, HttpRequestV2.requestId(req), client);
            post();
        }

        void cancel() {
            assertTrue(server.io.CancelIoEx(queue, ovl), "CancelIoEx: " + server.io.GetLastError());
            assertEquals(WinError.ERROR_OPERATION_ABORTED, completions.take(ovl).error());
        }
    }
}
