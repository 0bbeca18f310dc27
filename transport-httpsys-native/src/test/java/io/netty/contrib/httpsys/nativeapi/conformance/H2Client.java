package io.netty.contrib.httpsys.nativeapi.conformance;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http2.DefaultHttp2DataFrame;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersFrame;
import io.netty.handler.codec.http2.DefaultHttp2ResetFrame;
import io.netty.handler.codec.http2.Http2DataFrame;
import io.netty.handler.codec.http2.Http2Error;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2GoAwayFrame;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2HeadersFrame;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2ResetFrame;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.codec.http2.Http2StreamChannelBootstrap;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.ApplicationProtocolNegotiationHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.util.ReferenceCountUtil;

import javax.net.ssl.TrustManager;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * A frame-level HTTP/2 client over TLS (Netty's codec): negotiates by ALPN, opens streams and records what
 * arrives on each (HEADERS, DATA as text, RST_STREAM, the end of the stream) and GOAWAY on the connection.
 */
public final class H2Client implements AutoCloseable {

    /** A frame seen on a stream, in arrival order. */
    public sealed interface Event permits Headers, Data, Reset, Closed {
    }

    public record Headers(Http2Headers headers, boolean endStream) implements Event {
    }

    public record Data(String text, boolean endStream) implements Event {
    }

    public record Reset(long errorCode) implements Event {
    }

    public record Closed() implements Event {
    }

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final Channel channel;
    public final String protocol;
    public final CompletableFuture<Http2GoAwayFrame> goAway = new CompletableFuture<>();

    /** Connects to 127.0.0.1:{@code port}, offering {@code protocols} by ALPN. */
    public H2Client(int port, TrustManager trust, String... protocols) throws Exception {
        SslContext ssl = SslContextBuilder.forClient().trustManager(trust)
                .applicationProtocolConfig(new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
                        ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                        ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT, protocols))
                .build();
        CompletableFuture<String> negotiated = new CompletableFuture<>();
        channel = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(ssl.newHandler(ch.alloc(), "localhost", port));
                        // Configured on the event loop as the handshake ends: the server's SETTINGS may follow
                        // in the same read.
                        ch.pipeline().addLast(new ApplicationProtocolNegotiationHandler(
                                ApplicationProtocolNames.HTTP_1_1) {
                            @Override
                            protected void configurePipeline(ChannelHandlerContext ctx, String protocol) {
                                if (ApplicationProtocolNames.HTTP_2.equals(protocol)) {
                                    addHttp2(ctx.pipeline());
                                }
                                negotiated.complete(protocol);
                            }

                            @Override
                            protected void handshakeFailure(ChannelHandlerContext ctx, Throwable cause) {
                                negotiated.completeExceptionally(cause);
                                ctx.close();
                            }
                        });
                    }
                })
                .connect("127.0.0.1", port).sync().channel();
        protocol = negotiated.get(10, TimeUnit.SECONDS);
    }

    private void addHttp2(ChannelPipeline pipeline) {
        pipeline.addLast(Http2FrameCodecBuilder.forClient().build());
        pipeline.addLast(new Http2MultiplexHandler(new ChannelInboundHandlerAdapter()));
        pipeline.addLast(new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                if (msg instanceof Http2GoAwayFrame frame) {
                    goAway.complete(frame);
                }
                ReferenceCountUtil.release(msg);
            }
        });
    }

    /** A GET of {@code path} with {@code :authority} localhost:port and END_STREAM on its HEADERS. */
    public Stream get(String path, int port) throws InterruptedException {
        return open(request("GET", path, port), true);
    }

    public static Http2Headers request(String method, String path, int port) {
        return new DefaultHttp2Headers().method(method).scheme("https").path(path).authority("localhost:" + port);
    }

    public Stream open(Http2Headers headers, boolean endStream) throws InterruptedException {
        Stream stream = new Stream();
        stream.channel = new Http2StreamChannelBootstrap(channel).handler(stream.recorder()).open().sync().getNow();
        stream.channel.writeAndFlush(new DefaultHttp2HeadersFrame(headers, endStream)).sync();
        return stream;
    }

    @Override
    public void close() {
        channel.close().awaitUninterruptibly();
        group.shutdownGracefully(0, 0, TimeUnit.SECONDS).awaitUninterruptibly();
    }

    /** One stream: what arrived on it, and how to send more. */
    public static final class Stream {
        public final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        public Http2StreamChannel channel;

        private ChannelInboundHandlerAdapter recorder() {
            return new ChannelInboundHandlerAdapter() {
                @Override
                public void channelRead(ChannelHandlerContext ctx, Object msg) {
                    if (msg instanceof Http2HeadersFrame frame) {
                        events.add(new Headers(frame.headers(), frame.isEndStream()));
                    } else if (msg instanceof Http2DataFrame frame) {
                        events.add(new Data(frame.content().toString(StandardCharsets.ISO_8859_1),
                                frame.isEndStream()));
                    }
                    ReferenceCountUtil.release(msg);
                }

                @Override
                public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
                    if (evt instanceof Http2ResetFrame reset) {
                        events.add(new Reset(reset.errorCode()));
                    }
                }

                @Override
                public void channelInactive(ChannelHandlerContext ctx) {
                    events.add(new Closed());
                }
            };
        }

        /** The next event; fails after 10 s. */
        public Event next() throws InterruptedException {
            Event event = events.poll(10, TimeUnit.SECONDS);
            assertNotNull(event, "nothing arrived on the stream");
            return event;
        }

        /** The response: its HEADERS, then the body text up to END_STREAM. */
        public Response response() throws InterruptedException {
            Event first = next();
            if (!(first instanceof Headers head)) {
                throw new AssertionError("expected HEADERS, got " + first);
            }
            StringBuilder body = new StringBuilder();
            boolean ended = head.endStream();
            while (!ended) {
                Event event = next();
                if (event instanceof Data data) {
                    body.append(data.text());
                    ended = data.endStream();
                } else if (event instanceof Headers trailers) {
                    ended = trailers.endStream();
                } else {
                    throw new AssertionError("stream ended without END_STREAM: " + event);
                }
            }
            return new Response(head.headers(), body.toString());
        }

        public void send(String text, boolean endStream) throws InterruptedException {
            channel.writeAndFlush(new DefaultHttp2DataFrame(
                    Unpooled.wrappedBuffer(text.getBytes(StandardCharsets.ISO_8859_1)), endStream)).sync();
        }

        public void reset() throws InterruptedException {
            channel.writeAndFlush(new DefaultHttp2ResetFrame(Http2Error.CANCEL)).sync();
        }
    }

    public record Response(Http2Headers headers, String body) {
        public String status() {
            return headers.status().toString();
        }
    }
}
