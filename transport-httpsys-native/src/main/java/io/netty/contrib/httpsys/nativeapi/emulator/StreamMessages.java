package io.netty.contrib.httpsys.nativeapi.emulator;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.Headers;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http2.Http2Headers.PseudoHeaderName;
import io.netty.util.AsciiString;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The heads of HTTP/2 and HTTP/3 messages ({@link Http2StreamFramer}, {@link Http3StreamFramer}) translated to and
 * from what the kernel's HTTP/1.1 path reads and writes: both protocols carry the same fields in HEADERS frames.
 * It works on the codec's generic {@link Headers}, so that only the HTTP/3 framer names the optional HTTP/3 classes.
 *
 * <p>Connection-specific response headers ({@code Connection}, {@code Keep-Alive}, {@code Proxy-Connection},
 * {@code Transfer-Encoding}, {@code Upgrade}) are dropped: RFC 9113 section 8.2.2 and RFC 9114 section 4.2 make a
 * message carrying them malformed.
 */
final class StreamMessages {

    private static final Set<AsciiString> CONNECTION_SPECIFIC = Set.of(HttpHeaderNames.CONNECTION,
            HttpHeaderNames.KEEP_ALIVE, AsciiString.cached("proxy-connection"), HttpHeaderNames.TRANSFER_ENCODING,
            HttpHeaderNames.UPGRADE);
    private static final byte[] HOST = "Host".getBytes(StandardCharsets.US_ASCII);

    private StreamMessages() {
    }

    /**
     * The request head from the fields of a stream's first HEADERS frame. HTTP.SYS reports it like an HTTP/1.1
     * one: the pseudo-headers become verb, URL and {@code Host} (ASP.NET Core reads {@code Host} and the raw URL of
     * HTTP/2 requests the same way as of HTTP/1.1 ones); {@code Cookie} fields split for compression are joined
     * with "; " (RFC 9113 section 8.2.3). Without {@code Content-Length} a body that follows ends with the stream,
     * as a chunked HTTP/1.1 body ends with its last chunk.
     *
     * @param bodyFollows  whether the HEADERS frame left the stream open for a body
     * @param honourExpect whether {@code Expect: 100-continue} asks the kernel for an interim response
     */
    static ParsedRequest request(Headers<CharSequence, CharSequence, ?> headers, int versionMajor,
            boolean bodyFollows, boolean honourExpect, InetSocketAddress localAddress, KernelLimits limits)
            throws RequestRejectedException {
        CharSequence method = headers.get(PseudoHeaderName.METHOD.value());
        CharSequence path = headers.get(PseudoHeaderName.PATH.value());
        if (method == null || method.length() == 0 || path == null || path.length() == 0) {
            throw new RequestRejectedException(KernelAnswer.BAD_REQUEST, "missing :method or :path");
        }
        byte[] rawUrl = bytes(path);
        if (rawUrl.length > limits.maxUrlLength()) {
            throw new RequestRejectedException(KernelAnswer.URL_TOO_LONG, "request target too long");
        }
        CharSequence authority = headers.get(PseudoHeaderName.AUTHORITY.value());
        byte[] host = authority == null ? null : bytes(authority);
        List<RequestHeader> fields = new ArrayList<>();
        if (host != null) {
            fields.add(new RequestHeader(HOST, host));
        }
        StringBuilder cookie = null;
        long contentLength = -1;
        boolean expectContinue = false;
        int headBytes = 0;
        for (Map.Entry<CharSequence, CharSequence> entry : headers) {
            CharSequence name = entry.getKey();
            CharSequence value = entry.getValue();
            // RFC 7541 section 4.1 and RFC 9204 section 3.2.1: an entry's size is its name and value plus 32.
            headBytes += name.length() + value.length() + 32;
            if (name.length() > 0 && name.charAt(0) == ':') {
                continue;
            }
            if (HttpHeaderNames.HOST.contentEqualsIgnoreCase(name)) {
                if (host == null) {
                    host = bytes(value);
                    fields.add(new RequestHeader(HOST, host));
                }
                continue;
            }
            if (HttpHeaderNames.COOKIE.contentEqualsIgnoreCase(name)) {
                cookie = cookie == null ? new StringBuilder(value) : cookie.append("; ").append(value);
                continue;
            }
            if (HttpHeaderNames.CONTENT_LENGTH.contentEqualsIgnoreCase(name)) {
                contentLength = parseLength(value);
            } else if (HttpHeaderNames.EXPECT.contentEqualsIgnoreCase(name)) {
                expectContinue = "100-continue".equalsIgnoreCase(value.toString());
            }
            fields.add(new RequestHeader(bytes(name), bytes(value)));
        }
        if (cookie != null) {
            fields.add(new RequestHeader(bytes(HttpHeaderNames.COOKIE), bytes(cookie)));
        }
        if (headBytes > limits.maxRequestBytes()) {
            throw new RequestRejectedException(KernelAnswer.REQUEST_TOO_LONG, "head longer than MaxRequestBytes");
        }
        KernelUrl.Cooked cooked = KernelUrl.cook(rawUrl, host, localAddress, limits);
        // Every stream carries one request: the "connection" (the stream) ends with the response.
        return new ParsedRequest(method.toString(), rawUrl, "https", cooked.host(), cooked.absPath(),
                cooked.query(), versionMajor, 0, List.copyOf(fields), bodyFollows ? contentLength : 0,
                bodyFollows && contentLength < 0, false, honourExpect && expectContinue && bodyFollows, headBytes);
    }

    private static long parseLength(CharSequence value) throws RequestRejectedException {
        try {
            long length = Long.parseLong(value.toString());
            if (length >= 0) {
                return length;
            }
        } catch (NumberFormatException ignored) {
            // Refused below.
        }
        throw new RequestRejectedException(KernelAnswer.BAD_REQUEST, "bad content-length");
    }

    /**
     * The fields of the HTTP/1.1 response head at the start of {@code buf} (status line and header lines, as
     * {@link KernelResponseWriter} encodes them), read past: the status is the three digits after the status line's
     * first space, since the reason has no place in a HEADERS frame.
     *
     * @param withStatus new headers of the framer's type holding the given {@code :status}
     */
    static <H extends Headers<CharSequence, CharSequence, H>> H responseHead(ByteBuf buf,
            Function<String, H> withStatus) {
        int end = buf.indexOf(buf.readerIndex(), buf.writerIndex(), (byte) '\n');
        String statusLine = buf.toString(buf.readerIndex(), end - buf.readerIndex(), StandardCharsets.ISO_8859_1);
        buf.readerIndex(end + 1);
        int space = statusLine.indexOf(' ');
        H fields = withStatus.apply(statusLine.substring(space + 1, space + 4));
        for (;;) {
            int lf = buf.indexOf(buf.readerIndex(), buf.writerIndex(), (byte) '\n');
            int length = lf - buf.readerIndex() - 1;
            if (length <= 0) {
                buf.readerIndex(lf + 1);
                return fields;
            }
            String line = buf.toString(buf.readerIndex(), length, StandardCharsets.ISO_8859_1);
            buf.readerIndex(lf + 1);
            int colon = line.indexOf(':');
            AsciiString name = new AsciiString(line.substring(0, colon).toLowerCase(Locale.ROOT));
            if (!CONNECTION_SPECIFIC.contains(name)) {
                fields.add(name, line.substring(colon + 1).trim());
            }
        }
    }

    /** Response trailers as the fields of the final HEADERS frame: names in lower case, as both protocols want. */
    static <H extends Headers<CharSequence, CharSequence, H>> H trailers(DataChunk.Trailers trailers, H fields) {
        for (ResponseHeader header : trailers.headers()) {
            fields.add(new AsciiString(header.name()).toLowerCase(), new AsciiString(header.value()));
        }
        return fields;
    }

    private static byte[] bytes(CharSequence text) {
        return text.toString().getBytes(StandardCharsets.ISO_8859_1);
    }
}
