package io.netty.contrib.httpsys.nativeapi.emulator;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.handler.codec.http3.Http3;
import io.netty.handler.codec.http3.Http3ServerConnectionHandler;
import io.netty.handler.codec.quic.InsecureQuicTokenHandler;
import io.netty.handler.codec.quic.QuicChannel;
import io.netty.handler.codec.quic.QuicSslContext;
import io.netty.handler.codec.quic.QuicSslContextBuilder;
import io.netty.handler.codec.quic.QuicStreamChannel;
import io.netty.handler.stream.ChunkedWriteHandler;
import io.netty.util.internal.SystemPropertyUtil;
import io.netty.util.internal.logging.InternalLogger;
import io.netty.util.internal.logging.InternalLoggerFactory;

import java.io.File;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * HTTP/3 on an {@code https} port: QUIC on the same port number over UDP, with Netty's QUIC and HTTP/3 codecs,
 * as Windows Server 2022 serves it once the registry value {@code EnableHttp3} is 1 ("Enabling HTTP/3 support on
 * Windows Server 2022", Microsoft Networking Blog: opt-in under {@code HKLM\SYSTEM\CurrentControlSet\services\
 * HTTP\Parameters}; http.sys uses msquic). Here the system property {@link KernelFeatures#ENABLE_HTTP3_PROPERTY}
 * stands for that value (default 0, as on Windows), read when a port is first bound.
 *
 * <p>The UDP socket is bound on the first listen address only (127.0.0.1 by default). Each request stream becomes a {@link KernelConnection} of its own, as each HTTP/2 stream does
 * ({@link Http3StreamFramer} turns its frames into what the HTTP/1.1 codec gives the kernel); requests carry
 * {@code HTTP_REQUEST_FLAG_HTTP3}. HTTP.SYS puts no {@code Alt-Svc} header on responses ("Alt-Svc is not
 * supported by Http.Sys, you need to add it yourself", ASP.NET Core's HttpSys {@code Http3Tests}); with the
 * registry value {@code EnableAltSvc} it sends an HTTP/2 {@code ALTSVC} frame, and only for bindings with a
 * host name (same source). The emulator sends neither: an application advertises HTTP/3 with its own
 * {@code Alt-Svc} header, as on Windows with IP bindings.
 *
 * <p>Needs {@code io.netty:netty-codec-http3} and the native QUIC library of the platform
 * ({@code io.netty:netty-codec-native-quic} with its classifier), optional dependencies of this module.
 */
final class Http3Listener {

    private static final InternalLogger logger = InternalLoggerFactory.getInstance(Http3Listener.class);

    /** Request streams a client may open at once (HTTP.SYS's figure is not documented). */
    private static final long MAX_STREAMS = 100;
    private static final long STREAM_WINDOW = 1024 * 1024;
    private static final long CONNECTION_WINDOW = 16 * 1024 * 1024;
    private static final long IDLE_TIMEOUT_SECONDS = 120;

    private Http3Listener() {
    }

    /**
     * Binds UDP {@code port} on {@code address} for HTTP/3; {@code null} when no certificate is configured (QUIC
     * has no plain-text form). The bind is started, not awaited: this runs under the kernel's lock (from
     * {@code HttpAddUrlToUrlGroup}), and the connection loops that would carry it out may themselves be waiting for
     * that lock ({@link KernelConnection}), which deadlocked; a UDP port that turns out to be taken is logged, and the
     * TCP port stays the one that decides whether the URL can be added.
     */
    static Channel bind(Kernel kernel, EventLoopGroup loops, InetAddress address, int port, KernelLimits limits) {
        QuicSslContext ssl = sslContext();
        if (ssl == null) {
            return null;
        }
        InetSocketAddress local = new InetSocketAddress(address, port);
        ChannelFuture bound = new Bootstrap().group(loops).channel(NioDatagramChannel.class)
                .handler(Http3.newQuicServerCodecBuilder()
                        .sslContext(ssl)
                        .maxIdleTimeout(IDLE_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                        .initialMaxData(CONNECTION_WINDOW)
                        .initialMaxStreamDataBidirectionalLocal(STREAM_WINDOW)
                        .initialMaxStreamDataBidirectionalRemote(STREAM_WINDOW)
                        .initialMaxStreamsBidirectional(MAX_STREAMS)
                        .tokenHandler(InsecureQuicTokenHandler.INSTANCE)
                        .handler(new ChannelInitializer<QuicChannel>() {
                            @Override
                            protected void initChannel(QuicChannel quic) {
                                Connection connection = new Connection(kernel, quic, kernel.newConnectionId());
                                quic.pipeline().addLast(new Http3ServerConnectionHandler(
                                        connection.requestStreams(local, limits)));
                            }
                        })
                        .build())
                .bind(local);
        bound.addListener(f -> {
            if (!f.isSuccess()) {
                logger.warn("HTTP/3: cannot bind UDP {}; the port serves HTTP/1.1 and HTTP/2 only", local, f.cause());
            }
        });
        return bound.channel();
    }

    /** The QUIC server context from the emulator's certificate properties ({@link TlsConfig}), ALPN {@code h3}. */
    private static QuicSslContext sslContext() {
        String certificate = SystemPropertyUtil.get(TlsConfig.CERTIFICATE_PROPERTY);
        if (certificate == null || certificate.isEmpty()) {
            return null;
        }
        String password = SystemPropertyUtil.get(TlsConfig.PASSWORD_PROPERTY);
        try {
            QuicSslContextBuilder builder;
            if (TlsConfig.isPkcs12(certificate)) {
                builder = QuicSslContextBuilder.forServer(TlsConfig.pkcs12KeyManagers(certificate, password), password);
            } else {
                builder = QuicSslContextBuilder.forServer(
                        new File(SystemPropertyUtil.get(TlsConfig.KEY_PROPERTY)), password, new File(certificate));
            }
            return builder.applicationProtocols(Http3.supportedApplicationProtocols()).build();
        } catch (Exception e) {
            throw new IllegalStateException("cannot load the emulator's TLS certificate for HTTP/3 from -D"
                    + TlsConfig.CERTIFICATE_PROPERTY + "=" + certificate, e);
        }
    }

    /** One QUIC connection: its id (every request's {@code RawConnectionId}) and its TLS facts. */
    static final class Connection {
        private final Kernel kernel;
        private final QuicChannel quic;
        private final long rawConnectionId;

        Connection(Kernel kernel, QuicChannel quic, long rawConnectionId) {
            this.kernel = kernel;
            this.quic = quic;
            this.rawConnectionId = rawConnectionId;
        }

        /** Makes each request stream a {@link KernelConnection} of its own with its own {@code ConnectionId}. */
        ChannelInitializer<QuicStreamChannel> requestStreams(InetSocketAddress local, KernelLimits limits) {
            return new ChannelInitializer<QuicStreamChannel>() {
                @Override
                protected void initChannel(QuicStreamChannel stream) {
                    KernelConnection connection = kernel.newConnection();
                    connection.quic = Connection.this;
                    stream.pipeline().addLast(new Http3StreamFramer(local, limits));
                    stream.pipeline().addLast(new ChunkedWriteHandler());
                    stream.pipeline().addLast(connection);
                }
            };
        }

        /** The UDP port the connection arrived on. */
        int localPort() {
            return ((InetSocketAddress) quic.localSocketAddress()).getPort();
        }

        /** {@code Address} and {@code pSslInfo} of the requests of stream {@code id}. */
        ConnectionInfo info(long id) {
            return new ConnectionInfo(id, (InetSocketAddress) quic.remoteSocketAddress(),
                    (InetSocketAddress) quic.localSocketAddress(), kernel.tls().details(quic.sslEngine().getSession()),
                    rawConnectionId);
        }
    }
}
