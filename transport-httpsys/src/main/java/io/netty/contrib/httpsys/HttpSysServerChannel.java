package io.netty.contrib.httpsys;

import io.netty.channel.AbstractServerChannel;
import io.netty.channel.Channel;
import io.netty.channel.ChannelConfig;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandler;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPromise;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoEvent;
import io.netty.channel.IoEventLoop;
import io.netty.channel.IoRegistration;
import io.netty.contrib.httpsys.HttpSysChannelOption.RequestQueueMode;
import io.netty.contrib.httpsys.nativeapi.Http;
import io.netty.contrib.httpsys.nativeapi.HttpApi;
import io.netty.contrib.httpsys.nativeapi.HttpSysBackend;
import io.netty.contrib.httpsys.nativeapi.HttpSysException;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Future;
import io.netty.util.internal.logging.InternalLogger;
import io.netty.util.internal.logging.InternalLoggerFactory;

import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A server channel on HTTP.SYS: binding creates a server session, a URL group with the {@link HttpSysAddress}'s
 * prefixes, and a named request queue; each request then arrives as a child channel (one per request, like an
 * HTTP/2 stream channel) whose pipeline the bootstrap's {@code childHandler} builds, and which receives a
 * {@code FullHttpRequest} (or, with {@link HttpSysChannelOption#AGGREGATE} off, the request in parts).
 *
 * <p>Scaling without thread hops: every event loop of the child group opens its own handle to the named queue,
 * associated with its own completion port, and keeps {@link HttpSysChannelOption#RECEIVES_PER_LOOP} receives
 * outstanding on it. A request is decoded, handled and answered on the loop that received it: the bootstrap's
 * acceptor runs right there (it only adds the child handler, sets options and registers the child, which stays
 * on its loop), instead of the request travelling to this channel's loop and back.
 *
 * <p>Closing unregisters the URL prefixes at once (new requests get HTTP.SYS's 404 or go to another queue),
 * lets the requests in flight finish, then closes the queue, the URL group and the session, in that order.
 */
public final class HttpSysServerChannel extends AbstractServerChannel {

    private static final InternalLogger logger = InternalLoggerFactory.getInstance(HttpSysServerChannel.class);
    private static final String ACCEPTOR_CLASS = "io.netty.bootstrap.ServerBootstrap$ServerBootstrapAcceptor";
    private static final AtomicLong QUEUE_NAME_SEQUENCE = new AtomicLong();

    private final HttpSysServerChannelConfig config = new HttpSysServerChannelConfig(this, this::pauseReceiving);
    private final HttpApi api;
    private final List<LoopReceiver> receivers = new CopyOnWriteArrayList<>();
    private final AtomicInteger liveReceivers = new AtomicInteger();
    private final ServerIoHandle ioHandle = new ServerIoHandle();
    private volatile IoRegistration registration;

    private volatile boolean open = true;
    private volatile boolean active;
    private volatile HttpSysAddress localAddress;
    private volatile ChannelHandlerContext acceptorContext;
    private volatile boolean aggregate;
    private volatile long maxRequestBodySize;
    private volatile HttpSysAuthentication authentication = HttpSysAuthentication.NONE;
    private volatile boolean kernelResponseBuffering;
    private volatile boolean responseCaching;
    private final AtomicBoolean socketOptionNoted = new AtomicBoolean();

    private ServerSession session;
    private UrlGroup urlGroup;
    private RequestQueue queue;
    private boolean kernelObjectsClosed;

    public HttpSysServerChannel() {
        this(HttpSysBackend.current().httpApi());
    }

    /** A server channel whose HTTP Server API calls go through {@code api}: for tests that watch them. */
    HttpSysServerChannel(HttpApi api) {
        this.api = api;
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
    public boolean isActive() {
        return active;
    }

    @Override
    public HttpSysAddress localAddress() {
        return localAddress;
    }

    @Override
    protected SocketAddress localAddress0() {
        return localAddress;
    }

    @Override
    protected boolean isCompatible(EventLoop loop) {
        return isHttpSysLoop(loop);
    }

    private static boolean isHttpSysLoop(EventExecutor executor) {
        return executor instanceof IoEventLoop && ((IoEventLoop) executor).isCompatible(LoopReceiver.class);
    }

    @Override
    protected void doRegister(ChannelPromise promise) {
        // Registered like any channel of the loop, so that shutting the loop down closes this channel too.
        ((IoEventLoop) eventLoop()).register(ioHandle).addListener((Future<IoRegistration> f) -> {
            if (f.isSuccess()) {
                registration = f.getNow();
                promise.setSuccess();
            } else {
                promise.setFailure(f.cause());
            }
        });
    }

    @Override
    protected void doDeregister() {
        IoRegistration registration = this.registration;
        if (registration != null) {
            this.registration = null;
            registration.cancel();
        }
    }

    @Override
    protected void doBind(SocketAddress address) throws Exception {
        HttpSysAddress httpSysAddress = HttpSysAddress.from(address);
        List<EventLoop> childLoops = childLoops();
        aggregate = config.aggregate();
        maxRequestBodySize = config.maxRequestBodySize();
        authentication = config.authentication();
        kernelResponseBuffering = config.enableKernelResponseBuffering();
        responseCaching = config.enableResponseCaching();
        String queueName = config.requestQueueName();
        if (queueName == null) {
            queueName = "netty-httpsys-" + ProcessHandle.current().pid() + '-' + QUEUE_NAME_SEQUENCE.incrementAndGet();
        }
        try {
            openKernelObjects(httpSysAddress, queueName);
            for (EventLoop loop : childLoops) {
                receivers.add(new LoopReceiver(this, (IoEventLoop) loop, queueName, config.receivesPerLoop(),
                        config.initialReceiveBufferSize()));
            }
        } catch (Exception e) {
            for (LoopReceiver receiver : receivers) {
                receiver.discard();
            }
            receivers.clear();
            closeKernelObjects();
            throw e;
        }
        localAddress = httpSysAddress;
        active = true;
        liveReceivers.set(receivers.size());
        for (LoopReceiver receiver : receivers) {
            receiver.loop().register(receiver).addListener((Future<IoRegistration> f) -> {
                if (f.isSuccess()) {
                    receiver.start(f.getNow());
                } else {
                    receiver.registrationFailed(f.cause());
                }
            });
        }
    }

    private void openKernelObjects(HttpSysAddress address, String queueName) throws HttpSysException {
        RequestQueueMode mode = config.requestQueueMode();
        queue = RequestQueue.open(api, queueName, mode, config.requestQueueSecurityDescriptor(),
                config.requestQueueCreateFlags());
        if (!queue.isCreator()) {
            // Attached: the process that created the queue owns its URLs and settings.
            return;
        }
        queue.setUlongProperty(Http.HttpServerQueueLengthProperty, config.requestQueueLength(),
                "HttpServerQueueLengthProperty");
        queue.setUlongProperty(Http.HttpServer503VerbosityProperty, config.http503Verbosity().ordinal(),
                "HttpServer503VerbosityProperty");
        session = ServerSession.create(api);
        urlGroup = UrlGroup.create(api, session);
        urlGroup.setBinding(queue);
        if (config.maxConnections() >= 0) {
            urlGroup.setMaxConnections(config.maxConnections());
        }
        if (!config.authentication().schemes().isEmpty()) {
            urlGroup.setAuthentication(config.authentication());
        }
        if (!config.timeouts().isDefault()) {
            urlGroup.setTimeouts(config.timeouts());
        }
        // The URL context of each prefix is its index in the address: HttpSysRequestInfo.urlContext() then says
        // which prefix a request matched.
        List<String> prefixes = address.prefixes();
        for (int i = 0; i < prefixes.size(); i++) {
            urlGroup.addUrl(prefixes.get(i), i);
        }
    }

    /**
     * The loops that receive requests: those of the bootstrap's child group. The acceptor keeps that group to
     * itself, so a probe child is handed to it once; the probe records the loop it is registered with and never
     * becomes a channel anyone sees. Without an acceptor (no {@code ServerBootstrap}), this channel's own group.
     */
    private List<EventLoop> childLoops() {
        ChannelHandlerContext acceptor = findAcceptor();
        EventLoopGroup group = eventLoop().parent();
        if (acceptor != null) {
            HttpSysRequestChannel probe = HttpSysRequestChannel.probe(this);
            try {
                ((ChannelInboundHandler) acceptor.handler()).channelRead(acceptor, probe);
            } catch (Exception e) {
                throw new IllegalStateException("cannot find the child event loop group", e);
            }
            EventLoop probed = probe.probedLoop();
            if (probed != null) {
                group = probed.parent();
            }
            acceptorContext = acceptor;
        }
        List<EventLoop> loops = new ArrayList<>();
        for (EventExecutor executor : group) {
            if (!isHttpSysLoop(executor)) {
                throw new IllegalStateException("the child event loop group must run HttpSysIoHandlers (use "
                        + "HttpSysEventLoopGroup or MultiThreadIoEventLoopGroup(HttpSysIoHandler.newFactory())), "
                        + "not " + executor.getClass().getName());
            }
            loops.add((EventLoop) executor);
        }
        return loops;
    }

    private ChannelHandlerContext findAcceptor() {
        for (Map.Entry<String, ChannelHandler> entry : pipeline()) {
            if (entry.getValue().getClass().getName().equals(ACCEPTOR_CLASS)) {
                return pipeline().context(entry.getValue());
            }
        }
        return null;
    }

    /**
     * Hands a new request channel to the bootstrap, on the loop that received the request. The acceptor is
     * stateless after construction (it only reads its final fields), so calling it from any loop is safe.
     */
    void accept(HttpSysRequestChannel child) {
        ChannelHandlerContext acceptor = acceptorContext;
        if (acceptor == null) {
            // No ServerBootstrap: the request travels through this channel's pipeline (and loop), as sockets do.
            pipeline().fireChannelRead(child);
            pipeline().fireChannelReadComplete();
            return;
        }
        try {
            ((ChannelInboundHandler) acceptor.handler()).channelRead(acceptor, child);
        } catch (Throwable t) {
            logger.warn("{}: the acceptor failed for {}", this, child, t);
            child.unsafe().closeForcibly();
        }
    }

    /**
     * What HTTP.SYS said about the request of {@code channel} (ids, addresses, protocol, TLS), or {@code null}
     * when {@code channel} is not a request channel of this transport.
     */
    public static HttpSysRequestInfo requestInfo(Channel channel) {
        return channel instanceof HttpSysRequestChannel ? ((HttpSysRequestChannel) channel).requestInfo() : null;
    }

    /**
     * Removes the responses this server put in HTTP.SYS's kernel response cache (see
     * {@link HttpSysChannelOption#ENABLE_RESPONSE_CACHING}) for {@code urlPrefix}, and with {@code recursive} every
     * one under it, so that the next request for them reaches the application again: {@code HttpFlushResponseCache}
     * on this server's request queue. Without it a cached response is served until its {@code max-age} ends.
     * Synchronous; callable from any thread.
     *
     * @param urlPrefix one of the URL prefixes this channel is bound to, or a URL under one, written the same way
     *                  ({@code http://+:8080/app/}, {@code http://+:8080/app/page.html})
     * @throws IllegalStateException the channel is not bound, or already closed
     * @throws HttpSysException HTTP.SYS refused: {@code ERROR_INVALID_PARAMETER} when {@code urlPrefix} is not under
     *                          a prefix of this channel (the docs require one "added to the request queue in
     *                          question")
     */
    public synchronized void flushResponseCache(String urlPrefix, boolean recursive) throws HttpSysException {
        if (queue == null || kernelObjectsClosed || !active) {
            throw new IllegalStateException("flushResponseCache needs a bound, open HttpSysServerChannel");
        }
        HttpSysException.checkUrlPrefix(api.HttpFlushResponseCache(queue.handle(), urlPrefix,
                recursive ? Http.HTTP_FLUSH_RESPONSE_FLAG_RECURSIVE : 0, 0), "HttpFlushResponseCache", urlPrefix);
    }

    HttpApi httpApi() {
        return api;
    }

    boolean aggregate() {
        return aggregate;
    }

    /** The authentication of this channel as bound; its {@code allowAnonymous} decides who the transport refuses. */
    HttpSysAuthentication authentication() {
        return authentication;
    }

    long maxRequestBodySize() {
        return maxRequestBodySize;
    }

    boolean kernelResponseBuffering() {
        return kernelResponseBuffering;
    }

    boolean responseCaching() {
        return responseCaching;
    }

    /**
     * A request channel was given a socket option (a {@code childOption} of the bootstrap, set on every request):
     * said once per server, at INFO, instead of Netty's "Unknown channel option" warning per request.
     */
    void socketOptionIgnored(ChannelOption<?> option) {
        if (socketOptionNoted.compareAndSet(false, true)) {
            logger.info("{}: socket options of request channels ({} and any other) are ignored: HTTP.SYS owns the "
                    + "TCP connections", this, option);
        }
    }

    /**
     * Receiving resumes on every loop, and continues until {@code autoRead} is cleared again: a request is not a
     * connection, so there is no "accept one batch" unit to stop after.
     */
    @Override
    protected void doBeginRead() {
        for (LoopReceiver receiver : receivers) {
            receiver.resume();
        }
    }

    /** {@code autoRead} was cleared: the loops stop posting receives (HTTP.SYS queues requests meanwhile). */
    void pauseReceiving() {
        for (LoopReceiver receiver : receivers) {
            receiver.pause();
        }
    }

    @Override
    protected void doClose() {
        open = false;
        active = false;
        synchronized (this) {
            if (urlGroup != null) {
                urlGroup.removeUrls();
                urlGroup.detachFromQueue();
            }
        }
        for (LoopReceiver receiver : receivers) {
            receiver.close();
        }
        // No receivers (never bound) or all already idle: nobody else will close the kernel objects.
        if (liveReceivers.get() == 0) {
            closeKernelObjects();
        }
    }

    /**
     * Called by each receiver, on its loop, once it has nothing pending; the last one closes the queue. When the last
     * one stops while this channel is open (its receives kept failing, or it could not register with its loop), the
     * channel would stay bound and receive nothing: it closes instead, so that its owner learns of it.
     */
    void receiverTerminated() {
        if (liveReceivers.decrementAndGet() != 0) {
            return;
        }
        if (open) {
            logger.warn("{}: no event loop receives requests any more; closing", this);
            close();
        } else {
            closeKernelObjects();
        }
    }

    private synchronized void closeKernelObjects() {
        if (kernelObjectsClosed) {
            return;
        }
        kernelObjectsClosed = true;
        // Microsoft's "Shutdown and Cleanup" order, with the queue detached (doClose) and shut down first: URLs
        // removed, the queue shut down and closed, then the URL group and the session.
        if (urlGroup != null) {
            urlGroup.removeUrls();
            urlGroup.detachFromQueue();
        }
        if (queue != null) {
            queue.shutdownIfCreator();
            queue.close();
        }
        if (urlGroup != null) {
            urlGroup.close();
        }
        if (session != null) {
            session.close();
        }
    }

    /** This channel's registration with its loop's {@link HttpSysIoHandler}: no kernel handle, only the lifecycle. */
    private final class ServerIoHandle implements HttpSysIoHandle {
        @Override
        public long kernelHandle() {
            return 0;
        }

        @Override
        public void handle(IoRegistration registration, IoEvent ioEvent) {
            // Requests arrive through the child loops' receivers, never here.
        }

        @Override
        public void close() {
            if (isOpen()) {
                unsafe().close(unsafe().voidPromise());
            }
        }

        @Override
        public void abort() {
            close();
        }
    }
}
