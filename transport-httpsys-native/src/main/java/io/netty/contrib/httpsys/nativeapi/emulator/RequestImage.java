package io.netty.contrib.httpsys.nativeapi.emulator;

import io.netty.contrib.httpsys.nativeapi.Http;
import io.netty.contrib.httpsys.nativeapi.HttpKnownHeaders;
import io.netty.contrib.httpsys.nativeapi.struct.HttpDataChunk;
import io.netty.contrib.httpsys.nativeapi.struct.HttpRequestAuthInfo;
import io.netty.contrib.httpsys.nativeapi.struct.HttpRequestInfo;
import io.netty.contrib.httpsys.nativeapi.struct.HttpRequestV2;
import io.netty.contrib.httpsys.nativeapi.struct.HttpSslClientCertInfo;
import io.netty.contrib.httpsys.nativeapi.struct.HttpSslInfo;
import io.netty.contrib.httpsys.nativeapi.struct.HttpSslProtocolInfo;
import io.netty.contrib.httpsys.nativeapi.struct.HttpUnknownHeader;
import io.netty.contrib.httpsys.nativeapi.struct.SockaddrIn;
import io.netty.contrib.httpsys.nativeapi.struct.SockaddrIn6;
import io.netty.util.AsciiString;

import java.io.ByteArrayOutputStream;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one request looks like as an {@code HTTP_REQUEST_V2}: every string already encoded as HTTP.SYS
 * hands it out, and the offset (from the start of the caller's buffer) of every part that follows the fixed
 * struct. Computing the whole layout before writing a byte is what lets {@link RequestMarshaller} answer
 * {@code ERROR_MORE_DATA} with the exact size needed and never write past the buffer.
 *
 * <p>Layout after the fixed struct, every struct (and the cooked URL) starting 8-byte aligned: the
 * {@code HTTP_UNKNOWN_HEADER} array, the remote and local socket addresses, the {@code HTTP_SSL_INFO} and
 * {@code HTTP_SSL_CLIENT_CERT_INFO}, the {@code HTTP_REQUEST_INFO} array (an entry for TLS, one for
 * authentication), the {@code HTTP_SSL_PROTOCOL_INFO} and the {@code HTTP_REQUEST_AUTH_INFO} they point to, the
 * cooked URL (UTF-16LE), then the byte strings (unknown verb, raw
 * URL, known header values, unknown header names and values, certificate names, certificate), and last the
 * {@code HTTP_DATA_CHUNK} and body bytes of {@code COPY_BODY}, so that a body that does not fit is simply cut
 * at the end of the buffer.
 *
 * <p>Repeated headers: HTTP.SYS hands the application one value per header name, the values of repeated
 * lines joined by {@code ", "} in arrival order, for known and unknown headers alike. ASP.NET Core relies on
 * it ({@code NativeRequestContext.GetUnknownHeadersHelper}: "Http.Sys currently collapses all headers of the
 * same name to a single coma separated string") and tests it against real HTTP.SYS
 * ({@code RequestHeaderTests.RequestHeaders_ClientSendsCustomHeaders_Success}: two {@code Custom-Header}
 * lines arrive as {@code "custom1, and custom2, custom3"}). Names are matched case-insensitively; an unknown
 * header keeps the spelling of its first line.
 */
final class RequestImage {

    private static final int MAX_USHORT = 0xFFFF;
    private static final byte[] LIST_SEPARATOR = {',', ' '};

    final int verb;
    /** The method for {@code pUnknownVerb}, or {@code null} for a known verb. */
    final byte[] unknownVerb;
    final byte[] rawUrl;
    /** The cooked full URL in UTF-16LE, without its NUL. */
    final byte[] fullUrl;
    final int hostLength;
    final int absPathLength;
    final int queryStringLength;
    /** Byte offsets of host, path and query inside {@link #fullUrl}. */
    final int hostOffset;
    final int absPathOffset;
    final int queryStringOffset;
    /** Values by request {@code HTTP_HEADER_ID}, {@code null} where the header is absent. */
    final byte[][] knownValues = new byte[Http.HttpHeaderRequestMaximum][];
    final List<byte[]> unknownNames = new ArrayList<>();
    final List<byte[]> unknownValues = new ArrayList<>();
    final InetSocketAddress remoteAddress;
    final InetSocketAddress localAddress;
    final SslDetails ssl;
    final byte[] serverCertIssuer;
    final byte[] serverCertSubject;
    /** The {@code HttpRequestInfoTypeSslProtocol} payload, or {@code null} for plain HTTP. */
    final SslProtocolInfo sslProtocol;
    /** Whether the request carries an {@code HttpRequestInfoTypeAuth} entry (its URL group authenticates). */
    final boolean authenticated;
    /** {@code pMutualAuthData} for the application (ReceiveMutualAuth), or {@code null}. */
    final byte[] mutualAuthData;

    final long unknownHeadersOffset;
    final long remoteAddressOffset;
    final long localAddressOffset;
    final long sslInfoOffset;
    final long clientCertInfoOffset;
    final long requestInfoOffset;
    final long sslProtocolInfoOffset;
    final long authInfoOffset;
    final long mutualAuthDataOffset;
    final long fullUrlOffset;
    final long stringsOffset;
    /** Where the head ends: the size returned when no body is copied. */
    final long headEnd;
    /** Where the {@code HTTP_DATA_CHUNK} of a copied body goes; the body bytes follow it. */
    final long entityChunkOffset;
    final long bodyOffset;

    /**
     * @throws IllegalArgumentException when a length does not fit the {@code USHORT} HTTP.SYS stores it in,
     *                                  or an address is unresolved: the request parser must have rejected
     *                                  such a request (400) before queueing it
     */
    RequestImage(ParsedRequest request, ConnectionInfo connection) {
        this(request, connection, null);
    }

    /** @param authentication what authentication concluded, or {@code null} when the URL group enables none */
    RequestImage(ParsedRequest request, ConnectionInfo connection, RequestAuthentication authentication) {
        authenticated = authentication != null;
        mutualAuthData = authentication == null || authentication.mutualAuthData() == null ? null
                : authentication.mutualAuthData().getBytes(StandardCharsets.US_ASCII);
        verb = KnownVerbs.verbOf(request.verb());
        unknownVerb = verb != Http.HttpVerbUnknown ? null
                : ushortBytes(request.verb().getBytes(StandardCharsets.ISO_8859_1), "verb");
        rawUrl = ushortBytes(request.rawUrl(), "raw URL");

        String query = request.cookedQuery() == null ? "" : request.cookedQuery();
        fullUrl = ushortBytes(request.cookedFullUrl().getBytes(StandardCharsets.UTF_16LE), "cooked URL");
        hostOffset = 2 * (request.scheme().length() + "://".length());
        hostLength = 2 * request.cookedHost().length();
        absPathOffset = hostOffset + hostLength;
        absPathLength = 2 * request.cookedAbsPath().length();
        queryStringOffset = absPathOffset + absPathLength;
        queryStringLength = 2 * query.length();

        mergeHeaders(request.headers());

        remoteAddress = checkResolved(connection.remoteAddress());
        localAddress = checkResolved(connection.localAddress());
        ssl = connection.ssl();
        serverCertIssuer = ssl == null ? null : ansi(ssl.serverCertIssuer());
        serverCertSubject = ssl == null ? null : ansi(ssl.serverCertSubject());
        if (ssl != null) {
            ushortValue(ssl.connectionKeySize(), "ConnectionKeySize");
            ushortValue(ssl.serverCertKeySize(), "ServerCertKeySize");
        }
        sslProtocol = ssl == null ? null : SslProtocolInfo.of(ssl);

        long offset = HttpRequestV2.SIZE;
        unknownHeadersOffset = align8(offset);
        offset = unknownHeadersOffset + (long) unknownNames.size() * HttpUnknownHeader.SIZE;
        remoteAddressOffset = align8(offset);
        offset = remoteAddressOffset + sockaddrSize(remoteAddress);
        localAddressOffset = align8(offset);
        offset = localAddressOffset + sockaddrSize(localAddress);
        sslInfoOffset = align8(offset);
        offset = sslInfoOffset + (ssl == null ? 0 : HttpSslInfo.SIZE);
        clientCertInfoOffset = align8(offset);
        offset = clientCertInfoOffset + (hasClientCertificate() ? HttpSslClientCertInfo.SIZE : 0);
        requestInfoOffset = align8(offset);
        offset = requestInfoOffset + (long) ((ssl == null ? 0 : 1) + (authenticated ? 1 : 0)) * HttpRequestInfo.SIZE;
        sslProtocolInfoOffset = offset;
        offset = sslProtocolInfoOffset + (ssl == null ? 0 : HttpSslProtocolInfo.SIZE);
        authInfoOffset = align8(offset);
        offset = authInfoOffset + (authenticated ? HttpRequestAuthInfo.SIZE : 0);
        mutualAuthDataOffset = offset;
        offset = mutualAuthDataOffset + (mutualAuthData == null ? 0 : mutualAuthData.length);
        fullUrlOffset = align8(offset);
        stringsOffset = fullUrlOffset + fullUrl.length + 2;
        headEnd = stringsOffset + stringsSize();
        entityChunkOffset = align8(headEnd);
        bodyOffset = entityChunkOffset + HttpDataChunk.SIZE;
    }

    boolean hasClientCertificate() {
        return ssl != null && ssl.clientCertificate() != null;
    }

    /** Bytes of the strings area: every string with its NUL, then the client certificate. */
    private long stringsSize() {
        long size = 0;
        if (unknownVerb != null) {
            size += unknownVerb.length + 1;
        }
        size += rawUrl.length + 1;
        for (byte[] value : knownValues) {
            if (value != null) {
                size += value.length + 1;
            }
        }
        for (int i = 0; i < unknownNames.size(); i++) {
            size += unknownNames.get(i).length + 1 + unknownValues.get(i).length + 1;
        }
        if (ssl != null) {
            size += serverCertIssuer.length + 1 + serverCertSubject.length + 1;
        }
        if (hasClientCertificate()) {
            size += ssl.clientCertificate().length;
        }
        return size;
    }

    private void mergeHeaders(List<RequestHeader> headers) {
        ByteArrayOutputStream[] known = new ByteArrayOutputStream[Http.HttpHeaderRequestMaximum];
        Map<AsciiString, Integer> unknownIndex = new LinkedHashMap<>();
        List<ByteArrayOutputStream> unknown = new ArrayList<>();
        for (RequestHeader header : headers) {
            int id = HttpKnownHeaders.requestHeaderId(new AsciiString(header.name(), false));
            byte[] value = trimmed(header.value());
            if (id >= 0) {
                known[id] = append(known[id], value);
                continue;
            }
            AsciiString key = new AsciiString(header.name()).toLowerCase();
            Integer index = unknownIndex.get(key);
            if (index == null) {
                unknownIndex.put(key, unknown.size());
                unknownNames.add(ushortBytes(header.name(), "header name"));
                unknown.add(append(null, value));
            } else {
                append(unknown.get(index), value);
            }
        }
        for (int id = 0; id < known.length; id++) {
            if (known[id] != null) {
                knownValues[id] = ushortBytes(known[id].toByteArray(), "header value");
            }
        }
        if (unknown.size() > MAX_USHORT) {
            throw new IllegalArgumentException("too many headers for UnknownHeaderCount: " + unknown.size());
        }
        for (ByteArrayOutputStream value : unknown) {
            unknownValues.add(ushortBytes(value.toByteArray(), "header value"));
        }
    }

    /**
     * {@code value} without leading and trailing spaces and tabs: HTTP.SYS hands out {@code "Qux: foo baz "} as
     * {@code "foo baz"} (Wine's conformance test). The parser already trims; this keeps the struct right
     * whatever it is given.
     */
    private static byte[] trimmed(byte[] value) {
        int start = 0;
        int end = value.length;
        while (start < end && isWhitespace(value[start])) {
            start++;
        }
        while (end > start && isWhitespace(value[end - 1])) {
            end--;
        }
        return start == 0 && end == value.length ? value : Arrays.copyOfRange(value, start, end);
    }

    private static boolean isWhitespace(byte b) {
        return b == ' ' || b == '\t';
    }

    private static ByteArrayOutputStream append(ByteArrayOutputStream merged, byte[] value) {
        if (merged == null) {
            merged = new ByteArrayOutputStream(value.length);
        } else {
            merged.writeBytes(LIST_SEPARATOR);
        }
        merged.writeBytes(value);
        return merged;
    }

    private static byte[] ushortBytes(byte[] bytes, String what) {
        if (bytes.length > MAX_USHORT) {
            throw new IllegalArgumentException(what + " longer than a USHORT length allows: " + bytes.length);
        }
        return bytes;
    }

    /**
     * HTTP.SYS reports certificate names as "null-terminated strings of octets" ({@code HTTP_SSL_INFO}
     * docs); the emulator uses ISO-8859-1, Windows-1252's subset, so each character is one octet.
     */
    private static byte[] ansi(String name) {
        return name == null ? new byte[0] : name.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static void ushortValue(int value, String what) {
        if (value < 0 || value > MAX_USHORT) {
            throw new IllegalArgumentException(what + " does not fit its USHORT: " + value);
        }
    }

    private static InetSocketAddress checkResolved(InetSocketAddress address) {
        if (address != null && address.getAddress() == null) {
            throw new IllegalArgumentException("unresolved address: " + address);
        }
        return address;
    }

    /** Bytes {@code Sockaddr.write} writes for {@code address}; 0 for none ({@code NULL} pointer). */
    static int sockaddrSize(InetSocketAddress address) {
        if (address == null) {
            return 0;
        }
        return address.getAddress() instanceof Inet4Address ? SockaddrIn.SIZE : SockaddrIn6.SIZE;
    }

    static long align8(long offset) {
        return (offset + 7) & ~7L;
    }
}
