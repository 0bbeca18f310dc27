package io.netty.contrib.httpsys;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.contrib.httpsys.nativeapi.HttpSysException;
import io.netty.contrib.httpsys.nativeapi.WinError;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * HTTP.SYS's kernel response cache as an application sees it: what a cached response looks like when a client
 * asks for a byte range of it (one {@code Content-Length}, the range's), which responses never get into the cache,
 * and {@link HttpSysServerChannel#flushResponseCache}. The emulator's cache rules are checked call by call in the
 * native module's {@code ResponseCacheAndTimeoutsTest}; the Windows variants run the same checks on the kernel.
 */
@ExtendWith(LeakCheck.class)
class ResponseCacheTest {

    private static final String BODY = "0123456789abcdefghij";

    /** Answers every GET with a shareable response, its length stated, as most Netty handlers write one. */
    @ChannelHandler.Sharable
    private static final class CacheableHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            calls.incrementAndGet();
            String body = request.uri().startsWith("/big") ? "b".repeat(300 * 1024) : BODY;
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                    Unpooled.copiedBuffer(body, StandardCharsets.US_ASCII));
            response.headers().set(HttpHeaderNames.CACHE_CONTROL, "public, max-age=60")
                    .set(HttpHeaderNames.CONTENT_TYPE, "text/plain")
                    .set(HttpHeaderNames.CONTENT_LENGTH, body.length());
            ctx.writeAndFlush(response);
        }
    }

    /** A response as its bytes came: status line, every header line (duplicates kept) and the body. */
    private record RawResponse(String statusLine, List<String> headerLines, String body) {
        List<String> lines(String name) {
            return headerLines.stream()
                    .filter(line -> line.toLowerCase(Locale.ROOT).startsWith(name.toLowerCase(Locale.ROOT) + ":"))
                    .toList();
        }
    }

    /**
     * Sends {@code request} on a new connection and reads one response; the body is read by the last
     * {@code Content-Length} line, the one a client that does not reject duplicates may use.
     */
    private static RawResponse exchange(int port, String request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int matched = 0;
            while (matched < 4) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("closed inside the head: " + head);
                }
                head.write(b);
                matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : b == '\r' ? 1 : 0;
            }
            String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
            List<String> headers = new ArrayList<>(List.of(lines).subList(1, lines.length));
            List<String> lengths = new RawResponse(lines[0], headers, "").lines("Content-Length");
            int length = request.startsWith("HEAD") || lengths.isEmpty() ? 0
                    : Integer.parseInt(lengths.get(lengths.size() - 1).substring(15).trim());
            return new RawResponse(lines[0], headers,
                    new String(in.readNBytes(length), StandardCharsets.ISO_8859_1));
        }
    }

    private static String get(String path, int port, String... headers) {
        return "GET " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\n" + String.join("", headers) + "\r\n";
    }

    private static TestServer start(CacheableHandler handler) throws Exception {
        return TestServer.start(ch -> ch.pipeline().addLast(handler));
    }

    @Test
    void aRangeOfACachedResponseHasOneContentLength() throws Exception {
        assertRangeOfCachedResponseHasOneContentLength();
    }

    @Test
    @EnabledOnOs(OS.WINDOWS)
    void aRangeOfACachedResponseHasOneContentLengthOnTheKernel() throws Exception {
        assumeFalse(HttpSys.isEmulated(), "the emulator is selected");
        assertRangeOfCachedResponseHasOneContentLength();
    }

    private static void assertRangeOfCachedResponseHasOneContentLength() throws Exception {
        CacheableHandler handler = new CacheableHandler();
        try (TestServer server = start(handler)) {
            RawResponse first = exchange(server.port(), get("/range", server.port()));
            assertEquals(List.of("Content-Length: 20"), first.lines("Content-Length"));
            assertEquals(BODY, first.body());

            RawResponse partial = exchange(server.port(), get("/range", server.port(), "Range: bytes=0-10\r\n"));
            assertEquals(1, handler.calls.get(), "the range came from the kernel cache");
            assertEquals("HTTP/1.1 206 Partial Content", partial.statusLine());
            assertEquals(List.of("Content-Length: 11"), partial.lines("Content-Length"),
                    "exactly one Content-Length, the range's");
            assertEquals(List.of("Content-Range: bytes 0-10/20"), partial.lines("Content-Range"));
            assertEquals(BODY.substring(0, 11), partial.body());
        }
    }

    @Test
    void theApplicationsContentLengthStaysOnHeadResponses() throws Exception {
        CacheableHandler handler = new CacheableHandler();
        try (TestServer server = start(handler)) {
            RawResponse head = exchange(server.port(), "HEAD /h HTTP/1.1\r\nHost: localhost:" + server.port()
                    + "\r\n\r\n");
            assertEquals(List.of("Content-Length: 20"), head.lines("Content-Length"),
                    "the kernel sends no body for HEAD, so it cannot state the length");
        }
    }

    @Test
    void aRequestWithAQueryStringIsNotAnsweredFromTheCache() throws Exception {
        CacheableHandler handler = new CacheableHandler();
        try (TestServer server = start(handler)) {
            for (int i = 1; i <= 2; i++) {
                assertEquals(BODY, exchange(server.port(), get("/q?page=1", server.port())).body());
                assertEquals(i, handler.calls.get(), "request " + i + " reached the handler");
            }
        }
    }

    @Test
    void aResponseOverTheCacheSizeLimitIsNotCached() throws Exception {
        // UriMaxUriBytes: 256 KB by default; the handler answers /big with 300 KB.
        CacheableHandler handler = new CacheableHandler();
        try (TestServer server = start(handler)) {
            for (int i = 1; i <= 2; i++) {
                assertEquals(300 * 1024, exchange(server.port(), get("/big", server.port())).body().length());
                assertEquals(i, handler.calls.get(), "request " + i + " reached the handler");
            }
        }
    }

    @Test
    void flushingTheCacheSendsTheNextRequestToTheApplication() throws Exception {
        assertFlushSendsTheNextRequestToTheApplication();
    }

    @Test
    @EnabledOnOs(OS.WINDOWS)
    void flushingTheCacheSendsTheNextRequestToTheApplicationOnTheKernel() throws Exception {
        assumeFalse(HttpSys.isEmulated(), "the emulator is selected");
        assertFlushSendsTheNextRequestToTheApplication();
    }

    private static void assertFlushSendsTheNextRequestToTheApplication() throws Exception {
        CacheableHandler handler = new CacheableHandler();
        try (TestServer server = start(handler)) {
            HttpSysServerChannel channel = (HttpSysServerChannel) server.channel();
            int port = server.port();
            exchange(port, get("/f/a", port));
            exchange(port, get("/f/b", port));
            exchange(port, get("/f/a", port));
            assertEquals(2, handler.calls.get(), "the repeat was a cache hit");

            channel.flushResponseCache("http://+:" + port + "/f/a", false);
            assertEquals(BODY, exchange(port, get("/f/a", port)).body());
            assertEquals(3, handler.calls.get(), "the flushed URL reached the handler");
            exchange(port, get("/f/b", port));
            assertEquals(3, handler.calls.get(), "a flush without recursive leaves other URLs cached");

            channel.flushResponseCache("http://+:" + port + "/", true);
            exchange(port, get("/f/a", port));
            exchange(port, get("/f/b", port));
            assertEquals(5, handler.calls.get(), "a recursive flush of the root empties everything under it");
        }
    }

    @Test
    void flushingAPrefixThatIsNotTheServersFails() throws Exception {
        try (TestServer server = start(new CacheableHandler())) {
            int other = server.port() == 65535 ? server.port() - 1 : server.port() + 1;
            HttpSysException notOurs = assertThrows(HttpSysException.class, () ->
                    ((HttpSysServerChannel) server.channel()).flushResponseCache("http://+:" + other + "/", true));
            assertEquals(WinError.ERROR_INVALID_PARAMETER, notOurs.errorCode());
        }
    }
}
