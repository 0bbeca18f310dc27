package io.netty.contrib.httpsys.nativeapi.emulator;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.contrib.httpsys.nativeapi.Http;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.stream.ChunkedWriteHandler;
import io.netty.util.NetUtil;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.internal.SystemPropertyUtil;
import io.netty.util.internal.logging.InternalLogger;
import io.netty.util.internal.logging.InternalLoggerFactory;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The emulated kernel's state: the object table, URL registrations and their listening sockets, live
 * connections, the response cache, and the event loops that run the sockets.
 *
 * <p>Its monitor is the kernel lock: every API call and every socket event that touches sessions, groups,
 * queues, requests or connections holds it, so the emulator's state machine is simple and race-free. Nothing
 * blocks while holding it (waits for synchronous calls happen outside).
 */
final class Kernel {

    private static final InternalLogger logger = InternalLoggerFactory.getInstance(Kernel.class);

    /** Comma-separated listen addresses; default {@code 127.0.0.1,::1} (loopback only). */
    static final String LISTEN_ADDRESSES_PROPERTY = "io.netty.contrib.httpsys.emulator.listenAddresses";

    private final HandleTable handles = new HandleTable();
    private final UrlRegistry registry = new UrlRegistry();
    private final ResponseCache cache = new ResponseCache(CacheLimits.fromSystemProperties());
    private final TlsConfig tls = new TlsConfig();
    private final ServiceConfigStore serviceConfig = new ServiceConfigStore();
    private final EmulatedAccounts accounts = new EmulatedAccounts();
    private final Map<Long, KernelConnection> connections = new HashMap<>();
    // Listening sockets run on their own loop, whose handlers never take the kernel lock: binding and closing
    // them can then be awaited under the lock without deadlocking against connection loops.
    private final EventLoopGroup acceptLoop = new MultiThreadIoEventLoopGroup(1,
            new DefaultThreadFactory("httpsys-emulator-accept", true), NioIoHandler.newFactory());
    private final EventLoopGroup connectionLoops = new MultiThreadIoEventLoopGroup(2,
            new DefaultThreadFactory("httpsys-emulator", true), NioIoHandler.newFactory());
    private final List<InetAddress> listenAddresses = listenAddresses();
    private final KernelLimits limits = KernelLimits.DEFAULT;

    private final ThreadLocal<ArrayDeque<Runnable>> deferred = ThreadLocal.withInitial(ArrayDeque::new);

    /** Runs {@code work} on this thread once it has left the kernel lock (see {@link #runDeferred()}). */
    void defer(Runnable work) {
        deferred.get().add(work);
    }

    /** Runs the work deferred under the kernel lock; call without holding the lock. */
    void runDeferred() {
        ArrayDeque<Runnable> work = deferred.get();
        Runnable next;
        while ((next = work.poll()) != null) {
            try {
                next.run();
            } catch (RuntimeException e) {
                // One failed completion must not strand the others queued behind it.
                logger.warn("emulated kernel work failed", e);
            }
        }
    }

    HandleTable handles() {
        return handles;
    }

    /** The request queue handle with this value, or {@code null} when there is none or it was closed. */
    RequestQueueHandle queueHandle(long handle) {
        RequestQueueHandle queueHandle = handles.get(handle, RequestQueueHandle.class);
        return queueHandle == null || queueHandle.isClosed() ? null : queueHandle;
    }

    UrlRegistry registry() {
        return registry;
    }

    ResponseCache cache() {
        return cache;
    }

    TlsConfig tls() {
        return tls;
    }

    ServiceConfigStore serviceConfig() {
        return serviceConfig;
    }

    /** The user accounts of the emulated machine (Basic authentication, the Negotiate test double). */
    EmulatedAccounts accounts() {
        return accounts;
    }

    /**
     * The kernel's timers: HTTP.SYS's defaults with the service-wide IdleConnectionTimeout and HeaderWaitTimeout
     * of HttpServiceConfigTimeout, the only two that can be configured machine-wide.
     */
    TimeoutLimits defaultTimeouts() {
        return TimeoutLimits.defaults(serviceConfig.timeout(Http.IdleConnectionTimeout),
                serviceConfig.timeout(Http.HeaderWaitTimeout));
    }

    /**
     * {@code HKLM\SYSTEM\CurrentControlSet\Services\HTTP\Parameters\EnableHttp2Tls} as a system property:
     * {@code 0} stops HTTP.SYS from offering h2 by ALPN on every binding. Not in Microsoft's HTTP.SYS registry
     * reference; it was found in HTTP.SYS and shown to take effect after {@code net stop http} / {@code net start
     * http} (blog.shibayan.jp/entry/20141007/1412662459); here it is read when a port is first bound. Default 1:
     * HTTP/2 over TLS is on from Windows 10 / Server 2016 (ASP.NET Core's "HTTP.sys web server implementation").
     */
    static final String ENABLE_HTTP2_TLS_PROPERTY = CacheLimits.PROPERTY_PREFIX + "EnableHttp2Tls";

    private final Set<Http2Session> sessions = new HashSet<>();

    /** A new connection with its own {@code HTTP_CONNECTION_ID}, registered until it closes. */
    synchronized KernelConnection newConnection() {
        KernelConnection connection = new KernelConnection(this, handles.newValue(HandleTable.CONNECTION_TAG));
        connections.put(connection.id, connection);
        return connection;
    }

    /** An id from the connection id space for what is no {@link KernelConnection} (an HTTP/2 connection). */
    synchronized long newConnectionId() {
        return handles.newValue(HandleTable.CONNECTION_TAG);
    }

    void sessionOpened(Http2Session session) {
        sessions.add(session);
    }

    void sessionClosed(Http2Session session) {
        sessions.remove(session);
    }

    /** {@code HttpShutdownRequestQueue}: HTTP/2 connections that carried requests to {@code queue} go away. */
    void goAway(RequestQueue queue) {
        for (Http2Session session : sessions) {
            session.goAwayIfRoutedTo(queue);
        }
    }

    /** Whether {@code port}'s TLS handshakes offer h2: EnableHttp2Tls and the binding's DISABLE_HTTP2 flag. */
    private boolean offersHttp2(int port) {
        return SystemPropertyUtil.getInt(ENABLE_HTTP2_TLS_PROPERTY, 1) != 0 && !serviceConfig.disablesHttp2(port);
    }

    /** The connection with {@code HTTP_CONNECTION_ID} {@code id}, or {@code null} once it closed. */
    KernelConnection connection(long id) {
        return connections.get(id);
    }

    void connectionClosed(KernelConnection connection) {
        connections.remove(connection.id);
    }

    /** Binds the listening sockets of a port for {@code scheme}; {@code null} when the port is taken. */
    PortListener bind(int port, String scheme) {
        boolean offerHttp2 = "https".equals(scheme) && offersHttp2(port);
        SslContext ssl = "https".equals(scheme) ? tls.serverContext(offerHttp2) : null;
        if ("https".equals(scheme) && ssl == null) {
            explainMissingCertificate(port);
        }
        PortListener listener = PortListener.bind(acceptLoop, connectionLoops, listenAddresses(port), port, scheme, new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel ch) {
                if ("https".equals(scheme)) {
                    if (ssl == null) {
                        // No certificate binding: like HTTP.SYS, refuse the handshake.
                        ch.close();
                        return;
                    }
                    SslHandler tls = ssl.newHandler(ch.alloc());
                    // clientcertnegotiation=enable on the binding: ask for a certificate in the handshake.
                    boolean askForCertificate = serviceConfig.negotiatesClientCertificate(ch.localAddress());
                    if (askForCertificate) {
                        tls.engine().setWantClientAuth(true);
                    }
                    ch.pipeline().addLast(tls);
                    ch.pipeline().addLast(new ClientCertificateNegotiation(Kernel.this, tls, askForCertificate));
                    ch.pipeline().addLast(new ChunkedWriteHandler());
                    if (offerHttp2) {
                        ch.pipeline().addLast(new AlpnSwitch(Kernel.this, limits));
                        return;
                    }
                }
                installHttp1(ch.pipeline(), scheme);
            }
        });
        if (listener != null && ssl != null && KernelFeatures.http3()) {
            // HTTP/3 on the same port number over UDP (EnableHttp3); the TCP port stays the one that must be free.
            Channel quic = Http3Listener.bind(this, connectionLoops, listenAddresses(port).get(0), port, limits);
            if (quic != null) {
                listener.add(quic);
            }
        }
        return listener;
    }

    /** The HTTP/1.x handlers of a connection; returns its {@link KernelConnection}. */
    KernelConnection installHttp1(ChannelPipeline pipeline, String scheme) {
        KernelConnection connection = newConnection();
        pipeline.addLast(connection.headWatch());
        pipeline.addLast(new KernelRequestDecoder(scheme, (InetSocketAddress) pipeline.channel().localAddress(),
                limits));
        pipeline.addLast(connection);
        return connection;
    }

    /**
     * Where a port listens: the IP listen list of the service configuration when it has entries for the port
     * (an entry with port 0 covers every port), as HTTP.SYS then listens only there; else the configured
     * listen addresses.
     */
    private List<InetAddress> listenAddresses(int port) {
        List<InetAddress> listed = new ArrayList<>();
        for (InetSocketAddress entry : serviceConfig.listenList()) {
            if (entry.getPort() == 0 || entry.getPort() == port) {
                listed.add(entry.getAddress());
            }
        }
        return listed.isEmpty() ? listenAddresses : listed;
    }

    /**
     * Says why TLS handshakes on {@code port} will fail: Windows would take the certificate from the binding
     * that {@code netsh http add sslcert} (HttpServiceConfigSSLCertInfo) made, which names a certificate in a
     * Windows store the emulator cannot read; the emulator's certificate comes from system properties.
     */
    private void explainMissingCertificate(int port) {
        String configure = "set -D" + TlsConfig.CERTIFICATE_PROPERTY + "=<PEM chain or .p12/.pfx file> (with -D"
                + TlsConfig.KEY_PROPERTY + "=<PEM key> for a PEM chain, -D" + TlsConfig.PASSWORD_PROPERTY
                + " if it is encrypted) before the port is first registered";
        if (serviceConfig.hasSslBinding(port)) {
            logger.warn("https port {} has an SSL certificate binding (HttpServiceConfigSSLCertInfo), but the "
                    + "emulator cannot read Windows certificate stores: TLS handshakes on it fail until its "
                    + "certificate is configured: {}", port, configure);
        } else {
            logger.warn("https port {} has no SSL certificate binding and the emulator has no certificate: TLS "
                    + "handshakes on it fail (as on Windows without netsh http add sslcert); {}", port, configure);
        }
    }

    private static List<InetAddress> listenAddresses() {
        String configured = SystemPropertyUtil.get(LISTEN_ADDRESSES_PROPERTY, "127.0.0.1,::1");
        List<InetAddress> addresses = new ArrayList<>();
        for (String part : configured.split(",")) {
            String text = part.trim();
            if (text.isEmpty()) {
                continue;
            }
            byte[] bytes = NetUtil.createByteArrayFromIpAddressString(text);
            if (bytes == null) {
                throw new IllegalArgumentException("-D" + LISTEN_ADDRESSES_PROPERTY + ": not an IP address: " + text);
            }
            try {
                addresses.add(InetAddress.getByAddress(bytes));
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(text, e);
            }
        }
        return addresses;
    }
}
