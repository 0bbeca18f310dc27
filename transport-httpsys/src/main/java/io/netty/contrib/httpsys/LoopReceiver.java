package io.netty.contrib.httpsys;

import io.netty.channel.IoEvent;
import io.netty.channel.IoEventLoop;
import io.netty.channel.IoRegistration;
import io.netty.contrib.httpsys.nativeapi.Http;
import io.netty.contrib.httpsys.nativeapi.HttpApi;
import io.netty.contrib.httpsys.nativeapi.HttpSysException;
import io.netty.contrib.httpsys.nativeapi.NativeMemory;
import io.netty.contrib.httpsys.nativeapi.WinError;
import io.netty.contrib.httpsys.nativeapi.struct.HttpRequestV2;
import io.netty.contrib.httpsys.nativeapi.struct.Overlapped;
import io.netty.util.internal.logging.InternalLogger;
import io.netty.util.internal.logging.InternalLoggerFactory;

import java.util.ArrayDeque;
import java.util.concurrent.RejectedExecutionException;

/**
 * One event loop's share of a server channel: its own handle to the named request queue (associated with the
 * loop's completion port), {@code receivesPerLoop} receives kept outstanding on it, and the loop-confined state
 * of the requests received there (decoder, pooled send blocks and encoders, the list of live request channels).
 *
 * <p>Each outstanding receive is an index {@code i} with its own receive buffer; the index is the operation code
 * of its {@code OVERLAPPED} slot, so completions need no per-operation object. A request larger than the buffer
 * ({@code ERROR_MORE_DATA}) is re-received with its {@code RequestId} into a buffer of the size HTTP.SYS asked
 * for, which is freed again once the request is decoded (the receive shrinks back).
 *
 * <p>Shutting down is in two steps: {@link #close()} (graceful: no new receives, pending ones cancelled, live
 * requests finish) and {@link #abort()} (the event loop is being destroyed: live requests are cancelled too). The
 * queue handle is closed, and every buffer freed, once no receive is pending and every request channel has
 * terminated. Disconnect waits do not hold it open: they last as long as their clients' connections, and closing
 * the handle is what ends them ({@link DisconnectListener}); their completions still come to this loop's port and
 * free their {@code OVERLAPPED} slots, which {@link HttpSysIoHandler#destroy()} waits for.
 */
final class LoopReceiver implements HttpSysIoHandle, CompletionHandler {

    private static final InternalLogger logger = InternalLoggerFactory.getInstance(LoopReceiver.class);
    private static final int MAX_CONSECUTIVE_FAILURES = 16;

    private final HttpSysServerChannel server;
    private final IoEventLoop loop;
    private final RequestQueue queue;
    private final HttpApi api;
    private final int initialBufferSize;
    private final long[] initialBuffers;
    private final long[] buffers;
    private final int[] bufferSizes;
    private final long[] retryRequestIds;
    private final int[] slots;
    private final HttpSysRequestDecoder decoder = new HttpSysRequestDecoder();
    private final ArrayDeque<HttpSysSendBlock> sendBlocks = new ArrayDeque<>();
    private final ArrayDeque<HttpSysResponseEncoder> encoders = new ArrayDeque<>();
    private final DisconnectListener disconnects = new DisconnectListener(this);

    private HttpSysIoHandler handler;
    private IoRegistration registration;
    private HttpSysRequestChannel firstChild;
    private int liveChildren;
    private int pendingReceives;
    private int consecutiveFailures;
    private boolean closing;
    private boolean paused = true;
    private boolean terminated;

    LoopReceiver(HttpSysServerChannel server, IoEventLoop loop, String queueName, int receives, int initialBufferSize)
            throws HttpSysException {
        this.server = server;
        this.loop = loop;
        this.api = server.httpApi();
        this.queue = RequestQueue.attach(api, queueName);
        this.initialBufferSize = initialBufferSize;
        initialBuffers = new long[receives];
        buffers = new long[receives];
        bufferSizes = new int[receives];
        retryRequestIds = new long[receives];
        slots = new int[receives];
    }

    IoEventLoop loop() {
        return loop;
    }

    HttpSysServerChannel server() {
        return server;
    }

    HttpSysIoHandler handler() {
        return handler;
    }

    HttpApi api() {
        return api;
    }

    long queueHandle() {
        return queue.handle();
    }

    HttpSysRequestDecoder decoder() {
        return decoder;
    }

    /** Disconnect notification for the requests of this handle: one wait per connection. */
    DisconnectListener disconnects() {
        return disconnects;
    }

    @Override
    public long kernelHandle() {
        return queue.handle();
    }

    @Override
    public void handle(IoRegistration registration, IoEvent ioEvent) {
        // Completions reach this receiver through CompletionHandler.completed, not as IoEvents.
    }

    /** Registered with the loop's {@link HttpSysIoHandler}: allocate the buffers and start receiving. */
    void start(IoRegistration registration) {
        assert loop.inEventLoop();
        this.registration = registration;
        this.handler = registration.attachment();
        if (closing) {
            // Closed before the registration completed: undo it.
            registration.cancel();
            terminateIfIdle();
            return;
        }
        for (int i = 0; i < buffers.length; i++) {
            initialBuffers[i] = NativeMemory.allocate(initialBufferSize);
            buffers[i] = initialBuffers[i];
            bufferSizes[i] = initialBufferSize;
            slots[i] = -1;
        }
        receiveAll();
    }

    /**
     * Stops posting receives (the server channel's {@code autoRead} was cleared). Receives already posted stay
     * pending: HTTP.SYS keeps queuing requests (up to the queue length) meanwhile.
     */
    void pause() {
        if (loop.inEventLoop()) {
            paused = true;
        } else {
            executeOrIgnore(this::pause);
        }
    }

    /** Posts receives again (the server channel read). Before {@link #start} it only clears the flag. */
    void resume() {
        if (!loop.inEventLoop()) {
            executeOrIgnore(this::resume);
            return;
        }
        paused = false;
        if (handler != null) {
            receiveAll();
        }
    }

    private void executeOrIgnore(Runnable task) {
        try {
            loop.execute(task);
        } catch (RejectedExecutionException e) {
            // The loop is being destroyed: nothing to pause or resume any more.
        }
    }

    private void receiveAll() {
        for (int i = 0; i < buffers.length && !paused && !closing; i++) {
            if (slots[i] < 0) {
                receive(i);
            }
        }
    }

    /** The bind failed before this receiver was registered: only its handle exists. */
    void discard() {
        terminated = true;
        queue.close();
    }

    /** Registration failed: nothing was started, only the handle needs closing. */
    void registrationFailed(Throwable cause) {
        logger.warn("{}: cannot register a request queue handle with event loop {}", server, loop, cause);
        closing = true;
        terminateIfIdle();
    }

    /**
     * Keeps receive {@code i} outstanding. A loop, not recursion: while requests are queued in the kernel, receives
     * complete synchronously (no packet, thanks to {@code FILE_SKIP_COMPLETION_PORT_ON_SUCCESS}).
     */
    private void receive(int i) {
        while (!closing && !paused) {
            int slot = handler.acquire(this, i);
            long overlapped = handler.overlapped(slot);
            int error;
            try {
                error = api.HttpReceiveHttpRequest(queue.handle(), retryRequestIds[i],
                        Http.HTTP_RECEIVE_REQUEST_FLAG_COPY_BODY, buffers[i], bufferSizes[i], 0, overlapped);
            } catch (Throwable t) {
                // No operation started: the slot must not stay taken, or destroy() waits for it in vain.
                handler.release(slot);
                throw t;
            }
            if (HttpSysIoHandler.completesLater(error)) {
                slots[i] = slot;
                pendingReceives++;
                return;
            }
            int bytes = (int) Overlapped.internalHigh(overlapped);
            handler.release(slot);
            received(i, error, bytes);
        }
        if (closing) {
            terminateIfIdle();
        }
    }

    @Override
    public void completed(int i, int error, int bytesTransferred) {
        slots[i] = -1;
        pendingReceives--;
        received(i, error, bytesTransferred);
        receive(i);
    }

    /**
     * Handles one receive's result, whether it came inline or as a completion; the caller receives again unless
     * closing.
     */
    private void received(int i, int error, int bytes) {
        if (error == WinError.ERROR_MORE_DATA) {
            // The request is now bound to its id: nobody else can receive it (Wine test_v1_short_buffer).
            retryRequestIds[i] = HttpRequestV2.requestId(buffers[i]);
            if (!closing) {
                // Receive it again by id into a buffer of the size asked for.
                growBuffer(i, bytes);
                return;
            }
        } else if (error == WinError.ERROR_INVALID_PARAMETER && retryRequestIds[i] != Http.HTTP_NULL_ID) {
            // A retry by id can be refused with ERROR_INVALID_PARAMETER: forget the id and receive anew, as ASP.NET
            // Core's AsyncAcceptContext (and HttpListener before it) do. Not a failure of the queue.
            logger.debug("{}: re-receiving request {} by id was refused; receiving anew", server,
                    retryRequestIds[i]);
        } else if (error == WinError.NO_ERROR) {
            consecutiveFailures = 0;
            dispatchRequest(buffers[i]);
        } else if (error == WinError.ERROR_OPERATION_ABORTED && !closing) {
            // Only this receiver cancels its receives, and only when closing: the queue itself was shut down
            // (HttpShutdownRequestQueue), by the process that created it. Nothing more will arrive here; once every
            // loop's receiver has stopped, the server channel closes (HttpSysServerChannel.receiverTerminated).
            logger.info("{}: the request queue was shut down by its creator; stopping receives on {}", server, loop);
            close();
        } else if (!closing && error != WinError.ERROR_CONNECTION_INVALID) {
            // ERROR_CONNECTION_INVALID: the client left while its request was being re-received; nothing to do.
            logger.warn("{}: {}", server, HttpSysException.of("HttpReceiveHttpRequest", error).getMessage());
            if (++consecutiveFailures >= MAX_CONSECUTIVE_FAILURES) {
                logger.warn("{}: stopping receives on event loop {} after {} consecutive failures", server, loop,
                        consecutiveFailures);
                close();
            }
        }
        if (retryRequestIds[i] != Http.HTTP_NULL_ID && error != WinError.NO_ERROR) {
            // Bound to its id and not delivered (closing, or the retry failed): nobody else can receive it, so
            // cancel it rather than leave its client waiting for the kernel's timers (1229 if it is gone already).
            api.HttpCancelHttpRequest(queue.handle(), retryRequestIds[i], 0);
        }
        shrinkBuffer(i);
        retryRequestIds[i] = Http.HTTP_NULL_ID;
    }

    private void dispatchRequest(long request) {
        HttpSysRequestChannel child;
        try {
            child = new HttpSysRequestChannel(this, request);
        } catch (Throwable t) {
            logger.warn("{}: cannot decode a request; cancelling it", server, t);
            api.HttpCancelHttpRequest(queue.handle(), HttpRequestV2.requestId(request), 0);
            return;
        }
        link(child);
        try {
            child.start(request);
        } catch (Throwable t) {
            // Closing cancels the request (the client sees the connection drop) and lets the channel terminate.
            logger.warn("{}: cannot start {}; cancelling its request", server, child, t);
            child.unsafe().closeForcibly();
        }
    }

    private void growBuffer(int i, int required) {
        int size = Math.max(required, bufferSizes[i] * 2);
        if (buffers[i] != initialBuffers[i]) {
            NativeMemory.free(buffers[i], bufferSizes[i]);
        }
        buffers[i] = NativeMemory.allocate(size);
        bufferSizes[i] = size;
    }

    private void shrinkBuffer(int i) {
        if (buffers[i] != initialBuffers[i]) {
            NativeMemory.free(buffers[i], bufferSizes[i]);
            buffers[i] = initialBuffers[i];
            bufferSizes[i] = initialBufferSize;
        }
    }

    // ---- live request channels (an intrusive list: no allocation per request) ----

    private void link(HttpSysRequestChannel child) {
        child.nextSibling = firstChild;
        if (firstChild != null) {
            firstChild.previousSibling = child;
        }
        firstChild = child;
        liveChildren++;
    }

    /** A request channel has no operation pending any more and is closed: forget it. */
    void childTerminated(HttpSysRequestChannel child) {
        if (child.previousSibling != null) {
            child.previousSibling.nextSibling = child.nextSibling;
        } else if (firstChild == child) {
            firstChild = child.nextSibling;
        }
        if (child.nextSibling != null) {
            child.nextSibling.previousSibling = child.previousSibling;
        }
        child.nextSibling = null;
        child.previousSibling = null;
        liveChildren--;
        if (closing) {
            terminateIfIdle();
        }
    }

    int liveChildren() {
        return liveChildren;
    }

    // ---- pools for the request channels of this loop ----

    HttpSysSendBlock acquireSendBlock() {
        HttpSysSendBlock block = sendBlocks.pollLast();
        return block != null ? block : new HttpSysSendBlock(handler.ioCompletion());
    }

    void releaseSendBlock(HttpSysSendBlock block) {
        if (terminated) {
            block.free();
        } else {
            sendBlocks.addLast(block);
        }
    }

    HttpSysResponseEncoder acquireEncoder() {
        HttpSysResponseEncoder encoder = encoders.pollLast();
        return encoder != null ? encoder : new HttpSysResponseEncoder(handler.ioCompletion(),
                HttpSysResponseTrailers.of(api));
    }

    void releaseEncoder(HttpSysResponseEncoder encoder) {
        if (!terminated) {
            encoders.addLast(encoder);
        }
    }

    // ---- shutdown ----

    /** Graceful: stop receiving (pending receives are cancelled); live requests run to their end. Idempotent. */
    @Override
    public void close() {
        if (!loop.inEventLoop()) {
            executeOrIgnore(this::close); // when rejected, the loop is being destroyed and its handler aborts us
            return;
        }
        if (closing) {
            return;
        }
        closing = true;
        if (handler != null) {
            for (int i = 0; i < slots.length; i++) {
                if (slots[i] >= 0) {
                    handler.ioCompletion().CancelIoEx(queue.handle(), handler.overlapped(slots[i]));
                } else if (retryRequestIds[i] != Http.HTTP_NULL_ID) {
                    // Bound to its id by ERROR_MORE_DATA while receiving was paused: nobody else can receive it.
                    api.HttpCancelHttpRequest(queue.handle(), retryRequestIds[i], 0);
                    retryRequestIds[i] = Http.HTTP_NULL_ID;
                }
            }
        }
        terminateIfIdle();
    }

    /** The event loop is being destroyed: cancel the live requests too. Their completions still free memory. */
    @Override
    public void abort() {
        close();
        for (HttpSysRequestChannel child = firstChild; child != null; ) {
            HttpSysRequestChannel next = child.nextSibling;
            child.abort();
            child = next;
        }
    }

    private void terminateIfIdle() {
        if (terminated || pendingReceives > 0 || liveChildren > 0) {
            return;
        }
        terminated = true;
        for (int i = 0; i < buffers.length; i++) {
            shrinkBuffer(i);
            NativeMemory.free(initialBuffers[i], initialBufferSize);
            initialBuffers[i] = 0;
            buffers[i] = 0;
        }
        for (HttpSysSendBlock block; (block = sendBlocks.pollLast()) != null; ) {
            block.free();
        }
        encoders.clear();
        // Also ends the disconnect waits of connections still open (ERROR_OPERATION_ABORTED): their completions
        // arrive later on this loop's port and only release their OVERLAPPED slots.
        queue.close();
        if (registration != null) {
            registration.cancel();
        }
        server.receiverTerminated();
    }

    @Override
    public String toString() {
        return "LoopReceiver(" + server + ", " + loop + ')';
    }
}
