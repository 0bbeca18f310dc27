package io.netty.contrib.httpsys;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.DefaultFileRegion;
import io.netty.contrib.httpsys.nativeapi.HttpSysBackend;
import io.netty.contrib.httpsys.nativeapi.NativeMemory;
import io.netty.contrib.httpsys.nativeapi.emulator.Emulator;
import io.netty.contrib.httpsys.nativeapi.emulator.StrictMode;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.internal.SystemPropertyUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.zip.CRC32;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A soak on the emulator's {@link StrictMode}: clients on raw sockets send a mix of GETs, POST bodies up to 1 MB,
 * headers up to 15 KB and file downloads over keep-alive connections, some of them resetting their connection in
 * the middle of a request or of a response, while the strict mode makes calls pending, delays completions, injects
 * the documented errors and drops clients. Every answer is checked byte for byte; every request must end in a
 * correct answer or a reset within {@link #BOUND_MS}. Afterwards, with faults stopped, the server must still answer
 * every request; closing it must leave no operation behind; {@link LeakCheck} then asserts no leak report
 * (PARANOID) and native memory back to where it started.
 *
 * <p>Not in surefire's default includes: the {@code strict-soak} execution runs it with the strict mode and the
 * fault rate on. Bounded by {@code httpsys.soak.seconds} and, when not 0, {@code httpsys.soak.requests}; prints one
 * summary line ({@code SOAK ...}) with the figures RELIABILITY.md reports.
 */
@ExtendWith(LeakCheck.class)
class StrictModeSoak {

    /** The longest a client waits for any byte of an answer before it counts the request as hung. */
    static final int BOUND_MS = 20_000;

    private static final int CLIENTS = 8;
    private static final int MAX_HEADER = 15_000;
    private static final byte[] PATTERN = new byte[256 * 1024];

    static {
        new SplittableRandom(42).nextBytes(PATTERN);
    }

    private enum Kind { GET, BIG_HEADER, POST, FILE, RESET_IN_REQUEST, RESET_IN_RESPONSE }

    private final LongAdder requests = new LongAdder();
    private final LongAdder answered = new LongAdder();
    private final LongAdder resetByServer = new LongAdder();
    private final LongAdder resetByClient = new LongAdder();
    private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> leakedAtClose = new ConcurrentLinkedQueue<>();
    private final AtomicLong slowest = new AtomicLong();
    private final long[] fileCrcs = new long[2];

    @TempDir
    Path dir;

    @Test
    void mixedTrafficWithFaults() throws Exception {
        long seconds = SystemPropertyUtil.getLong("httpsys.soak.seconds", 40);
        long maxRequests = SystemPropertyUtil.getLong("httpsys.soak.requests", 0);
        StrictMode strict = HttpSysBackend.current().isEmulated() ? Emulator.get().strictMode() : null;
        File[] files = {file(0, "small.bin", 40_000), file(1, "large.bin", 600_000)};
        Logger ioLogger = Logger.getLogger(HttpSysIoHandler.class.getName());
        Handler closeWatch = closeWatch();
        ioLogger.addHandler(closeWatch);

        long nativeStart = NativeMemory.outstandingBytes();
        long heapStart = usedHeap();
        long start = System.nanoTime();
        try (TestServer server = TestServer.builder().threads(2)
                .pipeline(ch -> ch.pipeline().addLast(new SoakHandler(files))).start()) {
            long deadline = start + TimeUnit.SECONDS.toNanos(seconds);
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            try {
                List<Future<?>> runs = new ArrayList<>();
                for (int i = 0; i < CLIENTS; i++) {
                    long clientSeed = (strict == null ? 0 : strict.seed()) * 31 + i;
                    runs.add(clients.submit(() -> client(server.port(), clientSeed, files, deadline, maxRequests)));
                }
                for (Future<?> run : runs) {
                    run.get(seconds + 120, TimeUnit.SECONDS);
                }
            } finally {
                clients.shutdownNow();
            }
            long duration = System.nanoTime() - start;
            if (strict != null) {
                strict.faultRate(0);
            }
            // Still serving: with faults stopped, every request of a fresh connection is answered.
            try (Connection connection = new Connection(server.port())) {
                for (int i = 0; i < 50; i++) {
                    int size = 1 + i * 97;
                    connection.send("GET /get?n=" + size + " HTTP/1.1\r\nHost: soak\r\n\r\n", null, 0);
                    Answer answer = connection.read();
                    assertEquals(200, answer.status, "after the soak");
                    assertEquals(crc(PATTERN, 0, size), crc(answer.body, 0, answer.body.length), "after the soak");
                }
            }
            System.out.printf(Locale.ROOT, "SOAK requests=%d answered=%d resetByServer=%d resetByClient=%d "
                            + "failures=%d seconds=%.1f slowestMs=%d seed=%s faults=%s nativeBytesStart=%d "
                            + "heapStartMB=%d%n", requests.sum(), answered.sum(), resetByServer.sum(),
                    resetByClient.sum(), failures.size(), duration / 1e9, slowest.get(),
                    strict == null ? "-" : strict.seed(), strict == null ? "{}" : strict.counts(), nativeStart,
                    heapStart >> 20);
        } finally {
            ioLogger.removeHandler(closeWatch);
        }
        System.gc();
        System.out.printf(Locale.ROOT, "SOAK closed nativeBytesEnd=%d heapEndMB=%d%n",
                NativeMemory.outstandingBytes(), usedHeap() >> 20);
        assertTrue(failures.isEmpty(), failures.size() + " request(s) went wrong: "
                + failures.stream().limit(20).toList());
        assertTrue(leakedAtClose.isEmpty(), "closing the server left operations behind: " + leakedAtClose);
        assertTrue(maxRequests == 0 || requests.sum() >= maxRequests,
                "only " + requests.sum() + " of " + maxRequests + " requests within " + seconds + " s");
        assertTrue(answered.sum() > requests.sum() / 2, "most requests are answered: " + answered.sum());
    }

    /** One client: a keep-alive connection, a new one after every reset, until the deadline or the total count. */
    private void client(int port, long seed, File[] files, long deadline, long maxRequests) {
        SplittableRandom random = new SplittableRandom(seed);
        Connection connection = null;
        try {
            while (System.nanoTime() < deadline && (maxRequests == 0 || requests.sum() < maxRequests)) {
                if (connection == null) {
                    connection = new Connection(port);
                }
                requests.increment();
                Kind kind = pick(random);
                long began = System.nanoTime();
                try {
                    exchange(connection, kind, random, files);
                    answered.increment();
                } catch (ClientReset e) {
                    resetByClient.increment();
                    connection.close();
                    connection = null;
                } catch (SocketTimeoutException e) {
                    failures.add(kind + ": no answer and no reset within " + BOUND_MS + " ms");
                    connection.close();
                    connection = null;
                } catch (IOException e) {
                    // The server (an injected error, a dropped client) reset or closed the connection.
                    resetByServer.increment();
                    connection.close();
                    connection = null;
                } catch (AssertionError e) {
                    failures.add(kind + ": " + e.getMessage());
                    connection.close();
                    connection = null;
                }
                slowest.accumulateAndGet(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began), Math::max);
            }
        } catch (IOException | RuntimeException e) {
            failures.add("client: " + e);
        } finally {
            if (connection != null) {
                connection.close();
            }
        }
    }

    private static Kind pick(SplittableRandom random) {
        int roll = random.nextInt(100);
        if (roll < 40) {
            return Kind.GET;
        } else if (roll < 50) {
            return Kind.BIG_HEADER;
        } else if (roll < 70) {
            return Kind.POST;
        } else if (roll < 85) {
            return Kind.FILE;
        } else if (roll < 92) {
            return Kind.RESET_IN_REQUEST;
        }
        return Kind.RESET_IN_RESPONSE;
    }

    private void exchange(Connection connection, Kind kind, SplittableRandom random, File[] files)
            throws IOException {
        switch (kind) {
            case GET -> {
                int size = random.nextInt(8) == 0 ? random.nextInt(PATTERN.length) : random.nextInt(4096);
                connection.send("GET /get?n=" + size + " HTTP/1.1\r\nHost: soak\r\n\r\n", null, 0);
                expect(connection.read(), crc(PATTERN, 0, size), size);
            }
            case BIG_HEADER -> {
                int length = 1 + random.nextInt(MAX_HEADER);
                connection.send("GET /header HTTP/1.1\r\nHost: soak\r\nX-Pad: " + "p".repeat(length) + "\r\n\r\n",
                        null, 0);
                Answer answer = connection.read();
                assertEquals(200, answer.status, "header of " + length);
                assertEquals(String.valueOf(length), new String(answer.body, StandardCharsets.US_ASCII));
            }
            case POST -> {
                int size = postSize(random);
                byte[] body = body(random, size);
                connection.send("POST /post HTTP/1.1\r\nHost: soak\r\nContent-Length: " + size + "\r\n\r\n",
                        body, size);
                Answer answer = connection.read();
                assertEquals(200, answer.status, "POST of " + size);
                assertEquals(size + " " + crc(body, 0, size), new String(answer.body, StandardCharsets.US_ASCII));
            }
            case FILE -> {
                int which = random.nextInt(files.length);
                connection.send("GET /file?f=" + which + " HTTP/1.1\r\nHost: soak\r\n\r\n", null, 0);
                expect(connection.read(), fileCrcs[which], (int) files[which].length());
            }
            case RESET_IN_REQUEST -> {
                int size = postSize(random) + 2;
                byte[] body = body(random, size);
                connection.send("POST /post HTTP/1.1\r\nHost: soak\r\nContent-Length: " + size + "\r\n\r\n",
                        body, random.nextInt(size));
                connection.reset();
                throw new ClientReset();
            }
            default -> {
                connection.send("GET /file?f=1 HTTP/1.1\r\nHost: soak\r\n\r\n", null, 0);
                connection.readSome(random.nextInt(64 * 1024));
                connection.reset();
                throw new ClientReset();
            }
        }
    }

    private static int postSize(SplittableRandom random) {
        int roll = random.nextInt(100);
        if (roll < 70) {
            return random.nextInt(16 * 1024);
        }
        return roll < 95 ? random.nextInt(256 * 1024) : random.nextInt(1024 * 1024 + 1);
    }

    private static byte[] body(SplittableRandom random, int size) {
        byte[] body = new byte[size];
        int offset = random.nextInt(PATTERN.length);
        for (int i = 0; i < size; i++) {
            body[i] = PATTERN[(offset + i) % PATTERN.length];
        }
        return body;
    }

    private static void expect(Answer answer, long crc, int length) {
        assertEquals(200, answer.status);
        assertEquals(length, answer.body.length);
        assertEquals(crc, crc(answer.body, 0, answer.body.length));
    }

    private File file(int index, String name, int size) throws IOException {
        byte[] content = new byte[size];
        new SplittableRandom(size).nextBytes(content);
        fileCrcs[index] = crc(content, 0, size);
        return Files.write(dir.resolve(name), content).toFile();
    }

    private Handler closeWatch() {
        return new Handler() {
            @Override
            public void publish(LogRecord record) {
                String message = String.valueOf(record.getMessage());
                if (record.getLevel().intValue() >= Level.WARNING.intValue() && message.contains("did not complete")) {
                    leakedAtClose.add(message + " " + Arrays.toString(record.getParameters()));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
    }

    static long crc(byte[] bytes, int offset, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, offset, length);
        return crc.getValue();
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    /** The client itself reset the connection, as the request's kind asked. */
    private static final class ClientReset extends IOException {
        private static final long serialVersionUID = 1L;

        ClientReset() {
            super("reset by the client");
        }
    }

    private record Answer(int status, byte[] body) {
    }

    /** One HTTP/1.1 connection on a plain socket: requests with a Content-Length, answers with one. */
    private static final class Connection implements AutoCloseable {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;

        Connection(int port) throws IOException {
            socket = new Socket(InetAddress.getLoopbackAddress(), port);
            socket.setSoTimeout(BOUND_MS);
            socket.setTcpNoDelay(true);
            in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
            out = socket.getOutputStream();
        }

        void send(String head, byte[] body, int bodyBytes) throws IOException {
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            if (body != null) {
                out.write(body, 0, bodyBytes);
            }
            out.flush();
        }

        Answer read() throws IOException {
            String statusLine = line();
            if (statusLine.isEmpty()) {
                throw new EOFException("empty status line");
            }
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            int length = -1;
            boolean close = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                int colon = header.indexOf(':');
                String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = header.substring(colon + 1).trim();
                if (name.equals("content-length")) {
                    length = Integer.parseInt(value);
                } else if (name.equals("connection") && value.equalsIgnoreCase("close")) {
                    close = true;
                }
            }
            if (length < 0) {
                throw new AssertionError("answer without Content-Length: " + statusLine);
            }
            byte[] body = in.readNBytes(length);
            if (body.length < length) {
                throw new EOFException("body cut at " + body.length + " of " + length);
            }
            if (close) {
                throw new AssertionError("the server ended the connection after " + statusLine);
            }
            return new Answer(status, body);
        }

        void readSome(int bytes) throws IOException {
            in.readNBytes(bytes);
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = in.read()) != '\n') {
                if (c == -1) {
                    throw new EOFException("connection closed");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        /** Closes with a TCP reset (SO_LINGER 0). */
        void reset() throws IOException {
            socket.setSoLinger(true, 0);
            socket.close();
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // Already gone.
            }
        }
    }

    /**
     * The server side: {@code /get?n=} answers {@code n} bytes of the pattern, {@code /header} the length of
     * {@code X-Pad}, {@code /post} the length and CRC-32 of the body, {@code /file?f=} a file region.
     */
    private static final class SoakHandler extends ChannelInboundHandlerAdapter {
        private final File[] files;
        private final CRC32 crc = new CRC32();
        private HttpRequest request;
        private long length;

        SoakHandler(File[] files) {
            this.files = files;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            try {
                if (msg instanceof HttpRequest) {
                    request = (HttpRequest) msg;
                }
                if (msg instanceof HttpContent) {
                    ByteBuf content = ((HttpContent) msg).content();
                    length += content.readableBytes();
                    crc.update(content.nioBuffer());
                }
                if (msg instanceof LastHttpContent) {
                    respond(ctx);
                }
            } finally {
                ReferenceCountUtil.release(msg);
            }
        }

        private void respond(ChannelHandlerContext ctx) {
            QueryStringDecoder uri = new QueryStringDecoder(request.uri());
            switch (uri.path()) {
                case "/get" -> {
                    int size = Integer.parseInt(uri.parameters().get("n").get(0));
                    full(ctx, ctx.alloc().buffer(size).writeBytes(PATTERN, 0, size));
                }
                case "/header" -> full(ctx, ctx.alloc().buffer().writeBytes(String.valueOf(
                        request.headers().get("X-Pad", "").length()).getBytes(StandardCharsets.US_ASCII)));
                case "/post" -> full(ctx, ctx.alloc().buffer().writeBytes((length + " " + crc.getValue())
                        .getBytes(StandardCharsets.US_ASCII)));
                default -> {
                    File file = files[Integer.parseInt(uri.parameters().get("f").get(0))];
                    HttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
                    HttpUtil.setContentLength(response, file.length());
                    ctx.write(response);
                    ctx.write(new DefaultFileRegion(file, 0, file.length()));
                    ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT).addListener(ChannelFutureListener.CLOSE);
                }
            }
        }

        private static void full(ChannelHandlerContext ctx, ByteBuf content) {
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                    content);
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/octet-stream");
            HttpUtil.setContentLength(response, content.readableBytes());
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            // Injected errors and resets fail reads and writes: the request channel just closes.
            ctx.close();
        }
    }
}
