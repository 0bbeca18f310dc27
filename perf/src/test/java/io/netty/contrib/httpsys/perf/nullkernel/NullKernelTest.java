package io.netty.contrib.httpsys.perf.nullkernel;

import io.netty.contrib.httpsys.nativeapi.Http;
import io.netty.contrib.httpsys.nativeapi.IoCompletion;
import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.NativeMemory;
import io.netty.contrib.httpsys.nativeapi.NtStatus;
import io.netty.contrib.httpsys.nativeapi.WinError;
import io.netty.contrib.httpsys.nativeapi.struct.HttpRequestV2;
import io.netty.contrib.httpsys.nativeapi.struct.Overlapped;
import io.netty.contrib.httpsys.nativeapi.struct.OverlappedEntry;
import io.netty.contrib.httpsys.perf.jmh.RequestSamples;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The null kernel the per-request benchmark runs on: a batch delivered at once reaches one dequeue whole, every
 * receive gets its request and its packet, more receives than its rings start with are kept in order, and
 * cancelling completes what is still waiting; only a dequeue that has to wait adds to the kernel-wait CPU time.
 */
class NullKernelTest {

    private static final int RECEIVES = 100;
    private static final int BUFFER = 16 * 1024;
    private static final long KEY = 7;
    /** {@code INFINITE} (WinBase.h): a dequeue that waits for as long as it takes. */
    private static final int INFINITE = -1;

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
        long queue = NativeAccess.getLong(out);
        kernel.CreateIoCompletionPort(queue, port, KEY, 0);
        for (int i = 0; i < RECEIVES; i++) {
            assertEquals(WinError.ERROR_IO_PENDING, kernel.HttpReceiveHttpRequest(queue, 0, 0,
                    buffers + (long) i * BUFFER, BUFFER, 0, overlapped(i)));
        }
        assertEquals(RECEIVES, kernel.pendingReceives());
        assertFalse(kernel.deliver(image, RECEIVES + 1), "more than are waiting: none is completed");

        assertTrue(kernel.deliver(image, 80));
        assertTrue(kernel.GetQueuedCompletionStatusEx(port, entries, RECEIVES, out, 0, false));
        assertEquals(80, NativeAccess.getInt(out), "one dequeue takes the whole batch");
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
        assertEquals(20, NativeAccess.getInt(out));
        assertEquals(overlapped(90), OverlappedEntry.overlapped(OverlappedEntry.at(entries, 0)));
        for (int i = 0; i < 20; i++) {
            long entry = OverlappedEntry.at(entries, i);
            assertEquals(NtStatus.STATUS_CANCELLED, OverlappedEntry.internal(entry));
            assertTrue(completed.add(OverlappedEntry.overlapped(entry)), "each receive completes once");
        }
        assertEquals(RECEIVES, completed.size());
        assertFalse(kernel.GetQueuedCompletionStatusEx(port, entries, RECEIVES, out, 0, false), "nothing more");
    }

    @Test
    void aDequeueThatFindsItsPacketsQueuedCountsNoWait() {
        long port = portWithReceives(16);
        assertFalse(kernel.GetQueuedCompletionStatusEx(port, entries, RECEIVES, out, 0, false), "empty, no wait");

        assertTrue(kernel.deliver(image, 16));
        assertTrue(kernel.GetQueuedCompletionStatusEx(port, entries, RECEIVES, out, INFINITE, false));

        assertEquals(16, NativeAccess.getInt(out));
        assertEquals(0, kernel.waitCpuNanos(), "neither dequeue waited");
    }

    // Windows reads a thread's CPU time (GetThreadTimes) in clock ticks of about 15.6 ms, far longer than one wait.
    @Test
    @DisabledOnOs(OS.WINDOWS)
    void aDequeueThatWaitsForItsPacketsCountsTheCpuOfTheWait() throws Exception {
        long port = portWithReceives(16);
        AtomicReference<Thread> dequeuer = new AtomicReference<>();
        CompletableFuture<Integer> dequeued = CompletableFuture.supplyAsync(() -> {
            dequeuer.set(Thread.currentThread());
            return kernel.GetQueuedCompletionStatusEx(port, entries, RECEIVES, out, INFINITE, false)
                    ? NativeAccess.getInt(out) : 0;
        }, runnable -> new Thread(runnable, "dequeuer").start());
        awaitWaitingForAPacket(dequeuer);
        assertEquals(0, kernel.waitCpuNanos(), "counted when the wait ends");

        assertTrue(kernel.deliver(image, 16));

        assertEquals(16, dequeued.get(10, TimeUnit.SECONDS));
        // The first wait of a port is one of the timed ones; its estimate has the clock's own cost taken out, so
        // it can come out a little below zero, but never exactly zero the way an untimed wait counts.
        assertNotEquals(0, kernel.waitCpuNanos(), "the first wait was timed");
    }

    /** A completion port with a request queue associated and {@code count} receives posted on it. */
    private long portWithReceives(int count) {
        long port = kernel.CreateIoCompletionPort(IoCompletion.INVALID_HANDLE_VALUE, 0, 0, 1);
        assertEquals(WinError.NO_ERROR, kernel.HttpCreateRequestQueue(2, null, 0, 0, out));
        long queue = NativeAccess.getLong(out);
        kernel.CreateIoCompletionPort(queue, port, KEY, 0);
        for (int i = 0; i < count; i++) {
            assertEquals(WinError.ERROR_IO_PENDING, kernel.HttpReceiveHttpRequest(queue, 0, 0,
                    buffers + (long) i * BUFFER, BUFFER, 0, overlapped(i)));
        }
        return port;
    }

    /** Polls the dequeuing thread's state until it waits inside the completion port for a packet. */
    private static void awaitWaitingForAPacket(AtomicReference<Thread> dequeuer) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            Thread thread = dequeuer.get();
            if (thread != null && thread.getState() == Thread.State.WAITING && Arrays.stream(thread.getStackTrace())
                    .anyMatch(frame -> frame.getMethodName().equals("awaitPacket"))) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the dequeue did not start waiting: " + (thread == null ? "not started"
                        : thread.getState() + " " + Arrays.toString(thread.getStackTrace())));
            }
            Thread.onSpinWait();
        }
    }

    private long overlapped(int i) {
        return overlappeds + (long) i * Overlapped.SIZE;
    }
}
