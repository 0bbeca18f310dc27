package io.netty.contrib.httpsys.nativeapi.emulator;

import io.netty.contrib.httpsys.nativeapi.Http;
import io.netty.util.AsciiString;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code HTTP_HEADER_ID} tables of {@code http.h}: which request header names HTTP.SYS stores in
 * {@code HTTP_REQUEST_HEADERS.KnownHeaders}, and the canonical names it writes on the wire for
 * {@code HTTP_RESPONSE_HEADERS.KnownHeaders}. Ids 0..19 (general and entity headers) are shared; ids 20 and
 * up differ between requests ({@code HttpHeaderAccept}..{@code HttpHeaderUserAgent}) and responses
 * ({@code HttpHeaderAcceptRanges}..{@code HttpHeaderWwwAuthenticate}).
 */
final class KnownHeaders {

    /** Names of the general and entity headers, ids {@code HttpHeaderCacheControl}..{@code HttpHeaderLastModified}. */
    private static final List<String> COMMON = List.of(
            "Cache-Control", "Connection", "Date", "Keep-Alive", "Pragma", "Trailer", "Transfer-Encoding",
            "Upgrade", "Via", "Warning", "Allow", "Content-Length", "Content-Type", "Content-Encoding",
            "Content-Language", "Content-Location", "Content-MD5", "Content-Range", "Expires", "Last-Modified");

    /** Request-only names, ids {@code HttpHeaderAccept}..{@code HttpHeaderUserAgent}. */
    private static final List<String> REQUEST_ONLY = List.of(
            "Accept", "Accept-Charset", "Accept-Encoding", "Accept-Language", "Authorization", "Cookie", "Expect",
            "From", "Host", "If-Match", "If-Modified-Since", "If-None-Match", "If-Range", "If-Unmodified-Since",
            "Max-Forwards", "Proxy-Authorization", "Referer", "Range", "TE", "Translate", "User-Agent");

    /** Response-only names, ids {@code HttpHeaderAcceptRanges}..{@code HttpHeaderWwwAuthenticate}. */
    private static final List<String> RESPONSE_ONLY = List.of(
            "Accept-Ranges", "Age", "ETag", "Location", "Proxy-Authenticate", "Retry-After", "Server",
            "Set-Cookie", "Vary", "WWW-Authenticate");

    private static final Map<AsciiString, Integer> REQUEST_IDS = new HashMap<>();
    private static final byte[][] RESPONSE_NAMES = new byte[Http.HttpHeaderResponseMaximum][];

    static {
        for (int id = 0; id < Http.HttpHeaderRequestMaximum; id++) {
            REQUEST_IDS.put(AsciiString.of(requestHeaderName(id)).toLowerCase(), id);
        }
        for (int id = 0; id < Http.HttpHeaderResponseMaximum; id++) {
            String name = id < COMMON.size() ? COMMON.get(id) : RESPONSE_ONLY.get(id - COMMON.size());
            RESPONSE_NAMES[id] = name.getBytes(StandardCharsets.US_ASCII);
        }
    }

    private KnownHeaders() {
    }

    /** The request {@code HTTP_HEADER_ID} of {@code name} (any case), or {@code -1} for an unknown header. */
    static int requestHeaderId(byte[] name) {
        Integer id = REQUEST_IDS.get(new AsciiString(name, false).toLowerCase());
        return id == null ? -1 : id;
    }

    /** The canonical name of request header {@code id} (0 to {@code HttpHeaderRequestMaximum - 1}). */
    static String requestHeaderName(int id) {
        return id < COMMON.size() ? COMMON.get(id) : REQUEST_ONLY.get(id - COMMON.size());
    }

    /**
     * The name HTTP.SYS writes on the wire for response header {@code id} (0 to
     * {@code HttpHeaderResponseMaximum - 1}), as a fresh array the caller may keep.
     */
    static byte[] responseHeaderName(int id) {
        return RESPONSE_NAMES[id].clone();
    }
}
