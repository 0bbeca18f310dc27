package io.netty.contrib.httpsys.nativeapi.emulator;

import java.util.List;

/**
 * The head of one request as the emulated kernel parsed and validated it: what HTTP.SYS knows before it
 * writes an {@code HTTP_REQUEST_V2}. Produced by the request parser, routed by the cooked URL, and
 * marshalled into the caller's buffer.
 *
 * @param verb          the method exactly as sent ({@code "GET"}, {@code "xyzzy"})
 * @param rawUrl        the request target exactly as sent on the request line (origin or absolute form)
 * @param scheme        {@code "http"} or {@code "https"}, from the connection
 * @param cookedHost    host and port as the cooked URL carries them ({@code "localhost:8080"}): from an
 *                      absolute-form target, else the {@code Host} header, else the local address
 * @param cookedAbsPath the percent-decoded, canonicalised absolute path ({@code "/foobar"})
 * @param cookedQuery   the query including its {@code '?'}, or {@code null} when there is none
 * @param versionMajor  HTTP major version
 * @param versionMinor  HTTP minor version
 * @param headers       every header line in arrival order, values trimmed of surrounding whitespace
 * @param contentLength the {@code Content-Length}, or {@code -1} when absent
 * @param chunked       whether the body arrives with {@code Transfer-Encoding: chunked}
 * @param keepAlive     whether the connection stays open after the response (version and
 *                      {@code Connection} header)
 * @param expectContinue whether the client sent {@code Expect: 100-continue}
 * @param headBytes     bytes of the request line and headers, including the blank line
 */
public record ParsedRequest(
        String verb,
        byte[] rawUrl,
        String scheme,
        String cookedHost,
        String cookedAbsPath,
        String cookedQuery,
        int versionMajor,
        int versionMinor,
        List<RequestHeader> headers,
        long contentLength,
        boolean chunked,
        boolean keepAlive,
        boolean expectContinue,
        int headBytes) {

    /** Whether a body follows the head. */
    public boolean hasEntityBody() {
        return chunked || contentLength > 0;
    }

    /** The cooked full URL: scheme, {@code "://"}, host, path and query. */
    public String cookedFullUrl() {
        return scheme + "://" + cookedHost + cookedAbsPath + (cookedQuery == null ? "" : cookedQuery);
    }
}
