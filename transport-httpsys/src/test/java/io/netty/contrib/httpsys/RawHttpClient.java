package io.netty.contrib.httpsys;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A deliberately simple HTTP/1.x client over a plain socket, for what the JDK client cannot do: pipelining,
 * HTTP/1.0, {@code Expect: 100-continue} step by step, and checking that the server closed the connection.
 */
final class RawHttpClient implements AutoCloseable {

    /** One parsed response. */
    static final class Response {
        final String statusLine;
        final int status;
        final Map<String, String> headers;
        final byte[] body;

        Response(String statusLine, Map<String, String> headers, byte[] body) {
            this.statusLine = statusLine;
            this.status = Integer.parseInt(statusLine.split(" ")[1]);
            this.headers = headers;
            this.body = body;
        }

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    RawHttpClient(int port) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(10_000);
        in = new java.io.BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    /** The client's own port, as the server should report it in {@code remoteAddress()}. */
    int localPort() {
        return socket.getLocalPort();
    }

    void send(String text) throws IOException {
        send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    void send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Reads one response; {@code head} says the request was HEAD (no body whatever the headers say). */
    Response read(boolean head) throws IOException {
        String statusLine = line();
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line; !(line = line()).isEmpty(); ) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        if (head || status / 100 == 1 || status == 204 || status == 304) {
            return new Response(statusLine, headers, new byte[0]);
        }
        String length = headers.get("content-length");
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            return new Response(statusLine, headers, chunked());
        }
        if (length != null) {
            return new Response(statusLine, headers, in.readNBytes(Integer.parseInt(length)));
        }
        return new Response(statusLine, headers, in.readAllBytes());
    }

    Response read() throws IOException {
        return read(false);
    }

    /**
     * Whether the server closed the connection: the next read sees end of stream (a FIN) or a reset. A read that
     * times out means the connection is still open, and so do bytes that arrive: both answer {@code false}.
     */
    boolean isClosedByServer() throws IOException {
        try {
            return in.read() == -1;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (SocketException e) {
            // "Connection reset" and its relatives: the server aborted the connection.
            return true;
        }
    }

    /** Reads the next response and expects the server to end the connection instead: fails on a read timeout. */
    void expectClosedWithoutResponse() throws IOException {
        try {
            Response response = read();
            throw new AssertionError("expected the connection to close, got " + response.statusLine);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the connection is still open: no response and no close within the timeout", e);
        } catch (EOFException | SocketException e) {
            // End of stream or reset: closed, as expected.
        }
    }

    private byte[] chunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (;;) {
            String sizeLine = line();
            int semicolon = sizeLine.indexOf(';');
            int size = Integer.parseInt(semicolon < 0 ? sizeLine.trim() : sizeLine.substring(0, semicolon).trim(), 16);
            if (size == 0) {
                while (!line().isEmpty()) {
                    // trailers
                }
                return body.toByteArray();
            }
            body.write(in.readNBytes(size));
            line();
        }
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder();
        for (;;) {
            int b = in.read();
            if (b == -1) {
                throw new EOFException("connection closed after: " + line);
            }
            if (b == '\n') {
                int length = line.length();
                return length > 0 && line.charAt(length - 1) == '\r' ? line.substring(0, length - 1) : line.toString();
            }
            line.append((char) b);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
