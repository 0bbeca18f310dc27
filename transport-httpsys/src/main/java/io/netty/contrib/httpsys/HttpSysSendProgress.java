package io.netty.contrib.httpsys;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufHolder;
import io.netty.channel.ChannelProgressivePromise;
import io.netty.channel.ChannelPromise;
import io.netty.channel.FileRegion;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Progress events for the {@link ChannelProgressivePromise}s of one send, as NIO gives them
 * ({@code ChannelOutboundBuffer.progress}): a {@code ChannelProgressiveFutureListener} on a {@link FileRegion}
 * write (Netty's file server example) hears how many of the message's bytes went out before the promise
 * succeeds. HTTP.SYS reports a send only as a whole, so each such write gets one event, {@code (total, total)},
 * when the send that carried its last byte completes.
 *
 * <p>Made only for a request that has such a promise; confined to the request's event loop.
 */
final class HttpSysSendProgress {

    private List<ChannelProgressivePromise> promises;
    private long[] totals;

    /** Notes a progressive {@code promise}; {@code msg} is its message, appended to the send and not yet released. */
    void add(ChannelPromise promise, Object msg) {
        if (promises == null) {
            promises = new ArrayList<>(2);
            totals = new long[2];
        } else if (promises.size() == totals.length) {
            totals = Arrays.copyOf(totals, totals.length * 2);
        }
        totals[promises.size()] = total(msg);
        promises.add((ChannelProgressivePromise) promise);
    }

    /** The send succeeded: every noted promise hears that all its bytes went out. Forgets them. */
    void reportDone() {
        List<ChannelProgressivePromise> done = promises;
        long[] sizes = totals;
        clear();
        if (done == null) {
            return;
        }
        for (int i = 0; i < done.size(); i++) {
            done.get(i).tryProgress(sizes[i], sizes[i]);
        }
    }

    /** Forgets the noted promises (the send failed: they fail without progress). */
    void clear() {
        promises = null;
        totals = null;
    }

    /** The size NIO gives the same message ({@code ChannelOutboundBuffer.total}), 0 for a message without bytes. */
    private static long total(Object msg) {
        if (msg instanceof ByteBuf) {
            return ((ByteBuf) msg).readableBytes();
        }
        if (msg instanceof FileRegion) {
            return ((FileRegion) msg).count();
        }
        if (msg instanceof ByteBufHolder) {
            return ((ByteBufHolder) msg).content().readableBytes();
        }
        return 0;
    }
}
