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
    /** Requests admitted by {@link #admit()} and not yet queued. */
    private int admitted;
    int verbosity = Http.Http503ResponseVerbosityBasic;
    int state = Http.HttpEnabledStateActive;
    /** Who may open the queue by name besides its creator's handle, and who created it ({@link EmulatedIdentity}). */
    QueueSecurity security = QueueSecurity.TOKEN_DEFAULT;
    String owner = EmulatedIdentity.DEFAULT_USER;
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

    /**
     * Admits one routed request if the backlog has room, reserving its place: a connection routes a request
     * when its head is parsed but queues it at the end of the read (with the body bytes that came along), and
     * requests routed meanwhile on other connections must see the place taken.
     */
    boolean admit() {
        if (backlog.size() + admitted >= queueLength) {
            return false;
        }
        admitted++;
        return true;
    }

    /** Gives back the place of an admitted request that will not be queued (its connection closed first). */
    void cancelAdmission() {
        admitted--;
    }

    /** A request the caller may still receive (after ERROR_MORE_DATA), read or answer; {@code null} if unknown. */
    KernelRequest request(long requestId) {
        return requests.get(requestId);
    }

    /** Queues an admitted request and hands it to a waiting receive if there is one. */
    void enqueue(KernelRequest request) {
        admitted--;
        requests.put(request.id, request);
        backlog.add(request);
        dispatch();
        if (backlog.peekLast() == request) {
            // Still waiting (dispatch serves the oldest first, so a waiting request is the newest).
            request.queueTimer = request.connection.scheduleRequestQueueTimer(request);
        }
    }

    /**
     * The RequestQueue timer of a request still waiting for a receive expired: it leaves the queue and its
     * connection times out, without a response ("Timer_AppPool" in HTTP.SYS's error log: "The connection
     * expired because a request waited too long in an application pool queue").
     *
     * @return whether the request was still waiting
     */
    boolean expire(KernelRequest request) {
        if (!backlog.remove(request)) {
            return false;
        }
        requests.remove(request.id);
        return true;
    }

    /** Forgets a request: answered, cancelled, or its connection is gone. */
    void forget(KernelRequest request) {
        requests.remove(request.id);
        backlog.remove(request);
        if (request.queueTimer != null) {
            request.queueTimer.cancel(false);
            request.queueTimer = null;
        }
    }

    /**
     * {@code HttpReceiveHttpRequest(HTTP_NULL_ID)} when a request is already waiting: prepares the delivery of
     * the oldest one, which the caller marshals after leaving the kernel lock.
     *
     * @return the delivery, or {@code null} when no request waits
     */
    KernelRequest.Delivery takeWaiting(int flags, long buffer, int length) {
        if (!receives.isEmpty()) {
            // Earlier receives are served first.
            return null;
        }
        KernelRequest request = backlog.poll();
        return request == null ? null : request.prepareDelivery(flags, buffer, length);
    }

    /** Parks a receive until a request arrives. */
    void park(ReceiveOp receive) {
        receives.add(receive);
        receive.io().onAbort(() -> receives.remove(receive));
    }

    /**
     * Pairs waiting requests with waiting receives, oldest first on both sides. Each pair is marshalled and
     * completed after the caller leaves the kernel lock ({@link Kernel#runDeferred()}).
     */
    void dispatch() {
        while (!backlog.isEmpty() && !receives.isEmpty()) {
            ReceiveOp receive = receives.poll();
            if (!receive.io().claim()) {
                continue;
            }
            KernelRequest request = backlog.poll();
            KernelRequest.Delivery delivery = request.prepareDelivery(receive.flags(), receive.buffer(),
                    receive.length());
            Kernel kernel = request.connection.kernel();
            kernel.defer(() -> {
                long[] result = delivery.marshal();
                synchronized (kernel) {
                    delivery.settle();
                }
                receive.io().finish((int) result[0], result[1]);
            });
        }
    }

    /**
     * {@code HttpShutdownRequestQueue} (documented steps): no new requests are routed here, pending receives end
     * with {@code ERROR_OPERATION_ABORTED}, requests already handed out and not being answered are cancelled
     * (returned, for their connections to be reset), responses in progress complete, and requests not yet
     * received stay queued until the queue closes.
     */
    List<KernelRequest> shutdown() {
        shutdown = true;
        abortReceives(null);
        List<KernelRequest> cancelled = new ArrayList<>();
        for (KernelRequest request : requests.values()) {
            if (!backlog.contains(request) && !request.headSent) {
                cancelled.add(request);
            }
        }
        cancelled.forEach(this::forget);
        return cancelled;
    }

    /** The last handle closed: every request left, received or not, is dropped (returned). */
    List<KernelRequest> close() {
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
}
