package io.netty.contrib.httpsys.perf.nullkernel;

/**
 * The receives {@link NullKernel} holds until the benchmark delivers a request: a growable ring of primitive
 * fields under one monitor, first in first out, allocation-free on the per-request path.
 */
final class PendingReceives {

    /** What {@link #poll} and {@link #removeMatching} hand out; one instance per caller, reused. */
    static final class Receive {
        long queue;
        long buffer;
        int length;
        long overlapped;
    }

    private long[] queues = new long[64];
    private long[] buffers = new long[64];
    private int[] lengths = new int[64];
    private long[] overlappeds = new long[64];
    private int head;
    private int size;

    synchronized void add(long queue, long buffer, int length, long overlapped) {
        if (size == queues.length) {
            compact(queues.length * 2);
        }
        int slot = (head + size) & (queues.length - 1);
        queues[slot] = queue;
        buffers[slot] = buffer;
        lengths[slot] = length;
        overlappeds[slot] = overlapped;
        size++;
    }

    /** Moves the oldest receive into {@code into}; {@code false} when none is waiting. */
    synchronized boolean poll(Receive into) {
        if (size == 0) {
            return false;
        }
        copy(head, into);
        head = (head + 1) & (queues.length - 1);
        size--;
        return true;
    }

    /**
     * Removes the first receive on {@code queue} for {@code overlapped} (0: any) into {@code into}, keeping the
     * others in order; {@code false} when there is none.
     */
    synchronized boolean removeMatching(long queue, long overlapped, Receive into) {
        for (int i = 0; i < size; i++) {
            int slot = (head + i) & (queues.length - 1);
            if (queues[slot] == queue && (overlapped == 0 || overlappeds[slot] == overlapped)) {
                copy(slot, into);
                compact(queues.length);
                removeAt(i);
                return true;
            }
        }
        return false;
    }

    private void removeAt(int i) {
        System.arraycopy(queues, i + 1, queues, i, size - i - 1);
        System.arraycopy(buffers, i + 1, buffers, i, size - i - 1);
        System.arraycopy(lengths, i + 1, lengths, i, size - i - 1);
        System.arraycopy(overlappeds, i + 1, overlappeds, i, size - i - 1);
        size--;
    }

    private void copy(int slot, Receive into) {
        into.queue = queues[slot];
        into.buffer = buffers[slot];
        into.length = lengths[slot];
        into.overlapped = overlappeds[slot];
    }

    /** Lays the ring out from index 0 in arrays of {@code capacity} (a power of two). */
    private void compact(int capacity) {
        long[] q = new long[capacity];
        long[] b = new long[capacity];
        int[] l = new int[capacity];
        long[] o = new long[capacity];
        for (int i = 0; i < size; i++) {
            int slot = (head + i) & (queues.length - 1);
            q[i] = queues[slot];
            b[i] = buffers[slot];
            l[i] = lengths[slot];
            o[i] = overlappeds[slot];
        }
        queues = q;
        buffers = b;
        lengths = l;
        overlappeds = o;
        head = 0;
    }
}
