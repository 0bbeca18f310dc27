package io.netty.contrib.httpsys;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;

import java.util.concurrent.CompletableFuture;

/**
 * A handler that answers nothing, as one that answers later from elsewhere: it hands the test the context of the
 * first request it reads, and the test answers (or closes, or waits) when it chooses.
 */
@ChannelHandler.Sharable
final class RequestHold extends SimpleChannelInboundHandler<FullHttpRequest> {

    final CompletableFuture<ChannelHandlerContext> held = new CompletableFuture<>();

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        held.complete(ctx);
    }
}
