package io.netty.contrib.httpsys.perf;

import io.netty.contrib.httpsys.examples.ServerTransport;

import java.util.Locale;

/**
 * A server configuration of the matrix: a transport, the TLS engine NIO/epoll use, and whether the hello
 * response may go to HTTP.SYS's kernel output cache ({@code Cache-Control: public, max-age=1}, as in the seed).
 */
public enum ServerVariant {
    /** HTTP.SYS (the emulator off Windows). */
    HTTPSYS(ServerTransport.Kind.HTTPSYS, "jdk", 0),
    /** HTTP.SYS with 1 s kernel output caching of the hello response. */
    HTTPSYS_CACHE(ServerTransport.Kind.HTTPSYS, "jdk", 1),
    /** NIO with the JDK's TLS engine. */
    NIO(ServerTransport.Kind.NIO, "jdk", 0),
    /** NIO with OpenSSL (netty-tcnative-boringssl-static); differs from {@link #NIO} only for HTTPS. */
    NIO_OPENSSL(ServerTransport.Kind.NIO, "openssl", 0),
    /** epoll (Linux) with OpenSSL. */
    EPOLL_OPENSSL(ServerTransport.Kind.EPOLL, "openssl", 0);

    private final ServerTransport.Kind transport;
    private final String sslProvider;
    private final int cacheSeconds;

    ServerVariant(ServerTransport.Kind transport, String sslProvider, int cacheSeconds) {
        this.transport = transport;
        this.sslProvider = sslProvider;
        this.cacheSeconds = cacheSeconds;
    }

    public ServerTransport.Kind transport() {
        return transport;
    }

    public String sslProvider() {
        return sslProvider;
    }

    public int cacheSeconds() {
        return cacheSeconds;
    }

    /** Whether HTTP scenarios on this variant would repeat another variant's (TLS engines differ only for HTTPS). */
    public boolean onlyForTls() {
        return this == NIO_OPENSSL;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static ServerVariant parse(String label) {
        return valueOf(label.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
