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
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.cookie.Cookie;
import io.netty.handler.codec.http.cookie.ServerCookieDecoder;
import io.netty.handler.codec.http.cookie.ServerCookieEncoder;

import io.netty.util.internal.logging.InternalLogger;
import io.netty.util.internal.logging.InternalLoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Echoes the request back as text: method, URI, version, headers, query parameters, cookies and the body, and
 * sends the request's cookies back as {@code Set-Cookie}. Handy to see what a transport hands the application.
 */
@ChannelHandler.Sharable
public final class SnoopHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final InternalLogger logger = InternalLoggerFactory.getInstance(SnoopHandler.class);

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        StringBuilder text = new StringBuilder(256)
                .append("METHOD: ").append(request.method()).append("\r\n")
                .append("URI: ").append(request.uri()).append("\r\n")
                .append("VERSION: ").append(request.protocolVersion()).append("\r\n");
        for (Map.Entry<String, String> header : request.headers()) {
            text.append("HEADER: ").append(header.getKey()).append(" = ").append(header.getValue()).append("\r\n");
        }
        QueryStringDecoder query = new QueryStringDecoder(request.uri());
        text.append("PATH: ").append(query.path()).append("\r\n");
        for (Map.Entry<String, List<String>> parameter : query.parameters().entrySet()) {
            for (String value : parameter.getValue()) {
                text.append("PARAM: ").append(parameter.getKey()).append(" = ").append(value).append("\r\n");
            }
        }
        Set<Cookie> cookies = cookies(request);
        for (Cookie cookie : cookies) {
            text.append("COOKIE: ").append(cookie.name()).append(" = ").append(cookie.value()).append("\r\n");
        }
        if (request.content().isReadable()) {
            text.append("BODY:\r\n").append(request.content().toString(StandardCharsets.UTF_8)).append("\r\n");
        }

        boolean keepAlive = HttpUtil.isKeepAlive(request);
        byte[] body = text.toString().getBytes(StandardCharsets.UTF_8);
        FullHttpResponse response = new DefaultFullHttpResponse(request.protocolVersion(),
                request.decoderResult().isSuccess() ? HttpResponseStatus.OK : HttpResponseStatus.BAD_REQUEST,
                ctx.alloc().buffer(body.length).writeBytes(body));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=UTF-8")
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        for (Cookie cookie : cookies) {
            response.headers().add(HttpHeaderNames.SET_COOKIE, ServerCookieEncoder.STRICT.encode(cookie));
        }
        HttpUtil.setKeepAlive(response, keepAlive);
        ChannelFuture written = ctx.writeAndFlush(response);
        if (!keepAlive) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }

    private static Set<Cookie> cookies(FullHttpRequest request) {
        String header = request.headers().get(HttpHeaderNames.COOKIE);
        return header == null ? Set.of() : ServerCookieDecoder.STRICT.decode(header);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ConnectionErrors.closeOnException(logger, ctx, cause);
    }
}
