package io.netty.contrib.httpsys;

import io.netty.contrib.httpsys.nativeapi.Http;
import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.Schannel;
import io.netty.contrib.httpsys.nativeapi.WinCrypt;
import io.netty.contrib.httpsys.nativeapi.WinSock;
import io.netty.contrib.httpsys.nativeapi.struct.HttpRequestAuthInfo;
import io.netty.contrib.httpsys.nativeapi.struct.HttpRequestInfo;
import io.netty.contrib.httpsys.nativeapi.struct.HttpRequestV2;
import io.netty.contrib.httpsys.nativeapi.struct.HttpSslClientCertInfo;
import io.netty.contrib.httpsys.nativeapi.struct.HttpSslInfo;
import io.netty.contrib.httpsys.nativeapi.struct.HttpSslProtocolInfo;
import io.netty.contrib.httpsys.nativeapi.struct.HttpTransportAddress;
import io.netty.contrib.httpsys.nativeapi.struct.Sockaddr;
import io.netty.contrib.httpsys.nativeapi.struct.SockaddrIn;
import io.netty.contrib.httpsys.nativeapi.struct.SockaddrIn6;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;

/**
 * What HTTP.SYS reported about one request besides its head and body: the kernel's ids for the request and
 * its connection, the transport addresses, the protocol the client spoke and, for HTTPS, the TLS facts
 * ({@code HTTP_SSL_INFO}, and the negotiated protocol and algorithms as {@link SslProtocolInfo}). A handler
 * reaches it through {@link HttpSysServerChannel#requestInfo} of the request's child channel, as the
 * counterpart of what a socket transport exposes through the channel and its {@code SslHandler}.
 *
 * <p>It is decoded once per request from the received {@code HTTP_REQUEST_V2} and copies everything it
 * keeps, because the receive buffer is reused for the next request. Addresses are kept as numbers and only
 * turned into {@link InetSocketAddress}es when asked for, so a request whose handler never looks costs no
 * address objects. Instances are immutable apart from that cache and may be read from any thread.
 */
public final class HttpSysRequestInfo {

    /** The HTTP version the client spoke; the pipeline sees every request as HTTP/1.x. */
    public enum Protocol {
        /** HTTP/1.0 or HTTP/1.1 over TCP. */
        HTTP_1,
        /** HTTP/2 ({@code HTTP_REQUEST_FLAG_HTTP2}). */
        HTTP_2,
        /** HTTP/3 over QUIC ({@code HTTP_REQUEST_FLAG_HTTP3}). */
        HTTP_3
    }

    /**
     * The negotiated TLS parameters of a secure request ({@code HTTP_SSL_PROTOCOL_INFO}, which HTTP.SYS passes
     * on from schannel's {@code SecPkgContext_ConnectionInfo}). The algorithms are CryptoAPI {@code ALG_ID}s
     * ({@code CALG_*}, see {@link WinCrypt}) and every strength is in bits; 0 means schannel reported none (an
     * AEAD suite has no separate MAC, so its hash strength is 0).
     *
     * @param protocol            the protocol under its JSSE name ({@code "TLSv1"}, {@code "TLSv1.1"},
     *                            {@code "TLSv1.2"}, {@code "TLSv1.3"}), as {@code SSLSession.getProtocol()} of
     *                            Netty's {@code SslHandler} would name it; {@code null} for a protocol this version
     *                            does not know ({@link #schannelProtocol} still tells it)
     * @param schannelProtocol    {@code Protocol}: the server-side {@code SP_PROT_*_SERVER} flag ({@link Schannel})
     * @param cipherType          {@code CipherType}: the bulk cipher, e.g. {@link WinCrypt#CALG_AES_256}
     * @param cipherStrength      {@code CipherStrength}: the bulk cipher's key size
     * @param hashType            {@code HashType}: the hash, e.g. {@link WinCrypt#CALG_SHA_384}
     * @param hashStrength        {@code HashStrength}
     * @param keyExchangeType     {@code KeyExchangeType}: e.g. {@link WinCrypt#CALG_ECDH_EPHEM}
     * @param keyExchangeStrength {@code KeyExchangeStrength}
     */
    public record SslProtocolInfo(String protocol, int schannelProtocol, int cipherType, int cipherStrength,
                                  int hashType, int hashStrength, int keyExchangeType, int keyExchangeStrength) {

        /** Reads the {@code HTTP_SSL_PROTOCOL_INFO} at {@code address}. */
        static SslProtocolInfo read(long address) {
            int schannelProtocol = HttpSslProtocolInfo.protocol(address);
            return new SslProtocolInfo(protocolName(schannelProtocol), schannelProtocol,
                    HttpSslProtocolInfo.cipherType(address), HttpSslProtocolInfo.cipherStrength(address),
                    HttpSslProtocolInfo.hashType(address), HttpSslProtocolInfo.hashStrength(address),
                    HttpSslProtocolInfo.keyExchangeType(address), HttpSslProtocolInfo.keyExchangeStrength(address));
        }

        private static String protocolName(int schannelProtocol) {
            return switch (schannelProtocol) {
                case Schannel.SP_PROT_TLS1_0_SERVER -> "TLSv1";
                case Schannel.SP_PROT_TLS1_1_SERVER -> "TLSv1.1";
                case Schannel.SP_PROT_TLS1_2_SERVER -> "TLSv1.2";
                case Schannel.SP_PROT_TLS1_3_SERVER -> "TLSv1.3";
                default -> null;
            };
        }
    }

    private final long requestId;
    private final long connectionId;
    private final long rawConnectionId;
    private final long urlContext;
    private final int flags;
    /** {@code FullUrl} as HTTP.SYS wrote it (UTF-16LE), copied; decoded on first use into {@link #cookedUrl}. */
    private final byte[] cookedUrlUtf16;
    private String cookedUrl;
    // Transport addresses as numbers: family (0 = none), port, address bits, IPv6 scope. The
    // InetSocketAddress objects are made on first use; a race makes two equal objects, which is harmless.
    private final int remoteFamily;
    private final int remotePort;
    private final long remoteHigh;
    private final long remoteLow;
    private final int remoteScope;
    private final int localFamily;
    private final int localPort;
    private final long localHigh;
    private final long localLow;
    private final int localScope;
    private InetSocketAddress remoteAddress;
    private InetSocketAddress localAddress;
    /** The TLS facts, {@code null} for a plain request (which then carries no fields for them). */
    private final Tls tls;
    /** The {@code HttpRequestInfoTypeAuth} entry, {@code null} when the URL group authenticates nobody. */
    private final HttpSysIdentity authentication;

    HttpSysRequestInfo(long request, byte[] cookedUrlUtf16) {
        requestId = HttpRequestV2.requestId(request);
        connectionId = HttpRequestV2.connectionId(request);
        rawConnectionId = HttpRequestV2.rawConnectionId(request);
        urlContext = HttpRequestV2.urlContext(request);
        flags = HttpRequestV2.flags(request);
        this.cookedUrlUtf16 = cookedUrlUtf16;
        long address = HttpRequestV2.address(request);
        long remote = HttpTransportAddress.remoteAddress(address);
        remoteFamily = family(remote);
        remotePort = port(remote, remoteFamily);
        remoteHigh = high(remote, remoteFamily);
        remoteLow = low(remote, remoteFamily);
        remoteScope = scope(remote, remoteFamily);
        long local = HttpTransportAddress.localAddress(address);
        localFamily = family(local);
        localPort = port(local, localFamily);
        localHigh = high(local, localFamily);
        localLow = low(local, localFamily);
        localScope = scope(local, localFamily);
        long ssl = HttpRequestV2.sslInfo(request);
        tls = ssl != 0 ? new Tls(request, ssl) : null;
        // Every member read lies before PackageNameLength: the struct's size before Windows added the package
        // name (mingw-w64 still lays it out so), so an older kernel's shorter entry is read too.
        long auth = requestInfo(request, Http.HttpRequestInfoTypeAuth, HttpRequestAuthInfo.PACKAGE_NAME_LENGTH);
        authentication = auth != 0 ? HttpSysIdentity.read(auth) : null;
    }

    /** What {@code HTTP_SSL_INFO} (and the request's SSL protocol entry) said about a secure request. */
    private static final class Tls {
        final int connectionKeySize;
        final int serverCertKeySize;
        final String serverCertIssuer;
        final String serverCertSubject;
        final byte[] clientCertificate;
        final SslProtocolInfo sslProtocolInfo;

        Tls(long request, long ssl) {
            connectionKeySize = HttpSslInfo.connectionKeySize(ssl);
            serverCertKeySize = HttpSslInfo.serverCertKeySize(ssl);
            serverCertIssuer = ansiString(HttpSslInfo.serverCertIssuer(ssl), HttpSslInfo.serverCertIssuerSize(ssl));
            serverCertSubject = ansiString(HttpSslInfo.serverCertSubject(ssl),
                    HttpSslInfo.serverCertSubjectSize(ssl));
            clientCertificate = clientCertificate(ssl);
            // Only secure requests carry HttpRequestInfoTypeSslProtocol, so a plain request never walks the array.
            sslProtocolInfo = sslProtocolInfo(request);
        }
    }

    /** {@code HTTP_REQUEST_ID}: names this request in every HTTP Server API call about it. */
    public long requestId() {
        return requestId;
    }

    /**
     * {@code HTTP_CONNECTION_ID}, the id {@code HttpWaitForDisconnect} takes. On HTTP/1.x it is equal for the
     * requests of one connection. On HTTP/2 HTTP.SYS virtualizes a connection per request, so every request has an
     * id of its own even when requests share a TCP connection (aspnet/HttpSysServer#442); do not group requests
     * by it there.
     */
    public long connectionId() {
        return connectionId;
    }

    /**
     * {@code RawConnectionId}: documented only for TLS requests ("Raw connection ID for an Secure Sockets Layer
     * (SSL) request", {@code HTTP_REQUEST_V1}); what it holds for other requests is unspecified (0 before Windows 10
     * 2004, possibly non-zero after).
     */
    public long rawConnectionId() {
        return rawConnectionId;
    }

    /** {@code UrlContext}: the context value the URL prefix that matched was registered with. */
    public long urlContext() {
        return urlContext;
    }

    /** {@code HTTP_REQUEST_V2.Flags} as received ({@code HTTP_REQUEST_FLAG_*}). */
    public int flags() {
        return flags;
    }

    /**
     * Whether the body continues beyond what arrived with the head
     * ({@code HTTP_REQUEST_FLAG_MORE_ENTITY_BODY_EXISTS}).
     */
    public boolean hasMoreEntityBody() {
        return (flags & Http.HTTP_REQUEST_FLAG_MORE_ENTITY_BODY_EXISTS) != 0;
    }

    /** The protocol the client spoke, from {@code HTTP_REQUEST_FLAG_HTTP2} / {@code HTTP_REQUEST_FLAG_HTTP3}. */
    public Protocol protocol() {
        if ((flags & Http.HTTP_REQUEST_FLAG_HTTP3) != 0) {
            return Protocol.HTTP_3;
        }
        if ((flags & Http.HTTP_REQUEST_FLAG_HTTP2) != 0) {
            return Protocol.HTTP_2;
        }
        return Protocol.HTTP_1;
    }

    /** Whether the request came over TLS (the request carried an {@code HTTP_SSL_INFO}). */
    public boolean isSecure() {
        return tls != null;
    }

    /** The client's address, or {@code null} when HTTP.SYS reported none. */
    public InetSocketAddress remoteAddress() {
        InetSocketAddress cached = remoteAddress;
        if (cached == null && remoteFamily != 0) {
            cached = socketAddress(remoteFamily, remotePort, remoteHigh, remoteLow, remoteScope);
            remoteAddress = cached;
        }
        return cached;
    }

    /** The local address the request arrived on, or {@code null} when HTTP.SYS reported none. */
    public InetSocketAddress localAddress() {
        InetSocketAddress cached = localAddress;
        if (cached == null && localFamily != 0) {
            cached = socketAddress(localFamily, localPort, localHigh, localLow, localScope);
            localAddress = cached;
        }
        return cached;
    }

    /**
     * The cooked URL: scheme, host and port, and the decoded, canonicalised path and query, as HTTP.SYS
     * matched it against the registered URL prefixes ({@code http://localhost:8080/app/a%20b} arrives as
     * {@code http://localhost:8080/app/a b}). The request's {@code uri()} keeps the raw form.
     */
    public String cookedUrl() {
        String cached = cookedUrl;
        if (cached == null) {
            cached = new String(cookedUrlUtf16, StandardCharsets.UTF_16LE);
            cookedUrl = cached;
        }
        return cached;
    }

    /** The TLS connection's symmetric key size in bits, or 0 without TLS. */
    public int connectionKeySize() {
        return tls != null ? tls.connectionKeySize : 0;
    }

    /** The server certificate's public key size in bits, or 0 without TLS. */
    public int serverCertKeySize() {
        return tls != null ? tls.serverCertKeySize : 0;
    }

    /** The server certificate's issuer name, or {@code null} without TLS. */
    public String serverCertIssuer() {
        return tls != null ? tls.serverCertIssuer : null;
    }

    /** The server certificate's subject name, or {@code null} without TLS. */
    public String serverCertSubject() {
        return tls != null ? tls.serverCertSubject : null;
    }

    /**
     * The client certificate's DER encoding (a copy), or {@code null} when the client presented none (or the
     * binding does not negotiate client certificates). {@link HttpSysClientCertificate#receive} asks for one.
     */
    public byte[] clientCertificate() {
        return tls == null || tls.clientCertificate == null ? null : tls.clientCertificate.clone();
    }

    /**
     * The negotiated TLS protocol and algorithms, or {@code null} without TLS or when HTTP.SYS did not report
     * them (a Windows version whose HTTP.SYS passes no {@code HttpRequestInfoTypeSslProtocol} entry).
     */
    public SslProtocolInfo sslProtocolInfo() {
        return tls != null ? tls.sslProtocolInfo : null;
    }

    /**
     * What HTTP.SYS's authentication concluded ({@code HTTP_REQUEST_AUTH_INFO}), authenticated or not; {@code null}
     * when the request carries no result: always when the server channel enables no
     * {@link HttpSysChannelOption#AUTHENTICATION} scheme. The identity's access token is closed with the request
     * channel unless taken ({@link HttpSysIdentity#takeAccessToken()}).
     */
    public HttpSysIdentity authentication() {
        return authentication;
    }

    /** Closes the request's access token unless the application took it; when the request channel closes. */
    void closeAccessToken() {
        if (authentication != null) {
            authentication.closeAccessToken();
        }
    }

    @Override
    public String toString() {
        return "HttpSysRequestInfo(requestId=" + Long.toUnsignedString(requestId, 16)
                + ", connectionId=" + Long.toUnsignedString(connectionId, 16)
                + ", protocol=" + protocol() + ", secure=" + isSecure()
                + (sslProtocolInfo() == null ? "" : ", tls=" + sslProtocolInfo().protocol())
                + ", remote=" + remoteAddress() + ", url=" + cookedUrl() + ')';
    }

    /**
     * The {@code HttpRequestInfoTypeSslProtocol} entry of {@code pRequestInfo}, or {@code null}. Entries of
     * other types (authentication, timing, TCP statistics, ...) are skipped, and so is an entry too short to
     * hold what its type promises.
     */
    private static SslProtocolInfo sslProtocolInfo(long request) {
        long info = requestInfo(request, Http.HttpRequestInfoTypeSslProtocol, HttpSslProtocolInfo.SIZE);
        return info != 0 ? SslProtocolInfo.read(info) : null;
    }

    /**
     * The {@code pInfo} of the first {@code pRequestInfo} entry of {@code type} that holds at least
     * {@code minLength} bytes, or 0. A request without entries (the common plain, anonymous one) costs one read.
     */
    private static long requestInfo(long request, int type, int minLength) {
        int count = HttpRequestV2.requestInfoCount(request);
        long array = count == 0 ? 0 : HttpRequestV2.requestInfo(request);
        if (array == 0) {
            return 0;
        }
        for (int i = 0; i < count; i++) {
            long entry = HttpRequestInfo.at(array, i);
            long info = HttpRequestInfo.info(entry);
            if (HttpRequestInfo.infoType(entry) == type && info != 0
                    && Integer.toUnsignedLong(HttpRequestInfo.infoLength(entry)) >= minLength) {
                return info;
            }
        }
        return 0;
    }

    private static byte[] clientCertificate(long ssl) {
        long certInfo = HttpSslInfo.clientCertInfo(ssl);
        if (HttpSslInfo.sslClientCertNegotiated(ssl) == 0 || certInfo == 0) {
            return null;
        }
        int size = HttpSslClientCertInfo.certEncodedSize(certInfo);
        long encoded = HttpSslClientCertInfo.certEncoded(certInfo);
        if (size <= 0 || encoded == 0) {
            return null;
        }
        byte[] der = new byte[size];
        NativeAccess.copyMemory(encoded, der, 0, size);
        return der;
    }

    /** The issuer and subject are {@code PCSTR}s whose size may count the terminating NUL. */
    private static String ansiString(long address, int size) {
        if (address == 0 || size <= 0) {
            return null;
        }
        int length = 0;
        while (length < size && NativeAccess.getByte(address + length) != 0) {
            length++;
        }
        byte[] bytes = new byte[length];
        NativeAccess.copyMemory(address, bytes, 0, length);
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    // ---- SOCKADDR_IN / SOCKADDR_IN6 (family AF_INET / AF_INET6; anything else counts as no address) ----

    private static int family(long sockaddr) {
        if (sockaddr == 0) {
            return 0;
        }
        int family = Sockaddr.saFamily(sockaddr);
        return family == WinSock.AF_INET || family == WinSock.AF_INET6 ? family : 0;
    }

    private static int port(long sockaddr, int family) {
        return family == WinSock.AF_INET ? SockaddrIn.sinPort(sockaddr)
                : family == WinSock.AF_INET6 ? SockaddrIn6.sin6Port(sockaddr) : 0;
    }

    private static long high(long sockaddr, int family) {
        return family == WinSock.AF_INET6 ? bigEndian(sockaddr + SockaddrIn6.SIN6_ADDR, 8) : 0;
    }

    private static long low(long sockaddr, int family) {
        return family == WinSock.AF_INET ? bigEndian(sockaddr + SockaddrIn.SIN_ADDR, 4)
                : family == WinSock.AF_INET6 ? bigEndian(sockaddr + SockaddrIn6.SIN6_ADDR + 8, 8) : 0;
    }

    private static int scope(long sockaddr, int family) {
        return family == WinSock.AF_INET6 ? SockaddrIn6.sin6ScopeId(sockaddr) : 0;
    }

    private static InetSocketAddress socketAddress(int family, int port, long high, long low, int scope) {
        try {
            InetAddress address;
            if (family == WinSock.AF_INET) {
                byte[] bytes = new byte[4];
                putBigEndian(bytes, 0, low, 4);
                address = InetAddress.getByAddress(bytes);
            } else {
                byte[] bytes = new byte[16];
                putBigEndian(bytes, 0, high, 8);
                putBigEndian(bytes, 8, low, 8);
                address = scope == 0 ? InetAddress.getByAddress(bytes) : Inet6Address.getByAddress(null, bytes, scope);
            }
            return new InetSocketAddress(address, port);
        } catch (UnknownHostException e) {
            // Only thrown for a byte array of the wrong length, which the sizes above rule out.
            throw new IllegalStateException(e);
        }
    }

    private static long bigEndian(long address, int length) {
        long value = 0;
        for (int i = 0; i < length; i++) {
            value = value << 8 | NativeAccess.getByte(address + i) & 0xFF;
        }
        return value;
    }

    private static void putBigEndian(byte[] bytes, int offset, long value, int length) {
        for (int i = length - 1; i >= 0; i--) {
            bytes[offset + i] = (byte) value;
            value >>>= 8;
        }
    }
}
