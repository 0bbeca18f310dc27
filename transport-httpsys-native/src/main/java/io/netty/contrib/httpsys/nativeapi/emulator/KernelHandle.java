package io.netty.contrib.httpsys.nativeapi.emulator;

import io.netty.contrib.httpsys.nativeapi.NtStatus;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A {@code HANDLE} that overlapped I/O is issued on: it can be associated with one completion port (with its
 * own key), can skip completion packets on synchronous success, and knows its operations in flight so
 * {@code CancelIoEx} and closing can abort them.
 */
abstract class KernelHandle {

    private final Set<PendingIo> inFlight = new LinkedHashSet<>();
    private CompletionPort port;
    private long completionKey;
    private boolean skipCompletionPortOnSuccess;
    private boolean closed;

    /** Associates this handle with {@code port}; {@code false} when it already has a port, as on Windows. */
    synchronized boolean associate(CompletionPort port, long completionKey) {
        if (this.port != null) {
            return false;
        }
        this.port = port;
        this.completionKey = completionKey;
        return true;
    }

    synchronized void setSkipCompletionPortOnSuccess(boolean skip) {
        skipCompletionPortOnSuccess = skip;
    }

    synchronized boolean skipsCompletionPortOnSuccess() {
        return skipCompletionPortOnSuccess;
    }

    synchronized boolean isClosed() {
        return closed;
    }

    /** Marks the handle closed and returns the operations it still had in flight. */
    synchronized List<PendingIo> markClosed() {
        closed = true;
        List<PendingIo> ops = new ArrayList<>(inFlight);
        inFlight.clear();
        return ops;
    }

    synchronized void track(PendingIo op) {
        inFlight.add(op);
    }

    synchronized void untrack(PendingIo op) {
        inFlight.remove(op);
    }

    /** The in-flight operations on {@code overlapped} ({@code 0}: all of them). */
    synchronized List<PendingIo> inFlight(long overlapped) {
        List<PendingIo> ops = new ArrayList<>();
        for (PendingIo op : inFlight) {
            if (overlapped == 0 || op.overlapped() == overlapped) {
                ops.add(op);
            }
        }
        return ops;
    }

    /** Posts the completion of an operation that was issued with {@code overlapped} on this handle. */
    void postCompletion(long overlapped, int status, long bytes, boolean synchronous) {
        CompletionPort target;
        long key;
        synchronized (this) {
            // FO_SKIP_COMPLETION_PORT: "skip queuing to the completion port when the IRP is completed
            // synchronously with a non-error status" (WDK, FILE_OBJECT) - successes and warnings alike.
            if (synchronous && skipCompletionPortOnSuccess && !NtStatus.isError(status)) {
                return;
            }
            target = port;
            key = completionKey;
        }
        if (target != null) {
            target.post(new CompletionPacket(key, overlapped, (int) bytes, status));
        }
    }
}
