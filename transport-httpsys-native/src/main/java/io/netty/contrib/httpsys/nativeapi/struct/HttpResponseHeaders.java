package io.netty.contrib.httpsys.nativeapi.struct;

import io.netty.contrib.httpsys.nativeapi.Http;
import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.NativeField;
import io.netty.contrib.httpsys.nativeapi.NativeStruct;

import java.util.Objects;

/**
 * {@code HTTP_RESPONSE_HEADERS}: the headers of a response, embedded in {@code HTTP_RESPONSE_V2.Headers}.
 * {@code KnownHeaders} is an inline array of
 * {@link io.netty.contrib.httpsys.nativeapi.Http#HttpHeaderResponseMaximum} (30) {@link HttpKnownHeader}s
 * indexed by response {@code HTTP_HEADER_ID} (ids 20 and up differ from the request ids); other headers,
 * and repeats of a known one, go into {@code pUnknownHeaders}. {@code TrailerCount}/{@code pTrailers} are
 * reserved: leave them 0.
 *
 * <pre>
 * offset  type                   field
 *      0  USHORT                 UnknownHeaderCount
 *      2                         (6 bytes of padding)
 *      8  PHTTP_UNKNOWN_HEADER   pUnknownHeaders
 *     16  USHORT                 TrailerCount
 *     18                         (6 bytes of padding)
 *     24  PHTTP_UNKNOWN_HEADER   pTrailers
 *     32  HTTP_KNOWN_HEADER[30]  KnownHeaders
 *    512                         sizeof = 512
 * </pre>
 */
@NativeStruct("HTTP_RESPONSE_HEADERS")
public final class HttpResponseHeaders {

    public static final int SIZE = 512;

    @NativeField(value = "UnknownHeaderCount", size = 2)
    public static final int UNKNOWN_HEADER_COUNT = 0;

    @NativeField(value = "pUnknownHeaders", size = 8)
    public static final int UNKNOWN_HEADERS = 8;

    @NativeField(value = "TrailerCount", size = 2)
    public static final int TRAILER_COUNT = 16;

    @NativeField(value = "pTrailers", size = 8)
    public static final int TRAILERS = 24;

    @NativeField(value = "KnownHeaders", size = 480)
    public static final int KNOWN_HEADERS = 32;

    private HttpResponseHeaders() {
    }

    public static int unknownHeaderCount(long address) {
        return NativeAccess.getShort(address + UNKNOWN_HEADER_COUNT) & 0xFFFF;
    }

    public static void setUnknownHeaderCount(long address, int value) {
        NativeAccess.putShort(address + UNKNOWN_HEADER_COUNT, (short) value);
    }

    public static long unknownHeaders(long address) {
        return NativeAccess.getLong(address + UNKNOWN_HEADERS);
    }

    public static void setUnknownHeaders(long address, long value) {
        NativeAccess.putLong(address + UNKNOWN_HEADERS, value);
    }

    public static int trailerCount(long address) {
        return NativeAccess.getShort(address + TRAILER_COUNT) & 0xFFFF;
    }

    public static void setTrailerCount(long address, int value) {
        NativeAccess.putShort(address + TRAILER_COUNT, (short) value);
    }

    public static long trailers(long address) {
        return NativeAccess.getLong(address + TRAILERS);
    }

    public static void setTrailers(long address, long value) {
        NativeAccess.putLong(address + TRAILERS, value);
    }

    /** The address of the first element of the inline {@code KnownHeaders} array. */
    public static long knownHeaders(long address) {
        return address + KNOWN_HEADERS;
    }

    /**
     * The address of the {@link HttpKnownHeader} for response header {@code id} (an {@code HttpHeader*} response
     * id, {@code 0 <= id < HttpHeaderResponseMaximum}) of the {@code HTTP_RESPONSE_HEADERS} at {@code headers}.
     */
    public static long knownHeader(long headers, int id) {
        Objects.checkIndex(id, Http.HttpHeaderResponseMaximum);
        return headers + KNOWN_HEADERS + (long) id * HttpKnownHeader.SIZE;
    }
}
