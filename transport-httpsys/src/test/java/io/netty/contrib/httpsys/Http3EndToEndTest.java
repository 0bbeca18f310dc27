package io.netty.contrib.httpsys;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.DefaultFileRegion;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.contrib.httpsys.nativeapi.HttpSysBackend;
import io.netty.contrib.httpsys.nativeapi.conformance.H3Client;
import io.netty.contrib.httpsys.nativeapi.emulator.KernelFeatures;
import io.netty.contrib.httpsys.nativeapi.emulator.StrictMode;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.quic.Quic;
import io.netty.handler.codec.quic.QuicStreamChannel;
import io.netty.util.CharsetUtil;
import io.netty.util.ReferenceCountUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * HTTP/3 end to end: Netty's HTTP/3 client (QUIC over UDP) against an {@code https://} prefix on the emulator with
 * {@code EnableHttp3}. The handler sees the same {@code FullHttpRequest} as on HTTP/1.1 with
 * {@link HttpSysRequestInfo.Protocol#HTTP_3}, and its response (trailers included) reaches the client in HTTP/3
 * frames. Emulator only (Windows needs a certificate binding and the EnableHttp3 registry value).
 */
@ExtendWith(LeakCheck.class)
@Timeout(60)
class Http3EndToEndTest {

    @BeforeAll
    static void enableHttp3() throws Exception {
        assumeTrue(HttpSysBackend.current().isEmulated(),
                "the certificate and EnableHttp3 come from the emulator's properties");
        assumeTrue(Quic.isAvailable(), "the native QUIC library is a test dependency for linux-x86_64 only");
        // The transport makes the same kernel calls for HTTP/3 as for HTTP/1.1, which the strict-mode runs cover;
        // starting QUIC again in each of them would only add time.
        assumeTrue(System.getProperty(StrictMode.SEED_PROPERTY) == null,
                "HTTP/3 runs once, in the default run");
        EmulatorCertificate.installLocalhost();
        System.setProperty(KernelFeatures.ENABLE_HTTP3_PROPERTY, "1");
    }

    @AfterAll
    static void clearProperties() throws Exception {
        EmulatorCertificate.uninstall();
        System.clearProperty(KernelFeatures.ENABLE_HTTP3_PROPERTY);
    }

    /** Answers {@code <protocol> <method> <uri> <body bytes>}, then trailers. */
    private static final class ProtocolEcho extends SimpleChannelInboundHandler<FullHttpRequest> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            HttpSysRequestInfo info = HttpSysServerChannel.requestInfo(ctx.channel());
            DefaultHttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
            head.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain").set(HttpHeaderNames.CONNECTION, "close");
            ctx.write(head);
            LastHttpContent last = new DefaultLastHttpContent(Unpooled.copiedBuffer(info.protocol() + " "
                    + request.method() + " " + request.uri() + " " + request.content().readableBytes()
                    + (info.isSecure() ? " secure" : " plain"), CharsetUtil.UTF_8));
            last.trailingHeaders().set("grpc-status", "0");
            ctx.writeAndFlush(last);
        }
    }

    @Test
    void nettysHttp3ClientIsServedWithTheSameHandlerAndGetsTrailers() throws Exception {
        try (TestServer server = TestServer.builder().https()
                .pipeline(ch -> ch.pipeline().addLast(new ProtocolEcho())).start();
             H3Client client = new H3Client(server.port())) {
            H3Client.Exchange get = client.exchange("GET", "/h3?x=1", null);
            assertEquals("200", get.status());
            assertNull(get.headers.get(0).get("connection"), "no connection-specific fields on HTTP/3");
            assertEquals("HTTP_3 GET /h3?x=1 0 secure", get.body.toString());
            assertEquals("0", String.valueOf(get.headers.get(1).get("grpc-status")));

            H3Client.Exchange post = client.exchange("POST", "/upload", "twelve bytes");
            assertEquals("HTTP_3 POST /upload 12 secure", post.body.toString());
        }
    }

    /** A client that resets its request stream (RESET_STREAM) while the handler holds the request. */
    @Test
    void aClientStreamResetEndsTheRequestChannel() throws Exception {
        CompletableFuture<Void> received = new CompletableFuture<>();
        CompletableFuture<Void> inactive = new CompletableFuture<>();
        try (TestServer server = TestServer.builder().https()
                .option(HttpSysChannelOption.AGGREGATE, false)
                .pipeline(ch -> ch.pipeline().addLast(new ChannelInboundHandlerAdapter() {
                    @Override
                    public void channelRead(ChannelHandlerContext ctx, Object msg) {
                        ReferenceCountUtil.release(msg);
                        received.complete(null);
                    }

                    @Override
                    public void channelInactive(ChannelHandlerContext ctx) {
                        inactive.complete(null);
                    }
                })).start();
             H3Client client = new H3Client(server.port())) {
            QuicStreamChannel stream = client.open("POST", "/held", new H3Client.Exchange());
            received.get(10, TimeUnit.SECONDS);
            stream.shutdownOutput(0x10c).sync(); // H3_REQUEST_CANCELLED
            inactive.get(10, TimeUnit.SECONDS);
        }
    }

    /** 3 MB each way, three times the stream's flow-control window. */
    @Test
    void largeBodiesFlowBothWays() throws Exception {
        String upload = "x".repeat(3 * 1024 * 1024);
        try (TestServer server = TestServer.builder().https().pipeline(ch -> ch.pipeline().addLast(
                new SimpleChannelInboundHandler<FullHttpRequest>() {
                    @Override
                    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
                        ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                                request.content().retainedDuplicate()));
                    }
                })).start();
             H3Client client = new H3Client(server.port())) {
            H3Client.Exchange echo = client.exchange("POST", "/echo", upload);
            assertEquals("200", echo.status());
            assertEquals(upload.length(), echo.body.length());
            assertEquals(upload, echo.body.toString());
        }
    }

    /** A {@code DefaultFileRegion} leaves as a file-handle chunk; the emulator reads it into DATA frames. */
    @Test
    void aFileRegionIsServedOverHttp3(@TempDir Path dir) throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < 300_000; i++) {
            text.append(i).append(',');
        }
        Path file = Files.writeString(dir.resolve("body.txt"), text);
        try (TestServer server = TestServer.builder().https().pipeline(ch -> ch.pipeline().addLast(
                new SimpleChannelInboundHandler<FullHttpRequest>() {
                    @Override
                    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
                        DefaultHttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
                        head.headers().set(HttpHeaderNames.CONTENT_LENGTH, text.length());
                        ctx.write(head);
                        ctx.write(new DefaultFileRegion(file.toFile(), 0, text.length()));
                        ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
                    }
                })).start();
             H3Client client = new H3Client(server.port())) {
            H3Client.Exchange get = client.exchange("GET", "/file", null);
            assertEquals("200", get.status());
            assertEquals(text.toString(), get.body.toString());
        }
    }
}
