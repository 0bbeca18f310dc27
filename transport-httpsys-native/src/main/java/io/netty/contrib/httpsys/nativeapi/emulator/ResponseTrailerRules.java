package io.netty.contrib.httpsys.nativeapi.emulator;

import io.netty.contrib.httpsys.nativeapi.Http;

import java.util.List;

/**
 * When a send call may carry an {@code HttpDataChunkTrailers} chunk. HTTP.SYS sends response trailers on HTTP/2
 * (and HTTP/3) only: ASP.NET Core offers its trailers feature only for requests of version 2.0 or later with
 * {@code HttpApi.SupportsTrailers} (HttpSys {@code RequestContext.FeatureCollection.GetResponseTrailersFeature}),
 * and "Http/1.1 chunked trailers are not supported" (dotnet/aspnetcore#16877, which added them). Trailers end the
 * response, so they travel in the call that ends it, without {@code HTTP_SEND_RESPONSE_FLAG_MORE_DATA}, as the
 * last chunk (ASP.NET Core {@code ResponseBody.BuildDataChunks} adds them only at the end of the request). What
 * Windows answers to a trailers chunk on HTTP/1.x or with MORE_DATA is not documented; the emulator refuses both
 * with {@code ERROR_INVALID_PARAMETER}, so that a transport relying on either is caught here.
 *
 * <p>An accepted {@link DataChunk.Trailers} stays in the send's parts as their last element; the HTTP/2 stream
 * framer ({@link Http2StreamFramer}) puts it on the wire as the final HEADERS frame.
 */
final class ResponseTrailerRules {

    private ResponseTrailerRules() {
    }

    /** The trailers chunk of a send (always the last chunk, {@link ResponseReader} ensures it), or {@code null}. */
    static DataChunk.Trailers of(List<DataChunk> chunks) {
        return !chunks.isEmpty() && chunks.get(chunks.size() - 1) instanceof DataChunk.Trailers trailers
                ? trailers : null;
    }

    /** Whether a send with {@code trailers} (may be {@code null}) and {@code flags} is refused for {@code request}. */
    static boolean refused(ParsedRequest request, DataChunk.Trailers trailers, int flags) {
        return trailers != null
                && ((flags & Http.HTTP_SEND_RESPONSE_FLAG_MORE_DATA) != 0 || request.versionMajor() < 2);
    }
}
