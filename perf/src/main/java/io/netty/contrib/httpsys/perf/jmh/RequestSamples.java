package io.netty.contrib.httpsys.perf.jmh;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The requests every per-request benchmark processes, so that the NIO baseline and the HTTP.SYS path see the
 * same bytes: a browser's {@code GET} with about 400 bytes of headers, and a {@code POST} with a 4 KiB body.
 */
public final class RequestSamples {

    /** The body of {@link #POST_4K}. */
    public static final byte[] BODY_4K = body(4096);

    /** A typical browser navigation request (Chrome-like headers, keep-alive). */
    public static final byte[] GET = ("GET /hello?lang=en HTTP/1.1\r\n"
            + "Host: localhost:8080\r\n"
            + "Connection: keep-alive\r\n"
            + "User-Agent: Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/126.0.0.0 Safari/537.36\r\n"
            + "Accept: text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8\r\n"
            + "Accept-Encoding: gzip, deflate, br\r\n"
            + "Accept-Language: en-US,en;q=0.9\r\n"
            + "Cookie: session=4f2a9c1e7b3d; theme=dark\r\n"
            + "Upgrade-Insecure-Requests: 1\r\n"
            + "\r\n").getBytes(StandardCharsets.US_ASCII);

    /** A form-like upload of 4 KiB. */
    public static final byte[] POST_4K = concat(("POST /upload HTTP/1.1\r\n"
            + "Host: localhost:8080\r\n"
            + "Connection: keep-alive\r\n"
            + "User-Agent: Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/126.0.0.0 Safari/537.36\r\n"
            + "Accept: */*\r\n"
            + "Content-Type: application/octet-stream\r\n"
            + "Content-Length: 4096\r\n"
            + "\r\n").getBytes(StandardCharsets.US_ASCII), BODY_4K);

    private RequestSamples() {
    }

    /** The request named {@code "GET"} or {@code "POST_4K"}. */
    public static byte[] named(String name) {
        switch (name) {
            case "GET":
                return GET;
            case "POST_4K":
                return POST_4K;
            default:
                throw new IllegalArgumentException(name);
        }
    }

    private static byte[] body(int length) {
        byte[] body = new byte[length];
        for (int i = 0; i < length; i++) {
            body[i] = (byte) ('a' + i % 26);
        }
        return body;
    }

    private static byte[] concat(byte[] head, byte[] body) {
        byte[] all = Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }
}
