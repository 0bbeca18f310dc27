package io.netty.contrib.httpsys.nativeapi.emulator;

import io.netty.contrib.httpsys.nativeapi.Http;
import io.netty.contrib.httpsys.nativeapi.NtStatus;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A request queue, the kernel object behind one or more {@link RequestQueueHandle}s: requests waiting for a
 * receive (in arrival order, up to {@code HttpServerQueueLengthProperty}), receives waiting for a request
 * (first posted, first served), and every request handed out but not yet answered, by id.
 *
 * <p>All methods run under the kernel lock.
 */
final class RequestQueue {

    static final int DEFAULT_QUEUE_LENGTH = 1000;

    final String name;
    final List<RequestQueueHandle> handles = new ArrayList<>();
    private final ArrayDeque<KernelRequest> backlog = new ArrayDeque<>();
    private final ArrayDeque<ReceiveOp> receives = new ArrayDeque<>();
    private final Map<Long, KernelRequest> requests = new HashMap<>();
    int queueLength = DEFAULT_QUEUE_LENGTH;
    int verbosity = Http.Http503ResponseVerbosityBasic;
    int state = Http.HttpEnabledStateActive;
    private boolean shutdown;

    RequestQueue(String name) {
        this.name = name;
    }

    boolean isShutdown() {
        return shutdown;
    }

    boolean isAccepting() {
        return !shutdown && !handles.isEmpty() && state == Http.HttpEnabledStateActive;
    }

    /** Whether one more request fits in the backlog. */
    boolean hasRoom() {
        return backlog.size() < queueLength;
    }

    /** A request the caller may still receive (after ERROR_MORE_DATA), read or answer; {@code null} if unknown. */
    KernelRequest request(long requestId) {
        return requests.get(requestId);
    }

    /** Queues a routed request and hands it to a waiting receive if there is one. */
    void enqueue(KernelRequest request) {
        requests.put(request.id, request);
        backlog.add(request);
        dispatch();
    }

    /** Forgets a request: answered, cancelled, or its connection is gone. */
    void forget(KernelRequest request) {
        requests.remove(request.id);
        backlog.remove(request);
    }

    /**
     * {@code HttpReceiveHttpRequest(HTTP_NULL_ID)} when a request is already waiting: marshals the oldest one.
     *
     * @return the delivery's {NTSTATUS, bytes}, or {@code null} when no request waits
     */
    long[] takeWaiting(int flags, long buffer, int length) {
        if (!receives.isEmpty()) {
            // Earlier receives are served first.
            return null;
        }
        KernelRequest request = backlog.poll();
        return request == null ? null : request.deliver(flags, buffer, length);
    }

    /** Parks a receive until a request arrives. */
    void park(ReceiveOp receive) {
        receives.add(receive);
        receive.io().onAbort(() -> receives.remove(receive));
    }

    /** Pairs waiting requests with waiting receives, oldest first on both sides. */
    void dispatch() {
        while (!backlog.isEmpty() && !receives.isEmpty()) {
            ReceiveOp receive = receives.poll();
            if (!receive.io().claim()) {
                continue;
            }
            KernelRequest request = backlog.poll();
            long[] result = request.deliver(receive.flags(), receive.buffer(), receive.length());
            receive.io().finish((int) result[0], result[1]);
        }
    }

    /**
     * {@code HttpShutdownRequestQueue}: stops the queue. Pending receives on every handle end with
     * {@code ERROR_OPERATION_ABORTED}; waiting requests are answered 503 by the kernel.
     */
    List<KernelRequest> shutdown() {
        shutdown = true;
        abortReceives(null);
        List<KernelRequest> dropped = new ArrayList<>(requests.values());
        requests.clear();
        backlog.clear();
        return dropped;
    }

    /** Aborts the pending receives issued on {@code handle} ({@code null}: on any handle). */
    void abortReceives(RequestQueueHandle handle) {
        for (Iterator<ReceiveOp> it = receives.iterator(); it.hasNext(); ) {
            ReceiveOp receive = it.next();
            if (handle == null || receive.io().handle() == handle) {
                it.remove();
                receive.io().abort(NtStatus.STATUS_CANCELLED);
            }
        }
    }

    /** Every request of this queue that has not been answered, for closing. */
    List<KernelRequest> liveRequests() {
        return new ArrayList<>(requests.values());
    }
}
