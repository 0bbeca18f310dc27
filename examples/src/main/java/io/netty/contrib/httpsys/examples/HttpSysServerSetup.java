package io.netty.contrib.httpsys.examples;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.contrib.httpsys.HttpSys;
import io.netty.contrib.httpsys.HttpSysAddress;
import io.netty.contrib.httpsys.HttpSysEventLoopGroup;
import io.netty.contrib.httpsys.HttpSysServerChannel;

/**
 * The {@code httpsys} side of {@link ServerTransport}: an {@link HttpSysEventLoopGroup}, an
 * {@link HttpSysServerChannel} bound to {@code http(s)://+:port/}, and the application's handlers as the whole
 * child pipeline (the kernel parsed the request and, for {@code https}, terminated TLS).
 */
final class HttpSysServerSetup {

    private final ExampleOptions options;
    private final int port;

    HttpSysServerSetup(ExampleOptions options, int port) {
        this.options = options;
        this.port = port;
    }

    static String backendName() {
        return HttpSys.backendName();
    }

    EventLoopGroup newGroup() {
        return new HttpSysEventLoopGroup(options.threads());
    }

    HttpSysAddress address() {
        return HttpSysAddress.of((options.tls() ? "https" : "http") + "://+:" + port + '/');
    }

    ServerBootstrap bootstrap(EventLoopGroup group, ChannelHandler handlers) {
        return new ServerBootstrap()
                .group(group)
                .channel(HttpSysServerChannel.class)
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(handlers);
                    }
                });
    }
}
