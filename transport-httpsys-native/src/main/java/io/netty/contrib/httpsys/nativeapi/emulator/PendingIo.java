package io.netty.contrib.httpsys.nativeapi.emulator;

import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.NtStatus;
import io.netty.contrib.httpsys.nativeapi.struct.Overlapped;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One operation that did not complete inside the call that started it: an overlapped operation that returned
 * {@code ERROR_IO_PENDING}, or a synchronous call ({@code lpOverlapped == NULL}) whose caller blocks until it ends.
 *
 * <p>It completes exactly once. Whoever wants to write the caller's buffer first {@link #claim()}s it; a
 * cancelled or closed operation can no longer be claimed, so the emulator never writes into memory the caller
 * may already have freed. {@link #finish} then writes {@code OVERLAPPED.Internal} / {@code InternalHigh} and only
 * after that posts the completion packet.
 */
final class PendingIo {

    private final KernelHandle handle;
    private final long overlapped;
    private final AtomicBoolean claimed = new AtomicBoolean();
    private final CompletableFuture<long[]> synchronousResult;
    private volatile Runnable onAbort;
    private volatile boolean send;
    private volatile boolean cancellable = true;

    private PendingIo(KernelHandle handle, long overlapped) {
        this.handle = handle;
        this.overlapped = overlapped;
        this.synchronousResult = overlapped == 0 ? new CompletableFuture<>() : null;
    }

    /** Starts tracking an operation on {@code handle}; marks the OVERLAPPED pending like the I/O manager does. */
    static PendingIo start(KernelHandle handle, long overlapped) {
        PendingIo op = new PendingIo(handle, overlapped);
        if (overlapped != 0) {
            writeOverlapped(overlapped, NtStatus.STATUS_PENDING, 0);
        }
        handle.track(op);
        return op;
    }

    /**
     * Completes a call that ends inside the call itself with a success or a warning: writes the OVERLAPPED (the
     * I/O manager writes the IO_STATUS_BLOCK unless {@code NT_ERROR}) and posts a packet unless the handle skips
     * packets of synchronous non-errors. Without an OVERLAPPED nothing is written. An immediate error writes nothing
     * and posts nothing: its caller only returns the code (Wine {@code server/async.c}, {@code async_set_result}).
     */
    static void completeInline(KernelHandle handle, long overlapped, int status, long bytes) {
        if (overlapped == 0 || NtStatus.isError(status)) {
            return;
        }
        writeOverlapped(overlapped, status, bytes);
        handle.postCompletion(overlapped, status, bytes, true);
    }

    /** Marks a response send, which HttpShutdownRequestQueue lets complete. */
    PendingIo markSend() {
        send = true;
        return this;
    }

    boolean isSend() {
        return send;
    }

    /** Marks an operation that {@code CancelIoEx} leaves pending (a disconnect wait): closing its handle ends it. */
    PendingIo markUncancellable() {
        cancellable = false;
        return this;
    }

    boolean isCancellable() {
        return cancellable;
    }

    long overlapped() {
        return overlapped;
    }

    KernelHandle handle() {
        return handle;
    }

    /** Sets what to undo (unlink from wait lists) when the operation is cancelled or its handle closes. */
    void onAbort(Runnable onAbort) {
        this.onAbort = onAbort;
    }

    boolean isDone() {
        return claimed.get();
    }

    /** Takes the exclusive right to write the caller's memory and complete; {@code false} if already taken. */
    boolean claim() {
        if (!claimed.compareAndSet(false, true)) {
            return false;
        }
        handle.untrack(this);
        return true;
    }

    /** Completes a claimed operation. */
    void finish(int status, long bytes) {
        if (overlapped != 0) {
            writeOverlapped(overlapped, status, bytes);
            handle.postCompletion(overlapped, status, bytes, false);
        } else {
            synchronousResult.complete(new long[] {status, bytes});
        }
    }

    /** Claims and completes; {@code false} when someone else got there first. */
    boolean complete(int status, long bytes) {
        if (!claim()) {
            return false;
        }
        finish(status, bytes);
        return true;
    }

    /** Aborts with {@code status} (cancellation, handle close): unlinks, then completes with no bytes. */
    boolean abort(int status) {
        if (!claim()) {
            return false;
        }
        Runnable undo = onAbort;
        if (undo != null) {
            undo.run();
        }
        finish(status, 0);
        return true;
    }

    /**
     * Blocks until a synchronous operation ends; writes the byte count to {@code bytesOut} (if not NULL) on
     * success or {@code STATUS_BUFFER_OVERFLOW} and returns the Win32 error.
     */
    int awaitSynchronous(long bytesOut) {
        long[] result = synchronousResult.join();
        int status = (int) result[0];
        if (bytesOut != 0 && (status == NtStatus.STATUS_SUCCESS || status == NtStatusTable.STATUS_BUFFER_OVERFLOW)) {
            NativeAccess.putInt(bytesOut, (int) result[1]);
        }
        return NtStatusTable.toWin32(status);
    }

    private static void writeOverlapped(long overlapped, int status, long bytes) {
        // InternalHigh first: a poller that sees Internal leave STATUS_PENDING must find the byte count ready.
        Overlapped.setInternalHigh(overlapped, bytes);
        Overlapped.setInternal(overlapped, status & 0xFFFFFFFFL);
    }
}
