package io.netty.contrib.httpsys.perf.nullkernel;

import io.netty.contrib.httpsys.nativeapi.struct.OverlappedEntry;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A completion port's queue of packets for {@link NullKernel}: a growable ring of primitive fields under the
 * queue's monitor, so that queueing and dequeueing a packet allocate nothing (a {@code LinkedBlockingQueue} of
 * records would put about 60 bytes per request of the null kernel's own into the benchmark's B/op).
 *
 * <p>Dequeues that have to wait for their first packet feed the kernel's wait counter with the CPU time their
 * thread spends in the wait (parking, and being woken): on Windows that is kernel time inside
 * {@code GetQueuedCompletionStatusEx}, which the thread's CPU time includes and an in-memory pipeline never pays.
 * Reading a thread's CPU clock is itself a system call (about 1.4 µs on a 2-vCPU VM, more than a wait's own cost),
 * so only every {@value #SAMPLE_EVERY}th wait is timed, counted {@value #SAMPLE_EVERY} times, less the cost of one
 * clock read (measured once) that the two reads around it put inside the interval.
 */
final class PacketQueue {

    static final int SAMPLE_EVERY = 16;

    // ManagementFactory.getThreadMXBean() allocates; reading the current thread's CPU time through it does not.
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final long CLOCK_READ_NANOS = clockReadNanos();

    private final AtomicLong waitCpuNanos;
    private int waits;

    private long[] keys = new long[64];
    private long[] overlappeds = new long[64];
    private long[] internals = new long[64];
    private int[] bytes = new int[64];
    private int head;
    private int size;

    /** A queue whose dequeues add the CPU time they spend waiting for a packet to {@code waitCpuNanos}. */
    PacketQueue(AtomicLong waitCpuNanos) {
        this.waitCpuNanos = waitCpuNanos;
    }

    synchronized void add(long key, long overlapped, long internal, int transferred) {
        if (size == keys.length) {
            grow();
        }
        int slot = (head + size) & (keys.length - 1);
        keys[slot] = key;
        overlappeds[slot] = overlapped;
        internals[slot] = internal;
        bytes[slot] = transferred;
        size++;
        notifyAll();
    }

    /**
     * Moves up to {@code max} packets into the {@code OVERLAPPED_ENTRY} array at {@code entries}, waiting up to
     * {@code milliseconds} (-1: for ever) for the first; returns how many.
     */
    synchronized int removeTo(long entries, int max, int milliseconds) throws InterruptedException {
        if (size == 0 && milliseconds != 0) {
            if (waits++ % SAMPLE_EVERY != 0) {
                awaitPacket(milliseconds);
            } else {
                long cpuBefore = THREADS.getCurrentThreadCpuTime();
                try {
                    awaitPacket(milliseconds);
                } finally {
                    long waited = THREADS.getCurrentThreadCpuTime() - cpuBefore - CLOCK_READ_NANOS;
                    waitCpuNanos.addAndGet(SAMPLE_EVERY * waited);
                }
            }
        }
        int removed = 0;
        while (removed < max && size > 0) {
            long entry = OverlappedEntry.at(entries, removed++);
            OverlappedEntry.setCompletionKey(entry, keys[head]);
            OverlappedEntry.setOverlapped(entry, overlappeds[head]);
            OverlappedEntry.setInternal(entry, internals[head]);
            OverlappedEntry.setNumberOfBytesTransferred(entry, bytes[head]);
            head = (head + 1) & (keys.length - 1);
            size--;
        }
        return removed;
    }

    /** Waits until a packet is queued or {@code milliseconds} (-1: no limit) have passed. */
    private void awaitPacket(int milliseconds) throws InterruptedException {
        long deadline = System.nanoTime() + milliseconds * 1_000_000L;
        while (size == 0) {
            long left = milliseconds == -1 ? 0 : (deadline - System.nanoTime()) / 1_000_000L;
            if (milliseconds != -1 && left <= 0) {
                break;
            }
            wait(left);
        }
    }

    /** The mean CPU cost of reading this thread's CPU clock, over a thousand reads after a warm-up. */
    private static long clockReadNanos() {
        for (int i = 0; i < 200; i++) {
            THREADS.getCurrentThreadCpuTime();
        }
        int reads = 1000;
        long start = THREADS.getCurrentThreadCpuTime();
        for (int i = 1; i < reads; i++) {
            THREADS.getCurrentThreadCpuTime();
        }
        return (THREADS.getCurrentThreadCpuTime() - start) / reads;
    }

    private void grow() {
        int length = keys.length;
        keys = unwrap(keys, new long[length * 2]);
        overlappeds = unwrap(overlappeds, new long[length * 2]);
        internals = unwrap(internals, new long[length * 2]);
        int[] b = new int[length * 2];
        for (int i = 0; i < size; i++) {
            b[i] = bytes[(head + i) & (length - 1)];
        }
        bytes = b;
        head = 0;
    }

    private long[] unwrap(long[] from, long[] to) {
        for (int i = 0; i < size; i++) {
            to[i] = from[(head + i) & (from.length - 1)];
        }
        return to;
    }
}
