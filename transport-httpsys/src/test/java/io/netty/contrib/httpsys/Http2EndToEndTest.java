package io.netty.contrib.httpsys;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.contrib.httpsys.nativeapi.HttpSysBackend;
import io.netty.contrib.httpsys.nativeapi.conformance.H2Client;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.pkitesting.X509Bundle;
import io.netty.util.CharsetUtil;
import io.netty.util.ReferenceCountUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.net.ssl.SSLContext;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * HTTP/2 end to end: real HTTP/2 clients (the JDK's {@code HttpClient}, Netty's HTTP/2 codec, curl) against an
 * {@code https://} prefix, whose h2 the emulator negotiates by ALPN as HTTP.SYS does. Handlers see the same
 * {@code FullHttpRequest} as on HTTP/1.1, with the protocol in {@link HttpSysRequestInfo#protocol()}. Emulator only:
 * the server certificate comes from the emulator's properties (Windows needs a netsh sslcert binding).
 */
@ExtendWith(LeakCheck.class)
@Timeout(60)
class Http2EndToEndTest {

    private static X509Bundle certificate;
    private static SSLContext trusting;

    @BeforeAll
    static void certificate() throws Exception {
        assumeTrue(HttpSysBackend.current().isEmulated(),
                "the server certificate comes from the emulator's properties (Windows needs a netsh sslcert binding)");
        certificate = EmulatorCertificate.installLocalhost();
        trusting = EmulatorCertificate.trusting(certificate);
    }

    @AfterAll
    static void clearProperties() throws Exception {
        EmulatorCertificate.uninstall();
    }

    private static HttpClient client(HttpClient.Version version) {
        return HttpClient.newBuilder().version(version).sslContext(trusting).connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** Answers {@code <protocol> <method> <uri> <body bytes>}. */
    static final class ProtocolEcho extends SimpleChannelInboundHandler<FullHttpRequest> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            HttpSysRequestInfo info = HttpSysServerChannel.requestInfo(ctx.channel());
            respond(ctx, info.protocol() + " " + request.method() + " " + request.uri() + " "
                    + request.content().readableBytes());
        }
    }

    static void respond(ChannelHandlerContext ctx, String text) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                Unpooled.copiedBuffer(text, CharsetUtil.UTF_8));
        HttpUtil.setContentLength(response, response.content().readableBytes());
        ctx.writeAndFlush(response);
    }

    @Test
    void theJdkClientSpeaksHttp2AndHandlersSeeTheProtocol() throws Exception {
        try (TestServer server = https(1, ch -> ch.pipeline().addLast(new ProtocolEcho()))) {
            java.net.http.HttpResponse<String> response = client(HttpClient.Version.HTTP_2).send(
                    java.net.http.HttpRequest.newBuilder(server.uri("/hello?x=1")).build(), BodyHandlers.ofString());
            assertEquals(200, response.statusCode());
            assertEquals(HttpClient.Version.HTTP_2, response.version());
            assertEquals("HTTP_2 GET /hello?x=1 0", response.body());
        }
    }

    /**
     * A response streamed in several flushes without {@code Content-Length}: on HTTP/1.1 the encoder frames it
     * chunked; on HTTP/2 it must not (HTTP.SYS passes the bytes into DATA frames, so chunk framing would show up in
     * the body), and the body ends with the stream.
     */
    @Test
    void aStreamedResponseHasNoChunkedFramingOnHttp2() throws Exception {
        try (TestServer server = https(1, ch -> ch.pipeline().addLast(new StreamedAnswer()))) {
            java.net.http.HttpResponse<String> response = client(HttpClient.Version.HTTP_2).send(
                    java.net.http.HttpRequest.newBuilder(server.uri("/stream")).build(), BodyHandlers.ofString());
            assertEquals(HttpClient.Version.HTTP_2, response.version());
            assertEquals("one,two,three", response.body());
            assertTrue(response.headers().firstValue("transfer-encoding").isEmpty());
            assertTrue(response.headers().firstValue("connection").isEmpty());
        }
    }

    private static final class StreamedAnswer extends SimpleChannelInboundHandler<FullHttpRequest> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
            head.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain");
            ctx.writeAndFlush(head);
            ctx.writeAndFlush(new DefaultHttpContent(Unpooled.copiedBuffer("one,", CharsetUtil.US_ASCII)));
            ctx.writeAndFlush(new DefaultHttpContent(Unpooled.copiedBuffer("two,", CharsetUtil.US_ASCII)));
            ctx.writeAndFlush(new DefaultHttpContent(Unpooled.copiedBuffer("three", CharsetUtil.US_ASCII)));
            ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
        }
    }

    /**
     * 100 streams open at once on one TCP connection, served by a two-loop server: every one is answered, each
     * request has its own ConnectionId and all share the connection's RawConnectionId.
     */
    @Test
    void hundredConcurrentStreamsOnOneConnectionAreAllAnswered() throws Exception {
        Set<Long> connectionIds = ConcurrentHashMap.newKeySet();
        Set<Long> rawConnectionIds = ConcurrentHashMap.newKeySet();
        try (TestServer server = https(2, ch -> ch.pipeline().addLast(
                new SimpleChannelInboundHandler<FullHttpRequest>() {
                    @Override
                    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
                        HttpSysRequestInfo info = HttpSysServerChannel.requestInfo(ctx.channel());
                        connectionIds.add(info.connectionId());
                        rawConnectionIds.add(info.rawConnectionId());
                        respond(ctx, request.uri());
                    }
                }));
             H2Client client = new H2Client(server.port(), certificate.toTrustManager(),
                     ApplicationProtocolNames.HTTP_2)) {
            assertEquals(ApplicationProtocolNames.HTTP_2, client.protocol);
            List<H2Client.Stream> streams = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                streams.add(client.get("/stream/" + i, server.port()));
            }
            for (int i = 0; i < 100; i++) {
                H2Client.Response response = streams.get(i).response();
                assertEquals("200", response.status());
                assertEquals("/stream/" + i, response.body());
            }
            assertEquals(100, connectionIds.size());
            assertEquals(1, rawConnectionIds.size());
        }
    }

    @Test
    void tenMegabytesEachWay() throws Exception {
        byte[] upload = new byte[10 * 1024 * 1024];
        new Random(7).nextBytes(upload);
        try (TestServer server = https(1, ch -> ch.pipeline().addLast(
                new SimpleChannelInboundHandler<FullHttpRequest>() {
                    @Override
                    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
                        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                                HttpResponseStatus.OK, request.content().retain());
                        HttpUtil.setContentLength(response, response.content().readableBytes());
                        ctx.writeAndFlush(response);
                    }
                }))) {
            java.net.http.HttpResponse<byte[]> response = client(HttpClient.Version.HTTP_2).send(
                    java.net.http.HttpRequest.newBuilder(server.uri("/echo"))
                            .POST(BodyPublishers.ofByteArray(upload)).build(), BodyHandlers.ofByteArray());
            assertEquals(HttpClient.Version.HTTP_2, response.version());
            assertEquals(200, response.statusCode());
            assertArrayEquals(upload, response.body());
        }
    }

    /** A client RST_STREAM while the request body arrives ends the request channel; nothing leaks. */
    @Test
    void aClientResetMidBodyClosesTheRequestChannel() throws Exception {
        CountDownLatch headSeen = new CountDownLatch(1);
        CountDownLatch inactive = new CountDownLatch(1);
        try (TestServer server = TestServer.builder().https().option(HttpSysChannelOption.AGGREGATE, false)
                .pipeline(ch -> ch.pipeline().addLast(new ChannelInboundHandlerAdapter() {
                    @Override
                    public void channelRead(ChannelHandlerContext ctx, Object msg) {
                        if (msg instanceof HttpRequest request && "/next".equals(request.uri())) {
                            respond(ctx, "next");
                        } else if (msg instanceof HttpRequest) {
                            headSeen.countDown();
                        }
                        ReferenceCountUtil.release(msg);
                    }

                    @Override
                    public void channelInactive(ChannelHandlerContext ctx) {
                        if (headSeen.getCount() == 0) {
                            inactive.countDown();
                        }
                    }
                })).start();
             H2Client client = new H2Client(server.port(), certificate.toTrustManager(),
                     ApplicationProtocolNames.HTTP_2)) {
            H2Client.Stream stream = client.open(H2Client.request("POST", "/upload", server.port()), false);
            stream.send("x".repeat(32 * 1024), false);
            assertTrue(headSeen.await(10, TimeUnit.SECONDS));
            stream.reset();
            assertTrue(inactive.await(10, TimeUnit.SECONDS), "channelInactive after the client's RST_STREAM");
            // The connection goes on serving other streams.
            assertEquals("next", client.get("/next", server.port()).response().body());
        }
    }

    /** A client RST_STREAM after the response head, while the body is still coming, ends the request channel. */
    @Test
    void aClientResetMidResponseClosesTheRequestChannel() throws Exception {
        CountDownLatch inactive = new CountDownLatch(1);
        CompletableFuture<Throwable> laterWrite = new CompletableFuture<>();
        try (TestServer server = https(1, ch -> ch.pipeline().addLast(
                new SimpleChannelInboundHandler<FullHttpRequest>() {
                    @Override
                    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
                        ctx.writeAndFlush(new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK));
                        ctx.writeAndFlush(new DefaultHttpContent(Unpooled.copiedBuffer("part", CharsetUtil.US_ASCII)));
                    }

                    @Override
                    public void channelInactive(ChannelHandlerContext ctx) {
                        inactive.countDown();
                        ctx.writeAndFlush(new DefaultHttpContent(Unpooled.copiedBuffer("late", CharsetUtil.US_ASCII)))
                                .addListener((ChannelFutureListener) f -> laterWrite.complete(f.cause()));
                    }
                }));
             H2Client client = new H2Client(server.port(), certificate.toTrustManager(),
                     ApplicationProtocolNames.HTTP_2)) {
            H2Client.Stream stream = client.get("/download", server.port());
            assertInstanceOf(H2Client.Headers.class, stream.next());
            assertEquals(new H2Client.Data("part", false), stream.next());
            stream.reset();
            assertTrue(inactive.await(10, TimeUnit.SECONDS), "channelInactive after the client's RST_STREAM");
            assertTrue(laterWrite.get(10, TimeUnit.SECONDS) != null, "a write after the reset fails");
        }
    }

    @Test
    void http1AndHttp2ClientsAtOnce() throws Exception {
        try (TestServer server = https(2, ch -> ch.pipeline().addLast(new ProtocolEcho()))) {
            List<CompletableFuture<java.net.http.HttpResponse<String>>> answers = new ArrayList<>();
            HttpClient h1 = client(HttpClient.Version.HTTP_1_1);
            HttpClient h2 = client(HttpClient.Version.HTTP_2);
            for (int i = 0; i < 10; i++) {
                java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(server.uri("/" + i)).build();
                answers.add(h1.sendAsync(request, BodyHandlers.ofString()));
                answers.add(h2.sendAsync(request, BodyHandlers.ofString()));
            }
            for (int i = 0; i < answers.size(); i++) {
                java.net.http.HttpResponse<String> response = answers.get(i).get(20, TimeUnit.SECONDS);
                boolean viaH2 = i % 2 == 1;
                assertEquals(viaH2 ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1, response.version());
                assertEquals((viaH2 ? "HTTP_2" : "HTTP_1") + " GET /" + i / 2 + " 0", response.body());
            }
        }
    }

    @Test
    void curlHttp2() throws Exception {
        assumeTrue(Curl.installed(), "curl is not installed");
        try (TestServer server = https(1, ch -> ch.pipeline().addLast(new ProtocolEcho()))) {
            Curl.Result curl = Curl.run("--http2", "-k", "--include", server.uri("/curl").toString());
            assertEquals(0, curl.exitCode(), curl.errors());
            assertTrue(curl.output().startsWith("HTTP/2 200"), curl.output());
            assertTrue(curl.output().endsWith("HTTP_2 GET /curl 0"), curl.output());
        }
    }

    /** A server on {@code https://localhost:P/} with {@code threads} loops. */
    private static TestServer https(int threads, Consumer<Channel> pipeline) throws Exception {
        return TestServer.builder().https().threads(threads).pipeline(pipeline).start();
    }
}
