package io.netty.contrib.httpsys.nativeapi.conformance;

import io.netty.contrib.httpsys.nativeapi.Http;
import io.netty.contrib.httpsys.nativeapi.IoCompletion;
import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.NativeMemory;
import io.netty.contrib.httpsys.nativeapi.NtStatus;
import io.netty.contrib.httpsys.nativeapi.WinError;
import io.netty.contrib.httpsys.nativeapi.struct.HttpCookedUrl;
import io.netty.contrib.httpsys.nativeapi.struct.HttpRequestV2;
import io.netty.contrib.httpsys.nativeapi.struct.OverlappedEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The path the transport takes, end to end with a real HTTP client: session, group, queue, binding, a
 * completion port, overlapped receives, memory-chunk responses, keep-alive, on {@code http://+:P/} and on a
 * {@code http://localhost:P/app/} prefix.
 */
@Timeout(60)
class BasicPathTest {

    private static final long KEY = 0x1234;

    @Test
    void servesKeepAliveRequestsThroughACompletionPort() throws Exception {
        long allocationsBefore = NativeMemory.outstandingAllocations();
        try (TestServer server = new TestServer()) {
            IoCompletion io = server.io;
            int strongPort = server.addUrl(server.group, "http://+:%d/", 1);
            int appPort = server.addUrl(server.group, "http://localhost:%d/app/", 2);
            long port = io.CreateIoCompletionPort(server.queue, 0, KEY, 0);
            assertTrue(port != 0, "CreateIoCompletionPort: " + io.GetLastError());
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            List<String> urls = List.of("http://127.0.0.1:" + strongPort + "/one",
                    "http://127.0.0.1:" + strongPort + "/two?x=1", "http://localhost:" + appPort + "/app/three");
            List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
            for (String url : urls) {
                responses.add(client.sendAsync(HttpRequest.newBuilder(URI.create(url)).build(),
                        HttpResponse.BodyHandlers.ofString()));
                serveOne(server, port);
            }
            for (int i = 0; i < urls.size(); i++) {
                HttpResponse<String> response = responses.get(i).get(15, TimeUnit.SECONDS);
                assertEquals(200, response.statusCode());
                assertEquals("hello " + URI.create(urls.get(i)).getRawPath(), response.body());
                assertTrue(response.headers().firstValue("Date").isPresent());
            }
            assertTrue(io.CloseHandle(port));
        }
        assertEquals(allocationsBefore, NativeMemory.outstandingAllocations());
    }

    /** One overlapped receive, one response, both completions dequeued from the port. */
    private static void serveOne(TestServer server, long port) {
        try (NativeArena arena = new NativeArena()) {
            long buffer = arena.allocate(4096);
            long ovl = arena.overlapped();
            long entries = arena.allocate(OverlappedEntry.SIZE * 4L);
            long removed = arena.allocate(4);
            int error = server.api.HttpReceiveHttpRequest(server.queue, Http.HTTP_NULL_ID, 0, buffer, 4096, 0, ovl);
            assertTrue(error == WinError.ERROR_IO_PENDING || error == WinError.NO_ERROR, "receive: " + error);
            assertTrue(server.io.GetQueuedCompletionStatusEx(port, entries, 4, removed, 10_000, false),
                    "no receive completion: " + server.io.GetLastError());
            assertEquals(1, NativeAccess.getInt(removed));
            assertEquals(ovl, OverlappedEntry.overlapped(entries));
            assertEquals(KEY, OverlappedEntry.completionKey(entries));
            assertEquals(NtStatus.STATUS_SUCCESS, NtStatus.statusOf(OverlappedEntry.internal(entries)));
            long cooked = HttpRequestV2.cookedUrl(buffer);
            String path = NativeAccess.getUtf16String(HttpCookedUrl.absPath(cooked), HttpCookedUrl.absPathLength(cooked));
            long requestId = HttpRequestV2.requestId(buffer);

            long response = new ResponseBuilder(arena).body("hello ", path).build();
            error = server.api.HttpSendHttpResponse(server.queue, requestId, 0, response, 0, 0, 0, 0, ovl, 0);
            assertTrue(error == WinError.ERROR_IO_PENDING || error == WinError.NO_ERROR, "send: " + error);
            assertTrue(server.io.GetQueuedCompletionStatusEx(port, entries, 4, removed, 10_000, false),
                    "no send completion: " + server.io.GetLastError());
            assertEquals(ovl, OverlappedEntry.overlapped(entries));
        }
    }
}
