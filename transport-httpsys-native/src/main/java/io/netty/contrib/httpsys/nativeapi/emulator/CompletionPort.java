package io.netty.contrib.httpsys.nativeapi.emulator;

import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.WinBase;
import io.netty.contrib.httpsys.nativeapi.WinError;
import io.netty.contrib.httpsys.nativeapi.struct.OverlappedEntry;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An emulated I/O completion port: a FIFO of {@link CompletionPacket}s that waiting threads dequeue in
 * batches, as {@code GetQueuedCompletionStatusEx} does.
 */
final class CompletionPort {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition packetsAvailable = lock.newCondition();
    private final ArrayDeque<CompletionPacket> packets = new ArrayDeque<>();
    private boolean closed;

    /** Queues a packet; packets posted after the port was closed are dropped, as nobody can dequeue them. */
    void post(CompletionPacket packet) {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            packets.add(packet);
            packetsAvailable.signal();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Removes up to {@code count} packets into the {@code OVERLAPPED_ENTRY} array at {@code entries}, waiting
     * up to {@code milliseconds} ({@link WinBase#INFINITE} waits forever) for the first one.
     *
     * @return {@code NO_ERROR}, {@code WAIT_TIMEOUT}, or {@code ERROR_ABANDONED_WAIT_0} when the port was
     *         closed while waiting
     */
    int dequeue(long entries, int count, long numEntriesRemoved, int milliseconds) {
        int removed = 0;
        lock.lock();
        try {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(milliseconds & 0xFFFFFFFFL);
            while (packets.isEmpty()) {
                if (closed) {
                    return WinError.ERROR_ABANDONED_WAIT_0;
                }
                if (milliseconds == WinBase.INFINITE) {
                    packetsAvailable.awaitUninterruptibly();
                    continue;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return WinError.WAIT_TIMEOUT;
                }
                try {
                    packetsAvailable.awaitNanos(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return WinError.WAIT_TIMEOUT;
                }
            }
            while (removed < count && !packets.isEmpty()) {
                CompletionPacket packet = packets.poll();
                long entry = entries + (long) removed * OverlappedEntry.SIZE;
                OverlappedEntry.setCompletionKey(entry, packet.completionKey());
                OverlappedEntry.setOverlapped(entry, packet.overlapped());
                OverlappedEntry.setInternal(entry, packet.status() & 0xFFFFFFFFL);
                OverlappedEntry.setNumberOfBytesTransferred(entry, packet.bytes());
                removed++;
            }
            if (!packets.isEmpty()) {
                // Another waiter may take the rest.
                packetsAvailable.signal();
            }
        } finally {
            lock.unlock();
        }
        NativeAccess.putInt(numEntriesRemoved, removed);
        return WinError.NO_ERROR;
    }

    /** Closes the port: waiting threads return {@code ERROR_ABANDONED_WAIT_0}, queued packets are discarded. */
    void close() {
        lock.lock();
        try {
            closed = true;
            packets.clear();
            packetsAvailable.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
