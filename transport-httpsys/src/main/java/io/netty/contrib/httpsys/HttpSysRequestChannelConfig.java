package io.netty.contrib.httpsys;

import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.DefaultChannelConfig;
import io.netty.channel.RecvByteBufAllocator;

import java.util.Set;

/**
 * The config of a request channel: Netty's defaults, with one shared {@link RecvByteBufAllocator} instead of a new
 * one per request (request bodies are sized by HTTP.SYS, not by the allocator).
 *
 * <p>Socket options ({@code TCP_NODELAY}, {@code SO_KEEPALIVE}, buffer sizes...) that a bootstrap written for NIO
 * passes as {@code childOption}s are accepted and ignored: HTTP.SYS owns the TCP connections, and
 * {@code ServerBootstrap} would otherwise log "Unknown channel option" for every request. The server says so once.
 */
final class HttpSysRequestChannelConfig extends DefaultChannelConfig {

    private static final RecvByteBufAllocator SHARED_ALLOCATOR = new AdaptiveRecvByteBufAllocator();
    private static final Set<ChannelOption<?>> SOCKET_OPTIONS = Set.of(ChannelOption.TCP_NODELAY,
            ChannelOption.SO_KEEPALIVE, ChannelOption.SO_SNDBUF, ChannelOption.SO_RCVBUF, ChannelOption.SO_LINGER,
            ChannelOption.SO_REUSEADDR, ChannelOption.IP_TOS);

    HttpSysRequestChannelConfig(Channel channel) {
        super(channel, SHARED_ALLOCATOR);
    }

    @Override
    public <T> boolean setOption(ChannelOption<T> option, T value) {
        if (SOCKET_OPTIONS.contains(option)) {
            validate(option, value);
            if (channel.parent() instanceof HttpSysServerChannel) {
                ((HttpSysServerChannel) channel.parent()).socketOptionIgnored(option);
            }
            return true;
        }
        return super.setOption(option, value);
    }
}
