package io.netty.contrib.httpsys.nativeapi.conformance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One response exactly as it came off the socket: status line, header lines in wire order, body and the
 * total byte count, so that tests can compare bytes (Wine's {@code strncmp}/{@code strstr}/{@code memcmp})
 * and match the byte count against what the kernel reported as sent.
 */
record WineWireResponse(String statusLine, List<String> headerLines, String body, int wireLength) {

    /** {@code Name: value} as HTTP.SYS writes it: a token, a colon, one space, a value without outer whitespace. */
    private static final Pattern HEADER_LINE = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+: [^ \\t](.*[^ \\t])?");

    /**
     * Reads the head up to the blank line, then {@code bodyLength} body bytes; a negative {@code bodyLength}
     * means "as many as the Content-Length header says".
     */
    static WineWireResponse read(RawClient client, int bodyLength) {
        try {
            InputStream in = client.socket.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!endsWithBlankLine(head)) {
                int b = in.read();
                assertTrue(b >= 0, "connection closed inside the response head: " + head.toString(StandardCharsets.ISO_8859_1));
                head.write(b);
            }
            String text = head.toString(StandardCharsets.ISO_8859_1);
            String[] lines = text.substring(0, text.length() - 4).split("\r\n", -1);
            List<String> headers = List.of(lines).subList(1, lines.length);
            for (String header : headers) {
                assertTrue(HEADER_LINE.matcher(header).matches(), "malformed header line: " + header);
            }
            int length = bodyLength >= 0 ? bodyLength : declaredLength(headers);
            byte[] body = in.readNBytes(length);
            assertEquals(length, body.length, "body cut short");
            return new WineWireResponse(lines[0], headers, new String(body, StandardCharsets.ISO_8859_1),
                    head.size() + length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Content-Length of a head; a head without one has no body (nothing here is framed by closing). */
    private static int declaredLength(List<String> headers) {
        List<String> values = valuesOf(headers, "Content-Length");
        assertTrue(values.size() <= 1, "Content-Length headers in " + headers);
        return values.isEmpty() ? 0 : Integer.parseInt(values.get(0));
    }

    private static boolean endsWithBlankLine(ByteArrayOutputStream out) {
        byte[] bytes = out.toByteArray();
        int n = bytes.length;
        return n >= 4 && bytes[n - 4] == '\r' && bytes[n - 3] == '\n' && bytes[n - 2] == '\r' && bytes[n - 1] == '\n';
    }

    /**
     * Asserts that the server sends nothing more for {@code ms} (a closed connection also counts as nothing):
     * the response had no bytes beyond what was read, such as chunked framing or a trailer.
     */
    static void assertNothingMore(RawClient client, int ms) {
        try {
            int timeout = client.socket.getSoTimeout();
            client.socket.setSoTimeout(ms);
            try {
                int b = client.socket.getInputStream().read();
                assertEquals(-1, b, "unexpected byte after the response: " + b);
            } catch (SocketTimeoutException expected) {
                // Nothing arrived: the response ended where it was read to.
            } finally {
                client.socket.setSoTimeout(timeout);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The values of every header line named {@code name} (case-insensitive), exactly as on the wire after ": ". */
    List<String> values(String name) {
        return valuesOf(headerLines, name);
    }

    private static List<String> valuesOf(List<String> headerLines, String name) {
        List<String> values = new ArrayList<>();
        String prefix = name.toLowerCase(Locale.ROOT) + ":";
        for (String line : headerLines) {
            if (line.toLowerCase(Locale.ROOT).startsWith(prefix)) {
                values.add(line.substring(prefix.length()).trim());
            }
        }
        return values;
    }

    /** The value of the one header named {@code name}; fails when it is missing or repeated. */
    String value(String name) {
        List<String> values = values(name);
        assertEquals(1, values.size(), name + " headers in " + headerLines);
        return values.get(0);
    }

    /** Asserts the kernel's own Date header: exactly one, an RFC 1123 date (not the application's value). */
    void assertKernelDate() {
        DateTimeFormatter.RFC_1123_DATE_TIME.parse(value("Date"));
    }
}
