package io.netty.contrib.httpsys.nativeapi.emulator;

import io.netty.buffer.ByteBuf;
import io.netty.contrib.httpsys.nativeapi.Http;
import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.WinError;
import io.netty.contrib.httpsys.nativeapi.struct.HttpCookedUrl;
import io.netty.contrib.httpsys.nativeapi.struct.HttpDataChunk;
import io.netty.contrib.httpsys.nativeapi.struct.HttpKnownHeader;
import io.netty.contrib.httpsys.nativeapi.struct.HttpRequestAuthInfo;
import io.netty.contrib.httpsys.nativeapi.struct.HttpRequestHeaders;
import io.netty.contrib.httpsys.nativeapi.struct.HttpRequestInfo;
import io.netty.contrib.httpsys.nativeapi.struct.HttpRequestV2;
import io.netty.contrib.httpsys.nativeapi.struct.HttpSslClientCertInfo;
import io.netty.contrib.httpsys.nativeapi.struct.HttpSslInfo;
import io.netty.contrib.httpsys.nativeapi.struct.HttpSslProtocolInfo;
import io.netty.contrib.httpsys.nativeapi.struct.HttpTransportAddress;
import io.netty.contrib.httpsys.nativeapi.struct.HttpUnknownHeader;
import io.netty.contrib.httpsys.nativeapi.struct.HttpVersion;
import io.netty.contrib.httpsys.nativeapi.struct.Sockaddr;

import java.net.InetSocketAddress;

/**
 * Writes one request into the caller's buffer as {@code HttpReceiveHttpRequest} does: an
 * {@code HTTP_REQUEST_V2} whose pointers all point into the same buffer, after the fixed struct.
 *
 * <p>Buffer sizing follows Wine's conformance tests, which pass on real Windows ({@code test_v1_short_buffer},
 * behaviours file 3.5): a buffer smaller than {@code HTTP_REQUEST_V1} gets {@code ERROR_INSUFFICIENT_BUFFER}
 * and is left untouched; a larger one that cannot hold the request gets {@code ERROR_MORE_DATA} with
 * {@code ConnectionId} and {@code RequestId} filled in, {@code Version} and {@code BytesReceived} zeroed, and
 * the size to receive again with. With {@code HTTP_RECEIVE_REQUEST_FLAG_COPY_BODY} the body bytes already
 * received travel in one {@code HttpDataChunkFromMemory} chunk; a body that does not fit is cut so that the
 * buffer is filled exactly, with {@code HTTP_REQUEST_FLAG_MORE_ENTITY_BODY_EXISTS} set (behaviours file 4.3).
 *
 * <p>A TLS request carries {@code pSslInfo} and one {@code HTTP_REQUEST_INFO} of type
 * {@code HttpRequestInfoTypeSslProtocol} ({@link SslProtocolInfo}); a plain HTTP request has neither
 * ({@code pSslInfo} NULL, {@code RequestInfoCount} 0, {@code pRequestInfo} NULL, as in Wine's tests).
 *
 * <p>Nothing is ever written outside {@code [buffer, buffer + bufferLength)}.
 */
public final class RequestMarshaller {

    /**
     * {@code sizeof(HTTP_REQUEST_V1)}: the V2 struct is the V1 struct followed by {@code RequestInfoCount}, so
     * V1 ends where that field starts.
     */
    static final int HTTP_REQUEST_V1_SIZE = HttpRequestV2.REQUEST_INFO_COUNT;

    /**
     * The outcome of {@link #marshal}.
     *
     * @param error             {@code NO_ERROR}, {@code ERROR_INSUFFICIENT_BUFFER} or {@code ERROR_MORE_DATA}
     * @param bytesReturned     for {@code NO_ERROR} the bytes written, for {@code ERROR_MORE_DATA} the buffer
     *                          size that will hold the request; 0 for {@code ERROR_INSUFFICIENT_BUFFER}
     * @param bodyBytesConsumed body bytes copied into the buffer, which the caller must now skip in its body
     */
    public record Result(int error, int bytesReturned, int bodyBytesConsumed) {
    }

    private RequestMarshaller() {
    }

    /**
     * Writes {@code request} into {@code [buffer, buffer + bufferLength)}.
     *
     * @param request       the parsed request head
     * @param connection    the connection it arrived on ({@code ConnectionId}, addresses, TLS)
     * @param requestId     its {@code HTTP_REQUEST_ID}
     * @param urlContext    the context of the URL it matched
     * @param bytesReceived bytes of the request received so far, head and body
     * @param requestFlags  {@code HTTP_REQUEST_FLAG_*} as they stand once every byte of {@code body} has been
     *                      handed out: {@code MORE_ENTITY_BODY_EXISTS} when body bytes beyond {@code body}
     *                      remain to be read, {@code HTTP2}/{@code HTTP3} for the protocol. This method adds
     *                      {@code MORE_ENTITY_BODY_EXISTS} itself when it leaves part of {@code body} behind.
     * @param body          body bytes already received and not yet handed out, or {@code null}; read from its
     *                      reader index, never released nor moved
     * @param receiveFlags  the {@code HttpReceiveHttpRequest} flags ({@code HTTP_RECEIVE_REQUEST_FLAG_COPY_BODY})
     * @param buffer        the caller's buffer
     * @param bufferLength  its length in bytes
     * @throws IllegalArgumentException when the request holds a length HTTP.SYS could not report (see
     *                                  {@link RequestImage}); nothing is written then
     */
    public static Result marshal(ParsedRequest request, ConnectionInfo connection, long requestId, long urlContext,
                                 long bytesReceived, int requestFlags, ByteBuf body, int receiveFlags,
                                 long buffer, int bufferLength) {
        return marshal(request, connection, requestId, urlContext, bytesReceived, requestFlags, body, receiveFlags,
                buffer, bufferLength, null, 0);
    }

    /**
     * {@link #marshal(ParsedRequest, ConnectionInfo, long, long, long, int, ByteBuf, int, long, int)} for a
     * request of a URL group that enables authentication: the request also carries an
     * {@code HttpRequestInfoTypeAuth} entry saying what {@code authentication} concluded, with
     * {@code accessToken} as its {@code AccessToken} (0 unless it succeeded).
     */
    static Result marshal(ParsedRequest request, ConnectionInfo connection, long requestId, long urlContext,
                          long bytesReceived, int requestFlags, ByteBuf body, int receiveFlags,
                          long buffer, int bufferLength, RequestAuthentication authentication, long accessToken) {
        if (bufferLength < HTTP_REQUEST_V1_SIZE) {
            return new Result(WinError.ERROR_INSUFFICIENT_BUFFER, 0, 0);
        }
        RequestImage image = new RequestImage(request, connection, authentication);
        int available = body == null ? 0 : body.readableBytes();
        boolean copyBody = (receiveFlags & Http.HTTP_RECEIVE_REQUEST_FLAG_COPY_BODY) != 0 && available > 0;
        long required = copyBody ? image.bodyOffset + available : image.headEnd;
        if (required > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("request needs more than a ULONG buffer length: " + required);
        }
        if (bufferLength < image.headEnd) {
            HttpRequestV2.setConnectionId(buffer, connection.connectionId());
            HttpRequestV2.setRequestId(buffer, requestId);
            HttpRequestV2.setVersion(buffer, 0);
            HttpRequestV2.setBytesReceived(buffer, 0);
            return new Result(WinError.ERROR_MORE_DATA, (int) required, 0);
        }

        NativeAccess.setMemory(buffer, image.headEnd, (byte) 0);
        writeHead(image, request, connection, requestId, urlContext, bytesReceived, buffer);
        if (authentication != null) {
            writeAuthInfo(authentication, accessToken, image, buffer);
        }

        int copied = copyBody ? (int) Math.max(0, Math.min(available, bufferLength - image.bodyOffset)) : 0;
        int flags = requestFlags;
        if (copied < available) {
            flags |= Http.HTTP_REQUEST_FLAG_MORE_ENTITY_BODY_EXISTS;
        }
        HttpRequestV2.setFlags(buffer, flags);
        if (copied == 0) {
            return new Result(WinError.NO_ERROR, (int) image.headEnd, 0);
        }
        long chunk = buffer + image.entityChunkOffset;
        long data = buffer + image.bodyOffset;
        NativeAccess.setMemory(buffer + image.headEnd, image.bodyOffset - image.headEnd, (byte) 0);
        NativeCopy.toNative(body, body.readerIndex(), data, copied);
        HttpDataChunk.setFromMemory(chunk, data, copied);
        HttpRequestV2.setEntityChunkCount(buffer, 1);
        HttpRequestV2.setEntityChunks(buffer, chunk);
        return new Result(WinError.NO_ERROR, (int) (image.bodyOffset + copied), copied);
    }

    private static void writeHead(RequestImage image, ParsedRequest request, ConnectionInfo connection,
                                  long requestId, long urlContext, long bytesReceived, long buffer) {
        HttpRequestV2.setConnectionId(buffer, connection.connectionId());
        HttpRequestV2.setRequestId(buffer, requestId);
        HttpRequestV2.setUrlContext(buffer, urlContext);
        HttpRequestV2.setVersion(buffer, HttpVersion.pack(request.versionMajor(), request.versionMinor()));
        HttpRequestV2.setVerb(buffer, image.verb);
        HttpRequestV2.setBytesReceived(buffer, bytesReceived);
        HttpRequestV2.setRawConnectionId(buffer, connection.rawConnectionId());

        StringArea strings = new StringArea(buffer + image.stringsOffset);
        if (image.unknownVerb != null) {
            HttpRequestV2.setUnknownVerbLength(buffer, image.unknownVerb.length);
            HttpRequestV2.setUnknownVerb(buffer, strings.put(image.unknownVerb));
        }
        HttpRequestV2.setRawUrlLength(buffer, image.rawUrl.length);
        HttpRequestV2.setRawUrl(buffer, strings.put(image.rawUrl));
        writeCookedUrl(image, buffer);
        writeAddresses(image, buffer);
        writeHeaders(image, buffer, strings);
        if (image.ssl != null) {
            writeSslInfo(image, buffer, strings);
            writeSslProtocolInfo(image, buffer);
        }
        if (strings.next != buffer + image.headEnd) {
            throw new IllegalStateException("request layout mismatch: " + (strings.next - buffer) + " != "
                    + image.headEnd);
        }
    }

    private static void writeCookedUrl(RequestImage image, long buffer) {
        long cooked = HttpRequestV2.cookedUrl(buffer);
        long fullUrl = buffer + image.fullUrlOffset;
        NativeAccess.copyMemory(image.fullUrl, 0, fullUrl, image.fullUrl.length);
        HttpCookedUrl.setFullUrlLength(cooked, image.fullUrl.length);
        HttpCookedUrl.setHostLength(cooked, image.hostLength);
        HttpCookedUrl.setAbsPathLength(cooked, image.absPathLength);
        HttpCookedUrl.setQueryStringLength(cooked, image.queryStringLength);
        HttpCookedUrl.setFullUrl(cooked, fullUrl);
        HttpCookedUrl.setHost(cooked, fullUrl + image.hostOffset);
        HttpCookedUrl.setAbsPath(cooked, fullUrl + image.absPathOffset);
        // Wine's test: pQueryString is NULL, not a pointer to the NUL, when there is no query.
        HttpCookedUrl.setQueryString(cooked, image.queryStringLength == 0 ? 0 : fullUrl + image.queryStringOffset);
    }

    private static void writeAddresses(RequestImage image, long buffer) {
        long address = HttpRequestV2.address(buffer);
        HttpTransportAddress.setRemoteAddress(address,
                writeSockaddr(image.remoteAddress, buffer + image.remoteAddressOffset));
        HttpTransportAddress.setLocalAddress(address,
                writeSockaddr(image.localAddress, buffer + image.localAddressOffset));
    }

    private static long writeSockaddr(InetSocketAddress socketAddress, long at) {
        if (socketAddress == null) {
            return 0;
        }
        Sockaddr.write(at, socketAddress);
        return at;
    }

    private static void writeHeaders(RequestImage image, long buffer, StringArea strings) {
        long headers = HttpRequestV2.headers(buffer);
        for (int id = 0; id < image.knownValues.length; id++) {
            byte[] value = image.knownValues[id];
            if (value != null) {
                // A header sent with an empty value still points at "" (ASP.NET Core's
                // NativeRequestContext notes this); absent headers keep a NULL pointer.
                long known = HttpRequestHeaders.knownHeader(headers, id);
                HttpKnownHeader.setRawValueLength(known, value.length);
                HttpKnownHeader.setRawValue(known, strings.put(value));
            }
        }
        int count = image.unknownNames.size();
        if (count == 0) {
            return;
        }
        long array = buffer + image.unknownHeadersOffset;
        HttpRequestHeaders.setUnknownHeaderCount(headers, count);
        HttpRequestHeaders.setUnknownHeaders(headers, array);
        for (int i = 0; i < count; i++) {
            long unknown = HttpUnknownHeader.at(array, i);
            byte[] name = image.unknownNames.get(i);
            byte[] value = image.unknownValues.get(i);
            HttpUnknownHeader.setNameLength(unknown, name.length);
            HttpUnknownHeader.setName(unknown, strings.put(name));
            HttpUnknownHeader.setRawValueLength(unknown, value.length);
            long pValue = strings.put(value);
            // An unknown header with an empty value has a NULL pRawValue (NativeRequestContext again).
            HttpUnknownHeader.setRawValue(unknown, value.length == 0 ? 0 : pValue);
        }
    }

    private static void writeSslInfo(RequestImage image, long buffer, StringArea strings) {
        SslDetails ssl = image.ssl;
        long info = buffer + image.sslInfoOffset;
        HttpRequestV2.setSslInfo(buffer, info);
        // Bits, as Windows reports them, though the HTTP_SSL_INFO reference says bytes (see SslDetails).
        HttpSslInfo.setServerCertKeySize(info, ssl.serverCertKeySize());
        HttpSslInfo.setConnectionKeySize(info, ssl.connectionKeySize());
        // Sizes exclude the terminating NUL (learn.microsoft.com, HTTP_SSL_INFO).
        HttpSslInfo.setServerCertIssuerSize(info, image.serverCertIssuer.length);
        HttpSslInfo.setServerCertIssuer(info, strings.put(image.serverCertIssuer));
        HttpSslInfo.setServerCertSubjectSize(info, image.serverCertSubject.length);
        HttpSslInfo.setServerCertSubject(info, strings.put(image.serverCertSubject));
        if (!image.hasClientCertificate()) {
            return;
        }
        byte[] certificate = ssl.clientCertificate();
        long certInfo = buffer + image.clientCertInfoOffset;
        HttpSslInfo.setClientCertInfo(info, certInfo);
        HttpSslInfo.setSslClientCertNegotiated(info, 1);
        HttpSslClientCertInfo.setCertEncodedSize(certInfo, certificate.length);
        HttpSslClientCertInfo.setCertEncoded(certInfo, strings.putRaw(certificate));
        HttpSslClientCertInfo.setCertFlags(certInfo, ssl.clientCertFlags());
    }

    /** The request info array of one element that HTTP.SYS hands out for an HTTPS request. */
    private static void writeSslProtocolInfo(RequestImage image, long buffer) {
        SslProtocolInfo values = image.sslProtocol;
        long array = buffer + image.requestInfoOffset;
        long info = buffer + image.sslProtocolInfoOffset;
        HttpSslProtocolInfo.setProtocol(info, values.protocol());
        HttpSslProtocolInfo.setCipherType(info, values.cipherType());
        HttpSslProtocolInfo.setCipherStrength(info, values.cipherStrength());
        HttpSslProtocolInfo.setHashType(info, values.hashType());
        HttpSslProtocolInfo.setHashStrength(info, values.hashStrength());
        HttpSslProtocolInfo.setKeyExchangeType(info, values.keyExchangeType());
        HttpSslProtocolInfo.setKeyExchangeStrength(info, values.keyExchangeStrength());
        HttpRequestInfo.setInfoType(array, Http.HttpRequestInfoTypeSslProtocol);
        HttpRequestInfo.setInfoLength(array, HttpSslProtocolInfo.SIZE);
        HttpRequestInfo.setInfo(array, info);
        HttpRequestV2.setRequestInfoCount(buffer, 1);
        HttpRequestV2.setRequestInfo(buffer, array);
    }

    /**
     * Appends the {@code HttpRequestInfoTypeAuth} entry to the request info array (after the TLS entry of an
     * HTTPS request). Only a successful authentication carries a token; HTTP.SYS's docs tell applications to
     * disregard everything but AuthStatus, SecStatus and AuthType otherwise (HTTP_REQUEST_AUTH_INFO).
     */
    private static void writeAuthInfo(RequestAuthentication authentication, long accessToken, RequestImage image,
                                      long buffer) {
        long array = buffer + image.requestInfoOffset;
        int index = HttpRequestV2.requestInfoCount(buffer);
        long info = buffer + image.authInfoOffset;
        HttpRequestAuthInfo.setAuthStatus(info, authentication.status());
        HttpRequestAuthInfo.setSecStatus(info, authentication.securityStatus());
        HttpRequestAuthInfo.setAuthType(info, authentication.type());
        HttpRequestAuthInfo.setAccessToken(info, accessToken);
        if (image.mutualAuthData != null) {
            long data = buffer + image.mutualAuthDataOffset;
            NativeAccess.copyMemory(image.mutualAuthData, 0, data, image.mutualAuthData.length);
            HttpRequestAuthInfo.setMutualAuthDataLength(info, image.mutualAuthData.length);
            HttpRequestAuthInfo.setMutualAuthData(info, data);
        }
        long entry = HttpRequestInfo.at(array, index);
        HttpRequestInfo.setInfoType(entry, Http.HttpRequestInfoTypeAuth);
        HttpRequestInfo.setInfoLength(entry, HttpRequestAuthInfo.SIZE);
        HttpRequestInfo.setInfo(entry, info);
        HttpRequestV2.setRequestInfoCount(buffer, index + 1);
        HttpRequestV2.setRequestInfo(buffer, array);
    }

    /** Appends byte strings one after another in the buffer's string area. */
    private static final class StringArea {
        long next;

        StringArea(long start) {
            next = start;
        }

        /** Copies {@code bytes} and a NUL; returns where they start. */
        long put(byte[] bytes) {
            long at = putRaw(bytes);
            NativeAccess.putByte(next++, (byte) 0);
            return at;
        }

        /** Copies {@code bytes} without a terminator; returns where they start. */
        long putRaw(byte[] bytes) {
            long at = next;
            NativeAccess.copyMemory(bytes, 0, at, bytes.length);
            next += bytes.length;
            return at;
        }
    }
}
