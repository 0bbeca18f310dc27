package io.netty.contrib.httpsys.examples;

import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;

import io.netty.util.internal.logging.InternalLogger;
import io.netty.util.internal.logging.InternalLoggerFactory;

import java.nio.charset.StandardCharsets;

/**
 * Answers every request with {@code 200 Hello, world!} (text/plain) — the application of the seed's
 * benchmark. The same instance serves every transport ({@link ServerTransport}) and every connection.
 *
 * <p>With {@code cacheSeconds > 0} the response says {@code Cache-Control: public, max-age=N}, which lets
 * HTTP.SYS serve later requests for the same URL from its kernel output cache without reaching Java.
 */
@ChannelHandler.Sharable
public final class HelloWorldHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final InternalLogger logger = InternalLoggerFactory.getInstance(HelloWorldHandler.class);

    /** The response body. */
    public static final byte[] CONTENT = "Hello, world!".getBytes(StandardCharsets.US_ASCII);

    private final String cacheControl;

    /** A handler whose responses are not cacheable. */
    public HelloWorldHandler() {
        this(0);
    }

    /** A handler whose responses may be cached for {@code cacheSeconds} (0: not at all). */
    public HelloWorldHandler(int cacheSeconds) {
        if (cacheSeconds < 0) {
            throw new IllegalArgumentException("cacheSeconds: " + cacheSeconds);
        }
        cacheControl = cacheSeconds == 0 ? null : "public, max-age=" + cacheSeconds;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        FullHttpResponse response = new DefaultFullHttpResponse(request.protocolVersion(), HttpResponseStatus.OK,
                ctx.alloc().buffer(CONTENT.length).writeBytes(CONTENT));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.TEXT_PLAIN)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, CONTENT.length);
        if (cacheControl != null) {
            response.headers().set(HttpHeaderNames.CACHE_CONTROL, cacheControl);
        }
        HttpUtil.setKeepAlive(response, keepAlive);
        ChannelFuture written = ctx.writeAndFlush(response);
        if (!keepAlive) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ConnectionErrors.closeOnException(logger, ctx, cause);
    }
}
