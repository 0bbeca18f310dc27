package io.netty.contrib.httpsys.nativeapi.emulator;

import io.netty.handler.codec.DateFormatter;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.util.AsciiString;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Locale;

/**
 * Serialises a response head the way HTTP.SYS puts it on the wire for HTTP/1.x, and decides what happens
 * around it: whether body bytes follow and whether the connection closes afterwards.
 *
 * <p>Rules (httpsys-behaviours.md section 5, Wine's conformance tests, ASP.NET Core's HttpSys {@code Response.cs}):
 * <ul>
 *   <li>{@code HTTP/1.1 <code> <reason>}, whatever the request's or the {@code HTTP_RESPONSE}'s version: "All
 *       Http.Sys responses are v1.1", "Http.Sys does not allow us to specify the response protocol version"
 *       (ASP.NET Core).</li>
 *   <li>The application's headers in the order given, except {@code Date}, which the kernel drops and
 *       replaces with its own (RFC 1123, GMT).</li>
 *   <li>Then, in the order HTTP.SYS's own answers show them: {@code Server}, {@code Date}, {@code Connection},
 *       {@code Content-Length}. {@code Server: Microsoft-HTTPAPI/2.0} is added when the application gave no
 *       {@code Server}: HTTP.SYS adds it, not the server above it (aspnet/HttpSysServer#445), and an
 *       application's own {@code Server} replaces it (the {@code DisableServerHeader} registry value is not
 *       modelled). The automatic {@code Content-Length} is the bytes of the chunks given, only when the
 *       application gave none and did not set MORE_DATA; an application's own, even wrong,
 *       {@code Content-Length} is kept and nothing is truncated. No chunked framing is ever added.</li>
 *   <li>The connection closes after the response for DISCONNECT, a request that is not keep-alive, or an
 *       application {@code Connection: close}; then {@code Connection: close} is written ("if we don't add
 *       this header, Http.Sys will often do it for us", ASP.NET Core). No {@code Connection: Keep-Alive} is
 *       added for HTTP/1.0 clients: ASP.NET Core 9 writes that header itself (dotnet/aspnetcore#56558).</li>
 *   <li>HEAD: the same head as GET, but no body bytes go on the wire.</li>
 * </ul>
 */
public final class KernelResponseWriter {

    /** {@code HTTP_SEND_RESPONSE_FLAG_DISCONNECT} (http.h). */
    public static final int HTTP_SEND_RESPONSE_FLAG_DISCONNECT = 0x1;
    /** {@code HTTP_SEND_RESPONSE_FLAG_MORE_DATA} (http.h). */
    public static final int HTTP_SEND_RESPONSE_FLAG_MORE_DATA = 0x2;

    /** The interim response the kernel sends for {@code Expect: 100-continue} when the body is first read. */
    public static final byte[] CONTINUE_100 = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private static final byte[] SERVER_VALUE = "Microsoft-HTTPAPI/2.0".getBytes(StandardCharsets.US_ASCII);

    // Canonical spellings as HTTP.SYS writes them (Netty's HttpHeaderNames are lower case).
    private static final byte[] SERVER = ascii("Server");
    private static final byte[] DATE = ascii("Date");
    private static final byte[] CONNECTION = ascii("Connection");
    private static final byte[] CONTENT_LENGTH = ascii("Content-Length");

    private static final byte[] CRLF = {'\r', '\n'};

    /**
     * A serialised response head and what the sender must do around it.
     *
     * @param bytes      status line, headers and the blank line
     * @param sendBody   whether the entity chunks go on the wire (false for a HEAD request)
     * @param closeAfter whether the connection is closed (gracefully) after the last byte of this response
     */
    public record Head(byte[] bytes, boolean sendBody, boolean closeAfter) {
    }

    private KernelResponseWriter() {
    }

    /** {@link #encodeHead(ParsedRequest, ResponseHead, long, int, long)} at the current time. */
    public static Head encodeHead(ParsedRequest request, ResponseHead head, long entityLength, int sendFlags) {
        return encodeHead(request, head, entityLength, sendFlags, System.currentTimeMillis());
    }

    /**
     * Serialises the head of the response to {@code request}.
     *
     * @param entityLength the bytes of the data chunks passed with this {@code HttpSendHttpResponse} call
     *                     (file ranges resolved); used for the automatic {@code Content-Length}
     * @param sendFlags    the {@code HTTP_SEND_RESPONSE_FLAG_*} flags of the call
     * @param nowMillis    the time for the {@code Date} header
     */
    public static Head encodeHead(ParsedRequest request, ResponseHead head, long entityLength, int sendFlags,
                                  long nowMillis) {
        boolean moreData = (sendFlags & HTTP_SEND_RESPONSE_FLAG_MORE_DATA) != 0;
        boolean appClose = false;
        boolean hasContentLength = false;
        for (ResponseHeader header : head.headers()) {
            if (is(header.name(), HttpHeaderNames.CONNECTION) && hasToken(header.value(), "close")) {
                appClose = true;
            } else if (is(header.name(), HttpHeaderNames.CONTENT_LENGTH)) {
                hasContentLength = true;
            }
        }
        boolean closeAfter = closesAfter(request, sendFlags) || appClose;
        long autoLength = hasContentLength || moreData || !mayHaveContentLength(head.statusCode()) ? -1 : entityLength;
        byte[] bytes = encode(head.statusCode(), head.reason(), head.headers(), closeAfter, autoLength, nowMillis);
        return new Head(bytes, !"HEAD".equals(request.verb()), closeAfter);
    }

    /**
     * Whether a send with these flags for this request closes the connection by itself: DISCONNECT, or a
     * request that is not keep-alive. Use it for {@code HttpSendResponseEntityBody} calls too.
     */
    public static boolean closesAfter(ParsedRequest request, int sendFlags) {
        return (sendFlags & HTTP_SEND_RESPONSE_FLAG_DISCONNECT) != 0 || !request.keepAlive();
    }

    /** An RFC 1123 date in GMT, as in the {@code Date} header. */
    static String httpDate(long millis) {
        return DateFormatter.format(new Date(millis));
    }

    /**
     * The common serialiser (also used for the kernel's own answers).
     *
     * @param autoContentLength the automatic Content-Length to append, or -1 for none
     */
    static byte[] encode(int statusCode, byte[] reason, List<ResponseHeader> headers, boolean close,
                         long autoContentLength, long nowMillis) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.writeBytes(ascii("HTTP/1.1 "));
        out.writeBytes(ascii(statusText(statusCode)));
        out.write(' ');
        out.writeBytes(reason);
        out.writeBytes(CRLF);
        boolean hasServer = false;
        boolean hasConnection = false;
        for (ResponseHeader header : headers) {
            if (is(header.name(), HttpHeaderNames.DATE)) {
                continue;
            }
            if (is(header.name(), HttpHeaderNames.CONNECTION)) {
                // The kernel, not the application, decides whether the connection stays open.
                if (close != hasToken(header.value(), "close")) {
                    continue;
                }
                hasConnection = true;
            }
            hasServer |= is(header.name(), HttpHeaderNames.SERVER);
            line(out, header.name(), header.value());
        }
        if (!hasServer) {
            line(out, SERVER, SERVER_VALUE);
        }
        line(out, DATE, ascii(httpDate(nowMillis)));
        if (close && !hasConnection) {
            line(out, CONNECTION, ascii("close"));
        }
        if (autoContentLength >= 0) {
            line(out, CONTENT_LENGTH, ascii(Long.toString(autoContentLength)));
        }
        out.writeBytes(CRLF);
        return out.toByteArray();
    }

    // 1xx, 204 and 304 responses never carry a Content-Length of their body (RFC 9110 8.6).
    private static boolean mayHaveContentLength(int statusCode) {
        return statusCode >= 200 && statusCode != 204 && statusCode != 304;
    }

    private static String statusText(int statusCode) {
        String digits = Integer.toString(statusCode);
        return digits.length() >= 3 ? digits : "000".substring(digits.length()) + digits;
    }

    static boolean is(byte[] name, AsciiString expected) {
        return expected.contentEqualsIgnoreCase(new AsciiString(name, false));
    }

    /** Whether a comma-separated header value holds {@code token} (case-insensitive). */
    static boolean hasToken(byte[] value, String token) {
        int start = 0;
        for (int i = 0; i <= value.length; i++) {
            if (i == value.length || value[i] == ',') {
                int s = start;
                int e = i;
                while (s < e && (value[s] == ' ' || value[s] == '\t')) {
                    s++;
                }
                while (e > s && (value[e - 1] == ' ' || value[e - 1] == '\t')) {
                    e--;
                }
                if (e - s == token.length() && token.contentEquals(
                        new String(value, s, e - s, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT))) {
                    return true;
                }
                start = i + 1;
            }
        }
        return false;
    }

    private static void line(ByteArrayOutputStream out, byte[] name, byte[] value) {
        out.writeBytes(name);
        out.write(':');
        out.write(' ');
        out.writeBytes(value);
        out.writeBytes(CRLF);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
