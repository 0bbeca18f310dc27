package io.netty.contrib.httpsys.nativeapi.emulator;

import io.netty.contrib.httpsys.nativeapi.Http;
import io.netty.contrib.httpsys.nativeapi.HttpApi;
import io.netty.contrib.httpsys.nativeapi.NtStatus;
import io.netty.contrib.httpsys.nativeapi.WinError;
import io.netty.contrib.httpsys.nativeapi.struct.HttpDataChunk;
import io.netty.contrib.httpsys.nativeapi.struct.HttpRequestV2;
import io.netty.contrib.httpsys.nativeapi.struct.HttpResponseV2;
import io.netty.contrib.httpsys.nativeapi.struct.Overlapped;

/**
 * The emulated {@code httpapi.dll} in {@link StrictMode}: each asynchronous function first asks the plan whether
 * to fail (an error the function documents, or a client dropped), then calls the emulator, then may turn a result
 * the emulator gave at once into {@code ERROR_IO_PENDING} with the same result completed later, from another
 * thread, as Windows may (whether a call completes inside itself is the driver's choice, never the caller's).
 *
 * <p>Every injected fault leaves the kernel objects as Windows would: an error that means the client is gone
 * ({@code ERROR_CONNECTION_INVALID}, {@code ERROR_NETNAME_DELETED}, {@code ERROR_OPERATION_ABORTED},
 * {@code ERROR_INVALID_PARAMETER} on a retry by id) first resets the request's connection, as
 * {@code HttpCancelHttpRequest} does; {@code ERROR_NOT_ENOUGH_MEMORY} changes nothing (the call did not start);
 * {@code ERROR_HANDLE_EOF} is reported only for a file send that wrote everything (ASP.NET Core counts it as
 * success: ResponseStreamAsyncResult.IOCompleted). A failure inside the call writes nothing and posts no packet;
 * a failure reported as a completion marks the {@code OVERLAPPED} pending, then writes it and posts the packet.
 * Functions without an {@code OVERLAPPED} and the configuration functions pass straight through.
 */
final class StrictHttpApi extends ForwardingHttpApi {

    private final Kernel kernel;
    private final StrictMode strict;

    StrictHttpApi(Kernel kernel, HttpApi emulated, StrictMode strict) {
        super(emulated);
        this.kernel = kernel;
        this.strict = strict;
    }

    // ---- the asynchronous functions

    @Override
    public int HttpReceiveHttpRequest(long requestQueueHandle, long requestId, int flags, long requestBuffer,
                                      int requestBufferLength, long bytesReturned, long overlapped) {
        RequestQueueHandle handle = kernel.queueHandle(requestQueueHandle);
        boolean dropAfter = false;
        if (handle != null && strict.fault()) {
            if (requestId == Http.HTTP_NULL_ID) {
                if (strict.pick(2) == 0) {
                    return inlineError(WinError.ERROR_NOT_ENOUGH_MEMORY);
                }
                dropAfter = true;
            } else {
                switch (strict.pick(3)) {
                    case 0 -> {
                        // ASP.NET Core's AsyncAcceptContext meets ERROR_INVALID_PARAMETER on a retry by id when
                        // the request went away in between: it resets the id and receives anew.
                        if (abort(handle, requestId)) {
                            return inlineError(WinError.ERROR_INVALID_PARAMETER);
                        }
                    }
                    case 1 -> {
                        if (abort(handle, requestId)) {
                            return fail(handle, overlapped, NtStatus.STATUS_CONNECTION_INVALID);
                        }
                    }
                    default -> {
                        // The request stays bound to its id: the caller must cancel it or its client waits.
                        strict.count("8 on a retry by id");
                        return inlineError(WinError.ERROR_NOT_ENOUGH_MEMORY);
                    }
                }
            }
        }
        int result = delegate.HttpReceiveHttpRequest(requestQueueHandle, requestId, flags, requestBuffer,
                requestBufferLength, bytesReturned, overlapped);
        if (dropAfter && (result == WinError.NO_ERROR || result == WinError.ERROR_MORE_DATA)) {
            dropLater(handle, HttpRequestV2.requestId(requestBuffer), "drop-request");
        }
        return maybePend(handle, overlapped, result);
    }

    @Override
    public int HttpReceiveRequestEntityBody(long requestQueueHandle, long requestId, int flags, long entityBuffer,
                                            int entityBufferLength, long bytesReturned, long overlapped) {
        RequestQueueHandle handle = kernel.queueHandle(requestQueueHandle);
        if (handle != null && strict.fault()) {
            int injected = connectionFault(handle, requestId, overlapped, "drop-request");
            if (injected != -1) {
                return injected;
            }
        }
        return maybePend(handle, overlapped, delegate.HttpReceiveRequestEntityBody(requestQueueHandle, requestId,
                flags, entityBuffer, entityBufferLength, bytesReturned, overlapped));
    }

    @Override
    public int HttpSendHttpResponse(long requestQueueHandle, long requestId, int flags, long httpResponse,
                                    long cachePolicy, long bytesSent, long reserved1, int reserved2,
                                    long overlapped, long logData) {
        RequestQueueHandle handle = kernel.queueHandle(requestQueueHandle);
        boolean endOfFile = false;
        if (handle != null && strict.fault()) {
            boolean file = httpResponse != 0 && hasFileChunk(HttpResponseV2.entityChunkCount(httpResponse),
                    HttpResponseV2.entityChunks(httpResponse));
            endOfFile = file && overlapped != 0 && strict.pick(6) == 0;
            if (!endOfFile) {
                int injected = connectionFault(handle, requestId, overlapped, "drop-response");
                if (injected != -1) {
                    return injected;
                }
            }
        }
        if (endOfFile) {
            strict.endOfFileOnSuccess(overlapped);
        }
        int result = delegate.HttpSendHttpResponse(requestQueueHandle, requestId, flags, httpResponse, cachePolicy,
                bytesSent, reserved1, reserved2, overlapped, logData);
        return endOfFile ? reportEndOfFile(handle, overlapped, result) : maybePend(handle, overlapped, result);
    }

    @Override
    public int HttpSendResponseEntityBody(long requestQueueHandle, long requestId, int flags,
                                          short entityChunkCount, long entityChunks, long bytesSent,
                                          long reserved1, int reserved2, long overlapped, long logData) {
        RequestQueueHandle handle = kernel.queueHandle(requestQueueHandle);
        boolean endOfFile = false;
        if (handle != null && strict.fault()) {
            boolean file = hasFileChunk(entityChunkCount & 0xFFFF, entityChunks);
            endOfFile = file && overlapped != 0 && strict.pick(6) == 0;
            if (!endOfFile) {
                int injected = connectionFault(handle, requestId, overlapped, "drop-response");
                if (injected != -1) {
                    return injected;
                }
            }
        }
        if (endOfFile) {
            strict.endOfFileOnSuccess(overlapped);
        }
        int result = delegate.HttpSendResponseEntityBody(requestQueueHandle, requestId, flags, entityChunkCount,
                entityChunks, bytesSent, reserved1, reserved2, overlapped, logData);
        return endOfFile ? reportEndOfFile(handle, overlapped, result) : maybePend(handle, overlapped, result);
    }

    @Override
    public int HttpCancelHttpRequest(long requestQueueHandle, long requestId, long overlapped) {
        RequestQueueHandle handle = kernel.queueHandle(requestQueueHandle);
        if (handle != null && strict.fault()) {
            // The cancel happens, but the answer is the one of a connection that died just before it.
            if (delegate.HttpCancelHttpRequest(requestQueueHandle, requestId, 0) == WinError.NO_ERROR) {
                return fail(handle, overlapped, NtStatus.STATUS_CONNECTION_INVALID);
            }
        }
        return maybePend(handle, overlapped, delegate.HttpCancelHttpRequest(requestQueueHandle, requestId,
                overlapped));
    }

    @Override
    public int HttpWaitForDisconnect(long requestQueueHandle, long connectionId, long overlapped) {
        int injected = disconnectFault(requestQueueHandle, connectionId);
        return injected != -1 ? injected
                : delegate.HttpWaitForDisconnect(requestQueueHandle, connectionId, overlapped);
    }

    @Override
    public int HttpWaitForDisconnectEx(long requestQueueHandle, long connectionId, int reserved, long overlapped) {
        int injected = disconnectFault(requestQueueHandle, connectionId);
        return injected != -1 ? injected
                : delegate.HttpWaitForDisconnectEx(requestQueueHandle, connectionId, reserved, overlapped);
    }

    @Override
    public int HttpFlushResponseCache(long requestQueueHandle, String urlPrefix, int flags, long overlapped) {
        RequestQueueHandle handle = kernel.queueHandle(requestQueueHandle);
        if (handle != null && strict.fault()) {
            return inlineError(WinError.ERROR_NOT_ENOUGH_MEMORY);
        }
        return maybePend(handle, overlapped, delegate.HttpFlushResponseCache(requestQueueHandle, urlPrefix, flags,
                overlapped));
    }

    @Override
    public int HttpReceiveClientCertificate(long requestQueueHandle, long connectionId, int flags,
                                            long sslClientCertInfo, int sslClientCertInfoSize, long bytesReceived,
                                            long overlapped) {
        return maybePend(kernel.queueHandle(requestQueueHandle), overlapped, delegate.HttpReceiveClientCertificate(
                requestQueueHandle, connectionId, flags, sslClientCertInfo, sslClientCertInfoSize, bytesReceived,
                overlapped));
    }

    // ---- the plan's decisions

    /**
     * One fault of a call on a request: an error that resets the connection first, {@code ERROR_NOT_ENOUGH_MEMORY}
     * (nothing changes), or a client dropped at a random moment while the call goes ahead.
     *
     * @return the call's result, or -1 to go ahead with the call
     */
    private int connectionFault(RequestQueueHandle handle, long requestId, long overlapped, String dropKind) {
        switch (strict.pick(5)) {
            case 0 -> {
                return abort(handle, requestId) ? fail(handle, overlapped, NtStatus.STATUS_CONNECTION_INVALID) : -1;
            }
            case 1 -> {
                return abort(handle, requestId) ? fail(handle, overlapped, NtStatusTable.STATUS_CONNECTION_RESET)
                        : -1;
            }
            case 2 -> {
                // A request whose connection goes away has its operations in flight cancelled.
                return abort(handle, requestId) && overlapped != 0
                        ? fail(handle, overlapped, NtStatus.STATUS_CANCELLED) : -1;
            }
            case 3 -> {
                return inlineError(WinError.ERROR_NOT_ENOUGH_MEMORY);
            }
            default -> {
                dropLater(handle, requestId, dropKind);
                return -1;
            }
        }
    }

    private int disconnectFault(long requestQueueHandle, long connectionId) {
        RequestQueueHandle handle = kernel.queueHandle(requestQueueHandle);
        if (handle == null || !strict.fault()) {
            return -1;
        }
        if (strict.pick(2) == 0) {
            return inlineError(WinError.ERROR_NOT_ENOUGH_MEMORY);
        }
        synchronized (kernel) {
            KernelConnection connection = kernel.connection(connectionId);
            if (connection == null) {
                return -1;
            }
            connection.abort();
        }
        return inlineError(WinError.ERROR_CONNECTION_INVALID);
    }

    /**
     * Turns a result the emulator gave inside the call into {@code ERROR_IO_PENDING}, completing it later. Only
     * where no packet was posted for it (the handle skips packets of synchronous successes and warnings) and only
     * for results a pending operation can end with.
     */
    private int maybePend(RequestQueueHandle handle, long overlapped, int result) {
        if (handle == null || overlapped == 0 || !handle.skipsCompletionPortOnSuccess()) {
            return result;
        }
        int status;
        long bytes;
        if (result == WinError.NO_ERROR || result == WinError.ERROR_MORE_DATA) {
            // The emulator wrote the OVERLAPPED as the I/O manager writes the IO_STATUS_BLOCK of a non-error.
            status = NtStatus.statusOf(Overlapped.internal(overlapped));
            bytes = Overlapped.internalHigh(overlapped);
            if (NtStatusTable.toWin32(status) != result) {
                return result;
            }
        } else if (result == WinError.ERROR_HANDLE_EOF) {
            status = NtStatus.STATUS_END_OF_FILE;
            bytes = 0;
        } else {
            return result;
        }
        if (!strict.pend()) {
            return result;
        }
        strict.count("pended");
        completeLater(handle, overlapped, status, bytes);
        return WinError.ERROR_IO_PENDING;
    }

    /** The end of a file send marked to report {@code ERROR_HANDLE_EOF} on success. */
    private int reportEndOfFile(RequestQueueHandle handle, long overlapped, int result) {
        if (result == WinError.ERROR_IO_PENDING) {
            // StrictIoCompletion rewrites the success when the packet is dequeued.
            return result;
        }
        strict.takeEndOfFileOnSuccess(overlapped);
        if (result != WinError.NO_ERROR) {
            return result;
        }
        strict.count(name(WinError.ERROR_HANDLE_EOF));
        if (strict.pend()) {
            strict.count("pended");
            completeLater(handle, overlapped, NtStatus.STATUS_END_OF_FILE, Overlapped.internalHigh(overlapped));
            return WinError.ERROR_IO_PENDING;
        }
        return WinError.ERROR_HANDLE_EOF;
    }

    /** Reports {@code status} at once (no packet) or, half of the time, as a completion. */
    private int fail(RequestQueueHandle handle, long overlapped, int status) {
        int error = NtStatusTable.toWin32(status);
        strict.count(name(error));
        // A cancellation is the end of an operation that was pending; the others may come either way.
        if (overlapped == 0 || status != NtStatus.STATUS_CANCELLED && strict.pick(2) == 0) {
            return error;
        }
        completeLater(handle, overlapped, status, 0);
        return WinError.ERROR_IO_PENDING;
    }

    private int inlineError(int error) {
        strict.count(name(error));
        return error;
    }

    private static String name(int error) {
        return error + " " + WinError.nameOf(error);
    }

    /**
     * Marks the OVERLAPPED pending now; later, from the strict-mode thread, writes its result (byte count first)
     * and posts the packet, as a driver completing an IRP does.
     */
    private void completeLater(KernelHandle handle, long overlapped, int status, long bytes) {
        Overlapped.setInternal(overlapped, NtStatus.STATUS_PENDING);
        strict.later(() -> {
            Overlapped.setInternalHigh(overlapped, bytes);
            Overlapped.setInternal(overlapped, status & 0xFFFFFFFFL);
            handle.postCompletion(overlapped, status, bytes, false);
        });
    }

    private void dropLater(RequestQueueHandle handle, long requestId, String kind) {
        strict.count(kind);
        strict.later(() -> abort(handle, requestId));
    }

    /** Resets the connection of a live request as {@code HttpCancelHttpRequest} does; false if it is gone. */
    private boolean abort(RequestQueueHandle handle, long requestId) {
        synchronized (kernel) {
            KernelRequest request = handle.queue.request(requestId);
            if (request == null || !request.isLive()) {
                return false;
            }
            request.connectionLost();
            request.connection.abort();
            return true;
        }
    }

    private static boolean hasFileChunk(int count, long chunks) {
        for (int i = 0; i < count && chunks != 0; i++) {
            if (HttpDataChunk.dataChunkType(HttpDataChunk.at(chunks, i)) == Http.HttpDataChunkFromFileHandle) {
                return true;
            }
        }
        return false;
    }

}
