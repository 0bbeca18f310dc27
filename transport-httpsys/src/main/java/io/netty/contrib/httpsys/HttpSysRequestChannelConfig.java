package io.netty.contrib.httpsys;

import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.DefaultChannelConfig;
import io.netty.channel.RecvByteBufAllocator;

/**
 * The config of a request channel: Netty's defaults, with one shared {@link RecvByteBufAllocator} instead of a new
 * one per request (request bodies are sized by HTTP.SYS, not by the allocator).
 */
final class HttpSysRequestChannelConfig extends DefaultChannelConfig {

    private static final RecvByteBufAllocator SHARED_ALLOCATOR = new AdaptiveRecvByteBufAllocator();

    HttpSysRequestChannelConfig(Channel channel) {
        super(channel, SHARED_ALLOCATOR);
    }
}
