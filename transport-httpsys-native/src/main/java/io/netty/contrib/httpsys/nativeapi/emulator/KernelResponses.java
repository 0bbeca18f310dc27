package io.netty.contrib.httpsys.nativeapi.emulator;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The complete bytes of the responses HTTP.SYS generates by itself ({@link KernelAnswer}), laid out as the
 * kernel sends them (captured by nmap from {@code Microsoft-HTTPAPI/2.0} ports):
 * <pre>
 * HTTP/1.1 400 Bad Request
 * Content-Type: text/html; charset=us-ascii
 * Server: Microsoft-HTTPAPI/2.0
 * Date: Mon, 29 Aug 2022 22:21:37 GMT
 * Connection: close
 * Content-Length: 326
 * </pre>
 * followed by the HTML page. Every kernel answer closes the connection: "After sending the error response, the
 * HTTP Server API terminates the connection" ("Types of Errors Logged by the HTTP Server API"), and a captured
 * 404 from {@code Microsoft-HTTPAPI/2.0} carries {@code Connection: close} too.
 */
public final class KernelResponses {

    private static final List<ResponseHeader> CONTENT_TYPE = List.of(new ResponseHeader(
            "Content-Type".getBytes(StandardCharsets.US_ASCII),
            "text/html; charset=us-ascii".getBytes(StandardCharsets.US_ASCII)));

    private KernelResponses() {
    }

    /** The full response (head and body) for {@code answer}, dated {@code nowMillis}. */
    public static byte[] encode(KernelAnswer answer, long nowMillis) {
        byte[] body = answer.body();
        byte[] head = KernelResponseWriter.encode(answer.statusCode(),
                answer.reason().getBytes(StandardCharsets.US_ASCII), CONTENT_TYPE, true, body.length, nowMillis);
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    /** {@link #encode(KernelAnswer, long)} at the current time. */
    public static byte[] encode(KernelAnswer answer) {
        return encode(answer, System.currentTimeMillis());
    }
}
