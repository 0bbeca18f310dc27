package io.netty.contrib.httpsys;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;

import java.util.concurrent.Executor;
import java.util.concurrent.ThreadFactory;

/**
 * A {@link MultiThreadIoEventLoopGroup} of {@link HttpSysIoHandler}s: one I/O completion port and one request
 * queue handle per thread.
 *
 * <p>The only addition over {@code new MultiThreadIoEventLoopGroup(HttpSysIoHandler.newFactory())}: a request
 * channel handed to {@link #register(Channel)} (as {@code ServerBootstrap} does with every accepted child) stays on
 * the event loop that received its request instead of going to the next loop round-robin, so a request never
 * changes threads.
 */
public final class HttpSysEventLoopGroup extends MultiThreadIoEventLoopGroup {

    /** A group with the default number of threads (twice the processors, or {@code io.netty.eventLoopThreads}). */
    public HttpSysEventLoopGroup() {
        this(0);
    }

    public HttpSysEventLoopGroup(int nThreads) {
        this(nThreads, (ThreadFactory) null);
    }

    public HttpSysEventLoopGroup(int nThreads, ThreadFactory threadFactory) {
        super(nThreads, threadFactory, factory());
    }

    public HttpSysEventLoopGroup(int nThreads, Executor executor) {
        super(nThreads, executor, factory());
    }

    private static IoHandlerFactory factory() {
        return HttpSysIoHandler.newFactory();
    }

    @Override
    public ChannelFuture register(Channel channel) {
        if (channel instanceof HttpSysRequestChannel && !((HttpSysRequestChannel) channel).isProbe()) {
            return ((HttpSysRequestChannel) channel).registerOnOwnLoop();
        }
        return super.register(channel);
    }
}
