package io.netty.contrib.httpsys.examples;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.ssl.SslContext;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The A/B switch: builds the {@link ServerBootstrap} for {@code --transport httpsys|nio|epoll} so that the
 * application's handlers are byte-for-byte the same on every transport.
 *
 * <p>On NIO and epoll it puts what HTTP.SYS does in the kernel in front of those handlers: an optional
 * {@code SslHandler}, {@link HttpServerCodec} and {@link HttpObjectAggregator}. On {@code httpsys} the kernel
 * parses the request and terminates TLS, so the handlers are the whole pipeline and the server binds an
 * {@code http://+:port/} or {@code https://+:port/} URL prefix.
 */
public final class ServerTransport implements AutoCloseable {

    /** The transports a server can run on. */
    public enum Kind {
        /** HTTP.SYS (the emulator off Windows). */
        HTTPSYS,
        /** Netty's NIO transport with HttpServerCodec and HttpObjectAggregator. */
        NIO,
        /** Netty's epoll transport (Linux) with HttpServerCodec and HttpObjectAggregator. */
        EPOLL;

        static Kind parse(String name) {
            try {
                return valueOf(name.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--transport must be httpsys, nio or epoll: " + name, e);
            }
        }
    }

    /** The largest request body the NIO/epoll aggregator accepts, like HTTP.SYS's transport default. */
    static final int MAX_CONTENT_LENGTH = 30_000_000;

    private final ExampleOptions options;
    private EventLoopGroup group;
    private Channel serverChannel;
    private int boundPort;

    /** A transport configured by {@code options}; nothing is started until {@link #bind}. */
    public ServerTransport(ExampleOptions options) {
        this.options = options;
    }

    /** Parses {@code args} (see {@link ExampleOptions}) into a transport. */
    public static ServerTransport fromArgs(String... args) {
        return new ServerTransport(ExampleOptions.parse(args));
    }

    /** The options this transport was made from. */
    public ExampleOptions options() {
        return options;
    }

    /**
     * Starts an event loop group and binds a server whose every child pipeline gets {@code handlers} after what
     * the transport needs in front of them.
     */
    public Channel bind(ChannelHandler handlers) throws InterruptedException {
        if (serverChannel != null) {
            throw new IllegalStateException("already bound");
        }
        switch (options.transport()) {
            case HTTPSYS:
                bindHttpSys(handlers);
                break;
            case NIO:
                bindSockets(new MultiThreadIoEventLoopGroup(options.threads(), NioIoHandler.newFactory()),
                        NioServerSocketChannel.class, handlers);
                break;
            case EPOLL:
                Epoll.ensureAvailability();
                bindSockets(new MultiThreadIoEventLoopGroup(options.threads(), EpollIoHandler.newFactory()),
                        EpollServerSocketChannel.class, handlers);
                break;
            default:
                throw new AssertionError(options.transport());
        }
        return serverChannel;
    }

    private void bindHttpSys(ChannelHandler handlers) throws InterruptedException {
        int port = options.port() != 0 ? options.port() : FreePort.find();
        if (options.tls()) {
            HttpSysTls.prepare(port);
        }
        HttpSysServerSetup setup = new HttpSysServerSetup(options, port);
        group = setup.newGroup();
        serverChannel = setup.bootstrap(group, handlers).bind(setup.address()).sync().channel();
        boundPort = port;
    }

    private void bindSockets(EventLoopGroup group, Class<? extends ServerChannel> channelClass,
                             ChannelHandler handlers) throws InterruptedException {
        this.group = group;
        SslContext sslContext = options.tls() ? SelfSignedTls.serverContext(options.sslProvider()) : null;
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(group)
                .channel(channelClass)
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ChannelPipeline p = ch.pipeline();
                        if (sslContext != null) {
                            p.addLast(sslContext.newHandler(ch.alloc()));
                        }
                        p.addLast(new HttpServerCodec());
                        p.addLast(new HttpObjectAggregator(MAX_CONTENT_LENGTH));
                        p.addLast(handlers);
                    }
                });
        serverChannel = bootstrap.bind(new InetSocketAddress(options.host(), options.port())).sync().channel();
        boundPort = ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    /** The port the server listens on (the one chosen when {@code --port 0}). */
    public int port() {
        checkBound();
        return boundPort;
    }

    /** {@code http(s)://host:port/}: where a client on this machine reaches the server. */
    public URI uri() {
        checkBound();
        String host = options.host().contains(":") ? '[' + options.host() + ']' : options.host();
        return URI.create((options.tls() ? "https" : "http") + "://" + host + ':' + boundPort + '/');
    }

    /**
     * A {@code curl} command line that gets {@link #uri()} as printed: with TLS it trusts the self-signed
     * certificate ({@code --cacert}, the certificate as PEM), since curl refuses an unknown issuer.
     */
    public String curlCommand() {
        checkBound();
        if (!options.tls()) {
            return "curl " + uri();
        }
        String pem = SelfSignedTls.certificatePem().toString();
        return "curl --cacert " + (pem.chars().anyMatch(Character::isWhitespace) ? '"' + pem + '"' : pem) + ' ' + uri();
    }

    /** A one-line description, e.g. {@code "nio (TLS: OPENSSL) on https://127.0.0.1:8443/"}. */
    public String describe() {
        String name = options.transport().name().toLowerCase(Locale.ROOT);
        if (options.transport() == Kind.HTTPSYS) {
            name += " (" + HttpSysServerSetup.backendName() + ")";
        } else if (options.tls()) {
            name += " (TLS: " + options.sslProvider() + ")";
        }
        return name + " on " + uri();
    }

    /** Blocks until the server channel is closed. */
    public void awaitClose() throws InterruptedException {
        checkBound();
        serverChannel.closeFuture().await();
    }

    /** Blocks until the server channel is closed or the time is up; returns whether it was closed. */
    public boolean awaitClose(long timeout, TimeUnit unit) throws InterruptedException {
        checkBound();
        return serverChannel.closeFuture().await(timeout, unit);
    }

    /** Closes the server channel and shuts the event loop group down, waiting for both. */
    @Override
    public void close() {
        if (serverChannel != null) {
            serverChannel.close().syncUninterruptibly();
        }
        if (group != null) {
            group.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    private void checkBound() {
        if (serverChannel == null) {
            throw new IllegalStateException("not bound yet");
        }
    }
}
