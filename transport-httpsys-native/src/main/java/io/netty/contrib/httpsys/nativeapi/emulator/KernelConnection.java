package io.netty.contrib.httpsys.nativeapi.emulator;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelException;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.contrib.httpsys.nativeapi.Http;
import io.netty.contrib.httpsys.nativeapi.NtStatus;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http2.DefaultHttp2ResetFrame;
import io.netty.handler.codec.http2.Http2Error;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.ReferenceCountUtil;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The kernel side of one client connection: takes the parsed requests and body bytes of the wire codec,
 * routes each request to its queue (or answers it from the kernel: 404, 400 Invalid Hostname, 503, the
 * response cache), feeds body bytes to the request, and signals disconnects.
 *
 * <p>Runs on the connection's event loop; every state change happens under the kernel lock, since the
 * application's threads reach the same requests through the API.
 */
final class KernelConnection extends ChannelInboundHandlerAdapter {

    private final Kernel kernel;
    final long id;
    /** The HTTP/2 connection when this "connection" is one of its streams (HTTP.SYS's virtual connection). */
    Http2Session session;
    /** The QUIC connection when this "connection" is an HTTP/3 request stream ({@link Http3Listener}). */
    Http3Listener.Connection quic;
    private Channel channel;
    private KernelRequestDecoder decoder;
    private ConnectionInfo info;
    private volatile boolean open = true;

    /** The request whose body is arriving or whose response is pending; {@code null} between requests. */
    private KernelRequest current;
    /** Routed in this read batch, handed to its queue at the end of the batch with the body bytes it brought. */
    private KernelRequest arrived;
    /** The current request is answered by the kernel itself; its body is discarded. */
    private boolean kernelAnswered;
    private KernelRequest pausedBy;
    private final List<PendingIo> disconnectWaits = new ArrayList<>();
    /** The socket failed under the kernel (the client reset it) rather than closing in order; event loop only. */
    private boolean resetByClient;
    /** The current request was a cache hit on a connection that stays open. */
    private boolean cacheHitKeepsAlive;
    /** IdleConnection, then HeaderWait once bytes of the next head arrive; only touched on the event loop. */
    private ScheduledFuture<?> headTimer;
    private boolean headStarted;
    /**
     * The timers of the group the last request was routed to. HTTP.SYS enforces the kernel's IdleConnection and
     * HeaderWait until the first request is routed, the application's after it (HTTP_TIMEOUT_LIMIT_INFO remarks).
     */
    private TimeoutLimits routedTimeouts;
    /** EntityBody while the current request's body arrives, DrainEntityBody after its response; kernel lock. */
    private ScheduledFuture<?> bodyTimer;
    private boolean draining;
    /** The group (and its session) this connection counts against for HttpQosSettingTypeConnectionLimit. */
    private UrlGroup countedGroup;

    KernelConnection(Kernel kernel, long id) {
        this.kernel = kernel;
        this.id = id;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        channel = ctx.channel();
        decoder = ctx.pipeline().get(KernelRequestDecoder.class);
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        startHeadTimer();
        ctx.fireChannelActive();
    }

    /**
     * A handler for in front of the codec that sees the first bytes of each request head: the connection is
     * idle (IdleConnection timer) until they come, then the head must complete within HeaderWait. Expiry closes
     * the connection without a response, as HTTP.SYS does.
     */
    ChannelInboundHandlerAdapter headWatch() {
        return new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                startHeaderWait();
                ctx.fireChannelRead(msg);
            }
        };
    }

    /** Bytes of the next head are here: it must now complete within HeaderWait (no-op while a request is served). */
    private void startHeaderWait() {
        if (headTimer != null && !headStarted) {
            headStarted = true;
            headTimer.cancel(false);
            headTimer = schedule(timeouts().headerWait());
        }
    }

    private void startHeadTimer() {
        stopHeadTimer();
        if (channel.isActive()) {
            headStarted = false;
            headTimer = schedule(timeouts().idleConnection());
        }
    }

    private void stopHeadTimer() {
        if (headTimer != null) {
            headTimer.cancel(false);
            headTimer = null;
        }
    }

    /** A timer that times the connection out: closed without a response, as HTTP.SYS does. */
    private ScheduledFuture<?> schedule(int seconds) {
        return channel.eventLoop().schedule(() -> {
            channel.close();
        }, seconds, TimeUnit.SECONDS);
    }

    private TimeoutLimits timeouts() {
        TimeoutLimits routed = routedTimeouts;
        return routed != null ? routed : kernel.defaultTimeouts();
    }

    /** (Re)starts the body timer with {@code seconds}; under the kernel lock. */
    private void armBodyTimer(int seconds) {
        stopBodyTimer();
        if (open) {
            bodyTimer = schedule(seconds);
        }
    }

    private void stopBodyTimer() {
        if (bodyTimer != null) {
            bodyTimer.cancel(false);
            bodyTimer = null;
        }
    }

    /** Starts the RequestQueue timer of a request that waits in its queue's backlog; under the kernel lock. */
    ScheduledFuture<?> scheduleRequestQueueTimer(KernelRequest request) {
        return channel.eventLoop().schedule(() -> {
            boolean expired;
            synchronized (kernel) {
                expired = request.queue.expire(request);
            }
            if (expired) {
                channel.close();
            }
        }, request.timeouts.requestQueue(), TimeUnit.SECONDS);
    }

    /**
     * Counts this connection against the connection limits (HttpQosSettingTypeConnectionLimit) of {@code group}
     * and its session; {@code false} when either is reached.
     */
    private boolean countConnection(UrlGroup group) {
        if (countedGroup == group) {
            return true;
        }
        uncountConnection();
        if (atLimit(group.properties.maxConnections, group.connections)
                || atLimit(group.session.properties.maxConnections, group.session.connections)) {
            return false;
        }
        group.connections++;
        group.session.connections++;
        countedGroup = group;
        return true;
    }

    private void uncountConnection() {
        if (countedGroup != null) {
            countedGroup.connections--;
            countedGroup.session.connections--;
            countedGroup = null;
        }
    }

    private static boolean atLimit(long maxConnections, int connections) {
        return maxConnections != ServerProperties.HTTP_LIMIT_INFINITE && connections >= maxConnections;
    }

    boolean isOpen() {
        return open;
    }

    /** Whether this is an HTTP/2 stream: one request, then the stream ends. */
    boolean isHttp2() {
        return session != null;
    }

    /** Whether this is an HTTP/3 request stream: one request, then the stream ends. */
    boolean isHttp3() {
        return quic != null;
    }

    /** What the marshaller writes into Address and pSslInfo; built at the first request (after the handshake). */
    ConnectionInfo info() {
        if (info == null && isHttp3()) {
            info = quic.info(id);
        } else if (info == null) {
            Channel socket = isHttp2() ? channel.parent() : channel;
            SslHandler ssl = socket.pipeline().get(SslHandler.class);
            info = new ConnectionInfo(id, (InetSocketAddress) socket.remoteAddress(),
                    (InetSocketAddress) socket.localAddress(), ssl == null ? null : kernel.tls().details(ssl),
                    isHttp2() ? session.rawConnectionId : 0);
        }
        return info;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ParsedRequest request) {
            synchronized (kernel) {
                requestArrived(request);
            }
        } else if (msg instanceof HttpContent content) {
            synchronized (kernel) {
                contentArrived(content);
            }
            kernel.runDeferred();
        } else {
            ReferenceCountUtil.release(msg);
        }
    }

    private void requestArrived(ParsedRequest request) {
        kernelAnswered = false;
        stopHeadTimer();
        UrlRegistry.Route route = kernel.registry().route(localPort(), request.cookedHost(), request.cookedAbsPath());
        if (route instanceof UrlRegistry.InvalidHostname) {
            answer(KernelResponses.encode(KernelAnswer.INVALID_HOSTNAME));
            return;
        }
        if (!(route instanceof UrlRegistry.Matched matched)) {
            answer(KernelResponses.encode(KernelAnswer.NOT_FOUND));
            return;
        }
        UrlGroup group = matched.registration().group();
        byte[] cached = kernel.cache().serve(request, localPort(), group.queue);
        if (cached != null) {
            // A cache hit is an ordinary response: the connection stays open unless the request said otherwise.
            kernelAnswered = true;
            cacheHitKeepsAlive = request.keepAlive();
            if (decoder != null) {
                decoder.responseStarted();
            }
            channel.writeAndFlush(Unpooled.wrappedBuffer(cached));
            if (!cacheHitKeepsAlive) {
                GracefulClose.afterFlush(channel);
            }
            return;
        }
        if (!countConnection(group)) {
            // "ConnLimit" in HTTP.SYS's error log: a 503, whatever the queue's 503 verbosity.
            answer(KernelResponses.encode(KernelAnswer.SERVICE_UNAVAILABLE));
            return;
        }
        routedTimeouts = group.timeouts(kernel.defaultTimeouts());
        RequestQueue queue = group.queue;
        if (session != null && queue != null) {
            session.routed(queue);
        }
        if (queue == null || !group.isActive() || !queue.isAccepting() || !queue.admit()) {
            serviceUnavailable(queue);
            return;
        }
        KernelRequest kernelRequest = new KernelRequest(kernel.handles().newValue(HandleTable.REQUEST_TAG), this,
                request, matched.registration(), queue, routedTimeouts);
        AuthenticationSettings authentication = group.authentication();
        if (authentication != null) {
            kernelRequest.authentication = RequestAuthentication.of(request, authentication, kernel.accounts());
        }
        current = kernelRequest;
        arrived = kernelRequest;
        draining = false;
        if (request.hasEntityBody()) {
            armBodyTimer(routedTimeouts.entityBody());
        }
    }

    private void serviceUnavailable(RequestQueue queue) {
        if (queue != null && queue.verbosity == Http.Http503ResponseVerbosityBasic) {
            // Basic verbosity (the default): no 503 is sent, the connection is reset.
            kernelAnswered = true;
            reset(channel);
            return;
        }
        answer(KernelResponses.encode(KernelAnswer.SERVICE_UNAVAILABLE));
    }

    /** Sends a kernel-generated response; every such answer ends the connection, as on Windows. */
    private void answer(byte[] response) {
        kernelAnswered = true;
        cacheHitKeepsAlive = false;
        if (decoder != null) {
            decoder.responseStarted();
        }
        channel.write(Unpooled.wrappedBuffer(response));
        GracefulClose.afterFlush(channel);
    }

    private void contentArrived(HttpContent content) {
        KernelRequest request = current;
        boolean last = content instanceof LastHttpContent;
        if (kernelAnswered) {
            content.release();
            if (last && cacheHitKeepsAlive) {
                cacheHitKeepsAlive = false;
                kernelAnswered = false;
                current = null;
                continueWithNextRequest();
            }
            return;
        }
        if (request == null) {
            content.release();
            return;
        }
        request.bodyArrived(content.content());
        if (!last && !draining && bodyTimer != null) {
            // EntityBody restarts with every arrival; DrainEntityBody bounds the whole drain.
            armBodyTimer(request.timeouts.entityBody());
        }
        if (last) {
            stopBodyTimer();
            request.bodyEnded(content.decoderResult().isFailure());
            if (request.responseComplete) {
                nextRequest(request);
            }
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        synchronized (kernel) {
            KernelRequest request = arrived;
            arrived = null;
            if (request != null) {
                if (open && request.queue.isAccepting()) {
                    request.queue.enqueue(request);
                } else {
                    // The queue was shut down or closed between routing and queuing.
                    request.queue.cancelAdmission();
                    if (open) {
                        serviceUnavailable(request.queue);
                    }
                }
            }
        }
        kernel.runDeferred();
        ctx.fireChannelReadComplete();
    }

    /** The response to {@code request} is complete (final send issued). */
    void responseFinished(KernelRequest request, boolean close) {
        if (close) {
            stopBodyTimer();
            GracefulClose.afterFlush(channel);
            return;
        }
        if (request.isBodyComplete()) {
            nextRequest(request);
        } else if (current == request) {
            draining = true;
            armBodyTimer(request.timeouts.drainEntityBody());
        }
    }

    private void nextRequest(KernelRequest request) {
        if (current == request) {
            current = null;
            stopBodyTimer();
            draining = false;
            // The codec turns reading back on itself; a pause for this request's body no longer applies.
            pausedBy = null;
            continueWithNextRequest();
        }
    }

    private void continueWithNextRequest() {
        if (decoder == null) {
            // An HTTP/2 or HTTP/3 stream carries one request.
            return;
        }
        channel.eventLoop().execute(() -> {
            startHeadTimer();
            // Decodes what arrived while the request before was served: a whole pipelined request stops the timer
            // again (requestArrived); part of a head has had its first bytes, so HeaderWait runs from now.
            decoder.continueWithNextRequest();
            if (decoder.hasPartialHead()) {
                startHeaderWait();
            }
        });
    }

    /** The application answered: no 400 from the codec any more. */
    void responseStarting() {
        if (decoder != null) {
            channel.eventLoop().execute(decoder::responseStarted);
        }
    }

    /** Writes {@code 100 Continue}. */
    void writeInterim(byte[] bytes) {
        channel.writeAndFlush(Unpooled.wrappedBuffer(bytes));
    }

    Kernel kernel() {
        return kernel;
    }

    Channel channel() {
        return channel;
    }

    /** Stops or resumes reading the socket for {@code request}'s body backpressure. */
    void pauseReading(KernelRequest request, boolean pause) {
        if (pause && pausedBy == null) {
            pausedBy = request;
            channel.config().setAutoRead(false);
            // The kernel stopped reading for the application: the client is not late.
            if (!draining) {
                stopBodyTimer();
            }
        } else if (!pause && pausedBy == request) {
            pausedBy = null;
            channel.config().setAutoRead(true);
            if (!draining && current == request && !request.isBodyComplete()) {
                armBodyTimer(request.timeouts.entityBody());
            }
        }
    }

    /** {@code HttpWaitForDisconnect}: parks {@code wait} until the connection closes; {@code false} if it has. */
    boolean waitForDisconnect(PendingIo wait) {
        if (!open) {
            return false;
        }
        disconnectWaits.add(wait);
        wait.onAbort(() -> disconnectWaits.remove(wait));
        return true;
    }

    /** Drops the connection at once (HttpCancelHttpRequest). */
    void abort() {
        reset(channel);
    }

    /** Closes with a TCP reset (SO_LINGER 0), as HTTP.SYS drops a connection it gives up on. */
    private static void reset(Channel channel) {
        if (channel instanceof Http2StreamChannel) {
            // RST_STREAM for this stream only: the other streams of the connection go on.
            channel.writeAndFlush(new DefaultHttp2ResetFrame(Http2Error.CANCEL));
        } else if (channel.isActive()) {
            try {
                channel.config().setOption(ChannelOption.SO_LINGER, 0);
            } catch (ChannelException closedMeanwhile) {
                // Already closed: nothing left to reset.
            }
        }
        channel.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        stopHeadTimer();
        synchronized (kernel) {
            open = false;
            stopBodyTimer();
            uncountConnection();
            if (arrived != null) {
                arrived.queue.cancelAdmission();
                arrived = null;
            }
            if (current != null) {
                current.connectionLost();
                current = null;
            }
            // Windows documents only that the wait ends when the connection "is broken for any reason", not with
            // which status. An orderly close completes it with success; a reset with STATUS_CONNECTION_RESET
            // (ERROR_NETNAME_DELETED), so that a transport must treat every completion as the disconnect, as
            // ASP.NET Core's DisconnectListener does.
            int status = resetByClient ? NtStatusTable.STATUS_CONNECTION_RESET : NtStatus.STATUS_SUCCESS;
            for (PendingIo wait : disconnectWaits) {
                wait.complete(status, 0);
            }
            disconnectWaits.clear();
            kernel.connectionClosed(this);
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // A socket read that fails (ECONNRESET) ends the connection: the client reset it.
        resetByClient |= cause instanceof IOException;
        ctx.close();
    }

    int localPort() {
        // A QUIC stream's own address is no socket address: the port is its connection's.
        return isHttp3() ? quic.localPort() : ((InetSocketAddress) channel.localAddress()).getPort();
    }
}
