package io.netty.contrib.httpsys.perf.nullkernel;

import io.netty.contrib.httpsys.nativeapi.Http;
import io.netty.contrib.httpsys.nativeapi.HttpApi;
import io.netty.contrib.httpsys.nativeapi.IoCompletion;
import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.NtStatus;
import io.netty.contrib.httpsys.nativeapi.WinError;
import io.netty.contrib.httpsys.nativeapi.struct.Overlapped;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;

/**
 * A kernel that does no work, to measure the transport's own CPU per request: {@link HttpApi} and
 * {@link IoCompletion} in one object (they share a handle space). Setup calls succeed with fake handles;
 * {@code HttpReceiveHttpRequest} parks until the benchmark {@link #deliver delivers} a prepared request image into
 * its buffer and posts the completion; sends succeed synchronously (with
 * {@code FILE_SKIP_COMPLETION_PORT_ON_SUCCESS} no packet is queued) and only count finished responses. The
 * completion port is a queue of packets written into {@code OVERLAPPED_ENTRY}s exactly as the transport reads
 * them. Nothing on the per-request path allocates ({@link PendingReceives}, {@link PacketQueue}), so that the
 * benchmark's B/op is the transport's own. It counts the calls that would cross into the kernel on Windows per request (receives, sends, completion
 * dequeues, wake-up posts), and the CPU time the dequeuing thread spends waiting for completions
 * ({@link #waitCpuNanos()}), for a benchmark to report.
 */
public final class NullKernel implements HttpApi, IoCompletion {

    private record Association(long port, long key) {
    }

    private static final int FIRST_HANDLE = 0x1000;
    private static final int MAX_HANDLES = 4096;

    // Handles are small consecutive numbers, so they index arrays: no boxing on the per-request path.
    private final AtomicLong handles = new AtomicLong(FIRST_HANDLE);
    private final AtomicReferenceArray<PacketQueue> ports = new AtomicReferenceArray<>(MAX_HANDLES);
    private final AtomicReferenceArray<Association> associations = new AtomicReferenceArray<>(MAX_HANDLES);
    private final PendingReceives receives = new PendingReceives();
    /** What {@link #deliver} works on; only the benchmark's thread delivers. */
    private final PendingReceives.Receive delivering = new PendingReceives.Receive();
    private long[] batchQueues = new long[16];
    private long[] batchOverlappeds = new long[16];
    private final AtomicInteger pendingReceives = new AtomicInteger();
    private final AtomicLong responses = new AtomicLong();
    // The kernel calls the transport makes, counted so that a benchmark can report them per request.
    private final AtomicLong receiveCalls = new AtomicLong();
    private final AtomicLong sendCalls = new AtomicLong();
    private final AtomicLong dequeueCalls = new AtomicLong();
    private final AtomicLong postCalls = new AtomicLong();
    private final AtomicLong waitCpuNanos = new AtomicLong();
    private final ThreadLocal<int[]> lastError = ThreadLocal.withInitial(() -> new int[1]);
    private volatile Thread waiter;
    private volatile long wakeAtResponses = Long.MAX_VALUE;
    private volatile int wakeAtReceives = Integer.MAX_VALUE;

    // ---- what the benchmark drives ----

    /** Receives currently waiting for a request. */
    public int pendingReceives() {
        return pendingReceives.get();
    }

    /**
     * Hands {@code image} to {@code count} waiting receives, as the kernel completing them would: the request
     * written into each buffer, its {@code OVERLAPPED} filled, then one packet each queued on the queue handle's
     * completion port. The packets of a batch are queued under the port's lock, so that a loop waiting there wakes
     * once and dequeues them together, as when HTTP.SYS completes requests that were already queued; otherwise
     * whether the loop wakes once or several times per batch depends on thread timing, and so does its CPU.
     *
     * @return whether {@code count} receives were waiting (none is completed otherwise)
     */
    public boolean deliver(RequestImage image, int count) {
        if (pendingReceives.get() < count) {
            return false;
        }
        if (batchQueues.length < count) {
            batchQueues = new long[count];
            batchOverlappeds = new long[count];
        }
        PendingReceives.Receive receive = delivering;
        for (int i = 0; i < count; i++) {
            if (!receives.poll(receive)) {
                throw new IllegalStateException("a receive counted as waiting was not there");
            }
            pendingReceives.decrementAndGet();
            if (receive.length < image.length()) {
                throw new IllegalStateException("receive buffer of " + receive.length + " bytes for a "
                        + image.length() + "-byte request: raise HttpSysChannelOption.INITIAL_RECEIVE_BUFFER_SIZE");
            }
            image.copyTo(receive.buffer);
            Overlapped.setInternal(receive.overlapped, NtStatus.STATUS_SUCCESS);
            Overlapped.setInternalHigh(receive.overlapped, image.length());
            batchQueues[i] = receive.queue;
            batchOverlappeds[i] = receive.overlapped;
        }
        synchronized (portOf(batchQueues[0])) {
            for (int i = 0; i < count; i++) {
                complete(batchQueues[i], batchOverlappeds[i], NtStatus.STATUS_SUCCESS, image.length());
            }
        }
        return true;
    }

    /** Responses completed (the send without {@code MORE_DATA}) so far. */
    public long responses() {
        return responses.get();
    }

    /** {@code HttpReceiveHttpRequest} and {@code HttpReceiveRequestEntityBody} calls so far. */
    public long receiveCalls() {
        return receiveCalls.get();
    }

    /** {@code HttpSendHttpResponse} and {@code HttpSendResponseEntityBody} calls so far. */
    public long sendCalls() {
        return sendCalls.get();
    }

    /** {@code GetQueuedCompletionStatusEx} calls so far, the ones that dequeued nothing included. */
    public long dequeueCalls() {
        return dequeueCalls.get();
    }

    /** {@code PostQueuedCompletionStatus} calls so far: the event loop's cross-thread wake-ups. */
    public long postCalls() {
        return postCalls.get();
    }

    /**
     * CPU nanoseconds that dequeuing threads have spent so far waiting in {@code GetQueuedCompletionStatusEx} for
     * a packet (only the dequeues that found the port empty and were allowed to wait): parking, and being woken
     * again, as that thread's CPU time counts them. On Windows this is the kernel time an event loop spends inside
     * {@code GetQueuedCompletionStatusEx}; the transport's per-request CPU includes it, and a pipeline that is fed
     * in memory, like NIO's in {@code NioPipelineBenchmark}, never pays it. An estimate from every
     * {@value PacketQueue#SAMPLE_EVERY}th wait ({@link PacketQueue} says why).
     */
    public long waitCpuNanos() {
        return waitCpuNanos.get();
    }

    /**
     * Blocks the calling thread, without spinning, until {@link #responses()} reaches {@code targetResponses} and
     * {@code receives} receives are waiting again: the transport has finished a batch and is ready for the next.
     */
    public void awaitIdle(long targetResponses, int receives) {
        waiter = Thread.currentThread();
        wakeAtReceives = receives;
        wakeAtResponses = targetResponses;
        while (!idle()) {
            LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(10));
        }
        wakeAtResponses = Long.MAX_VALUE;
        wakeAtReceives = Integer.MAX_VALUE;
    }

    private boolean idle() {
        return responses.get() >= wakeAtResponses && pendingReceives.get() >= wakeAtReceives;
    }

    private void wakeWaiterIfIdle() {
        if (idle()) {
            LockSupport.unpark(waiter);
        }
    }

    private void responseCompleted() {
        responses.incrementAndGet();
        wakeWaiterIfIdle();
    }

    // ---- completion ports ----

    /** Queues a packet on the completion port associated with {@code handle} (with that association's key). */
    private void complete(long handle, long overlapped, long internal, int bytes) {
        Association association = association(handle);
        enqueue(association.port, association.key, overlapped, internal, bytes);
    }

    private Association association(long handle) {
        Association association = associations.get(index(handle));
        if (association == null) {
            throw new IllegalStateException("handle 0x" + Long.toHexString(handle) + " has no completion port");
        }
        return association;
    }

    /** The packet queue of the completion port {@code handle} is associated with. */
    private PacketQueue portOf(long handle) {
        return ports.get(index(association(handle).port));
    }

    private void enqueue(long port, long key, long overlapped, long internal, int bytes) {
        PacketQueue queue = ports.get(index(port));
        if (queue != null) {
            queue.add(key, overlapped, internal, bytes);
        }
    }

    private static int index(long handle) {
        long index = handle - FIRST_HANDLE;
        if (index < 0 || index >= MAX_HANDLES) {
            throw new IllegalArgumentException("not a null-kernel handle: 0x" + Long.toHexString(handle));
        }
        return (int) index;
    }

    private long newHandle() {
        long handle = handles.incrementAndGet();
        index(handle);
        return handle;
    }

    private int fail(int error) {
        lastError.get()[0] = error;
        return error;
    }

    @Override
    public long CreateIoCompletionPort(long fileHandle, long existingCompletionPort, long completionKey,
                                       int numberOfConcurrentThreads) {
        if (fileHandle == INVALID_HANDLE_VALUE) {
            long port = newHandle();
            ports.set(index(port), new PacketQueue(waitCpuNanos));
            return port;
        }
        associations.set(index(fileHandle), new Association(existingCompletionPort, completionKey));
        return existingCompletionPort;
    }

    @Override
    public boolean GetQueuedCompletionStatusEx(long completionPort, long completionPortEntries, int count,
                                               long numEntriesRemoved, int milliseconds, boolean alertable) {
        dequeueCalls.incrementAndGet();
        PacketQueue queue = ports.get(index(completionPort));
        int removed;
        try {
            removed = queue.removeTo(completionPortEntries, count, milliseconds);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            removed = 0;
        }
        if (removed == 0) {
            fail(WinError.WAIT_TIMEOUT);
            return false;
        }
        NativeAccess.putInt(numEntriesRemoved, removed);
        return true;
    }

    @Override
    public boolean PostQueuedCompletionStatus(long completionPort, int numberOfBytesTransferred, long completionKey,
                                              long overlapped) {
        postCalls.incrementAndGet();
        enqueue(completionPort, completionKey, overlapped, NtStatus.STATUS_SUCCESS, numberOfBytesTransferred);
        return true;
    }

    @Override
    public boolean CancelIoEx(long handle, long overlapped) {
        boolean cancelled = false;
        PendingReceives.Receive receive = new PendingReceives.Receive();
        while (receives.removeMatching(handle, overlapped, receive)) {
            pendingReceives.decrementAndGet();
            Overlapped.setInternal(receive.overlapped, NtStatus.STATUS_CANCELLED);
            complete(handle, receive.overlapped, NtStatus.STATUS_CANCELLED, 0);
            cancelled = true;
            if (overlapped != 0) {
                break;
            }
        }
        if (!cancelled) {
            fail(WinError.ERROR_NOT_FOUND);
        }
        return cancelled;
    }

    @Override
    public boolean SetFileCompletionNotificationModes(long fileHandle, byte flags) {
        return true;
    }

    @Override
    public boolean CloseHandle(long handle) {
        ports.set(index(handle), null);
        associations.set(index(handle), null);
        return true;
    }

    @Override
    public long CreateFileW(String fileName, int desiredAccess, int shareMode, long securityAttributes,
                            int creationDisposition, int flagsAndAttributes, long templateFile) {
        fail(WinError.ERROR_FILE_NOT_FOUND);
        return INVALID_HANDLE_VALUE;
    }

    @Override
    public boolean GetFileSizeEx(long file, long fileSizeOut) {
        fail(WinError.ERROR_INVALID_HANDLE);
        return false;
    }

    @Override
    public int GetLastError() {
        return lastError.get()[0];
    }

    @Override
    public int RtlNtStatusToDosError(int status) {
        return status == NtStatus.STATUS_CANCELLED ? WinError.ERROR_OPERATION_ABORTED : WinError.ERROR_INVALID_FUNCTION;
    }

    // ---- HTTP Server API ----

    private int newHandle(long out) {
        NativeAccess.putLong(out, newHandle());
        return WinError.NO_ERROR;
    }

    @Override
    public int HttpInitialize(int version, int flags, long reserved) {
        return WinError.NO_ERROR;
    }

    @Override
    public int HttpTerminate(int flags, long reserved) {
        return WinError.NO_ERROR;
    }

    @Override
    public int HttpCreateServerSession(int version, long serverSessionIdOut, int reserved) {
        return newHandle(serverSessionIdOut);
    }

    @Override
    public int HttpCloseServerSession(long serverSessionId) {
        return WinError.NO_ERROR;
    }

    @Override
    public int HttpSetServerSessionProperty(long serverSessionId, int property, long propertyInformation,
                                            int propertyInformationLength) {
        return WinError.NO_ERROR;
    }

    @Override
    public int HttpQueryServerSessionProperty(long serverSessionId, int property, long propertyInformation,
                                              int propertyInformationLength, long returnLength) {
        return WinError.ERROR_NOT_SUPPORTED;
    }

    @Override
    public int HttpCreateUrlGroup(long serverSessionId, long urlGroupIdOut, int reserved) {
        return newHandle(urlGroupIdOut);
    }

    @Override
    public int HttpCloseUrlGroup(long urlGroupId) {
        return WinError.NO_ERROR;
    }

    @Override
    public int HttpAddUrlToUrlGroup(long urlGroupId, String fullyQualifiedUrl, long urlContext, int reserved) {
        return WinError.NO_ERROR;
    }

    @Override
    public int HttpRemoveUrlFromUrlGroup(long urlGroupId, String fullyQualifiedUrl, int flags) {
        return WinError.NO_ERROR;
    }

    @Override
    public int HttpSetUrlGroupProperty(long urlGroupId, int property, long propertyInformation,
                                       int propertyInformationLength) {
        return WinError.NO_ERROR;
    }

    @Override
    public int HttpQueryUrlGroupProperty(long urlGroupId, int property, long propertyInformation,
                                         int propertyInformationLength, long returnLength) {
        return WinError.ERROR_NOT_SUPPORTED;
    }

    @Override
    public int HttpCreateRequestQueue(int version, String name, long securityAttributes, int flags,
                                      long requestQueueHandleOut) {
        return newHandle(requestQueueHandleOut);
    }

    @Override
    public int HttpCloseRequestQueue(long requestQueueHandle) {
        CloseHandle(requestQueueHandle);
        return WinError.NO_ERROR;
    }

    @Override
    public int HttpShutdownRequestQueue(long requestQueueHandle) {
        CancelIoEx(requestQueueHandle, 0);
        return WinError.NO_ERROR;
    }

    @Override
    public int HttpSetRequestQueueProperty(long requestQueueHandle, int property, long propertyInformation,
                                           int propertyInformationLength, int reserved1, long reserved2) {
        return WinError.NO_ERROR;
    }

    @Override
    public int HttpQueryRequestQueueProperty(long requestQueueHandle, int property, long propertyInformation,
                                             int propertyInformationLength, int reserved1, long returnLength,
                                             long reserved2) {
        return WinError.ERROR_NOT_SUPPORTED;
    }

    @Override
    public int HttpReceiveHttpRequest(long requestQueueHandle, long requestId, int flags, long requestBuffer,
                                      int requestBufferLength, long bytesReturned, long overlapped) {
        receiveCalls.incrementAndGet();
        if (overlapped == 0) {
            return fail(WinError.ERROR_NOT_SUPPORTED);
        }
        receives.add(requestQueueHandle, requestBuffer, requestBufferLength, overlapped);
        pendingReceives.incrementAndGet();
        wakeWaiterIfIdle();
        return WinError.ERROR_IO_PENDING;
    }

    @Override
    public int HttpReceiveRequestEntityBody(long requestQueueHandle, long requestId, int flags, long entityBuffer,
                                            int entityBufferLength, long bytesReturned, long overlapped) {
        receiveCalls.incrementAndGet();
        // Every prepared request carries its whole body (COPY_BODY): nothing is left to read.
        return WinError.ERROR_HANDLE_EOF;
    }

    @Override
    public int HttpSendHttpResponse(long requestQueueHandle, long requestId, int flags, long httpResponse,
                                    long cachePolicy, long bytesSent, long reserved1, int reserved2, long overlapped,
                                    long logData) {
        return sent(flags);
    }

    @Override
    public int HttpSendResponseEntityBody(long requestQueueHandle, long requestId, int flags, short entityChunkCount,
                                          long entityChunks, long bytesSent, long reserved1, int reserved2,
                                          long overlapped, long logData) {
        return sent(flags);
    }

    private int sent(int flags) {
        sendCalls.incrementAndGet();
        if ((flags & Http.HTTP_SEND_RESPONSE_FLAG_MORE_DATA) == 0) {
            responseCompleted();
        }
        return WinError.NO_ERROR;
    }

    @Override
    public int HttpCancelHttpRequest(long requestQueueHandle, long requestId, long overlapped) {
        return WinError.NO_ERROR;
    }

    @Override
    public int HttpWaitForDisconnect(long requestQueueHandle, long connectionId, long overlapped) {
        return WinError.ERROR_NOT_SUPPORTED;
    }

    @Override
    public int HttpWaitForDisconnectEx(long requestQueueHandle, long connectionId, int reserved, long overlapped) {
        return WinError.ERROR_NOT_SUPPORTED;
    }

    @Override
    public int HttpFlushResponseCache(long requestQueueHandle, String urlPrefix, int flags, long overlapped) {
        return WinError.NO_ERROR;
    }

    @Override
    public int HttpReceiveClientCertificate(long requestQueueHandle, long connectionId, int flags,
                                            long sslClientCertInfo, int sslClientCertInfoSize, long bytesReceived,
                                            long overlapped) {
        return WinError.ERROR_NOT_SUPPORTED;
    }

    @Override
    public int HttpSetServiceConfiguration(long serviceHandle, int configId, long configInformation,
                                           int configInformationLength, long overlapped) {
        return WinError.ERROR_NOT_SUPPORTED;
    }

    @Override
    public int HttpDeleteServiceConfiguration(long serviceHandle, int configId, long configInformation,
                                              int configInformationLength, long overlapped) {
        return WinError.ERROR_NOT_SUPPORTED;
    }

    @Override
    public int HttpQueryServiceConfiguration(long serviceHandle, int configId, long input, int inputLength,
                                             long output, int outputLength, long returnLength, long overlapped) {
        return WinError.ERROR_NOT_SUPPORTED;
    }

    @Override
    public int HttpDelegateRequestEx(long requestQueueHandle, long delegateQueueHandle, long requestId,
                                     long delegateUrlGroupId, int propertyInfoSetSize, long propertyInfoSet) {
        return WinError.ERROR_NOT_SUPPORTED;
    }

    @Override
    public int HttpQueryRequestProperty(long requestQueueHandle, long id, int propertyId, long qualifier,
                                        int qualifierSize, long output, int outputBufferLength, long bytesReturned,
                                        long overlapped) {
        return WinError.ERROR_NOT_SUPPORTED;
    }

    @Override
    public boolean HttpIsFeatureSupported(int featureId) {
        return false;
    }

    @Override
    public boolean isDelegationSupported() {
        return false;
    }

    @Override
    public boolean isRequestPropertySupported() {
        return false;
    }

    @Override
    public int HttpSetRequestProperty(long requestQueueHandle, long id, int propertyId, long input,
                                      int inputPropertySize, long overlapped) {
        return WinError.ERROR_NOT_SUPPORTED;
    }
}
