package io.netty.contrib.httpsys.nativeapi.conformance;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.handler.codec.http3.DefaultHttp3DataFrame;
import io.netty.handler.codec.http3.DefaultHttp3HeadersFrame;
import io.netty.handler.codec.http3.Http3;
import io.netty.handler.codec.http3.Http3ClientConnectionHandler;
import io.netty.handler.codec.http3.Http3DataFrame;
import io.netty.handler.codec.http3.Http3Headers;
import io.netty.handler.codec.http3.Http3HeadersFrame;
import io.netty.handler.codec.http3.Http3RequestStreamInboundHandler;
import io.netty.handler.codec.quic.QuicChannel;
import io.netty.handler.codec.quic.QuicSslContext;
import io.netty.handler.codec.quic.QuicSslContextBuilder;
import io.netty.handler.codec.quic.QuicStreamChannel;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import io.netty.util.CharsetUtil;
import io.netty.util.ReferenceCountUtil;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Netty's HTTP/3 client for tests: one QUIC connection to 127.0.0.1, a request stream per {@link #exchange}, and
 * the response's HEADERS frames (the head, then any trailers) and body as they arrived. The server certificate is
 * not verified: BoringSSL's chain check refuses the tests' self-signed certificates, and what the tests check is
 * the server's side.
 */
public final class H3Client implements AutoCloseable {

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final int port;
    private final Channel udp;
    private final QuicChannel quic;

    public H3Client(int port) throws Exception {
        this.port = port;
        try {
            QuicSslContext ssl = QuicSslContextBuilder.forClient().trustManager(InsecureTrustManagerFactory.INSTANCE)
                    .applicationProtocols(Http3.supportedApplicationProtocols()).build();
            udp = new Bootstrap().group(group).channel(NioDatagramChannel.class)
                    .handler(Http3.newQuicClientCodecBuilder().sslContext(ssl)
                            .maxIdleTimeout(10, TimeUnit.SECONDS).initialMaxData(10_000_000)
                            .initialMaxStreamDataBidirectionalLocal(1_000_000).build())
                    .bind(0).sync().channel();
            quic = QuicChannel.newBootstrap(udp).handler(new Http3ClientConnectionHandler())
                    .remoteAddress(new InetSocketAddress("127.0.0.1", port)).connect().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            group.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            throw e;
        }
    }

    /** Opens a request stream, sends the request (with {@code body} as one DATA frame if not null) and its end. */
    public Exchange send(String method, String path, String body) throws InterruptedException {
        Exchange exchange = new Exchange();
        QuicStreamChannel stream = Http3.newRequestStream(quic, exchange).sync().getNow();
        DefaultHttp3HeadersFrame request = new DefaultHttp3HeadersFrame();
        request.headers().method(method).path(path).scheme("https").authority("localhost:" + port);
        if (body != null) {
            stream.write(request);
            stream.writeAndFlush(new DefaultHttp3DataFrame(Unpooled.copiedBuffer(body, CharsetUtil.UTF_8)))
                    .addListener(QuicStreamChannel.SHUTDOWN_OUTPUT).sync();
        } else {
            stream.writeAndFlush(request).addListener(QuicStreamChannel.SHUTDOWN_OUTPUT).sync();
        }
        return exchange;
    }

    /** Opens a request stream and sends its HEADERS without ending the request; {@code exchange} records the reply. */
    public QuicStreamChannel open(String method, String path, Exchange exchange) throws InterruptedException {
        QuicStreamChannel stream = Http3.newRequestStream(quic, exchange).sync().getNow();
        DefaultHttp3HeadersFrame request = new DefaultHttp3HeadersFrame();
        request.headers().method(method).path(path).scheme("https").authority("localhost:" + port);
        stream.writeAndFlush(request).sync();
        return stream;
    }

    /** {@link #send}, then waits up to 10 s for the end of the response. */
    public Exchange exchange(String method, String path, String body) throws Exception {
        Exchange exchange = send(method, path, body);
        exchange.done.get(10, TimeUnit.SECONDS);
        return exchange;
    }

    @Override
    public void close() throws InterruptedException {
        quic.close().sync();
        udp.close().sync();
        group.shutdownGracefully(0, 0, TimeUnit.SECONDS).sync();
    }

    /** One request stream: the response's HEADERS frames and body; {@link #done} when its input ended. */
    public static final class Exchange extends Http3RequestStreamInboundHandler {
        public final List<Http3Headers> headers = new ArrayList<>();
        public final StringBuilder body = new StringBuilder();
        public final CompletableFuture<Void> done = new CompletableFuture<>();

        public String status() {
            return String.valueOf(headers.get(0).status());
        }

        @Override
        protected void channelRead(ChannelHandlerContext ctx, Http3HeadersFrame frame) {
            headers.add(frame.headers());
            ReferenceCountUtil.release(frame);
        }

        @Override
        protected void channelRead(ChannelHandlerContext ctx, Http3DataFrame frame) {
            body.append(frame.content().toString(CharsetUtil.UTF_8));
            ReferenceCountUtil.release(frame);
        }

        @Override
        protected void channelInputClosed(ChannelHandlerContext ctx) {
            done.complete(null);
        }
    }
}
