package io.netty.contrib.httpsys;

import io.netty.contrib.httpsys.nativeapi.Http;
import io.netty.contrib.httpsys.nativeapi.HttpKnownHeaders;
import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.struct.HttpKnownHeader;
import io.netty.contrib.httpsys.nativeapi.struct.HttpMultipleKnownHeaders;
import io.netty.contrib.httpsys.nativeapi.struct.HttpResponseHeaders;
import io.netty.contrib.httpsys.nativeapi.struct.HttpResponseInfo;
import io.netty.contrib.httpsys.nativeapi.struct.HttpResponseV2;
import io.netty.contrib.httpsys.nativeapi.struct.HttpUnknownHeader;
import io.netty.contrib.httpsys.nativeapi.struct.HttpVersion;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.util.AsciiString;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes the head of an {@link HttpResponse} as an {@code HTTP_RESPONSE_V2} (status, reason, known and unknown
 * headers, {@code HttpResponseInfoTypeMultipleKnownHeaders}) into a {@link HttpSysSendBlock}, in two passes:
 * {@link #scan} classifies and validates every header without writing anything, so a header that would split
 * the response fails the write before any native memory is touched; {@link #write} then cannot fail.
 *
 * <p>Header rules: known response headers go into {@code KnownHeaders[HTTP_HEADER_ID]}
 * ({@link HttpKnownHeaders#responseHeaderId}); a known header given several times goes, with all its values,
 * into an {@code HTTP_MULTIPLE_KNOWN_HEADERS} entry with {@code HTTP_RESPONSE_INFO_FLAGS_PRESERVE_ORDER}, as
 * ASP.NET Core does; a known header with an empty value goes by name (HTTP.SYS reads length 0 as absent);
 * everything else is an {@code HTTP_UNKNOWN_HEADER}. {@code Date} is dropped (the kernel writes its own), and so
 * are the connection-specific headers of HTTP/2 and HTTP/3. Text is written as ISO-8859-1.
 *
 * <p>One per encoder: it keeps the scratch of the two passes. Confined to the event loop.
 */
final class HttpSysResponseHeadWriter {

    /** Header classification of {@link #scan}: not sent. Other values are ids or {@code UNKNOWN}. */
    private static final int DROP = -2;
    private static final int MAX_USHORT = 0xFFFF;
    private static final AsciiString PROXY_CONNECTION = AsciiString.cached("proxy-connection");

    private int[] headerIds = new int[32];
    private final int[] knownCounts = new int[Http.HttpHeaderResponseMaximum];
    private final long[] multipleArrays = new long[Http.HttpHeaderResponseMaximum];
    private final int[] multipleFill = new int[Http.HttpHeaderResponseMaximum];
    private int unknownCount;
    private int multipleCount;
    private boolean hasContentLength;
    private long contentLength;
    private boolean isChunked;
    private boolean closesConnection;

    /** Whether the scanned head carries {@code Content-Length}. */
    boolean hasContentLength() {
        return hasContentLength;
    }

    /**
     * The value of the scanned head's {@code Content-Length} when it has exactly one, in decimal digits;
     * else -1.
     */
    long contentLength() {
        return contentLength;
    }

    /** Whether the scanned head asks for chunked transfer coding (and keeps its {@code Transfer-Encoding}). */
    boolean isChunked() {
        return isChunked;
    }

    /** Whether the scanned head says {@code Connection: close} (HTTP/1.x only). */
    boolean closesConnection() {
        return closesConnection;
    }


    /**
     * First pass: classifies every header (known id, unknown, or dropped), counts values per known id,
     * notes what changes the framing, and validates everything, so the second pass cannot fail half-way.
     * {@code full}: a {@code FullHttpResponse}, whose length the kernel states (its {@code Transfer-Encoding}
     * is dropped).
     *
     * @throws IllegalArgumentException CR, LF or NUL in a name, value or the reason, or one longer than 65535
     */
    void scan(HttpResponse response, boolean http1, boolean http10, boolean full) {
        validateText("reason phrase", response.status().reasonPhrase());
        HttpHeaders headers = response.headers();
        int size = headers.size();
        if (headerIds.length < size) {
            headerIds = new int[Math.max(size, headerIds.length * 2)];
        }
        Arrays.fill(knownCounts, 0);
        unknownCount = 0;
        multipleCount = 0;
        boolean contentLength = false;
        long length = -1;
        boolean chunked = false;
        boolean close = false;
        int i = 0;
        for (Iterator<Map.Entry<CharSequence, CharSequence>> it = headers.iteratorCharSequence(); it.hasNext(); i++) {
            Map.Entry<CharSequence, CharSequence> e = it.next();
            CharSequence name = e.getKey();
            CharSequence value = e.getValue();
            validateHeader(name, value);
            int id = HttpKnownHeaders.responseHeaderId(name);
            switch (id) {
                case Http.HttpHeaderDate:
                    id = DROP;
                    break;
                case Http.HttpHeaderContentLength:
                    contentLength = true;
                    length = decimal(value);
                    break;
                case Http.HttpHeaderTransferEncoding:
                    if (!http1 || http10 || full) {
                        // The body is sent with a length (or closes the connection): no chunked coding.
                        id = DROP;
                    } else {
                        chunked |= AsciiString.containsIgnoreCase(value, HttpHeaderValues.CHUNKED);
                    }
                    break;
                case Http.HttpHeaderConnection:
                    if (http1) {
                        close |= AsciiString.containsIgnoreCase(value, HttpHeaderValues.CLOSE);
                    } else {
                        id = DROP;
                    }
                    break;
                case Http.HttpHeaderKeepAlive:
                case Http.HttpHeaderUpgrade:
                    if (!http1) {
                        id = DROP;
                    }
                    break;
                case HttpKnownHeaders.UNKNOWN:
                    if (!http1 && PROXY_CONNECTION.contentEqualsIgnoreCase(name)) {
                        id = DROP;
                    }
                    break;
                default:
                    break;
            }
            if (id >= 0 && value.length() == 0) {
                // HTTP.SYS reads a known header of length 0 as absent: send an empty value by name instead.
                id = HttpKnownHeaders.UNKNOWN;
            }
            headerIds[i] = id;
            if (id == HttpKnownHeaders.UNKNOWN) {
                unknownCount++;
            } else if (id >= 0 && ++knownCounts[id] == 2) {
                multipleCount++;
            }
        }
        hasContentLength = contentLength;
        this.contentLength = knownCounts[Http.HttpHeaderContentLength] == 1 ? length : -1;
        isChunked = chunked;
        closesConnection = close;
    }

    /** Second pass: writes {@code HTTP_RESPONSE_V2} and everything it points to into {@code block}. */
    void write(HttpSysSendBlock block, HttpResponse response) {
        long r = block.response();
        NativeAccess.setMemory(r, HttpResponseV2.SIZE, (byte) 0);
        io.netty.handler.codec.http.HttpVersion version = response.protocolVersion();
        HttpResponseV2.setVersion(r, HttpVersion.pack(version.majorVersion(), version.minorVersion()));
        HttpResponseV2.setStatusCode(r, response.status().code());
        String reason = response.status().reasonPhrase();
        HttpResponseV2.setReason(r, writeText(block, reason));
        HttpResponseV2.setReasonLength(r, reason.length());

        long headers = HttpResponseV2.headers(r);
        long unknown = 0;
        if (unknownCount > 0) {
            unknown = block.allocateAligned(unknownCount * HttpUnknownHeader.SIZE);
            HttpResponseHeaders.setUnknownHeaders(headers, unknown);
            HttpResponseHeaders.setUnknownHeaderCount(headers, unknownCount);
        }
        if (multipleCount > 0) {
            long infos = block.allocateAligned(multipleCount * HttpResponseInfo.SIZE);
            HttpResponseV2.setResponseInfo(r, infos);
            HttpResponseV2.setResponseInfoCount(r, multipleCount);
            int info = 0;
            for (int id = 0; id < knownCounts.length; id++) {
                multipleFill[id] = 0;
                if (knownCounts[id] < 2) {
                    continue;
                }
                long multiple = block.allocateAligned(HttpMultipleKnownHeaders.SIZE);
                long values = block.allocateAligned(knownCounts[id] * HttpKnownHeader.SIZE);
                HttpMultipleKnownHeaders.setHeaderId(multiple, id);
                HttpMultipleKnownHeaders.setFlags(multiple, Http.HTTP_RESPONSE_INFO_FLAGS_PRESERVE_ORDER);
                HttpMultipleKnownHeaders.setKnownHeaderCount(multiple, knownCounts[id]);
                HttpMultipleKnownHeaders.setKnownHeaders(multiple, values);
                long entry = HttpResponseInfo.at(infos, info++);
                HttpResponseInfo.setType(entry, Http.HttpResponseInfoTypeMultipleKnownHeaders);
                HttpResponseInfo.setLength(entry, HttpMultipleKnownHeaders.SIZE);
                HttpResponseInfo.setInfo(entry, multiple);
                multipleArrays[id] = values;
            }
        }
        int i = 0;
        int u = 0;
        for (Iterator<Map.Entry<CharSequence, CharSequence>> it = response.headers().iteratorCharSequence();
             it.hasNext(); i++) {
            Map.Entry<CharSequence, CharSequence> e = it.next();
            int id = headerIds[i];
            if (id == DROP) {
                continue;
            }
            if (id == HttpKnownHeaders.UNKNOWN) {
                long header = HttpUnknownHeader.at(unknown, u++);
                CharSequence name = e.getKey();
                HttpUnknownHeader.setName(header, writeText(block, name));
                HttpUnknownHeader.setNameLength(header, name.length());
                CharSequence value = e.getValue();
                HttpUnknownHeader.setRawValue(header, writeText(block, value));
                HttpUnknownHeader.setRawValueLength(header, value.length());
            } else if (knownCounts[id] == 1) {
                setKnown(block, HttpResponseHeaders.knownHeader(headers, id), e.getValue());
            } else {
                setKnown(block, HttpKnownHeader.at(multipleArrays[id], multipleFill[id]++), e.getValue());
            }
        }
    }

    /** {@code value} as a non-negative decimal number, or -1 when it is not one (or above 18 digits). */
    private static long decimal(CharSequence value) {
        int length = value.length();
        if (length == 0 || length > 18) {
            return -1;
        }
        long n = 0;
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    /** Points {@code knownHeader} at the decimal digits of {@code value}, written into {@code block}. */
    static void setKnownNumber(HttpSysSendBlock block, long knownHeader, long value) {
        int digits = 1;
        for (long rest = value / 10; rest > 0; rest /= 10) {
            digits++;
        }
        long address = block.allocateBytes(digits);
        long v = value;
        for (int i = digits - 1; i >= 0; i--) {
            NativeAccess.putByte(address + i, (byte) ('0' + v % 10));
            v /= 10;
        }
        HttpKnownHeader.setRawValue(knownHeader, address);
        HttpKnownHeader.setRawValueLength(knownHeader, digits);
    }

    /** Points {@code knownHeader} at {@code value}, written into {@code block}. */
    static void setKnown(HttpSysSendBlock block, long knownHeader, CharSequence value) {
        HttpKnownHeader.setRawValue(knownHeader, writeText(block, value));
        HttpKnownHeader.setRawValueLength(knownHeader, value.length());
    }

    /**
     * Copies {@code text} into {@code block} ({@link #putChars}) and returns its address; an empty text still
     * gets a byte, so the pointer HTTP.SYS sees is never null.
     */
    private static long writeText(HttpSysSendBlock block, CharSequence text) {
        long address = block.allocateBytes(Math.max(1, text.length()));
        putChars(address, text);
        return address;
    }

    // ---- validation and text ----

    /** Fails when a name or value of {@code headers} could split the response; see {@link #scan}. */
    static void validateHeaders(HttpHeaders headers) {
        for (Iterator<Map.Entry<CharSequence, CharSequence>> it = headers.iteratorCharSequence(); it.hasNext();) {
            Map.Entry<CharSequence, CharSequence> e = it.next();
            validateHeader(e.getKey(), e.getValue());
        }
    }

    private static void validateHeader(CharSequence name, CharSequence value) {
        if (name.length() == 0) {
            throw new IllegalArgumentException("a response header has an empty name");
        }
        if (name.length() > MAX_USHORT || value.length() > MAX_USHORT) {
            throw new IllegalArgumentException("response header '" + name + "' is longer than 65535 bytes");
        }
        if (forbiddenCharAt(name) >= 0) {
            throw new IllegalArgumentException("response header name '" + printable(name)
                    + "' contains CR, LF or NUL (response splitting)");
        }
        if (forbiddenCharAt(value) >= 0) {
            throw new IllegalArgumentException("the value of response header '" + name
                    + "' contains CR, LF or NUL (response splitting)");
        }
    }

    private static void validateText(String what, CharSequence text) {
        if (text.length() > MAX_USHORT || forbiddenCharAt(text) >= 0) {
            throw new IllegalArgumentException("the " + what + " '" + printable(text)
                    + "' contains CR, LF or NUL (response splitting) or is longer than 65535 bytes");
        }
    }

    private static int forbiddenCharAt(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\r' || c == '\n' || c == 0) {
                return i;
            }
        }
        return -1;
    }

    private static String printable(CharSequence s) {
        return s.toString().replace("\r", "\\r").replace("\n", "\\n").replace("\0", "\\0");
    }

    /**
     * Writes {@code s} as ISO-8859-1 (what HTTP/1.1 header bytes historically are); a character above
     * U+00FF becomes {@code '?'}, as Netty's own encoder does for non-ASCII.
     */
    static long putChars(long address, CharSequence s) {
        int length = s.length();
        if (s instanceof AsciiString) {
            AsciiString ascii = (AsciiString) s;
            NativeAccess.copyMemory(ascii.array(), ascii.arrayOffset(), address, length);
            return address + length;
        }
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            NativeAccess.putByte(address + i, c <= 0xFF ? (byte) c : (byte) '?');
        }
        return address + length;
    }
}
