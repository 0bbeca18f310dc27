package io.netty.contrib.httpsys;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelConfig;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelId;
import io.netty.channel.ChannelMetadata;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelProgressivePromise;
import io.netty.channel.ChannelPromise;
import io.netty.channel.DefaultChannelPipeline;
import io.netty.channel.EventLoop;
import io.netty.channel.MessageSizeEstimator;
import io.netty.channel.RecvByteBufAllocator;
import io.netty.channel.VoidChannelPromise;
import io.netty.contrib.httpsys.nativeapi.Http;
import io.netty.contrib.httpsys.nativeapi.HttpApi;
import io.netty.contrib.httpsys.nativeapi.HttpSysException;
import io.netty.contrib.httpsys.nativeapi.NativeMemory;
import io.netty.contrib.httpsys.nativeapi.WinError;
import io.netty.contrib.httpsys.nativeapi.struct.Overlapped;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.DefaultAttributeMap;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.internal.logging.InternalLogger;
import io.netty.util.internal.logging.InternalLoggerFactory;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.channels.ClosedChannelException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;

/**
 * The child channel of one HTTP request, like {@code Http2StreamChannel} is for one HTTP/2 stream: it lives on the
 * event loop that received the request, delivers the request to its pipeline and turns the pipeline's writes into
 * {@code HttpSendHttpResponse} / {@code HttpSendResponseEntityBody} calls.
 *
 * <p>Inbound: a {@code FullHttpRequest} (the body read with {@code HttpReceiveRequestEntityBody} up to the
 * server's {@link HttpSysChannelOption#MAX_REQUEST_BODY_SIZE}, else {@code 413} before the pipeline exists) or, not
 * aggregating, the {@code HttpRequest} and then one body receive per {@code read()}, so that an application that
 * stops reading stops the client (TCP flow control).
 *
 * <p>Outbound: everything flushed together goes to HTTP.SYS in one call, one call at a time; flushes that arrive
 * while a call is in flight wait and then go together (write-behind). Messages, and the native memory describing
 * them, are released when the call completes. The channel closes itself once the response is complete. Closing it
 * earlier without a complete response cancels the request ({@code HttpCancelHttpRequest}): the client sees the
 * connection drop, as with a socket transport. An exception no handler caught becomes a {@code 500} when nothing
 * was sent yet.
 *
 * <p>Every operation this channel starts keeps its buffers until its completion has been dequeued, even after the
 * channel closed; only then does the channel leave its loop's list of live requests.
 */
final class HttpSysRequestChannel extends DefaultAttributeMap implements Channel, CompletionHandler {

    private static final InternalLogger logger = InternalLoggerFactory.getInstance(HttpSysRequestChannel.class);
    private static final ChannelMetadata METADATA = new ChannelMetadata(false, 1);
    private static final int OP_SEND = 0;
    private static final int OP_RECEIVE_BODY = 1;
    private static final int BODY_CHUNK_SIZE = 64 * 1024;
    private static final AtomicReferenceFieldUpdater<HttpSysRequestChannel, ChannelPromise> CLOSE_PROMISE =
            AtomicReferenceFieldUpdater.newUpdater(HttpSysRequestChannel.class, ChannelPromise.class, "closePromise");

    /** Siblings in the loop's list of live requests (see {@link LoopReceiver}). */
    HttpSysRequestChannel previousSibling;
    HttpSysRequestChannel nextSibling;

    private final HttpSysServerChannel parent;
    private final LoopReceiver receiver;
    private final HttpSysRequestInfo info;
    private ChannelId id;
    private final HttpSysRequestChannelConfig config = new HttpSysRequestChannelConfig(this);
    private final RequestUnsafe unsafe = new RequestUnsafe();
    private final RequestPipeline pipeline;
    /** Made on first use of {@link #closeFuture()}: most requests close without anyone asking for it. */
    private volatile ChannelPromise closePromise;
    private volatile boolean closeCompleted;
    private final Thread receivedOn;
    // Message queues with the first entry inline: a request usually has one inbound message, one write and one
    // promise per send, so the collections behind them are only made for a second entry.
    private Object firstInbound;
    private ArrayDeque<Object> moreInbound;
    private Object firstWrite;
    private ChannelPromise firstWritePromise;
    private ArrayDeque<Object> moreWrites;
    private ArrayDeque<ChannelPromise> moreWritePromises;
    private ChannelPromise firstSendPromise;
    private List<ChannelPromise> moreSendPromises;
    /** Made for the first progressive promise only: most requests never have one. */
    private HttpSysSendProgress sendProgress;

    private volatile boolean open = true;
    private volatile boolean registered;
    private volatile boolean writable = true;
    private volatile long pendingOutboundBytes;

    private EventLoop probedLoop;
    private boolean aggregating;
    private HttpRequest aggregateHead;
    private CompositeByteBuf aggregateBody;
    private long bodyBytes;
    private boolean bodyDone;
    private boolean readRequested;
    private boolean delivering;

    private int bodySlot = -1;
    private boolean disconnectWatched;
    private ByteBuf bodyBuffer;
    private long bodyNative;
    private int bodyNativeSize;
    private boolean receivingBody;

    private HttpSysResponseEncoder encoder;
    private int flushedWrites;
    private int sendSlot = -1;
    private HttpSysSendBlock inFlightBlock;
    private long inFlightBytes;
    private boolean responseStarted;
    private boolean responseEnded;
    private boolean terminated;
    private boolean flushing;

    /** A request just received by {@code receiver}: reads what it needs from {@code request} right away. */
    HttpSysRequestChannel(LoopReceiver receiver, long request) {
        this.receiver = receiver;
        this.parent = receiver.server();
        this.info = receiver.decoder().decodeInfo(request);
        this.pipeline = new RequestPipeline();
        this.receivedOn = Thread.currentThread();
    }

    private HttpSysRequestChannel(HttpSysServerChannel parent) {
        this.receiver = null;
        this.parent = parent;
        this.info = null;
        this.pipeline = new RequestPipeline();
        this.receivedOn = null;
    }

    /**
     * A channel that is only ever handed to the bootstrap's acceptor to learn the child event loop group: it
     * records the loop it is registered with and does nothing else.
     */
    static HttpSysRequestChannel probe(HttpSysServerChannel parent) {
        return new HttpSysRequestChannel(parent);
    }

    boolean isProbe() {
        return info == null;
    }

    EventLoop probedLoop() {
        return probedLoop;
    }

    /** The thread that dequeued this request's completion: the handler should run on it (no thread hop). */
    Thread receivedOn() {
        return receivedOn;
    }

    /**
     * {@code eventLoop().register(this)}, for {@link HttpSysEventLoopGroup#register}: on the loop that received the
     * request (where the acceptor runs) it registers at once and returns the pipeline's cached future instead of
     * a promise per request.
     */
    ChannelFuture registerOnOwnLoop() {
        EventLoop own = eventLoop();
        if (!own.inEventLoop()) {
            return own.register(this);
        }
        if (registered) {
            return newFailedFuture(new IllegalStateException("a request channel registers once"));
        }
        if (!open) {
            return newFailedFuture(new ClosedChannelException());
        }
        unsafe.register0(unsafe.voidPromise());
        return newSucceededFuture();
    }

    /** What HTTP.SYS said about the request: ids, addresses, protocol, TLS. */
    HttpSysRequestInfo requestInfo() {
        return info;
    }

    /** The loop's share of the server that received this request. */
    LoopReceiver receiver() {
        return receiver;
    }

    // ---- inbound ----

    /** Decodes the request in the receive buffer, then reads the rest of the body or hands the channel over. */
    void start(long request) {
        HttpSysRequestDecoder decoder = receiver.decoder();
        ByteBufAllocator alloc = alloc();
        long max = parent.maxRequestBodySize();
        if (parent.aggregate() && !info.hasMoreEntityBody()) {
            FullHttpRequest full = decoder.decodeFull(request, info, alloc);
            noteRequest(full);
            if (refusedAnonymous()) {
                full.release();
                return;
            }
            if (max >= 0 && full.content().readableBytes() > max) {
                full.release();
                rejectTooLarge();
                return;
            }
            bodyDone = true;
            addInbound(full);
            parent.accept(this);
            return;
        }
        HttpRequest head = decoder.decodeHead(request, info);
        noteRequest(head);
        if (refusedAnonymous()) {
            return;
        }
        if (max >= 0 && HttpUtil.getContentLength(head, -1L) > max) {
            rejectTooLarge();
            return;
        }
        ByteBuf first = decoder.copyEntityChunks(request, alloc);
        bodyBytes = first.readableBytes();
        if (max >= 0 && bodyBytes > max) {
            first.release();
            rejectTooLarge();
            return;
        }
        if (parent.aggregate()) {
            aggregating = true;
            aggregateHead = head;
            aggregateBody = alloc.compositeDirectBuffer(Integer.MAX_VALUE);
            addToAggregate(first);
            receiveBody();
            return;
        }
        addInbound(head);
        if (!info.hasMoreEntityBody()) {
            bodyDone = true;
            addInbound(first.isReadable() ? new DefaultLastHttpContent(first) : lastContent(first));
        } else if (first.isReadable()) {
            addInbound(new DefaultHttpContent(first));
        } else {
            first.release();
        }
        parent.accept(this);
    }

    private static LastHttpContent lastContent(ByteBuf empty) {
        empty.release();
        return LastHttpContent.EMPTY_LAST_CONTENT;
    }

    /** Prepares the response encoder while the request is still exactly as decoded. */
    private void noteRequest(HttpRequest request) {
        encoder = receiver.acquireEncoder();
        encoder.reset(info, request);
    }

    private void addToAggregate(ByteBuf buffer) {
        if (buffer.isReadable()) {
            aggregateBody.addComponent(true, buffer);
        } else {
            buffer.release();
        }
    }

    /** Whether a body receive should be started now: the body continues and someone wants it. */
    private boolean wantsBody() {
        return open && !bodyDone && bodySlot < 0 && (aggregating || readRequested && inboundIsEmpty());
    }

    /**
     * Receives body bytes while {@link #wantsBody()}: until a receive is pending, the body ended, or (not
     * aggregating) the pipeline has what it asked for. A loop guarded against re-entry rather than recursion:
     * receives often complete synchronously, and delivering a piece may ask for the next one.
     */
    private void receiveBody() {
        if (receivingBody) {
            return;
        }
        receivingBody = true;
        try {
            HttpSysIoHandler handler = receiver.handler();
            HttpApi api = receiver.api();
            while (wantsBody()) {
                ByteBuf buffer = alloc().directBuffer(BODY_CHUNK_SIZE);
                int capacity = buffer.writableBytes();
                long address;
                if (buffer.hasMemoryAddress()) {
                    address = buffer.memoryAddress() + buffer.writerIndex();
                } else {
                    bodyNative = NativeMemory.allocate(capacity);
                    bodyNativeSize = capacity;
                    address = bodyNative;
                }
                int slot = handler.acquire(this, OP_RECEIVE_BODY);
                long overlapped = handler.overlapped(slot);
                int error;
                try {
                    error = api.HttpReceiveRequestEntityBody(receiver.queueHandle(), info.requestId(), 0, address,
                            capacity, 0, overlapped);
                } catch (Throwable t) {
                    // No operation started: give the slot and the buffers back before the exception goes on.
                    handler.release(slot);
                    bodyReceived(buffer, WinError.ERROR_OPERATION_ABORTED, 0);
                    throw t;
                }
                if (HttpSysIoHandler.completesLater(error)) {
                    bodySlot = slot;
                    bodyBuffer = buffer;
                    return;
                }
                int bytes = (int) Overlapped.internalHigh(overlapped);
                handler.release(slot);
                bodyReceived(buffer, error, bytes);
            }
        } finally {
            receivingBody = false;
        }
    }

    /** Takes one body receive's result (the buffer is released or handed on). */
    private void bodyReceived(ByteBuf buffer, int error, int bytes) {
        if (bodyNative != 0) {
            if (error == WinError.NO_ERROR && bytes > 0) {
                HttpSysRequestDecoder.copyFromNative(bodyNative, bytes, buffer);
            }
            NativeMemory.free(bodyNative, bodyNativeSize);
            bodyNative = 0;
        } else if (error == WinError.NO_ERROR) {
            buffer.writerIndex(buffer.writerIndex() + bytes);
        }
        if (!open) {
            buffer.release();
            return;
        }
        if (error == WinError.NO_ERROR) {
            bodyBytes += bytes;
            long max = parent.maxRequestBodySize();
            if (max >= 0 && bodyBytes > max) {
                buffer.release();
                if (aggregating) {
                    rejectTooLarge();
                } else {
                    // The pipeline has seen the head already: all that is left is to drop the request.
                    closeQuietly();
                }
            } else if (aggregating) {
                addToAggregate(buffer);
            } else {
                if (buffer.isReadable()) {
                    addInbound(new DefaultHttpContent(buffer));
                } else {
                    buffer.release();
                }
                deliverInbound();
            }
            return;
        }
        buffer.release();
        if (error == WinError.ERROR_HANDLE_EOF) {
            bodyDone = true;
            if (aggregating) {
                FullHttpRequest full = HttpSysRequestDecoder.aggregate(aggregateHead, aggregateBody);
                aggregateHead = null;
                aggregateBody = null;
                aggregating = false;
                addInbound(full);
                parent.accept(this);
            } else {
                addInbound(LastHttpContent.EMPTY_LAST_CONTENT);
                deliverInbound();
            }
            return;
        }
        // The client went away mid-body (or the request was cancelled): nothing left to answer.
        logger.debug("{}: HttpReceiveRequestEntityBody failed: {}", this, WinError.nameOf(error));
        closeQuietly();
    }

    private void deliverInbound() {
        if (delivering) {
            return;
        }
        delivering = true;
        try {
            boolean fired = false;
            while (readRequested && open) {
                Object msg = pollInbound();
                if (msg == null) {
                    break;
                }
                if (!config.isAutoRead()) {
                    readRequested = false;
                }
                fired = true;
                pipeline.fireChannelRead(msg);
            }
            if (fired) {
                pipeline.fireChannelReadComplete();
                watchForDisconnect();
            }
        } finally {
            delivering = false;
        }
        receiveBody();
    }

    /**
     * A handler that did not answer while it read the request (it answers later, from elsewhere) learns of a
     * client that leaves in the meantime through {@code channelInactive}: the loop's {@link DisconnectListener}
     * watches the connection until this channel closes. Handlers that answer at once never pay for it.
     */
    private void watchForDisconnect() {
        if (!open || responseEnded || disconnectWatched) {
            return;
        }
        disconnectWatched = true;
        receiver.disconnects().register(this);
    }

    /** From the {@link DisconnectListener}: the connection of this request is gone. */
    void disconnected() {
        // After the response ended there is nothing left to abort. Under HTTP/2 the wait of a request's own
        // ConnectionId ends with the request itself (aspnet/AspNetKatana#432), racing its last send.
        if (open && !responseEnded) {
            logger.debug("{}: the client disconnected before the response ended", this);
            closeQuietly();
        }
    }

    /**
     * Answers {@code 401} with a challenge per enabled scheme, before any handler sees the request, when the server
     * refuses anonymous requests and HTTP.SYS did not authenticate this one. HTTP.SYS itself refuses nothing: it
     * hands over unauthenticated requests too, and ASP.NET Core sends this answer from the server
     * ({@code HttpSysListener.ValidateRequest}: {@code SendError(401, AuthenticationManager.GenerateChallenges)}).
     * The connection stays open, as a Negotiate or NTLM handshake continues on it.
     */
    private boolean refusedAnonymous() {
        HttpSysAuthentication authentication = parent.authentication();
        HttpSysIdentity identity = info.authentication();
        if (authentication.allowAnonymous() || identity != null && identity.isAuthenticated()) {
            return false;
        }
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.UNAUTHORIZED, Unpooled.EMPTY_BUFFER);
        response.headers().set(HttpHeaderNames.CONTENT_LENGTH, 0)
                .set(HttpHeaderNames.WWW_AUTHENTICATE, authentication.challenges());
        sendInternal(response);
        return true;
    }

    private void rejectTooLarge() {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, Unpooled.EMPTY_BUFFER);
        response.headers().set(HttpHeaderNames.CONTENT_LENGTH, 0)
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        sendInternal(response);
    }

    /** Writes a response of the transport's own (401, 413, 500), bypassing the pipeline's handlers. */
    private void sendInternal(FullHttpResponse response) {
        ChannelPromise promise = newPromise();
        unsafe.write(response, promise);
        unsafe.flush();
    }

    // ---- outbound ----

    /**
     * Sends what was flushed, one call at a time. Promise listeners and writability events run inside this loop and
     * may write, flush or close: a nested call returns at once and this loop picks their writes up, and the channel
     * leaves its loop's list only after the loop ended.
     */
    private void sendFlushed() {
        if (flushing) {
            return;
        }
        flushing = true;
        try {
            while (sendSlot < 0 && flushedWrites > 0) {
                HttpSysSendBlock block = fillBlock();
                if (block == null) {
                    continue;
                }
                int error;
                try {
                    error = issue(block);
                } catch (Throwable t) {
                    // The batch fails with the exception: its promises hear it and the request is cancelled.
                    sendFinished(block, WinError.NO_ERROR, t);
                    continue;
                }
                if (sendSlot >= 0) {
                    return;
                }
                sendFinished(block, error);
            }
        } finally {
            flushing = false;
        }
        terminateIfIdle();
    }

    /** Appends flushed messages to a new batch; {@code null} when the batch needed no call. */
    private HttpSysSendBlock fillBlock() {
        HttpSysSendBlock block = receiver.acquireSendBlock();
        encoder.begin(block);
        MessageSizeEstimator.Handle estimator = config.getMessageSizeEstimator().newHandle();
        long batchBytes = 0;
        while (flushedWrites > 0) {
            Object msg = peekWrite();
            ChannelPromise promise = firstWrite != null ? firstWritePromise : moreWritePromises.peek();
            int size = Math.max(estimator.size(msg), 0);
            int result;
            try {
                result = encoder.append(msg, alloc());
            } catch (Throwable t) {
                removeFirstWrite();
                ReferenceCountUtil.safeRelease(msg);
                promise.tryFailure(t);
                decrementPendingOutboundBytes(size);
                continue;
            }
            if (result == HttpSysResponseEncoder.BATCH_FULL) {
                break;
            }
            removeFirstWrite();
            if (result == HttpSysResponseEncoder.APPENDED) {
                responseStarted |= encoder.isResponseStarted();
                UnsupportedOperationException refused = encoder.takeRefusedUpgrade();
                if (refused != null) {
                    promise = failWhenSent(promise, refused);
                }
                addSendPromise(promise);
                if (promise instanceof ChannelProgressivePromise) {
                    if (sendProgress == null) {
                        sendProgress = new HttpSysSendProgress();
                    }
                    sendProgress.add(promise, msg);
                }
                batchBytes += size;
            } else {
                promise.trySuccess();
                decrementPendingOutboundBytes(size);
            }
        }
        encoder.finish();
        inFlightBytes = batchBytes;
        if (block.call() == HttpSysSendBlock.CALL_NONE) {
            sendFinished(block, WinError.NO_ERROR);
            return null;
        }
        return block;
    }

    /** A promise for the send in place of {@code promise}, which fails with {@code cause} once the send is over. */
    private ChannelPromise failWhenSent(ChannelPromise promise, Throwable cause) {
        ChannelPromise sent = newPromise();
        sent.addListener(f -> promise.tryFailure(cause));
        return sent;
    }

    private void removeFirstWrite() {
        pollWrite();
        flushedWrites--;
    }

    // ---- the inline-first queues ----

    private void addInbound(Object msg) {
        if (firstInbound == null && (moreInbound == null || moreInbound.isEmpty())) {
            firstInbound = msg;
            return;
        }
        if (moreInbound == null) {
            moreInbound = new ArrayDeque<>(4);
        }
        moreInbound.add(msg);
    }

    private Object pollInbound() {
        Object msg = firstInbound;
        if (msg != null) {
            firstInbound = null;
            return msg;
        }
        return moreInbound != null ? moreInbound.poll() : null;
    }

    private boolean inboundIsEmpty() {
        return firstInbound == null && (moreInbound == null || moreInbound.isEmpty());
    }

    private void addWrite(Object msg, ChannelPromise promise) {
        if (firstWrite == null && (moreWrites == null || moreWrites.isEmpty())) {
            firstWrite = msg;
            firstWritePromise = promise;
            return;
        }
        if (moreWrites == null) {
            moreWrites = new ArrayDeque<>(4);
            moreWritePromises = new ArrayDeque<>(4);
        }
        moreWrites.add(msg);
        moreWritePromises.add(promise);
    }

    private Object peekWrite() {
        return firstWrite != null ? firstWrite : moreWrites != null ? moreWrites.peek() : null;
    }

    /** Removes the first write and returns its promise; {@code null} when there is none. */
    private ChannelPromise pollWrite() {
        if (firstWrite != null) {
            ChannelPromise promise = firstWritePromise;
            firstWrite = null;
            firstWritePromise = null;
            return promise;
        }
        if (moreWrites == null || moreWrites.isEmpty()) {
            return null;
        }
        moreWrites.poll();
        return moreWritePromises.poll();
    }

    private int writeCount() {
        return (firstWrite != null ? 1 : 0) + (moreWrites != null ? moreWrites.size() : 0);
    }

    private void addSendPromise(ChannelPromise promise) {
        if (firstSendPromise == null) {
            firstSendPromise = promise;
            return;
        }
        if (moreSendPromises == null) {
            moreSendPromises = new ArrayList<>(4);
        }
        moreSendPromises.add(promise);
    }

    private int issue(HttpSysSendBlock block) {
        HttpSysIoHandler handler = receiver.handler();
        HttpApi api = receiver.api();
        int flags = block.flags();
        if (parent.kernelResponseBuffering()) {
            flags |= Http.HTTP_SEND_RESPONSE_FLAG_BUFFER_DATA;
        }
        if (block.isLast()) {
            responseEnded = true;
        }
        int slot = handler.acquire(this, OP_SEND);
        long overlapped = handler.overlapped(slot);
        int error;
        try {
            if (block.call() == HttpSysSendBlock.CALL_SEND_HTTP_RESPONSE) {
                // Without a cache policy (NULL) HTTP.SYS caches nothing: how ENABLE_RESPONSE_CACHING turns it off.
                long cachePolicy = parent.responseCaching() ? block.cachePolicy() : 0;
                error = api.HttpSendHttpResponse(receiver.queueHandle(), info.requestId(), flags, block.response(),
                        cachePolicy, 0, 0, 0, overlapped, 0);
            } else {
                error = api.HttpSendResponseEntityBody(receiver.queueHandle(), info.requestId(), flags,
                        (short) block.chunkCount(), block.chunks(), 0, 0, 0, overlapped, 0);
            }
        } catch (Throwable t) {
            // No operation started: the slot must not stay taken, or destroy() waits for it in vain.
            handler.release(slot);
            throw t;
        }
        if (HttpSysIoHandler.completesLater(error)) {
            sendSlot = slot;
            inFlightBlock = block;
            return error;
        }
        handler.release(slot);
        return error;
    }

    private void sendFinished(HttpSysSendBlock block, int error) {
        sendFinished(block, error, null);
    }

    /** Ends a batch: {@code failure}, when not null, is why it failed (a kernel call that threw, say). */
    private void sendFinished(HttpSysSendBlock block, int error, Throwable failure) {
        boolean last = block.isLast();
        int call = block.call();
        block.complete();
        receiver.releaseSendBlock(block);
        // Taken before anything below can re-enter (a writability change or a promise listener may flush a new batch).
        long sentBytes = inFlightBytes;
        inFlightBytes = 0;
        decrementPendingOutboundBytes(sentBytes);
        Throwable cause = failure;
        // ERROR_HANDLE_EOF: a file chunk ran past the end of its file (it shrank after the region was sized);
        // HTTP.SYS sent what the file had. ASP.NET Core counts it as success, inline and on completion
        // (ResponseBody.FlushInternal, ResponseStreamAsyncResult.IOCompleted): the send is over, not failed.
        if (cause == null && error != WinError.NO_ERROR && error != WinError.ERROR_HANDLE_EOF) {
            cause = HttpSysException.of(call == HttpSysSendBlock.CALL_SEND_HTTP_RESPONSE
                    ? "HttpSendHttpResponse" : "HttpSendResponseEntityBody", error);
        }
        if (sendProgress != null) {
            if (cause == null) {
                sendProgress.reportDone();
            } else {
                sendProgress.clear();
            }
        }
        // Taken out before any listener runs, so that the next batch starts from empty fields.
        ChannelPromise first = firstSendPromise;
        firstSendPromise = null;
        List<ChannelPromise> more = moreSendPromises;
        moreSendPromises = null;
        if (first != null) {
            complete(first, cause);
        }
        if (more != null) {
            for (int i = 0; i < more.size(); i++) {
                complete(more.get(i), cause);
            }
        }
        if (cause != null) {
            // Usually the client left mid-response. Whatever the reason, the response did not go out: closing
            // cancels the request, so that HTTP.SYS does not keep it (and the client) waiting.
            logger.debug("{}: send failed", this, cause);
            responseEnded = false;
            closeQuietly();
        } else if (last && call != HttpSysSendBlock.CALL_NONE) {
            // The response is complete: so is this channel's work, whether or not a handler closes it.
            closeQuietly();
        }
    }

    private static void complete(ChannelPromise promise, Throwable cause) {
        if (cause == null) {
            promise.trySuccess();
        } else {
            promise.tryFailure(cause);
        }
    }

    @Override
    public void completed(int operation, int error, int bytesTransferred) {
        if (operation == OP_SEND) {
            sendSlot = -1;
            HttpSysSendBlock block = inFlightBlock;
            inFlightBlock = null;
            // As inside sendFlushed: listeners that flush while the promises are being completed must not start a
            // batch (and add promises) in the middle of it; the sendFlushed below sends what they flushed.
            flushing = true;
            try {
                sendFinished(block, error);
            } finally {
                flushing = false;
            }
            if (open) {
                sendFlushed();
            }
        } else {
            bodySlot = -1;
            ByteBuf buffer = bodyBuffer;
            bodyBuffer = null;
            bodyReceived(buffer, error, bytesTransferred);
            receiveBody();
        }
        terminateIfIdle();
    }

    private void incrementPendingOutboundBytes(long size) {
        if (size <= 0) {
            return;
        }
        long pending = pendingOutboundBytes + size;
        pendingOutboundBytes = pending;
        if (writable && pending > config.getWriteBufferHighWaterMark()) {
            writable = false;
            pipeline.fireChannelWritabilityChanged();
        }
    }

    private void decrementPendingOutboundBytes(long size) {
        if (size <= 0) {
            return;
        }
        long pending = pendingOutboundBytes - size;
        pendingOutboundBytes = pending;
        if (!writable && pending < config.getWriteBufferLowWaterMark()) {
            writable = true;
            if (registered && open) {
                pipeline.fireChannelWritabilityChanged();
            }
        }
    }

    // ---- closing ----

    private void closeQuietly() {
        unsafe.close(unsafe.voidPromise());
    }

    /** The event loop is being destroyed: cancel what is still pending. */
    void abort() {
        closeQuietly();
        cancel(sendSlot);
    }

    /** Cancels the pending operation of {@code slot}, if any; its completion still comes (and frees memory). */
    private void cancel(int slot) {
        if (slot >= 0) {
            receiver.handler().ioCompletion().CancelIoEx(receiver.queueHandle(), receiver.handler().overlapped(slot));
        }
    }

    private void terminateIfIdle() {
        if (terminated || open || flushing || sendSlot >= 0 || bodySlot >= 0) {
            return;
        }
        terminated = true;
        if (encoder != null) {
            receiver.releaseEncoder(encoder);
            encoder = null;
        }
        receiver.childTerminated(this);
    }

    private void invokeLater(Runnable task) {
        try {
            eventLoop().execute(task);
        } catch (RejectedExecutionException e) {
            // The loop is being destroyed: run it now rather than never.
            task.run();
        }
    }

    // ---- Channel ----

    @Override
    public ChannelId id() {
        // Made on first use (most requests never ask); a race makes two equal ids, which is harmless.
        ChannelId channelId = id;
        if (channelId == null) {
            channelId = new RequestChannelId(parent.id(), info != null ? info.requestId() : 0);
            id = channelId;
        }
        return channelId;
    }

    @Override
    public EventLoop eventLoop() {
        return receiver != null ? receiver.loop() : parent.eventLoop();
    }

    @Override
    public Channel parent() {
        return parent;
    }

    @Override
    public ChannelConfig config() {
        return config;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public boolean isRegistered() {
        return registered;
    }

    @Override
    public boolean isActive() {
        return open;
    }

    @Override
    public ChannelMetadata metadata() {
        return METADATA;
    }

    @Override
    public InetSocketAddress localAddress() {
        return info != null ? info.localAddress() : null;
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return info != null ? info.remoteAddress() : null;
    }

    @Override
    public ChannelFuture closeFuture() {
        ChannelPromise promise = closePromise;
        if (promise == null) {
            promise = pipeline.newPromise();
            if (!CLOSE_PROMISE.compareAndSet(this, null, promise)) {
                return closePromise;
            }
            // Both volatile: either close() sees the promise just set, or this sees closeCompleted (or both).
            if (closeCompleted) {
                promise.trySuccess();
            }
        }
        return promise;
    }

    @Override
    public boolean isWritable() {
        return writable && open;
    }

    @Override
    public long bytesBeforeUnwritable() {
        long bytes = config.getWriteBufferHighWaterMark() - pendingOutboundBytes + 1;
        return bytes > 0 && isWritable() ? bytes : 0;
    }

    @Override
    public long bytesBeforeWritable() {
        long bytes = pendingOutboundBytes - config.getWriteBufferLowWaterMark() + 1;
        return bytes > 0 && !isWritable() ? bytes : 0;
    }

    @Override
    public Unsafe unsafe() {
        return unsafe;
    }

    @Override
    public ChannelPipeline pipeline() {
        return pipeline;
    }

    @Override
    public int compareTo(Channel o) {
        return this == o ? 0 : id().compareTo(o.id());
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        // RequestChannelId's hash, without making the id.
        return 31 * parent.id().hashCode() + Long.hashCode(info != null ? info.requestId() : 0);
    }

    @Override
    public String toString() {
        return "[id: 0x" + id().asShortText() + (info != null ? ", R:" + info.remoteAddress() : "") + ']';
    }

    private final class RequestPipeline extends DefaultChannelPipeline {
        RequestPipeline() {
            super(HttpSysRequestChannel.this);
        }

        @Override
        protected void onUnhandledInboundException(Throwable cause) {
            if (!open) {
                super.onUnhandledInboundException(cause);
                return;
            }
            if (!responseStarted && writeCount() == 0 && encoder != null && encoder.isUpgradeRequested()) {
                // Typically Netty's WebSocketServerProtocolHandler, whose handshaker looks for HttpServerCodec
                // and fails before it writes its 101: the real reason is that upgrades cannot work here yet.
                logger.warn("{}: the request asks for a protocol upgrade, which this transport does not support "
                        + "yet (HTTP.SYS's opaque mode is not used); answering 501 Not Implemented. The exception "
                        + "that reached the end of the pipeline:", HttpSysRequestChannel.this, cause);
                sendInternal(HttpSysResponseEncoder.upgradeRefusal());
            } else if (!responseStarted && writeCount() == 0) {
                logger.warn("{}: an exception reached the end of the pipeline; answering 500",
                        HttpSysRequestChannel.this, cause);
                FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                        HttpResponseStatus.INTERNAL_SERVER_ERROR, Unpooled.EMPTY_BUFFER);
                response.headers().set(HttpHeaderNames.CONTENT_LENGTH, 0);
                sendInternal(response);
            } else {
                logger.warn("{}: an exception reached the end of the pipeline after the response started; "
                        + "aborting the request", HttpSysRequestChannel.this, cause);
                closeQuietly();
            }
        }

        @Override
        protected void incrementPendingOutboundBytes(long size) {
            // Counted by the channel itself when a write arrives (see RequestUnsafe.write).
        }

        @Override
        protected void decrementPendingOutboundBytes(long size) {
        }
    }

    @SuppressWarnings("deprecation") // RecvByteBufAllocator.Handle is part of the Unsafe contract
    private final class RequestUnsafe implements Unsafe, Runnable {

        private RecvByteBufAllocator.Handle recvHandle;

        /** What a close leaves for later (as {@code AbstractChannel} does): the task is this unsafe, not a lambda. */
        @Override
        public void run() {
            pipeline.fireChannelInactive();
            registered = false;
            pipeline.fireChannelUnregistered();
        }

        @Override
        public RecvByteBufAllocator.Handle recvBufAllocHandle() {
            if (recvHandle == null) {
                recvHandle = config.getRecvByteBufAllocator().newHandle();
            }
            return recvHandle;
        }

        @Override
        public SocketAddress localAddress() {
            return HttpSysRequestChannel.this.localAddress();
        }

        @Override
        public SocketAddress remoteAddress() {
            return HttpSysRequestChannel.this.remoteAddress();
        }

        @Override
        public void register(EventLoop eventLoop, ChannelPromise promise) {
            if (info == null) {
                // The probe: remember the child group's loop, start nothing.
                probedLoop = eventLoop;
                promise.trySuccess();
                return;
            }
            if (!promise.setUncancellable()) {
                return;
            }
            if (registered) {
                promise.setFailure(new IllegalStateException("a request channel registers once"));
                return;
            }
            // The request stays on the loop that received it, whichever loop the group picked.
            EventLoop own = eventLoop();
            if (own.inEventLoop()) {
                register0(promise);
            } else {
                own.execute(() -> register0(promise));
            }
        }

        void register0(ChannelPromise promise) {
            if (!open) {
                promise.tryFailure(new ClosedChannelException());
                return;
            }
            registered = true;
            promise.trySuccess();
            pipeline.fireChannelRegistered();
            if (open) {
                pipeline.fireChannelActive();
            }
        }

        @Override
        public void bind(SocketAddress localAddress, ChannelPromise promise) {
            promise.setFailure(new UnsupportedOperationException("a request channel is not bound"));
        }

        @Override
        public void connect(SocketAddress remoteAddress, SocketAddress localAddress, ChannelPromise promise) {
            promise.setFailure(new UnsupportedOperationException("a request channel does not connect"));
        }

        @Override
        public void disconnect(ChannelPromise promise) {
            close(promise);
        }

        @Override
        public void close(ChannelPromise promise) {
            if (!promise.setUncancellable()) {
                return;
            }
            if (!open) {
                ChannelFuture closeFuture = closeFuture();
                if (closeFuture.isDone()) {
                    promise.trySuccess();
                } else if (!(promise instanceof VoidChannelPromise)) {
                    closeFuture.addListener(f -> promise.trySuccess());
                }
                return;
            }
            open = false;
            readRequested = false;
            for (Object msg; (msg = pollInbound()) != null; ) {
                ReferenceCountUtil.release(msg);
            }
            if (aggregateBody != null) {
                aggregateBody.release();
                aggregateBody = null;
                aggregateHead = null;
            }
            failUnsentWrites();
            if (info != null && !responseEnded) {
                // No complete response went out: drop the request, so the client is not left waiting.
                receiver.api().HttpCancelHttpRequest(receiver.queueHandle(), info.requestId(), 0);
            }
            cancel(bodySlot);
            if (disconnectWatched) {
                // No kernel call: the connection's wait stays with the listener until the connection goes away.
                receiver.disconnects().unregister(HttpSysRequestChannel.this);
            }
            if (info != null) {
                // The token lives as long as the request (HTTP_REQUEST_AUTH_INFO): see HttpSysIdentity.
                info.closeAccessToken();
            }
            closeCompleted = true;
            ChannelPromise closed = closePromise;
            if (closed != null) {
                closed.trySuccess();
            }
            promise.trySuccess();
            if (registered) {
                invokeLater(this);
            }
            if (info != null) {
                terminateIfIdle();
            }
        }

        private void failUnsentWrites() {
            if (writeCount() == 0) {
                return;
            }
            ClosedChannelException cause = new ClosedChannelException();
            while (writeCount() > 0) {
                Object msg = peekWrite();
                ChannelPromise promise = pollWrite();
                ReferenceCountUtil.safeRelease(msg);
                promise.tryFailure(cause);
            }
            flushedWrites = 0;
        }

        @Override
        public void closeForcibly() {
            close(voidPromise());
        }

        @Override
        public void deregister(ChannelPromise promise) {
            promise.setFailure(new UnsupportedOperationException("a request channel cannot leave its event loop"));
        }

        @Override
        public void beginRead() {
            if (!open || info == null) {
                return;
            }
            readRequested = true;
            deliverInbound();
        }

        @Override
        public void write(Object msg, ChannelPromise promise) {
            if (!open) {
                ReferenceCountUtil.safeRelease(msg);
                promise.tryFailure(new ClosedChannelException());
                return;
            }
            addWrite(msg, promise);
            incrementPendingOutboundBytes(config.getMessageSizeEstimator().newHandle().size(msg));
        }

        @Override
        public void flush() {
            if (!open) {
                return;
            }
            flushedWrites = writeCount();
            sendFlushed();
        }

        @Override
        public ChannelPromise voidPromise() {
            // The pipeline's (it fires failures, as this one always did): no second one per request.
            return pipeline.voidPromise();
        }

        @Override
        public ChannelOutboundBuffer outboundBuffer() {
            return null;
        }
    }
}
