package io.netty.contrib.httpsys.nativeapi.conformance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A plain TCP client that writes request bytes and reads the exact response bytes, like Wine's tests do with
 * {@code send}/{@code recv}. Reads time out after 10 s so a broken emulator fails the test instead of hanging.
 */
final class RawClient implements AutoCloseable {

    final Socket socket;
    private final InputStream in;

    RawClient(int port) {
        try {
            socket = new Socket();
            socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            socket.setSoTimeout(10_000);
            socket.setTcpNoDelay(true);
            in = socket.getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    RawClient send(String text) {
        return send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    RawClient send(byte[] bytes) {
        try {
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** {@code Host: localhost:P} GET request with keep-alive, as Wine's {@code simple_req}. */
    static String simpleGet(String path, int port) {
        return "GET " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nConnection: keep-alive\r\n"
                + "User-Agent: WINE\r\n\r\n";
    }

    /** Reads exactly {@code n} bytes. */
    byte[] readExactly(int n) {
        try {
            return in.readNBytes(n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads one response: the head, then a body of its Content-Length (or nothing without one unless
     * {@code toEof}, which reads until the server closes).
     */
    String readResponse(boolean toEof) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int matched = 0;
            while (matched < 4) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                out.write(b);
                matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : b == '\r' ? 1 : 0;
            }
            String head = out.toString(StandardCharsets.ISO_8859_1);
            long length = contentLength(head);
            if (toEof) {
                out.write(in.readAllBytes());
            } else if (length > 0) {
                out.write(in.readNBytes((int) length));
            }
            return out.toString(StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a response head only (HEAD responses, MORE_DATA responses without framing). */
    String readHead() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int matched = 0;
            while (matched < 4) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                out.write(b);
                matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : b == '\r' ? 1 : 0;
            }
            return out.toString(StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String readResponse() {
        return readResponse(false);
    }

    static long contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                return Long.parseLong(line.substring(15).trim());
            }
        }
        return -1;
    }

    /** Whether the server ended the connection: a read returns end of stream (a FIN) or a reset. */
    boolean isClosedByServer() {
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    /** Reads until end of stream and reports whether it ended with a graceful FIN (not a reset). */
    boolean endsGracefully() {
        try {
            in.readAllBytes();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closing a test socket.
        }
    }
}
