package io.netty.contrib.httpsys.perf.nullkernel;

import io.netty.contrib.httpsys.nativeapi.Http;
import io.netty.contrib.httpsys.nativeapi.IoCompletion;
import io.netty.contrib.httpsys.nativeapi.NativeMemory;
import io.netty.contrib.httpsys.nativeapi.NtStatus;
import io.netty.contrib.httpsys.nativeapi.WinError;
import io.netty.contrib.httpsys.nativeapi.struct.HttpRequestV2;
import io.netty.contrib.httpsys.nativeapi.struct.Overlapped;
import io.netty.contrib.httpsys.nativeapi.struct.OverlappedEntry;
import io.netty.contrib.httpsys.perf.jmh.RequestSamples;
import io.netty.util.internal.PlatformDependent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The null kernel the per-request benchmark runs on: a batch delivered at once reaches one dequeue whole, every
 * receive gets its request and its packet, more receives than its rings start with are kept in order, and
 * cancelling completes what is still waiting.
 */
class NullKernelTest {

    private static final int RECEIVES = 100;
    private static final int BUFFER = 16 * 1024;
    private static final long KEY = 7;

    private final NullKernel kernel = new NullKernel();
    private final RequestImage image = RequestImage.of(RequestSamples.GET);
    private final long buffers = NativeMemory.allocate((long) RECEIVES * BUFFER);
    private final long overlappeds = NativeMemory.allocate((long) RECEIVES * Overlapped.SIZE);
    private final long entries = NativeMemory.allocate((long) RECEIVES * OverlappedEntry.SIZE);
    private final long out = NativeMemory.allocate(8);

    @AfterEach
    void free() {
        image.close();
        NativeMemory.free(buffers, (long) RECEIVES * BUFFER);
        NativeMemory.free(overlappeds, (long) RECEIVES * Overlapped.SIZE);
        NativeMemory.free(entries, (long) RECEIVES * OverlappedEntry.SIZE);
        NativeMemory.free(out, 8);
    }

    @Test
    void aBatchIsDequeuedWholeAndCancellingCompletesTheRest() {
        long port = kernel.CreateIoCompletionPort(IoCompletion.INVALID_HANDLE_VALUE, 0, 0, 1);
        assertEquals(WinError.NO_ERROR, kernel.HttpCreateRequestQueue(2, null, 0, 0, out));
        long queue = PlatformDependent.getLong(out);
        kernel.CreateIoCompletionPort(queue, port, KEY, 0);
        for (int i = 0; i < RECEIVES; i++) {
            assertEquals(WinError.ERROR_IO_PENDING, kernel.HttpReceiveHttpRequest(queue, 0, 0,
                    buffers + (long) i * BUFFER, BUFFER, 0, overlapped(i)));
        }
        assertEquals(RECEIVES, kernel.pendingReceives());
        assertFalse(kernel.deliver(image, RECEIVES + 1), "more than are waiting: none is completed");

        assertTrue(kernel.deliver(image, 80));
        assertTrue(kernel.GetQueuedCompletionStatusEx(port, entries, RECEIVES, out, 0, false));
        assertEquals(80, PlatformDependent.getInt(out), "one dequeue takes the whole batch");
        Set<Long> completed = new HashSet<>();
        for (int i = 0; i < 80; i++) {
            long entry = OverlappedEntry.at(entries, i);
            assertEquals(KEY, OverlappedEntry.completionKey(entry));
            assertEquals(image.length(), OverlappedEntry.numberOfBytesTransferred(entry));
            assertEquals(overlapped(i), OverlappedEntry.overlapped(entry), "first posted, first completed");
            completed.add(OverlappedEntry.overlapped(entry));
        }
        assertEquals(image.length(), Overlapped.internalHigh(overlapped(0)));
        for (int i : new int[] {0, 79}) {
            long request = buffers + (long) i * BUFFER;
            assertEquals(Http.HttpVerbGET, HttpRequestV2.verb(request), "buffer " + i + " holds the request");
            long rawUrl = HttpRequestV2.rawUrl(request);
            assertTrue(rawUrl > request && rawUrl < request + image.length(),
                    "buffer " + i + "'s pointers point into it, relocated");
        }

        assertTrue(kernel.CancelIoEx(queue, overlapped(90)));
        assertTrue(kernel.CancelIoEx(queue, 0));
        assertFalse(kernel.CancelIoEx(queue, 0), "nothing left to cancel");
        assertTrue(kernel.GetQueuedCompletionStatusEx(port, entries, RECEIVES, out, 0, false));
        assertEquals(20, PlatformDependent.getInt(out));
        assertEquals(overlapped(90), OverlappedEntry.overlapped(OverlappedEntry.at(entries, 0)));
        for (int i = 0; i < 20; i++) {
            long entry = OverlappedEntry.at(entries, i);
            assertEquals(NtStatus.STATUS_CANCELLED, OverlappedEntry.internal(entry));
            assertTrue(completed.add(OverlappedEntry.overlapped(entry)), "each receive completes once");
        }
        assertEquals(RECEIVES, completed.size());
        assertFalse(kernel.GetQueuedCompletionStatusEx(port, entries, RECEIVES, out, 0, false), "nothing more");
    }

    private long overlapped(int i) {
        return overlappeds + (long) i * Overlapped.SIZE;
    }
}
