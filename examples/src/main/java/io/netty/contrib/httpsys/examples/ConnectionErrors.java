package io.netty.contrib.httpsys.examples;

import io.netty.channel.ChannelHandlerContext;
import io.netty.util.internal.logging.InternalLogger;

import java.io.IOException;

/**
 * How the examples end a connection after an exception: close it, and log a WARN only for what is a bug. A peer
 * that resets or leaves mid-handshake is everyday traffic (load generators do it at the end of every run), so
 * I/O failures (TLS ones included) go to DEBUG.
 */
final class ConnectionErrors {

    private ConnectionErrors() {
    }

    static void closeOnException(InternalLogger logger, ChannelHandlerContext ctx, Throwable cause) {
        if (isPeerTrouble(cause)) {
            logger.debug("{}: closing after a connection error", ctx.channel(), cause);
        } else {
            logger.warn("{}: closing after an exception", ctx.channel(), cause);
        }
        ctx.close();
    }

    private static boolean isPeerTrouble(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof IOException) {
                return true;
            }
        }
        return false;
    }
}
