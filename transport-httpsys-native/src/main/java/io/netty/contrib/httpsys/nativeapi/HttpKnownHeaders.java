package io.netty.contrib.httpsys.nativeapi;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.util.AsciiString;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The names of the {@code HTTP_HEADER_ID} values of {@code http.h}, i.e. which header each slot of
 * {@code HTTP_REQUEST_HEADERS.KnownHeaders} and {@code HTTP_RESPONSE_HEADERS.KnownHeaders} holds. Ids 0..19
 * (general and entity headers) mean the same in both; from 20 on they differ: requests have
 * {@code HttpHeaderAccept}..{@code HttpHeaderUserAgent} (ids below {@link Http#HttpHeaderRequestMaximum}),
 * responses {@code HttpHeaderAcceptRanges}..{@code HttpHeaderWwwAuthenticate} (below
 * {@link Http#HttpHeaderResponseMaximum}).
 *
 * <p>This is the only place that spells these names out, so that the emulator (which writes them on the wire)
 * and the transport (which turns them into Netty headers and back) cannot drift apart. Every name has two views,
 * both derived from the one table below:
 * <ul>
 * <li>{@link #requestHeaderName}/{@link #responseHeaderName}: the canonical spelling HTTP.SYS writes, e.g.
 *     {@code WWW-Authenticate}, {@code ETag}, {@code Content-MD5}, {@code TE};</li>
 * <li>{@link #requestHeaderLowerCaseName}/{@link #responseHeaderLowerCaseName}: the lower-case spelling Netty
 *     uses, which is the {@link HttpHeaderNames} constant itself wherever Netty has one, so headers built from it
 *     share Netty's interned names (cached hash codes, identity matches) and allocate nothing.</li>
 * </ul>
 * {@link #requestHeaderId}/{@link #responseHeaderId} find the id of a name in any case without allocating.
 */
public final class HttpKnownHeaders {

    /** The id returned for a name that has no {@code HTTP_HEADER_ID} (an {@code HTTP_UNKNOWN_HEADER}). */
    public static final int UNKNOWN = -1;

    /** Ids {@code HttpHeaderCacheControl}..{@code HttpHeaderLastModified}, shared by requests and responses. */
    private static final String[] COMMON = {
        "Cache-Control", "Connection", "Date", "Keep-Alive", "Pragma", "Trailer", "Transfer-Encoding",
        "Upgrade", "Via", "Warning", "Allow", "Content-Length", "Content-Type", "Content-Encoding",
        "Content-Language", "Content-Location", "Content-MD5", "Content-Range", "Expires", "Last-Modified",
    };

    /** Ids {@code HttpHeaderAccept}..{@code HttpHeaderUserAgent}. */
    private static final String[] REQUEST_ONLY = {
        "Accept", "Accept-Charset", "Accept-Encoding", "Accept-Language", "Authorization", "Cookie", "Expect",
        "From", "Host", "If-Match", "If-Modified-Since", "If-None-Match", "If-Range", "If-Unmodified-Since",
        "Max-Forwards", "Proxy-Authorization", "Referer", "Range", "TE", "Translate", "User-Agent",
    };

    /** Ids {@code HttpHeaderAcceptRanges}..{@code HttpHeaderWwwAuthenticate}. */
    private static final String[] RESPONSE_ONLY = {
        "Accept-Ranges", "Age", "ETag", "Location", "Proxy-Authenticate", "Retry-After", "Server",
        "Set-Cookie", "Vary", "WWW-Authenticate",
    };

    private static final Table REQUEST;
    private static final Table RESPONSE;

    static {
        // One instance per name, shared by both tables: ids 0..19 give the same AsciiString in either direction.
        Map<AsciiString, AsciiString> interned = nettyHeaderNames();
        REQUEST = new Table(COMMON, REQUEST_ONLY, Http.HttpHeaderRequestMaximum, interned);
        RESPONSE = new Table(COMMON, RESPONSE_ONLY, Http.HttpHeaderResponseMaximum, interned);
    }

    private HttpKnownHeaders() {
    }

    /** The request {@code HTTP_HEADER_ID} of {@code name} (any case), or {@link #UNKNOWN}. */
    public static int requestHeaderId(CharSequence name) {
        return REQUEST.idOf(name);
    }

    /** The response {@code HTTP_HEADER_ID} of {@code name} (any case), or {@link #UNKNOWN}. */
    public static int responseHeaderId(CharSequence name) {
        return RESPONSE.idOf(name);
    }

    /** The canonical name of request header {@code id} (0 to {@code HttpHeaderRequestMaximum - 1}). */
    public static AsciiString requestHeaderName(int id) {
        return REQUEST.canonical[id];
    }

    /** The name HTTP.SYS writes for response header {@code id} (0 to {@code HttpHeaderResponseMaximum - 1}). */
    public static AsciiString responseHeaderName(int id) {
        return RESPONSE.canonical[id];
    }

    /** The lower-case name of request header {@code id}: the {@link HttpHeaderNames} constant if there is one. */
    public static AsciiString requestHeaderLowerCaseName(int id) {
        return REQUEST.lowerCase[id];
    }

    /** The lower-case name of response header {@code id}: the {@link HttpHeaderNames} constant if there is one. */
    public static AsciiString responseHeaderLowerCaseName(int id) {
        return RESPONSE.lowerCase[id];
    }

    /**
     * Every {@link HttpHeaderNames} constant, by itself. Found by reflection so that which names Netty interns is
     * not written down a second time here (and follows Netty when it adds one).
     */
    private static Map<AsciiString, AsciiString> nettyHeaderNames() {
        Map<AsciiString, AsciiString> names = new HashMap<>();
        for (Field field : HttpHeaderNames.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == AsciiString.class) {
                try {
                    AsciiString name = (AsciiString) field.get(null);
                    names.put(name, name);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("cannot read HttpHeaderNames." + field.getName(), e);
                }
            }
        }
        return names;
    }

    /** One direction's names by id, and an open-addressing index from name (any case) to id. */
    private static final class Table {
        final AsciiString[] canonical;
        final AsciiString[] lowerCase;
        /** Slots hold the lower-case names, so that an {@link HttpHeaderNames} constant matches by identity. */
        private final AsciiString[] slotNames;
        private final int[] slotIds;
        private final int mask;

        /**
         * {@code interned} maps a name to the instance to use for it (case-sensitively: {@link AsciiString#equals}
         * compares exact bytes); it starts with Netty's constants, and names new to it are added.
         */
        Table(String[] common, String[] specific, int count, Map<AsciiString, AsciiString> interned) {
            if (common.length + specific.length != count) {
                throw new IllegalStateException("expected " + count + " names, have "
                        + (common.length + specific.length));
            }
            canonical = new AsciiString[count];
            lowerCase = new AsciiString[count];
            // At most a third of the slots used: an unknown name ends its probe at an empty slot almost at once.
            int size = Integer.highestOneBit(count * 3) << 1;
            slotNames = new AsciiString[size];
            slotIds = new int[size];
            mask = size - 1;
            for (int id = 0; id < count; id++) {
                String name = id < common.length ? common[id] : specific[id - common.length];
                canonical[id] = interned.computeIfAbsent(AsciiString.cached(name), Function.identity());
                lowerCase[id] = interned.computeIfAbsent(AsciiString.cached(name.toLowerCase(Locale.ROOT)),
                        Function.identity());
                int slot = lowerCase[id].hashCode() & mask;
                while (slotNames[slot] != null) {
                    slot = slot + 1 & mask;
                }
                slotNames[slot] = lowerCase[id];
                slotIds[slot] = id;
            }
        }

        int idOf(CharSequence name) {
            // AsciiString.hashCode(CharSequence) ignores case and is cached inside every AsciiString.
            int slot = AsciiString.hashCode(name) & mask;
            for (;;) {
                AsciiString candidate = slotNames[slot];
                if (candidate == null) {
                    return UNKNOWN;
                }
                if (candidate == name || candidate.contentEqualsIgnoreCase(name)) {
                    return slotIds[slot];
                }
                slot = slot + 1 & mask;
            }
        }
    }
}
