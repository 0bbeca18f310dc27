package io.netty.contrib.httpsys;

import io.netty.contrib.httpsys.nativeapi.Http;
import io.netty.contrib.httpsys.nativeapi.HttpApi;
import io.netty.contrib.httpsys.nativeapi.struct.HttpDataChunk;
import io.netty.contrib.httpsys.nativeapi.struct.HttpUnknownHeader;
import io.netty.handler.codec.http.HttpHeaders;

import java.util.Iterator;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The trailing headers of a {@code LastHttpContent} on an HTTP/2 or HTTP/3 request, sent as HTTP.SYS takes them:
 * one {@code HttpDataChunkTrailers} chunk of {@code HTTP_UNKNOWN_HEADER}s, the last chunk of the call that ends
 * the response (as ASP.NET Core's HttpSys server does: {@code Response.SerializeTrailers},
 * {@code ResponseBody.BuildDataChunks}). HTTP/1.x never gets one: HTTP.SYS does not send trailers there
 * (dotnet/aspnetcore#16877), and the encoder's own chunked framing carries them instead.
 *
 * <p>Only Windows builds with {@code HttpFeatureResponseTrailers} (Windows Server 2022, Windows 11; "Windows 10,
 * version 2004 and prior: This flag is not supported", {@code HTTP_DATA_CHUNK_TYPE} docs) know the chunk type.
 * ASP.NET Core asks {@code HttpIsFeatureSupported(HttpFeatureResponseTrailers)} ({@code HttpApi.SupportsTrailers})
 * and offers no trailers feature where it says no; a Netty handler has no such feature to look for, so its write
 * fails instead, saying why, rather than the trailers silently vanishing. The question is asked once per instance,
 * on the first response that has trailers.
 *
 * <p>There is no request counterpart: HTTP.SYS hands applications no request trailers ({@code TrailerCount} and
 * {@code pTrailers} of {@code HTTP_REQUEST_HEADERS} are "reserved"; "this likely can't be implemented by
 * HttpSysServer ... as Http.Sys filters out request headers", aspnet/KestrelHttpServer#2051), so a request's
 * {@code LastHttpContent} never carries any.
 */
final class HttpSysResponseTrailers {

    private static final int UNKNOWN = 0;
    private static final int SUPPORTED = 1;
    private static final int UNSUPPORTED = 2;
    private static final int MAX_TRAILERS = 0xFFFF;

    private final BooleanSupplier featureQuery;
    private int support = UNKNOWN;

    /** {@code featureQuery} answers whether the kernel has {@code HttpFeatureResponseTrailers}. */
    HttpSysResponseTrailers(BooleanSupplier featureQuery) {
        this.featureQuery = featureQuery;
    }

    /** Trailers as {@code api}'s kernel supports them. */
    static HttpSysResponseTrailers of(HttpApi api) {
        return new HttpSysResponseTrailers(() -> api.HttpIsFeatureSupported(Http.HttpFeatureResponseTrailers));
    }

    /**
     * Fails a write whose non-empty {@code trailers} this Windows cannot send, or that are more than a
     * {@code USHORT TrailerCount} can count; call before anything of the message is taken.
     */
    void check(HttpHeaders trailers) {
        if (trailers.size() > MAX_TRAILERS) {
            throw new IllegalArgumentException(trailers.size() + " response trailers; HTTP.SYS takes at most "
                    + MAX_TRAILERS);
        }
        if (support == UNKNOWN) {
            support = featureQuery.getAsBoolean() ? SUPPORTED : UNSUPPORTED;
        }
        if (support == UNSUPPORTED) {
            throw new UnsupportedOperationException("response trailers (" + trailers.names() + ") cannot be sent: "
                    + "this Windows has no HTTP.SYS response trailers (HttpIsFeatureSupported("
                    + "HttpFeatureResponseTrailers) is false; they need Windows Server 2022 or Windows 11). Send the "
                    + "LastHttpContent without trailing headers, or move them into the response headers");
        }
    }

    /** Whether a {@code LastHttpContent}'s trailers are to be sent: present and not empty. */
    static boolean present(HttpHeaders trailers) {
        return trailers != null && !trailers.isEmpty();
    }

    /**
     * Fills {@code chunk} as {@code HttpDataChunkTrailers} over copies of {@code trailers} in {@code block}'s
     * arena, which lives until the send completes (HTTP.SYS copies them at call time anyway).
     */
    static void write(HttpSysSendBlock block, long chunk, HttpHeaders trailers) {
        int count = trailers.size();
        long array = block.allocateAligned(count * HttpUnknownHeader.SIZE);
        int i = 0;
        for (Iterator<Map.Entry<CharSequence, CharSequence>> it = trailers.iteratorCharSequence(); it.hasNext();) {
            Map.Entry<CharSequence, CharSequence> e = it.next();
            long header = HttpUnknownHeader.at(array, i++);
            HttpUnknownHeader.setName(header, text(block, e.getKey()));
            HttpUnknownHeader.setNameLength(header, e.getKey().length());
            HttpUnknownHeader.setRawValue(header, text(block, e.getValue()));
            HttpUnknownHeader.setRawValueLength(header, e.getValue().length());
        }
        HttpDataChunk.setDataChunkType(chunk, Http.HttpDataChunkTrailers);
        HttpDataChunk.setTrailersTrailerCount(chunk, count);
        HttpDataChunk.setTrailersTrailers(chunk, array);
    }

    /** A copy of {@code s} (at least one byte, so the pointer is never null). */
    private static long text(HttpSysSendBlock block, CharSequence s) {
        long address = block.allocateBytes(Math.max(1, s.length()));
        HttpSysResponseHeadWriter.putChars(address, s);
        return address;
    }
}
