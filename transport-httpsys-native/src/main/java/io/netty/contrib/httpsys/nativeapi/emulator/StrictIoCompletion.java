package io.netty.contrib.httpsys.nativeapi.emulator;

import io.netty.contrib.httpsys.nativeapi.IoCompletion;
import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.NtStatus;
import io.netty.contrib.httpsys.nativeapi.WinBase;
import io.netty.contrib.httpsys.nativeapi.WinError;
import io.netty.contrib.httpsys.nativeapi.struct.Overlapped;
import io.netty.contrib.httpsys.nativeapi.struct.OverlappedEntry;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The emulated completion-port functions in {@link StrictMode}: {@code GetQueuedCompletionStatusEx} holds some
 * packets of completed operations back for a random time and queues them again, so completions reach the caller
 * late and in another order than the operations completed (Windows orders nothing between operations; a packet
 * may wait in the port while the thread is busy elsewhere). It also reports a file send marked by
 * {@link StrictHttpApi} as {@code STATUS_END_OF_FILE} instead of success. Wake-ups posted by the application
 * ({@code lpOverlapped == NULL}) are never held back. Everything else passes through.
 */
final class StrictIoCompletion extends ForwardingIoCompletion {

    private final Kernel kernel;
    private final StrictMode strict;
    /** The packets queued again after a hold-back: each is held back at most once. */
    private final Set<Long> heldBack = ConcurrentHashMap.newKeySet();

    StrictIoCompletion(Kernel kernel, IoCompletion emulated, StrictMode strict) {
        super(emulated);
        this.kernel = kernel;
        this.strict = strict;
    }

    @Override
    public boolean GetQueuedCompletionStatusEx(long completionPort, long completionPortEntries, int count,
                                               long numEntriesRemoved, int milliseconds, boolean alertable) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(milliseconds & 0xFFFFFFFFL);
        int wait = milliseconds;
        while (true) {
            if (!delegate.GetQueuedCompletionStatusEx(completionPort, completionPortEntries, count,
                    numEntriesRemoved, wait, alertable)) {
                return false;
            }
            int removed = NativeAccess.getInt(numEntriesRemoved);
            int kept = 0;
            for (int i = 0; i < removed; i++) {
                long entry = OverlappedEntry.at(completionPortEntries, i);
                long overlapped = OverlappedEntry.overlapped(entry);
                if (overlapped != 0) {
                    reportEndOfFile(entry, overlapped);
                    if (!heldBack.remove(overlapped) && strict.delay()) {
                        holdBack(completionPort, entry);
                        continue;
                    }
                }
                if (kept != i) {
                    NativeAccess.copyMemory(entry, OverlappedEntry.at(completionPortEntries, kept),
                            OverlappedEntry.SIZE);
                }
                kept++;
            }
            if (kept > 0) {
                NativeAccess.putInt(numEntriesRemoved, kept);
                return true;
            }
            // Everything dequeued was held back: wait on for what is left of the caller's time (a poll polls
            // once more, so that an empty port still answers WAIT_TIMEOUT).
            if (milliseconds != WinBase.INFINITE) {
                wait = (int) Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
            }
        }
    }

    private void reportEndOfFile(long entry, long overlapped) {
        if (strict.takeEndOfFileOnSuccess(overlapped)
                && NtStatus.statusOf(OverlappedEntry.internal(entry)) == NtStatus.STATUS_SUCCESS) {
            strict.count(WinError.ERROR_HANDLE_EOF + " " + WinError.nameOf(WinError.ERROR_HANDLE_EOF));
            OverlappedEntry.setInternal(entry, NtStatus.STATUS_END_OF_FILE & 0xFFFFFFFFL);
            Overlapped.setInternal(overlapped, NtStatus.STATUS_END_OF_FILE & 0xFFFFFFFFL);
        }
    }

    /** Queues the packet in {@code entry} on its port again after a random delay; a closed port drops it. */
    private void holdBack(long completionPort, long entry) {
        strict.count("delayed");
        heldBack.add(OverlappedEntry.overlapped(entry));
        CompletionPacket packet = new CompletionPacket(OverlappedEntry.completionKey(entry),
                OverlappedEntry.overlapped(entry), OverlappedEntry.numberOfBytesTransferred(entry),
                NtStatus.statusOf(OverlappedEntry.internal(entry)));
        strict.later(() -> {
            CompletionPort port = kernel.handles().get(completionPort, CompletionPort.class);
            if (port != null) {
                port.post(packet);
            }
        });
    }
}
