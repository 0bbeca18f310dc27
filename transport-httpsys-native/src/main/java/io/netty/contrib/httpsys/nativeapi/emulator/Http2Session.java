package io.netty.contrib.httpsys.nativeapi.emulator;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http2.DefaultHttp2GoAwayFrame;
import io.netty.handler.codec.http2.DefaultHttp2WindowUpdateFrame;
import io.netty.handler.codec.http2.Http2CodecUtil;
import io.netty.handler.codec.http2.Http2Error;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2FrameStreamException;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.stream.ChunkedWriteHandler;

import java.net.InetSocketAddress;
import java.util.HashSet;
import java.util.Set;

/**
 * The kernel side of one HTTP/2 connection (TLS with ALPN {@code h2}): Netty's HTTP/2 codec splits it into
 * streams, and each stream becomes a {@link KernelConnection} of its own, with its own {@code ConnectionId},
 * carrying exactly one request.
 *
 * <p>HTTP.SYS "virtualizes" connections on HTTP/2: "every request should report a unique connection id. In this
 * case WaitForDisconnectEx should work, as well as some of the abort mechanics" (the Http.Sys team, as quoted in
 * aspnet/HttpSysServer#442); {@code RawConnectionId} still names the underlying connection (dotnet/aspnetcore
 * PR #37945, "Use the RawConnectionId for HttpSys"). So a disconnect wait on a request's {@code ConnectionId}
 * ends when that stream ends (a client {@code RST_STREAM} included), not when the TCP connection does, and
 * {@code HttpCancelHttpRequest} resets only the stream.
 *
 * <p>Flow control is the backpressure of request bodies: a stream's window is given back only as its
 * {@link KernelConnection} takes the DATA in, which stops while the request's kernel buffer is full (the
 * application is not reading). The connection window is {@value #CONNECTION_WINDOW} bytes, so that streams
 * whose application is not reading cannot starve the others.
 */
final class Http2Session extends ChannelInboundHandlerAdapter {

    static final int CONNECTION_WINDOW = 16 * 1024 * 1024;

    private final Kernel kernel;
    /** The TCP connection's id: the {@code RawConnectionId} of every request on it. */
    final long rawConnectionId;
    /** Queues that streams of this connection were routed to; kernel lock. */
    private final Set<RequestQueue> queues = new HashSet<>();
    private Channel channel;

    Http2Session(Kernel kernel, long rawConnectionId) {
        this.kernel = kernel;
        this.rawConnectionId = rawConnectionId;
    }

    /** Puts the HTTP/2 codec, this session and the stream multiplexer on a connection that negotiated h2. */
    static void install(Kernel kernel, ChannelPipeline pipeline, KernelLimits limits) {
        Http2Session session = new Http2Session(kernel, kernel.newConnectionId());
        InetSocketAddress local = (InetSocketAddress) pipeline.channel().localAddress();
        pipeline.addLast(Http2FrameCodecBuilder.forServer()
                .initialSettings(Http2Settings.defaultSettings().maxHeaderListSize(limits.maxRequestBytes()))
                .build());
        pipeline.addLast(session);
        pipeline.addLast(new Http2MultiplexHandler(new ChannelInitializer<Http2StreamChannel>() {
            @Override
            protected void initChannel(Http2StreamChannel stream) {
                KernelConnection connection = kernel.newConnection();
                connection.session = session;
                stream.pipeline().addLast(new Http2StreamFramer(local, limits));
                stream.pipeline().addLast(new ChunkedWriteHandler());
                stream.pipeline().addLast(connection);
            }
        }));
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        channel = ctx.channel();
        synchronized (kernel) {
            kernel.sessionOpened(this);
        }
        // A WINDOW_UPDATE on stream 0 raises the connection window (Http2FrameCodec).
        ctx.writeAndFlush(new DefaultHttp2WindowUpdateFrame(
                CONNECTION_WINDOW - Http2CodecUtil.DEFAULT_WINDOW_SIZE));
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        synchronized (kernel) {
            kernel.sessionClosed(this);
        }
        ctx.fireChannelInactive();
    }

    /**
     * A stream's error goes on to the multiplexer, which hands it to that stream; anything else (the client reset
     * the TCP connection) ends the connection and its streams with it.
     */
    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof Http2FrameStreamException) {
            ctx.fireExceptionCaught(cause);
        } else {
            ctx.close();
        }
    }

    /** A stream of this connection was routed to {@code queue}; kernel lock. */
    void routed(RequestQueue queue) {
        queues.add(queue);
    }

    /**
     * {@code HttpShutdownRequestQueue} of a queue this connection's streams went to: {@code GOAWAY}, so that
     * the client opens a new connection for its next requests while the streams in progress finish.
     */
    void goAwayIfRoutedTo(RequestQueue queue) {
        if (queues.contains(queue)) {
            goAway();
        }
    }

    /** Sends {@code GOAWAY} (NO_ERROR, last stream id as received); safe from any thread. */
    void goAway() {
        channel.eventLoop().execute(() -> {
            if (channel.isActive()) {
                channel.writeAndFlush(new DefaultHttp2GoAwayFrame(Http2Error.NO_ERROR));
            }
        });
    }
}
