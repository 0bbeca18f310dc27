package io.netty.contrib.httpsys;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;

import java.util.List;

/**
 * Decides whether a response may go into HTTP.SYS's kernel response cache
 * ({@code HTTP_CACHE_POLICY} {@code HttpCachePolicyTimeToLive}), and for how long. A cached response is
 * served to every later client of the same URL without reaching Java, so only responses that are safe to
 * share qualify: users of other HTTP.SYS servers were hurt by caches that served a 304 or a per-user page to
 * everybody. The rule is deliberately narrow and opt-in through standard headers:
 * <ul>
 * <li>a {@code GET} request without {@code Authorization} (not {@code HEAD}: its response carries no body,
 *     and a cached bodiless entry must never answer a later {@code GET});</li>
 * <li>status {@code 200};</li>
 * <li>{@code Cache-Control} contains {@code public} and a positive {@code s-maxage} (preferred, it is the
 *     shared-cache lifetime) or {@code max-age}, and none of {@code private}, {@code no-cache},
 *     {@code no-store};</li>
 * <li>no {@code Set-Cookie}, {@code Vary} or {@code Pragma} header.</li>
 * </ul>
 */
final class HttpSysCachePolicy {

    private HttpSysCachePolicy() {
    }

    /** {@code SecondsToLive} for the kernel cache, or 0 when the response must not be cached. */
    static int secondsToLive(HttpMethod method, boolean requestHasAuthorization, HttpResponse response) {
        if (requestHasAuthorization || response.status().code() != HttpResponseStatus.OK.code()
                || !HttpMethod.GET.equals(method)) {
            return 0;
        }
        HttpHeaders headers = response.headers();
        if (!headers.contains(HttpHeaderNames.CACHE_CONTROL) || headers.contains(HttpHeaderNames.SET_COOKIE)
                || headers.contains(HttpHeaderNames.VARY) || headers.contains(HttpHeaderNames.PRAGMA)) {
            return 0;
        }
        Directives directives = new Directives();
        List<String> values = headers.getAll(HttpHeaderNames.CACHE_CONTROL);
        for (int i = 0; i < values.size(); i++) {
            directives.parse(values.get(i));
        }
        if (!directives.isPublic || directives.forbidden) {
            return 0;
        }
        long seconds = directives.sMaxAge >= 0 ? directives.sMaxAge : directives.maxAge;
        return seconds <= 0 ? 0 : (int) Math.min(seconds, Integer.MAX_VALUE);
    }

    /** The {@code Cache-Control} directives that matter here, parsed without allocating substrings. */
    private static final class Directives {
        boolean isPublic;
        boolean forbidden;
        long maxAge = -1;
        long sMaxAge = -1;

        void parse(CharSequence value) {
            int length = value.length();
            int i = 0;
            while (i < length) {
                while (i < length && (value.charAt(i) == ' ' || value.charAt(i) == '\t' || value.charAt(i) == ',')) {
                    i++;
                }
                int nameStart = i;
                while (i < length && value.charAt(i) != '=' && value.charAt(i) != ',' && value.charAt(i) != ' '
                        && value.charAt(i) != '\t') {
                    i++;
                }
                int nameEnd = i;
                while (i < length && (value.charAt(i) == ' ' || value.charAt(i) == '\t')) {
                    i++;
                }
                long number = -1;
                if (i < length && value.charAt(i) == '=') {
                    i++;
                    while (i < length && (value.charAt(i) == ' ' || value.charAt(i) == '\t')) {
                        i++;
                    }
                    boolean quoted = i < length && value.charAt(i) == '"';
                    if (quoted) {
                        i++;
                    }
                    int digitsStart = i;
                    long n = 0;
                    while (i < length && value.charAt(i) >= '0' && value.charAt(i) <= '9') {
                        n = Math.min(n * 10 + (value.charAt(i) - '0'), Integer.MAX_VALUE);
                        i++;
                    }
                    number = i > digitsStart ? n : -1;
                    // Skip the rest of the argument (a quoted string may contain commas).
                    while (i < length && (quoted ? value.charAt(i) != '"' : value.charAt(i) != ',')) {
                        i++;
                    }
                    if (quoted && i < length) {
                        i++;
                    }
                }
                directive(value, nameStart, nameEnd, number);
                while (i < length && value.charAt(i) != ',') {
                    i++;
                }
            }
        }

        private void directive(CharSequence value, int start, int end, long number) {
            if (is(value, start, end, "public")) {
                isPublic = true;
            } else if (is(value, start, end, "private") || is(value, start, end, "no-cache")
                    || is(value, start, end, "no-store")) {
                forbidden = true;
            } else if (is(value, start, end, "max-age")) {
                maxAge = number;
            } else if (is(value, start, end, "s-maxage")) {
                sMaxAge = number;
            }
        }

        private static boolean is(CharSequence value, int start, int end, String name) {
            if (end - start != name.length()) {
                return false;
            }
            for (int i = 0; i < name.length(); i++) {
                if (Character.toLowerCase(value.charAt(start + i)) != name.charAt(i)) {
                    return false;
                }
            }
            return true;
        }
    }
}
