package io.netty.contrib.httpsys.perf;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.timeout.ReadTimeoutHandler;

import java.util.concurrent.TimeUnit;

/**
 * One closed-loop virtual client: sends a request, waits for the whole response, and sends the next one, on
 * the same connection or a new one as its {@link Scenario} says, until the run stops. All its work happens on
 * the event loop of its current connection, one step after another.
 */
final class VirtualClient {

    private static final long ERROR_BACKOFF_MILLIS = 10;
    private static final int MAX_RESPONSE_BYTES = 1 << 20;

    private final LoadRun run;
    private final Scenario scenario;
    private final String hostHeader;
    private long startNanos;
    private boolean awaiting;

    VirtualClient(LoadRun run) {
        this.run = run;
        this.scenario = run.options().scenario();
        this.hostHeader = run.options().target().getHost() + ':' + run.options().port();
    }

    /** Opens a connection and sends the first request (any thread). */
    void start() {
        connect();
    }

    private void connect() {
        if (!run.isRunning()) {
            return;
        }
        startNanos = System.nanoTime();
        awaiting = true;
        ChannelFuture connected = run.bootstrap().clone().handler(new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel ch) {
                ChannelPipeline p = ch.pipeline();
                p.addLast(new ReadTimeoutHandler(run.options().requestTimeout().toMillis(), TimeUnit.MILLISECONDS));
                if (scenario.tls()) {
                    // The client session cache is keyed by peer host and port: without them nothing resumes.
                    p.addLast(scenario.resumeSessions()
                            ? run.sslContext().newHandler(ch.alloc(), run.options().target().getHost(), run.options().port())
                            : run.sslContext().newHandler(ch.alloc()));
                }
                p.addLast(new HttpClientCodec(), new HttpObjectAggregator(MAX_RESPONSE_BYTES), new ResponseHandler());
            }
        }).connect(run.options().target().getHost(), run.options().port());
        Channel ch = connected.channel();
        run.track(ch);
        ch.closeFuture().addListener(f -> onClosed(ch));
        connected.addListener((ChannelFutureListener) f -> {
            if (f.isSuccess()) {
                send(f.channel());
            }
        });
    }

    private void send(Channel ch) {
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET,
                run.options().requestUri());
        request.headers().set(HttpHeaderNames.HOST, hostHeader)
                .set(HttpHeaderNames.USER_AGENT, "netty-httpsys-loadgen")
                .set(HttpHeaderNames.ACCEPT, "*/*");
        if (!scenario.keepAlive()) {
            request.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        ch.writeAndFlush(request).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
    }

    private void onResponse(Channel ch, FullHttpResponse response) {
        if (!awaiting) {
            return;
        }
        awaiting = false;
        if (response.status().code() < 400) {
            run.recordLatency(System.nanoTime() - startNanos);
        } else {
            run.error();
        }
        if (scenario.keepAlive() && HttpUtil.isKeepAlive(response) && run.isRunning()) {
            startNanos = System.nanoTime();
            awaiting = true;
            send(ch);
        } else {
            ch.close();
        }
    }

    private void onClosed(Channel ch) {
        if (awaiting) {
            awaiting = false;
            if (run.isRunning()) {
                run.error();
                ch.eventLoop().schedule(this::connect, ERROR_BACKOFF_MILLIS, TimeUnit.MILLISECONDS);
            }
            return;
        }
        connect();
    }

    private final class ResponseHandler extends SimpleChannelInboundHandler<FullHttpResponse> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
            onResponse(ctx.channel(), response);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            run.noteFailure(cause);
            ctx.close();
        }
    }
}
