package io.netty.contrib.httpsys.nativeapi.emulator;

import io.netty.contrib.httpsys.nativeapi.Http;
import io.netty.contrib.httpsys.nativeapi.HttpKnownHeaders;
import io.netty.contrib.httpsys.nativeapi.WinError;
import io.netty.contrib.httpsys.nativeapi.struct.HttpByteRange;
import io.netty.contrib.httpsys.nativeapi.struct.HttpCachePolicy;
import io.netty.contrib.httpsys.nativeapi.struct.HttpDataChunk;
import io.netty.contrib.httpsys.nativeapi.struct.HttpKnownHeader;
import io.netty.contrib.httpsys.nativeapi.struct.HttpMultipleKnownHeaders;
import io.netty.contrib.httpsys.nativeapi.struct.HttpResponseHeaders;
import io.netty.contrib.httpsys.nativeapi.struct.HttpResponseInfo;
import io.netty.contrib.httpsys.nativeapi.struct.HttpResponseV2;
import io.netty.contrib.httpsys.nativeapi.struct.HttpUnknownHeader;
import io.netty.contrib.httpsys.nativeapi.struct.HttpVersion;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads what an application hands to {@code HttpSendHttpResponse} / {@code HttpSendResponseEntityBody} out of
 * native memory, copying every byte at call time as HTTP.SYS does, so the caller may reuse its memory as soon
 * as the call returns (for {@code FromMemory} chunks; a file handle must stay open until completion).
 *
 * <p>Malformed structures are answered with {@code ERROR_INVALID_PARAMETER} ("one or more of the supplied
 * parameters is in an unusable form", {@code HttpSendHttpResponse} docs) before anything is sent: a non-zero
 * length without its pointer, an out-of-range {@code HTTP_HEADER_ID}, response-info or chunk type, the
 * {@code TrailerCount}/{@code pTrailers} that {@code HTTP_RESPONSE_HEADERS} documents as "reserved, must be
 * zero / NULL", and a status code above 999, which a three-digit status line cannot carry (the exact limits
 * real HTTP.SYS enforces are not documented; these are the ones a struct cannot be sent with). A pointer
 * that is non-NULL but invalid cannot be detected in user mode: reading it crashes the JVM, where the kernel
 * would fail the call.
 */
public final class ResponseReader {

    /** Status codes are three digits on the wire. */
    private static final int MAX_STATUS_CODE = 999;
    /** {@code INVALID_HANDLE_VALUE}, {@code (HANDLE) -1}. */
    private static final long INVALID_HANDLE_VALUE = -1L;

    /**
     * A decoded value or the Win32 error that the HTTP Server API function returns instead.
     *
     * @param error {@code NO_ERROR} or the error code
     * @param value the decoded value, {@code null} when {@code error != NO_ERROR}
     */
    public record Result<T>(int error, T value) {

        static <T> Result<T> ok(T value) {
            return new Result<>(WinError.NO_ERROR, value);
        }

        static <T> Result<T> fail(int error) {
            return new Result<>(error, null);
        }

        /** Whether {@link #error()} is {@code NO_ERROR}. */
        public boolean isOk() {
            return error == WinError.NO_ERROR;
        }
    }

    /**
     * An {@code HTTP_CACHE_POLICY}.
     *
     * @param policy        {@code HttpCachePolicyNocache}, {@code HttpCachePolicyUserInvalidates} or
     *                      {@code HttpCachePolicyTimeToLive}
     * @param secondsToLive seconds a {@code TimeToLive} entry stays cached (unsigned)
     */
    public record CachePolicy(int policy, int secondsToLive) {
        /** What a {@code NULL} {@code pCachePolicy} means: do not cache. */
        public static final CachePolicy NO_CACHE = new CachePolicy(Http.HttpCachePolicyNocache, 0);
    }

    private ResponseReader() {
    }

    /**
     * Reads the head of the {@code HTTP_RESPONSE_V2} at {@code response}: version, status, reason, the known
     * headers under their canonical names in {@code HTTP_HEADER_ID} order, the unknown headers in array
     * order, then the values of each {@code HttpResponseInfoTypeMultipleKnownHeaders} entry. Known headers
     * with {@code RawValueLength == 0} are absent ({@code HTTP_KNOWN_HEADER} docs: the pointer is then
     * meaningless). Its entity chunks are read separately with {@link #readDataChunks}.
     */
    public static Result<ResponseHead> readResponse(long response) {
        if (response == 0) {
            return Result.fail(WinError.ERROR_INVALID_PARAMETER);
        }
        int statusCode = HttpResponseV2.statusCode(response);
        int reasonLength = HttpResponseV2.reasonLength(response);
        long reason = HttpResponseV2.reason(response);
        if (statusCode > MAX_STATUS_CODE || reasonLength != 0 && reason == 0) {
            return Result.fail(WinError.ERROR_INVALID_PARAMETER);
        }
        List<ResponseHeader> headers = new ArrayList<>();
        long responseHeaders = HttpResponseV2.headers(response);
        if (!readKnownHeaders(responseHeaders, headers)
                || !readUnknownHeaders(responseHeaders, headers)
                || !readResponseInfo(response, headers)) {
            return Result.fail(WinError.ERROR_INVALID_PARAMETER);
        }
        int version = HttpResponseV2.version(response);
        return Result.ok(new ResponseHead(HttpVersion.major(version), HttpVersion.minor(version), statusCode,
                NativeCopy.toArray(reason, reasonLength), headers, HttpResponseV2.flags(response)));
    }

    /**
     * Reads an {@code HTTP_DATA_CHUNK} array. {@code FromMemory} bytes are copied now; {@code FromFileHandle}
     * keeps the handle and range ({@code Length == HTTP_BYTE_RANGE_TO_EOF} becomes {@code -1}); {@code Trailers}
     * copies its {@code HTTP_UNKNOWN_HEADER}s. A trailers chunk must be the last of the array: trailers end the
     * message (RFC 9113 8.1), and ASP.NET Core appends it after the data (HttpSys {@code ResponseBody.BuildDataChunks});
     * one elsewhere is {@code ERROR_INVALID_PARAMETER} here (what Windows does with it is not documented). On an
     * emulated Windows without {@code HttpFeatureResponseTrailers} ({@link KernelFeatures}) the type is unknown:
     * {@code ERROR_INVALID_PARAMETER}. {@code FromFragmentCache} and {@code FromFragmentCacheEx} are valid on
     * Windows but not emulated: {@code ERROR_CALL_NOT_IMPLEMENTED} says so, where {@code ERROR_INVALID_PARAMETER}
     * would send the developer looking for a bug in a correct struct.
     *
     * @param count  {@code EntityChunkCount}; only its low 16 bits count, so a sign-extended {@code short}
     *               is read as the {@code USHORT} it is
     * @param chunks {@code pEntityChunks}
     */
    public static Result<List<DataChunk>> readDataChunks(int count, long chunks) {
        int n = count & 0xFFFF;
        if (n != 0 && chunks == 0) {
            return Result.fail(WinError.ERROR_INVALID_PARAMETER);
        }
        List<DataChunk> result = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long chunk = HttpDataChunk.at(chunks, i);
            int type = HttpDataChunk.dataChunkType(chunk);
            switch (type) {
                case Http.HttpDataChunkFromMemory -> {
                    int length = HttpDataChunk.fromMemoryBufferLength(chunk);
                    long buffer = HttpDataChunk.fromMemoryBuffer(chunk);
                    // A ULONG above 2 GB reads negative: more than one Java array holds, so refused.
                    if (length < 0 || length != 0 && buffer == 0) {
                        return Result.fail(WinError.ERROR_INVALID_PARAMETER);
                    }
                    result.add(new DataChunk.FromMemory(NativeCopy.toArray(buffer, length)));
                }
                case Http.HttpDataChunkFromFileHandle -> {
                    long handle = HttpDataChunk.fromFileHandleFileHandle(chunk);
                    long range = HttpDataChunk.fromFileHandleByteRange(chunk);
                    long offset = HttpByteRange.startingOffset(range);
                    long length = HttpByteRange.length(range);
                    if (handle == 0 || handle == INVALID_HANDLE_VALUE) {
                        return Result.fail(WinError.ERROR_INVALID_HANDLE);
                    }
                    // ULONGLONGs beyond Long.MAX_VALUE are no file offset; -1 is HTTP_BYTE_RANGE_TO_EOF.
                    if (offset < 0 || length < 0 && length != Http.HTTP_BYTE_RANGE_TO_EOF) {
                        return Result.fail(WinError.ERROR_INVALID_PARAMETER);
                    }
                    result.add(new DataChunk.FromFileHandle(handle, offset, length));
                }
                case Http.HttpDataChunkTrailers -> {
                    List<ResponseHeader> trailers = new ArrayList<>();
                    if (!KernelFeatures.responseTrailers() || i != n - 1 || !readUnknownArray(
                            HttpDataChunk.trailersTrailerCount(chunk), HttpDataChunk.trailersTrailers(chunk), trailers)) {
                        return Result.fail(WinError.ERROR_INVALID_PARAMETER);
                    }
                    result.add(new DataChunk.Trailers(trailers));
                }
                case Http.HttpDataChunkFromFragmentCache, Http.HttpDataChunkFromFragmentCacheEx -> {
                    return Result.fail(WinError.ERROR_CALL_NOT_IMPLEMENTED);
                }
                default -> {
                    return Result.fail(WinError.ERROR_INVALID_PARAMETER);
                }
            }
        }
        return Result.ok(result);
    }

    /** Reads the {@code HTTP_CACHE_POLICY} at {@code cachePolicy}; {@code NULL} means {@link CachePolicy#NO_CACHE}. */
    public static Result<CachePolicy> readCachePolicy(long cachePolicy) {
        if (cachePolicy == 0) {
            return Result.ok(CachePolicy.NO_CACHE);
        }
        int policy = HttpCachePolicy.policy(cachePolicy);
        if (policy < 0 || policy >= Http.HttpCachePolicyMaximum) {
            return Result.fail(WinError.ERROR_INVALID_PARAMETER);
        }
        return Result.ok(new CachePolicy(policy, HttpCachePolicy.secondsToLive(cachePolicy)));
    }

    private static boolean readKnownHeaders(long responseHeaders, List<ResponseHeader> headers) {
        for (int id = 0; id < Http.HttpHeaderResponseMaximum; id++) {
            if (!readKnownHeader(id, HttpResponseHeaders.knownHeader(responseHeaders, id), headers)) {
                return false;
            }
        }
        return true;
    }

    private static boolean readKnownHeader(int id, long knownHeader, List<ResponseHeader> headers) {
        int length = HttpKnownHeader.rawValueLength(knownHeader);
        if (length == 0) {
            return true;
        }
        long value = HttpKnownHeader.rawValue(knownHeader);
        if (value == 0) {
            return false;
        }
        headers.add(new ResponseHeader(HttpKnownHeaders.responseHeaderName(id).toByteArray(),
                NativeCopy.toArray(value, length)));
        return true;
    }

    private static boolean readUnknownHeaders(long responseHeaders, List<ResponseHeader> headers) {
        if (HttpResponseHeaders.trailerCount(responseHeaders) != 0
                || HttpResponseHeaders.trailers(responseHeaders) != 0) {
            return false;
        }
        return readUnknownArray(HttpResponseHeaders.unknownHeaderCount(responseHeaders),
                HttpResponseHeaders.unknownHeaders(responseHeaders), headers);
    }

    /** Appends {@code count} {@code HTTP_UNKNOWN_HEADER}s from {@code array}; {@code false} when one is malformed. */
    private static boolean readUnknownArray(int count, long array, List<ResponseHeader> headers) {
        if (count != 0 && array == 0) {
            return false;
        }
        for (int i = 0; i < count; i++) {
            long unknown = HttpUnknownHeader.at(array, i);
            int nameLength = HttpUnknownHeader.nameLength(unknown);
            long name = HttpUnknownHeader.name(unknown);
            int valueLength = HttpUnknownHeader.rawValueLength(unknown);
            long value = HttpUnknownHeader.rawValue(unknown);
            if (nameLength == 0 || name == 0 || valueLength != 0 && value == 0) {
                return false;
            }
            headers.add(new ResponseHeader(NativeCopy.toArray(name, nameLength),
                    NativeCopy.toArray(value, valueLength)));
        }
        return true;
    }

    private static boolean readResponseInfo(long response, List<ResponseHeader> headers) {
        int count = HttpResponseV2.responseInfoCount(response);
        long array = HttpResponseV2.responseInfo(response);
        if (count != 0 && array == 0) {
            return false;
        }
        for (int i = 0; i < count; i++) {
            long info = HttpResponseInfo.at(array, i);
            int type = HttpResponseInfo.type(info);
            if (type == Http.HttpResponseInfoTypeMultipleKnownHeaders) {
                if (!readMultipleKnownHeaders(HttpResponseInfo.info(info), HttpResponseInfo.length(info), headers)) {
                    return false;
                }
            } else if (type < 0 || type > Http.HttpResponseInfoTypeChannelBind) {
                return false;
            }
            // Authentication, QoS and channel-binding properties concern features the emulator lacks: ignored.
        }
        return true;
    }

    private static boolean readMultipleKnownHeaders(long multiple, int length, List<ResponseHeader> headers) {
        if (multiple == 0 || length < HttpMultipleKnownHeaders.SIZE) {
            return false;
        }
        int id = HttpMultipleKnownHeaders.headerId(multiple);
        int count = HttpMultipleKnownHeaders.knownHeaderCount(multiple);
        long array = HttpMultipleKnownHeaders.knownHeaders(multiple);
        if (id < 0 || id >= Http.HttpHeaderResponseMaximum || count != 0 && array == 0) {
            return false;
        }
        for (int i = 0; i < count; i++) {
            if (!readKnownHeader(id, HttpKnownHeader.at(array, i), headers)) {
                return false;
            }
        }
        return true;
    }
}
