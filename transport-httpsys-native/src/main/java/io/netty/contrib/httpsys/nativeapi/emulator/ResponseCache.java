package io.netty.contrib.httpsys.nativeapi.emulator;

import io.netty.contrib.httpsys.nativeapi.Http;
import io.netty.handler.codec.DateFormatter;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.util.AsciiString;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The kernel response cache: complete responses the application sent with {@code HttpCachePolicyTimeToLive}
 * or {@code HttpCachePolicyUserInvalidates}, served to later GETs of the same URL without reaching a queue until
 * the time to live ends, the scavenger removes them, or {@code HttpFlushResponseCache} does. Shared by all
 * clients, as in HTTP.SYS. All methods run under the kernel lock.
 *
 * <p>What is cached, and what is served from it, follows "Kernel Mode Cache" (HTTP Server API 2.0 docs), "Events
 * and Conditions That Disable HTTP.sys Response Caching" (Windows Server 2003 docs), KB 817445 "Instances in
 * which HTTP.sys doesn't cache content", the registry values of KB 820129 ({@link CacheLimits}) and what ASP.NET
 * Core's HttpSys {@code ResponseCachingTests} observe on Windows; each rule below names its source.
 *
 * <p>A {@code Range} request is not cached, but a cached entry answers one: HTTP.SYS then sends
 * {@code 206 Partial Content} with the entry's headers and its own {@code Content-Length} of the range,
 * {@code Content-Range} and {@code Accept-Ranges: bytes}. An application {@code Content-Length} stored in the
 * entry is sent as well, so the answer has two (aspnet/HttpSysServer#167, the wire trace in
 * dotnet/corefx#5073).
 */
final class ResponseCache {

    private static final byte[] CONTENT_RANGE = "Content-Range".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ACCEPT_RANGES = "Accept-Ranges".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] BYTES = "bytes".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PARTIAL_CONTENT = "Partial Content".getBytes(StandardCharsets.US_ASCII);
    private static final long NEVER = Long.MAX_VALUE;

    /** One cached response and its bookkeeping. */
    private static final class Entry {
        final RequestQueue queue;
        final int statusCode;
        final byte[] reason;
        final List<ResponseHeader> headers;
        final boolean appContentLength;
        final byte[] body;
        final long size;
        final long expiresAtNanos;
        long lastServedNanos;

        Entry(RequestQueue queue, ResponseHead head, boolean appContentLength, byte[] body, long size,
              long expiresAtNanos, long now) {
            this.queue = queue;
            this.statusCode = head.statusCode();
            this.reason = head.reason();
            this.headers = head.headers();
            this.appContentLength = appContentLength;
            this.body = body;
            this.size = size;
            this.expiresAtNanos = expiresAtNanos;
            this.lastServedNanos = now;
        }
    }

    private final CacheLimits limits;
    private final Map<String, Entry> entries = new HashMap<>();
    private long cachedBytes;

    ResponseCache(CacheLimits limits) {
        this.limits = limits;
    }

    /** {@code UriMaxUriBytes}: no larger response is cached. */
    int maxResponseBytes() {
        return limits.uriMaxUriBytes();
    }

    /**
     * Stores the response to {@code request} that {@code queue} sent complete in one {@code HttpSendHttpResponse}
     * call with {@code policy}, when HTTP.SYS would; returns whether it did.
     *
     * @param headBytes the bytes of the head as the kernel wrote it
     */
    boolean store(ParsedRequest request, int port, RequestQueue queue, ResponseReader.CachePolicy policy,
                  ResponseHead head, int headBytes, byte[] body) {
        long now = System.nanoTime();
        long expires;
        if (policy.policy() == Http.HttpCachePolicyUserInvalidates) {
            expires = NEVER;
        } else if (policy.policy() == Http.HttpCachePolicyTimeToLive && policy.secondsToLive() != 0) {
            expires = now + Integer.toUnsignedLong(policy.secondsToLive()) * 1_000_000_000L;
        } else {
            return false;
        }
        if (!limits.uriEnableCache() || !servable(request) || header(request, "range") != null
                || header(request, "if-range") != null || !cacheableResponse(head, headBytes, body.length)) {
            return false;
        }
        long size = (long) headBytes + body.length;
        String key = key(request, port);
        Entry old = entries.get(key);
        long others = cachedBytes - (old == null ? 0 : old.size);
        // "The kernel mode cache has enough space left to store the response" (Kernel Mode Cache);
        // UriMaxCacheMegabyteCount 0 lets Windows size the cache, taken here as unlimited.
        if (limits.uriMaxCacheMegabyteCount() != 0 && others + size > limits.uriMaxCacheMegabyteCount() << 20) {
            return false;
        }
        boolean appContentLength = has(head.headers(), HttpHeaderNames.CONTENT_LENGTH);
        entries.put(key, new Entry(queue, head, appContentLength, body, size, expires, now));
        cachedBytes = others + size;
        return true;
    }

    /**
     * The bytes that answer {@code request} from the cache, or {@code null} when it goes to the queue: no live
     * entry of {@code queue} (the queue its URL routes to) for it, or a request the cache does not answer.
     */
    byte[] serve(ParsedRequest request, int port, RequestQueue queue) {
        if (entries.isEmpty() || !servable(request)) {
            return null;
        }
        String key = key(request, port);
        Entry entry = entries.get(key);
        if (entry == null) {
            return null;
        }
        long now = System.nanoTime();
        // UriScavengerPeriod: "any response or fragment that has not been accessed in the number of seconds
        // equal to UriScavengerPeriod is flushed" (KB 820129). Entries of a queue the URL no longer routes to
        // are gone too: HTTP.SYS's cache belongs to the request queue (HttpFlushResponseCache docs).
        if (now - entry.expiresAtNanos >= 0 && entry.expiresAtNanos != NEVER
                || now - entry.lastServedNanos > limits.uriScavengerPeriod() * 1_000_000_000L
                || entry.queue != queue) {
            remove(key);
            return null;
        }
        boolean close = !request.keepAlive();
        String rangeHeader = header(request, "range");
        if (rangeHeader == null) {
            entry.lastServedNanos = now;
            return concat(KernelResponseWriter.encode(entry.statusCode, entry.reason, entry.headers, close,
                    entry.appContentLength ? -1 : entry.body.length, System.currentTimeMillis()), entry.body, 0,
                    entry.body.length);
        }
        // Only a single satisfiable range of a 200 without If-Range is answered here; every other Range request
        // goes to the application, which then sees it as on a miss. No source shows how HTTP.SYS evaluates
        // If-Range or several ranges against a cached entry, and the application's answer is always right.
        ByteRange range = ByteRange.parse(rangeHeader, entry.body.length);
        if (range == null || entry.statusCode != 200 || header(request, "if-range") != null) {
            return null;
        }
        entry.lastServedNanos = now;
        List<ResponseHeader> headers = new ArrayList<>(entry.headers);
        headers.add(new ResponseHeader(CONTENT_RANGE, ("bytes " + range.first() + '-' + range.last() + '/'
                + entry.body.length).getBytes(StandardCharsets.US_ASCII)));
        if (!has(entry.headers, HttpHeaderNames.ACCEPT_RANGES)) {
            headers.add(new ResponseHeader(ACCEPT_RANGES, BYTES));
        }
        return concat(KernelResponseWriter.encode(206, PARTIAL_CONTENT, headers, close, range.length(),
                System.currentTimeMillis()), entry.body, (int) range.first(), (int) range.length());
    }

    /**
     * {@code HttpFlushResponseCache}: removes {@code queue}'s entries for {@code prefix}'s URL, or with
     * {@code recursive} every entry of {@code queue} under it.
     */
    void flush(RequestQueue queue, UrlPrefix prefix, boolean recursive) {
        for (Iterator<Map.Entry<String, Entry>> it = entries.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Entry> e = it.next();
            if (e.getValue().queue != queue) {
                continue;
            }
            String[] parts = e.getKey().split(" ", 3);
            if (Integer.parseInt(parts[0]) != prefix.port() || !prefix.matchesHost(UrlRegistry.hostWithoutPort(parts[1]))) {
                continue;
            }
            String path = parts[2];
            boolean hit = recursive ? prefix.matchesPath(path)
                    : path.equals(prefix.path()) || path.length() == prefix.path().length() - 1
                    && prefix.path().startsWith(path);
            if (hit) {
                cachedBytes -= e.getValue().size;
                it.remove();
            }
        }
    }

    private void remove(String key) {
        Entry removed = entries.remove(key);
        if (removed != null) {
            cachedBytes -= removed.size;
        }
    }

    /**
     * The request conditions of "Kernel Mode Cache" (HTTP Server API 2.0): a GET without an entity body, HTTP
     * 1.0 or 1.1 ("the request HTTP version was neither 1.1 nor 1.0", WS2003), no {@code Translate: f}, no
     * {@code Expect} other than {@code 100-continue}, no {@code Authorization} ("requests that require
     * authentication will not be served from the cache"); and no query string ("There is a query string in
     * the request", WS2003 docs and KB 817445).
     */
    private static boolean servable(ParsedRequest request) {
        if (!"GET".equals(request.verb()) || request.hasEntityBody() || request.cookedQuery() != null
                || request.versionMajor() != 1 || request.versionMinor() > 1
                || header(request, "authorization") != null) {
            return false;
        }
        String translate = header(request, "translate");
        String expect = header(request, "expect");
        return (translate == null || !translate.trim().equalsIgnoreCase("f"))
                && (expect == null || expect.trim().equalsIgnoreCase("100-continue"));
    }

    /**
     * The response conditions: not a 206 (ASP.NET Core {@code Caching_VariousStatusCodes_Cached}: "206 (Partial
     * Content) is not cached", every other status is); a {@code Content-Type} (ASP.NET Core
     * {@code Caching_WithoutContentType_NotCached}: "Http.Sys requires content-type for caching" since Windows
     * 8); a well-formed {@code Last-Modified} if there is one (Kernel Mode Cache); a head within the header
     * limit and a whole response within {@code UriMaxUriBytes} (WS2003 docs, KB 820129).
     */
    private boolean cacheableResponse(ResponseHead head, int headBytes, long bodyBytes) {
        if (head.statusCode() == 206 || !has(head.headers(), HttpHeaderNames.CONTENT_TYPE)) {
            return false;
        }
        for (ResponseHeader header : head.headers()) {
            if (KernelResponseWriter.is(header.name(), HttpHeaderNames.LAST_MODIFIED)
                    && DateFormatter.parseHttpDate(new String(header.value(), StandardCharsets.ISO_8859_1)) == null) {
                return false;
            }
        }
        return headBytes <= limits.maxResponseHeaderBytes() && headBytes + bodyBytes <= limits.uriMaxUriBytes();
    }

    private static boolean has(List<ResponseHeader> headers, AsciiString name) {
        for (ResponseHeader header : headers) {
            if (KernelResponseWriter.is(header.name(), name)) {
                return true;
            }
        }
        return false;
    }

    /** The value of the request's first {@code name} header (lower case), or {@code null}. */
    private static String header(ParsedRequest request, String name) {
        for (RequestHeader header : request.headers()) {
            if (header.name().length == name.length()
                    && new String(header.name(), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT).equals(name)) {
                return new String(header.value(), StandardCharsets.ISO_8859_1);
            }
        }
        return null;
    }

    private static byte[] concat(byte[] head, byte[] body, int offset, int length) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(head.length + length);
        out.writeBytes(head);
        out.write(body, offset, length);
        return out.toByteArray();
    }

    private static String key(ParsedRequest request, int port) {
        return port + " " + request.cookedHost().toLowerCase(Locale.ROOT) + " "
                + request.cookedAbsPath().toLowerCase(Locale.ROOT);
    }
}
