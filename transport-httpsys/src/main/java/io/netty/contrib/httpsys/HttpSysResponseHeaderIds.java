package io.netty.contrib.httpsys;

import io.netty.contrib.httpsys.nativeapi.Http;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.util.AsciiString;

/**
 * Maps a response header name to its {@code HTTP_HEADER_ID} (the index into
 * {@code HTTP_RESPONSE_HEADERS.KnownHeaders}), case-insensitively and without allocating: an open-addressing
 * table keyed by {@link AsciiString#hashCode(CharSequence)}, which is case-insensitive and cached for the
 * {@link HttpHeaderNames} constants that most applications use.
 */
final class HttpSysResponseHeaderIds {

    /** Not a known response header: send it as an {@code HTTP_UNKNOWN_HEADER}. */
    static final int UNKNOWN = -1;

    private static final AsciiString[] NAMES = new AsciiString[Http.HttpHeaderResponseMaximum];
    private static final int TABLE_SIZE = 128;
    private static final int MASK = TABLE_SIZE - 1;
    private static final AsciiString[] TABLE_NAMES = new AsciiString[TABLE_SIZE];
    private static final int[] TABLE_IDS = new int[TABLE_SIZE];

    static {
        AsciiString[] n = NAMES;
        n[Http.HttpHeaderCacheControl] = HttpHeaderNames.CACHE_CONTROL;
        n[Http.HttpHeaderConnection] = HttpHeaderNames.CONNECTION;
        n[Http.HttpHeaderDate] = HttpHeaderNames.DATE;
        n[Http.HttpHeaderKeepAlive] = AsciiString.cached("keep-alive");
        n[Http.HttpHeaderPragma] = HttpHeaderNames.PRAGMA;
        n[Http.HttpHeaderTrailer] = HttpHeaderNames.TRAILER;
        n[Http.HttpHeaderTransferEncoding] = HttpHeaderNames.TRANSFER_ENCODING;
        n[Http.HttpHeaderUpgrade] = HttpHeaderNames.UPGRADE;
        n[Http.HttpHeaderVia] = HttpHeaderNames.VIA;
        n[Http.HttpHeaderWarning] = HttpHeaderNames.WARNING;
        n[Http.HttpHeaderAllow] = HttpHeaderNames.ALLOW;
        n[Http.HttpHeaderContentLength] = HttpHeaderNames.CONTENT_LENGTH;
        n[Http.HttpHeaderContentType] = HttpHeaderNames.CONTENT_TYPE;
        n[Http.HttpHeaderContentEncoding] = HttpHeaderNames.CONTENT_ENCODING;
        n[Http.HttpHeaderContentLanguage] = HttpHeaderNames.CONTENT_LANGUAGE;
        n[Http.HttpHeaderContentLocation] = HttpHeaderNames.CONTENT_LOCATION;
        n[Http.HttpHeaderContentMd5] = HttpHeaderNames.CONTENT_MD5;
        n[Http.HttpHeaderContentRange] = HttpHeaderNames.CONTENT_RANGE;
        n[Http.HttpHeaderExpires] = HttpHeaderNames.EXPIRES;
        n[Http.HttpHeaderLastModified] = HttpHeaderNames.LAST_MODIFIED;
        n[Http.HttpHeaderAcceptRanges] = HttpHeaderNames.ACCEPT_RANGES;
        n[Http.HttpHeaderAge] = HttpHeaderNames.AGE;
        n[Http.HttpHeaderEtag] = HttpHeaderNames.ETAG;
        n[Http.HttpHeaderLocation] = HttpHeaderNames.LOCATION;
        n[Http.HttpHeaderProxyAuthenticate] = HttpHeaderNames.PROXY_AUTHENTICATE;
        n[Http.HttpHeaderRetryAfter] = HttpHeaderNames.RETRY_AFTER;
        n[Http.HttpHeaderServer] = HttpHeaderNames.SERVER;
        n[Http.HttpHeaderSetCookie] = HttpHeaderNames.SET_COOKIE;
        n[Http.HttpHeaderVary] = HttpHeaderNames.VARY;
        n[Http.HttpHeaderWwwAuthenticate] = HttpHeaderNames.WWW_AUTHENTICATE;
        for (int id = 0; id < n.length; id++) {
            int slot = n[id].hashCode() & MASK;
            while (TABLE_NAMES[slot] != null) {
                slot = slot + 1 & MASK;
            }
            TABLE_NAMES[slot] = n[id];
            TABLE_IDS[slot] = id;
        }
    }

    private HttpSysResponseHeaderIds() {
    }

    /** The {@code HTTP_HEADER_ID} of {@code name} in a response, or {@link #UNKNOWN}. */
    static int idOf(CharSequence name) {
        int slot = AsciiString.hashCode(name) & MASK;
        for (;;) {
            AsciiString candidate = TABLE_NAMES[slot];
            if (candidate == null) {
                return UNKNOWN;
            }
            if (candidate == name || candidate.contentEqualsIgnoreCase(name)) {
                return TABLE_IDS[slot];
            }
            slot = slot + 1 & MASK;
        }
    }

    /** The canonical (lower-case) name of response header {@code id}. */
    static AsciiString nameOf(int id) {
        return NAMES[id];
    }
}
