package io.netty.contrib.httpsys.perf.nullkernel;

import io.netty.contrib.httpsys.nativeapi.struct.OverlappedEntry;

/**
 * A completion port's queue of packets for {@link NullKernel}: a growable ring of primitive fields under the
 * queue's monitor, so that queueing and dequeueing a packet allocate nothing (a {@code LinkedBlockingQueue} of
 * records would put about 60 bytes per request of the null kernel's own into the benchmark's B/op).
 */
final class PacketQueue {

    private long[] keys = new long[64];
    private long[] overlappeds = new long[64];
    private long[] internals = new long[64];
    private int[] bytes = new int[64];
    private int head;
    private int size;

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
            long deadline = System.nanoTime() + milliseconds * 1_000_000L;
            while (size == 0) {
                long left = milliseconds == -1 ? 0 : (deadline - System.nanoTime()) / 1_000_000L;
                if (milliseconds != -1 && left <= 0) {
                    break;
                }
                wait(left);
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
