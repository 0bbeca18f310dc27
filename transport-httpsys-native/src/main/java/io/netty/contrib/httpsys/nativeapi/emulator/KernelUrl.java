package io.netty.contrib.httpsys.nativeapi.emulator;

import java.io.ByteArrayOutputStream;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Builds HTTP.SYS's cooked URL (host, absolute path, query) from the request target and the Host header.
 *
 * <p>What HTTP.SYS does, with the registry defaults of KB 820129 ("Http.sys registry settings"):
 * <ul>
 *   <li>Host from an absolute-form target ({@code GET http://h:p/ HTTP/1.1}; the Host header is then
 *       ignored, Wine test {@code test_v1_absolute_url}), else the Host header, else the local address
 *       (HTTP/1.0 without Host). The port is always explicit; when the client gave none, the port the
 *       connection arrived on is used, since that is the port HTTP.SYS routes by.</li>
 *   <li>The path is percent-decoded ({@code %uXXXX} too: {@code PercentUAllowed} defaults to 1) and decoded
 *       as UTF-8; bytes that are not valid UTF-8 are decoded as the ANSI code page instead
 *       ({@code EnableNonUTF8=1}, {@code FavorUTF8=1}), modelled here as windows-1252 (US English).</li>
 *   <li>Decoded characters U+0000-U+001F and U+007F-U+009F are rejected ({@code AllowRestrictedChars=0}),
 *       so {@code %00} gives 400 Invalid URL; backslashes become slashes; dot segments are removed (never
 *       above the root).</li>
 *   <li>{@code UrlSegmentMaxLength} (260) and {@code UrlSegmentMaxCount} (255) apply to the cooked path.</li>
 *   <li>The query keeps its raw form, including the {@code '?'} (Wine test: QueryStringLength counts it).</li>
 * </ul>
 * .NET's {@code HttpListenerRequestUriBuilder} (dotnet/runtime) confirms the decoding: it avoids the cooked URL
 * "because http.sys unescapes all percent-encoded values" and notes that HTTP.SYS accepts "not only Utf-8, but
 * also ANSI/DBCS and Unicode code points" ({@code %uXXXX}). As a consequence {@code %2F} becomes a real
 * separator in the cooked path.
 */
final class KernelUrl {

    /** The cooked parts of a request URL. */
    record Cooked(String host, String absPath, String query) {
    }

    private KernelUrl() {
    }

    /**
     * @param target     the raw request target
     * @param hostHeader the Host header value (trimmed), or {@code null} when there is none
     */
    static Cooked cook(byte[] target, byte[] hostHeader, InetSocketAddress local, KernelLimits limits)
            throws RequestRejectedException {
        int pathStart;
        String host;
        if (target.length > 0 && target[0] == '/') {
            pathStart = 0;
            host = hostHeader == null ? localHost(local) : cookHost(hostHeader, 0, hostHeader.length, local);
        } else {
            int schemeEnd = schemeLength(target);
            if (schemeEnd < 0) {
                throw new RequestRejectedException(KernelAnswer.INVALID_URL, "not origin or absolute form");
            }
            int authorityEnd = schemeEnd;
            while (authorityEnd < target.length && target[authorityEnd] != '/' && target[authorityEnd] != '?') {
                authorityEnd++;
            }
            try {
                host = cookHost(target, schemeEnd, authorityEnd, local);
            } catch (RequestRejectedException e) {
                throw new RequestRejectedException(KernelAnswer.INVALID_URL, e.getMessage());
            }
            pathStart = authorityEnd;
        }
        int queryStart = pathStart;
        while (queryStart < target.length && target[queryStart] != '?') {
            queryStart++;
        }
        String path = pathStart == queryStart ? "/" : cookPath(target, pathStart, queryStart);
        checkSegments(path, limits);
        String query = queryStart == target.length ? null : decodeText(target, queryStart, target.length);
        return new Cooked(host, path, query);
    }

    /** Length of {@code http://} or {@code https://} (any case) at the start, or -1. */
    private static int schemeLength(byte[] target) {
        String start = new String(target, 0, Math.min(8, target.length), StandardCharsets.ISO_8859_1)
                .toLowerCase(Locale.ROOT);
        if (start.startsWith("http://")) {
            return 7;
        }
        return start.startsWith("https://") ? 8 : -1;
    }

    private static String localHost(InetSocketAddress local) {
        String address = local.getAddress().getHostAddress();
        int zone = address.indexOf('%');
        if (zone >= 0) {
            address = address.substring(0, zone);
        }
        return (local.getAddress() instanceof Inet6Address ? "[" + address + "]" : address) + ":" + local.getPort();
    }

    /** Validates {@code host[:port]} and returns it with an explicit port. */
    static String cookHost(byte[] b, int from, int to, InetSocketAddress local) throws RequestRejectedException {
        int hostEnd;
        int i = from;
        if (i < to && b[i] == '[') {
            while (i < to && b[i] != ']') {
                byte c = b[i];
                if (i > from && !(isHexDigit(c) || c == ':' || c == '.')) {
                    throw invalidHost("bad IPv6 literal");
                }
                i++;
            }
            if (i == to || i == from + 1) {
                throw invalidHost("unterminated IPv6 literal");
            }
            hostEnd = ++i;
        } else {
            while (i < to && b[i] != ':') {
                byte c = b[i];
                if (!(isAlphaNum(c) || c == '-' || c == '.' || c == '_')) {
                    throw invalidHost("bad host character");
                }
                i++;
            }
            hostEnd = i;
            if (hostEnd == from) {
                throw invalidHost("empty host");
            }
        }
        String name = new String(b, from, hostEnd - from, StandardCharsets.US_ASCII);
        if (hostEnd == to) {
            return name + ":" + local.getPort();
        }
        if (b[hostEnd] != ':' || to - hostEnd < 2 || to - hostEnd > 6) {
            throw invalidHost("bad port");
        }
        int port = 0;
        for (int p = hostEnd + 1; p < to; p++) {
            if (b[p] < '0' || b[p] > '9') {
                throw invalidHost("bad port");
            }
            port = port * 10 + b[p] - '0';
        }
        if (port == 0 || port > 65535) {
            throw invalidHost("port out of range");
        }
        return name + ":" + port;
    }

    private static RequestRejectedException invalidHost(String why) {
        return new RequestRejectedException(KernelAnswer.INVALID_HOSTNAME, why);
    }

    private static String cookPath(byte[] b, int from, int to) throws RequestRejectedException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(to - from);
        for (int i = from; i < to; i++) {
            byte c = b[i];
            if (c != '%') {
                bytes.write(c);
                continue;
            }
            if (i + 5 < to && (b[i + 1] == 'u' || b[i + 1] == 'U')
                    && isHexDigit(b[i + 2]) && isHexDigit(b[i + 3]) && isHexDigit(b[i + 4]) && isHexDigit(b[i + 5])) {
                char unit = (char) (hex(b[i + 2]) << 12 | hex(b[i + 3]) << 8 | hex(b[i + 4]) << 4 | hex(b[i + 5]));
                bytes.writeBytes(String.valueOf(unit).getBytes(StandardCharsets.UTF_8));
                i += 5;
            } else if (i + 2 < to && isHexDigit(b[i + 1]) && isHexDigit(b[i + 2])) {
                bytes.write(hex(b[i + 1]) << 4 | hex(b[i + 2]));
                i += 2;
            } else {
                throw new RequestRejectedException(KernelAnswer.INVALID_URL, "bad percent escape");
            }
        }
        byte[] decoded = bytes.toByteArray();
        String text = decodeText(decoded, 0, decoded.length);
        StringBuilder path = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c <= 0x1F || c >= 0x7F && c <= 0x9F) {
                throw new RequestRejectedException(KernelAnswer.INVALID_URL, "restricted character");
            }
            path.append(c == '\\' ? '/' : c);
        }
        return removeDotSegments(path.toString());
    }

    /** The ANSI code page of a US English Windows, HTTP.SYS's fallback for bytes that are not UTF-8. */
    private static final Charset ANSI = Charset.forName("windows-1252");

    /** UTF-8 when valid, else the ANSI fallback. */
    private static String decodeText(byte[] b, int from, int to) {
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b, from, to - from));
            return chars.toString();
        } catch (CharacterCodingException e) {
            return new String(b, from, to - from, ANSI);
        }
    }

    /** RFC 3986 section 5.2.4, on a path that starts with '/'. */
    static String removeDotSegments(String path) {
        String[] segments = path.split("/", -1);
        String[] kept = new String[segments.length];
        int count = 0;
        for (int i = 1; i < segments.length; i++) {
            String segment = segments[i];
            boolean last = i == segments.length - 1;
            if (".".equals(segment)) {
                if (last) {
                    kept[count++] = "";
                }
            } else if ("..".equals(segment)) {
                if (count > 0) {
                    count--;
                }
                if (last) {
                    kept[count++] = "";
                }
            } else {
                kept[count++] = segment;
            }
        }
        StringBuilder out = new StringBuilder(path.length());
        for (int i = 0; i < count; i++) {
            out.append('/').append(kept[i]);
        }
        return out.length() == 0 ? "/" : out.toString();
    }

    private static void checkSegments(String path, KernelLimits limits) throws RequestRejectedException {
        int segments = 0;
        int length = 0;
        for (int i = 1; i <= path.length(); i++) {
            if (i == path.length() || path.charAt(i) == '/') {
                if (length > 0) {
                    segments++;
                }
                if (limits.urlSegmentMaxLength() > 0 && length > limits.urlSegmentMaxLength()) {
                    throw new RequestRejectedException(KernelAnswer.INVALID_URL, "segment too long");
                }
                length = 0;
            } else {
                length++;
            }
        }
        if (limits.urlSegmentMaxCount() > 0 && segments > limits.urlSegmentMaxCount()) {
            throw new RequestRejectedException(KernelAnswer.INVALID_URL, "too many segments");
        }
    }

    private static boolean isAlphaNum(byte c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }

    private static boolean isHexDigit(byte c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    private static int hex(byte c) {
        return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
    }
}
