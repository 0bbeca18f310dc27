package io.netty.contrib.httpsys.nativeapi.emulator;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The listening sockets of one TCP port: one per configured listen address (by default 127.0.0.1, and ::1
 * when the machine has IPv6). HTTP.SYS listens once per port and routes every URL prefix on it, so prefixes
 * of many groups and queues share these sockets.
 */
final class PortListener {

    final int port;
    final String scheme;
    private final List<Channel> channels = new ArrayList<>();
    /** Channels on the connection loops (HTTP/3's UDP socket): see {@link #close()}. */
    private final List<Channel> others = new ArrayList<>();

    private PortListener(int port, String scheme) {
        this.port = port;
        this.scheme = scheme;
    }

    /**
     * Binds {@code port} on every address; {@code null} when the first (required) address is taken, which the
     * caller reports as {@code ERROR_SHARING_VIOLATION}. Later addresses are best effort (IPv6 may be absent).
     */
    static PortListener bind(EventLoopGroup acceptLoop, EventLoopGroup connectionLoops, List<InetAddress> addresses, int port, String scheme,
                             ChannelInitializer<SocketChannel> initializer) {
        PortListener listener = new PortListener(port, scheme);
        for (int i = 0; i < addresses.size(); i++) {
            ChannelFuture bound = new ServerBootstrap()
                    .group(acceptLoop, connectionLoops)
                    .channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_BACKLOG, 1024)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(initializer)
                    .bind(new InetSocketAddress(addresses.get(i), port))
                    .awaitUninterruptibly();
            if (bound.isSuccess()) {
                listener.channels.add(bound.channel());
            } else if (i == 0) {
                listener.close();
                return null;
            }
        }
        return listener;
    }

    /** Another listening channel of this port (HTTP/3's UDP socket, on a connection loop), closed with the others. */
    void add(Channel channel) {
        others.add(channel);
    }

    /**
     * Closes the port. The TCP listeners are waited for, so that the port is free when the caller returns (their
     * accept loop never waits for the kernel's lock); the others are not: this runs under the kernel's lock, and a
     * connection loop may be waiting for that lock ({@link KernelConnection}), which deadlocked.
     */
    void close() {
        for (Channel channel : channels) {
            channel.close().awaitUninterruptibly();
        }
        channels.clear();
        for (Channel channel : others) {
            channel.close();
        }
        others.clear();
    }
}
