package io.netty.contrib.httpsys;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;

import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

/**
 * Makes the spread of requests over event loops deterministic instead of the kernel's policy: it holds its loop
 * until {@code barrier} trips, then answers {@code "<label> on <thread>"}. A loop that holds a request posts no
 * new receive, so with {@link HttpSysChannelOption#RECEIVES_PER_LOOP} 1 the barrier of N parties trips only when
 * N requests were taken by N different loops at once; otherwise the handler answers 500 after 10 s.
 */
final class LoopBarrierHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private final CyclicBarrier barrier;
    private final String label;

    LoopBarrierHandler(CyclicBarrier barrier, String label) {
        this.barrier = barrier;
        this.label = label;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            RequestResponseTest.respond(ctx, HttpResponseStatus.INTERNAL_SERVER_ERROR, "barrier not reached: " + e);
            return;
        }
        RequestResponseTest.respond(ctx, HttpResponseStatus.OK, label + " on " + Thread.currentThread().getName());
    }
}
