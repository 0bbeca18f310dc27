package io.netty.contrib.httpsys;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.DefaultFileRegion;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.CharsetUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The request decoder and response encoder inside the whole transport: bytes a client sends over loopback,
 * through the emulated kernel, to what a handler sees, and back to the bytes on the wire.
 */
@ExtendWith(LeakCheck.class)
@Timeout(60)
class HttpSysCodecEndToEndTest {

    @Test
    void handlersSeeTheRawTargetMergedHeadersAndBody() throws Exception {
        CompletableFuture<String> seen = new CompletableFuture<>();
        try (TestServer server = TestServer.start(ch -> ch.pipeline().addLast(handler((ctx, request) -> {
            seen.complete(request.method() + " " + request.uri() + " " + request.protocolVersion()
                    + " dup=" + request.headers().get("x-dup")
                    + " len=" + request.headers().get(HttpHeaderNames.CONTENT_LENGTH)
                    + " body=" + request.content().toString(CharsetUtil.US_ASCII));
            ctx.writeAndFlush(text(HttpResponseStatus.OK, "ok")).addListener(ChannelFutureListener.CLOSE);
        })))) {
            String response = exchange(server.port(), "PATCH http://127.0.0.1:" + server.port()
                    + "/a%20b?x=1 HTTP/1.1\r\nHost: 127.0.0.1:" + server.port()
                    + "\r\nX-Dup: 1\r\nX-Dup: 2\r\nContent-Length: 3\r\nConnection: close\r\n\r\nabc");
            assertTrue(response.startsWith("HTTP/1.1 200 "), response);
            assertEquals("PATCH /a%20b?x=1 HTTP/1.1 dup=1, 2 len=3 body=abc", seen.get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void responseHeadersOnTheWire() throws Exception {
        try (TestServer server = TestServer.start(ch -> ch.pipeline().addLast(handler((ctx, request) -> {
            FullHttpResponse response = text(HttpResponseStatus.OK, "hello");
            response.headers()
                    .add(HttpHeaderNames.SET_COOKIE, "a=1")
                    .add(HttpHeaderNames.SET_COOKIE, "b=2")
                    .set(HttpHeaderNames.DATE, "Thu, 01 Jan 1970 00:00:00 GMT")
                    .set("X-Custom", "value");
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        })))) {
            String response = exchange(server.port(), "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            List<String> lines = headerLines(response);
            assertTrue(lines.contains("set-cookie: a=1"), response);
            assertTrue(lines.contains("set-cookie: b=2"), response);
            assertTrue(lines.contains("x-custom: value"), response);
            assertTrue(lines.contains("content-length: 5"), "the kernel counted the body: " + response);
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("date: ")), response);
            assertFalse(lines.contains("date: Thu, 01 Jan 1970 00:00:00 GMT"), "the kernel writes its own Date");
            assertTrue(response.endsWith("\r\n\r\nhello"), response);
        }
    }

    @Test
    void streamedResponseIsChunkedAndKeepsTheConnection() throws Exception {
        try (TestServer server = TestServer.start(ch -> ch.pipeline().addLast(handler((ctx, request) -> {
            ctx.writeAndFlush(new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK));
            ctx.writeAndFlush(new DefaultHttpContent(Unpooled.copiedBuffer("abc", CharsetUtil.US_ASCII)));
            ctx.write(new DefaultHttpContent(Unpooled.copiedBuffer("defg", CharsetUtil.US_ASCII)));
            ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT).addListener(ChannelFutureListener.CLOSE);
        })));
             RawHttpClient client = new RawHttpClient(server.port())) {
            for (int i = 0; i < 2; i++) {
                client.send("GET /s HTTP/1.1\r\nHost: x\r\n\r\n");
                RawHttpClient.Response response = client.read();
                assertEquals(200, response.status);
                assertEquals("chunked", response.header("transfer-encoding"));
                assertEquals("abcdefg", response.bodyText());
            }
        }
    }

    @Test
    void fileRegionBodyComesFromTheFile(@TempDir Path dir) throws Exception {
        byte[] content = new byte[200_000];
        new Random(11).nextBytes(content);
        Path file = dir.resolve("data.bin");
        Files.write(file, content);
        try (TestServer server = TestServer.start(ch -> ch.pipeline().addLast(handler((ctx, request) -> {
            HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
            head.headers().set(HttpHeaderNames.CONTENT_LENGTH, content.length - 1000);
            ctx.write(head);
            ctx.write(new DefaultFileRegion(file.toFile(), 1000, content.length - 1000));
            ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT).addListener(ChannelFutureListener.CLOSE);
        })));
             RawHttpClient client = new RawHttpClient(server.port())) {
            client.send("GET /f HTTP/1.1\r\nHost: x\r\n\r\n");
            RawHttpClient.Response response = client.read();
            byte[] expected = new byte[content.length - 1000];
            System.arraycopy(content, 1000, expected, 0, expected.length);
            assertArrayEquals(expected, response.body);
        }
    }

    @Test
    void writingBytesFailsWithAMessageThatSaysWhatToRemove() throws Exception {
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        try (TestServer server = TestServer.start(ch -> ch.pipeline().addLast(handler((ctx, request) ->
                ctx.writeAndFlush(Unpooled.copiedBuffer("HTTP/1.1 200 OK\r\n\r\n", CharsetUtil.US_ASCII))
                        .addListener(f -> {
                            failure.complete(f.cause());
                            ctx.writeAndFlush(text(HttpResponseStatus.INTERNAL_SERVER_ERROR, "codec"))
                                    .addListener(ChannelFutureListener.CLOSE);
                        }))));
             RawHttpClient client = new RawHttpClient(server.port())) {
            client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
            RawHttpClient.Response response = client.read();
            assertEquals(500, response.status);
            Throwable cause = failure.get(10, TimeUnit.SECONDS);
            assertTrue(cause != null && cause.getMessage().contains("remove HttpServerCodec"), String.valueOf(cause));
        }
    }

    @Test
    void headerWithCrLfFailsTheWriteAndNothingIsSent() throws Exception {
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        try (TestServer server = TestServer.start(ch -> ch.pipeline().addLast(handler((ctx, request) -> {
            FullHttpResponse evil = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                    Unpooled.EMPTY_BUFFER,
                    io.netty.handler.codec.http.DefaultHttpHeadersFactory.headersFactory().withValidation(false)
                            .newHeaders().set("X-Split", "a\r\nSet-Cookie: stolen=1"),
                    io.netty.handler.codec.http.DefaultHttpHeadersFactory.trailersFactory().newHeaders());
            ctx.writeAndFlush(evil).addListener(f -> {
                failure.complete(f.cause());
                ctx.writeAndFlush(text(HttpResponseStatus.OK, "safe")).addListener(ChannelFutureListener.CLOSE);
            });
        })))) {
            String response = exchange(server.port(), "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            assertFalse(response.contains("stolen"), response);
            assertTrue(response.endsWith("safe"), response);
            Throwable cause = failure.get(10, TimeUnit.SECONDS);
            assertTrue(cause instanceof IllegalArgumentException && cause.getMessage().contains("X-Split"),
                    String.valueOf(cause));
        }
    }

    // ---- helpers ----

    private static SimpleChannelInboundHandler<FullHttpRequest> handler(
            BiConsumer<ChannelHandlerContext, FullHttpRequest> body) {
        return new SimpleChannelInboundHandler<>() {
            @Override
            protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
                body.accept(ctx, request);
            }
        };
    }

    private static FullHttpResponse text(HttpResponseStatus status, String text) {
        return new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.copiedBuffer(text, CharsetUtil.US_ASCII));
    }

    /** Sends {@code request} (which asks to close) and returns everything the server sent until it closed. */
    private static String exchange(int port, String request) throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    /** The header lines of a raw response, names lower-cased. */
    private static List<String> headerLines(String response) {
        List<String> lines = new ArrayList<>();
        String head = response.substring(0, response.indexOf("\r\n\r\n"));
        String[] split = head.split("\r\n");
        for (int i = 1; i < split.length; i++) {
            int colon = split[i].indexOf(':');
            lines.add(split[i].substring(0, colon).toLowerCase() + ": " + split[i].substring(colon + 1).trim());
        }
        assertNotEquals(0, lines.size());
        return lines;
    }
}
