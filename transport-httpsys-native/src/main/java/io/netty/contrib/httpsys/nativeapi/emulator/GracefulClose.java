package io.netty.contrib.httpsys.nativeapi.emulator;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.socket.DuplexChannel;

import java.util.concurrent.TimeUnit;

/**
 * Closes a connection the way HTTP.SYS does after a response that ends it: a FIN, not a reset. Closing a
 * socket with unread input makes the TCP stack send RST, and the client may then lose the response it has
 * not read yet; so the output is shut down first (the peer reads the response, then end of stream), input is
 * drained and discarded, and the socket is closed when the peer closes or after {@link #DRAIN_MILLIS}.
 */
public final class GracefulClose {

    /** How long a half-closed connection may keep sending before it is closed regardless. */
    public static final long DRAIN_MILLIS = 2000;

    private GracefulClose() {
    }

    /**
     * Ends {@code channel} after everything written to it so far has been flushed. Input arriving meanwhile
     * must be discarded by the caller's pipeline.
     */
    public static void afterFlush(Channel channel) {
        channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener((ChannelFutureListener) f -> {
            if (!(channel instanceof DuplexChannel duplex) || !f.isSuccess() || !channel.isActive()) {
                channel.close();
                return;
            }
            duplex.shutdownOutput().addListener((ChannelFutureListener) s -> {
                if (!s.isSuccess()) {
                    channel.close();
                    return;
                }
                channel.config().setAutoRead(true);
                channel.eventLoop().schedule((Runnable) channel::close, DRAIN_MILLIS, TimeUnit.MILLISECONDS);
            });
        });
    }
}
