package io.netty.contrib.httpsys;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.DefaultFileRegion;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.contrib.httpsys.nativeapi.Http;
import io.netty.contrib.httpsys.nativeapi.HttpApi;
import io.netty.contrib.httpsys.nativeapi.HttpSysBackend;
import io.netty.contrib.httpsys.nativeapi.HttpSysException;
import io.netty.contrib.httpsys.nativeapi.Schannel;
import io.netty.contrib.httpsys.nativeapi.WinError;
import io.netty.contrib.httpsys.nativeapi.struct.HttpDataChunk;
import io.netty.contrib.httpsys.nativeapi.struct.HttpResponseV2;
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
import io.netty.pkitesting.CertificateBuilder;
import io.netty.pkitesting.X509Bundle;
import io.netty.util.CharsetUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import java.io.File;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
    void headAnswerStatesTheLengthOfTheBodyItDoesNotSend() throws Exception {
        try (TestServer server = TestServer.start(ch -> ch.pipeline().addLast(handler((ctx, request) ->
                ctx.writeAndFlush(text(HttpResponseStatus.OK, "twelve bytes"))
                        .addListener(ChannelFutureListener.CLOSE))));
             RawHttpClient client = new RawHttpClient(server.port())) {
            for (int i = 0; i < 2; i++) {
                client.send("HEAD /h HTTP/1.1\r\nHost: x\r\n\r\n");
                RawHttpClient.Response response = client.read(true);
                assertEquals(200, response.status);
                assertEquals("12", response.header("content-length"));
            }
        }
    }

    @Test
    void shareableResponseIsServedFromTheKernelCache() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        try (TestServer server = TestServer.start(ch -> ch.pipeline().addLast(handler((ctx, request) -> {
            FullHttpResponse response = text(HttpResponseStatus.OK, "call " + calls.incrementAndGet());
            // Content-Type: HTTP.SYS caches nothing without one (since Windows 8).
            response.headers().set(HttpHeaderNames.CACHE_CONTROL, "public, max-age=60")
                    .set(HttpHeaderNames.CONTENT_TYPE, "text/plain");
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        })));
             RawHttpClient client = new RawHttpClient(server.port())) {
            for (int i = 0; i < 3; i++) {
                client.send("GET /cached HTTP/1.1\r\nHost: x\r\n\r\n");
                assertEquals("call 1", client.read().bodyText());
            }
            assertEquals(1, calls.get(), "later hits never reached Java");
        }
    }

    @Test
    void fileRegionBodyComesFromTheFile(@TempDir Path dir) throws Exception {
        byte[] content = new byte[200_000];
        new Random(11).nextBytes(content);
        Path file = dir.resolve("data.bin");
        Files.write(file, content);
        // The data chunks the kernel is given, read during each send: the copy fallback would serve the same bytes.
        Queue<Integer> chunkTypes = new ConcurrentLinkedQueue<>();
        CallRecorder<HttpApi> kernel = CallRecorder.of(HttpApi.class, HttpSysBackend.current().httpApi())
                .observe("HttpSendHttpResponse", args -> addChunkTypes(chunkTypes,
                        HttpResponseV2.entityChunkCount((Long) args[3]), HttpResponseV2.entityChunks((Long) args[3])))
                .observe("HttpSendResponseEntityBody", args -> addChunkTypes(chunkTypes, (Short) args[3],
                        (Long) args[4]));
        try (TestServer server = TestServer.builder().httpApi(kernel.proxy()).pipeline(ch -> ch.pipeline().addLast(
                handler((ctx, request) -> {
                    HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
                    head.headers().set(HttpHeaderNames.CONTENT_LENGTH, content.length - 1000);
                    ctx.write(head);
                    ctx.write(new DefaultFileRegion(file.toFile(), 1000, content.length - 1000));
                    ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT).addListener(ChannelFutureListener.CLOSE);
                }))).start();
             RawHttpClient client = new RawHttpClient(server.port())) {
            client.send("GET /f HTTP/1.1\r\nHost: x\r\n\r\n");
            RawHttpClient.Response response = client.read();
            byte[] expected = new byte[content.length - 1000];
            System.arraycopy(content, 1000, expected, 0, expected.length);
            assertArrayEquals(expected, response.body);
        }
        assertTrue(chunkTypes.contains(Http.HttpDataChunkFromFileHandle), "the file went to the kernel as a file "
                + "handle, not copied: chunk types " + chunkTypes);
    }

    private static void addChunkTypes(Queue<Integer> types, int count, long chunks) {
        for (int i = 0; i < count; i++) {
            types.add(HttpDataChunk.dataChunkType(HttpDataChunk.at(chunks, i)));
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

    @Test
    void httpsRequestCarriesTheNegotiatedTlsParameters() throws Exception {
        assumeTrue(HttpSysBackend.current().isEmulated(),
                "the certificate comes from the emulator's properties (Windows needs a netsh sslcert binding)");
        X509Bundle certificate = new CertificateBuilder().subject("CN=localhost").addSanDnsName("localhost")
                .setIsCertificateAuthority(true).algorithm(CertificateBuilder.Algorithm.ecp256).buildSelfSigned();
        File chain = certificate.toTempCertChainPem();
        File key = certificate.toTempPrivateKeyPem();
        System.setProperty(EMULATOR_CERTIFICATE, chain.getPath());
        System.setProperty(EMULATOR_KEY, key.getPath());
        CompletableFuture<HttpSysRequestInfo> seen = new CompletableFuture<>();
        HttpSysEventLoopGroup group = new HttpSysEventLoopGroup(1);
        try {
            ServerBootstrap bootstrap = new ServerBootstrap().group(group).channel(HttpSysServerChannel.class)
                    .childHandler(new ChannelInitializer<Channel>() {
                        @Override
                        protected void initChannel(Channel ch) {
                            ch.pipeline().addLast(handler((ctx, request) -> {
                                seen.complete(HttpSysServerChannel.requestInfo(ctx.channel()));
                                FullHttpResponse response = text(HttpResponseStatus.OK, "over tls");
                                response.headers().set(HttpHeaderNames.CONNECTION, "close");
                                ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
                            }));
                        }
                    });
            Channel server = null;
            int port = 0;
            // A port another process takes between the probe and the bind: try another one.
            for (int attempt = 0; server == null; attempt++) {
                port = freePort();
                try {
                    server = bootstrap.bind(HttpSysAddress.of("https://localhost:" + port + "/")).sync().channel();
                } catch (Exception e) {
                    // sync() rethrows the bind failure undeclared, so it is caught as Exception.
                    int error = e instanceof HttpSysException ? ((HttpSysException) e).errorCode() : -1;
                    if (error != WinError.ERROR_SHARING_VIOLATION && error != WinError.ERROR_ALREADY_EXISTS
                            || attempt == 4) {
                        throw e;
                    }
                }
            }
            try {
                SSLContext trusting = SSLContext.getInstance("TLS");
                trusting.init(null, new TrustManager[] {certificate.toTrustManager()}, null);
                HttpClient client = HttpClient.newBuilder().sslContext(trusting).version(HttpClient.Version.HTTP_1_1)
                        .build();
                java.net.http.HttpResponse<String> response = client.send(java.net.http.HttpRequest.newBuilder(
                        URI.create("https://localhost:" + port + "/secure")).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                assertEquals(200, response.statusCode());
                assertEquals("over tls", response.body());
                String clientProtocol = response.sslSession().orElseThrow().getProtocol();

                HttpSysRequestInfo info = seen.get(10, TimeUnit.SECONDS);
                assertTrue(info.isSecure());
                assertEquals("https://localhost:" + port + "/secure", info.cookedUrl());
                assertEquals("CN=localhost", info.serverCertSubject());
                assertTrue(info.connectionKeySize() >= 128, "connection key size " + info.connectionKeySize());
                HttpSysRequestInfo.SslProtocolInfo tls = info.sslProtocolInfo();
                assertEquals(clientProtocol, tls.protocol(), "the client's JSSE name for what was negotiated");
                assertTrue(tls.schannelProtocol() == Schannel.SP_PROT_TLS1_3_SERVER
                        || tls.schannelProtocol() == Schannel.SP_PROT_TLS1_2_SERVER, tls.toString());
                assertTrue(tls.cipherStrength() >= 128, tls.toString());
                assertNotEquals(0, tls.cipherType(), tls.toString());
                assertNotEquals(0, tls.keyExchangeType(), tls.toString());
            } finally {
                server.close().sync();
            }
        } finally {
            group.shutdownGracefully(0, 5, TimeUnit.SECONDS).sync();
            System.clearProperty(EMULATOR_CERTIFICATE);
            System.clearProperty(EMULATOR_KEY);
            assertTrue(chain.delete() && key.delete());
        }
    }

    // ---- helpers ----

    /** The emulator's certificate of {@code https://} prefixes (PEM chain and key), read when a port is bound. */
    private static final String EMULATOR_CERTIFICATE = "io.netty.contrib.httpsys.emulator.certificate";
    private static final String EMULATOR_KEY = "io.netty.contrib.httpsys.emulator.key";

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

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
