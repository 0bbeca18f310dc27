package io.netty.contrib.httpsys.nativeapi.emulator;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http2.DefaultHttp2DataFrame;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersFrame;
import io.netty.handler.codec.http2.Http2DataFrame;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2HeadersFrame;
import io.netty.handler.codec.http2.Http2ResetFrame;
import io.netty.util.ReferenceCountUtil;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.util.Map;

/**
 * One HTTP/2 stream as the emulated kernel sees it. Inbound, the stream's frames become what the HTTP/1.1 codec
 * gives {@link KernelConnection}: a {@link ParsedRequest} (version 2.0, {@code :method} as the verb, {@code :path}
 * as the raw URL and the source of the cooked one, {@code :authority} as the {@code Host} header), then the body
 * as {@code HttpContent}s and a {@link LastHttpContent} at END_STREAM. Outbound, the response as the kernel
 * writes it for HTTP/1.1 (the head {@link KernelResponseWriter} encodes, then body buffers) becomes a HEADERS
 * frame and DATA frames; {@link DataChunk.Trailers} become the final HEADERS frame; closing the stream after its
 * response sends END_STREAM.
 *
 * <p>Connection-specific response headers ({@code Connection}, {@code Keep-Alive}, {@code Proxy-Connection},
 * {@code Transfer-Encoding}, {@code Upgrade}) are dropped: RFC 9113 section 8.2.2 makes a message carrying them
 * malformed, and HTTP.SYS must drop at least {@code Connection}, since ASP.NET Core's HttpSys server sends
 * {@code Connection: close} with {@code HTTP_SEND_RESPONSE_FLAG_DISCONNECT} on HTTP/2 responses of unknown length
 * ("Or v2.0 and chunking isn't required", Response.ComputeHeaders) and browsers accept those responses. Whether
 * HTTP.SYS drops the others or refuses the send is not documented; dropping is this emulator's choice.
 *
 * <p>A stream the client resets ({@code RST_STREAM}) reaches the connection as an {@link IOException}, like a
 * TCP reset on HTTP/1.1: its disconnect waits end with {@code STATUS_CONNECTION_RESET}.
 */
final class Http2StreamFramer extends ChannelDuplexHandler {

    /** The client reset the stream. */
    static final class StreamResetException extends IOException {
        StreamResetException(long errorCode) {
            super("HTTP/2 stream reset by the client (error code " + errorCode + ")");
        }
    }

    private enum Out { HEAD, BODY, ENDED }

    private final InetSocketAddress localAddress;
    private final KernelLimits limits;
    private boolean headReceived;
    private boolean refused;
    private Out out = Out.HEAD;

    Http2StreamFramer(InetSocketAddress localAddress, KernelLimits limits) {
        this.localAddress = localAddress;
        this.limits = limits;
    }

    // ---- inbound

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (refused) {
            ReferenceCountUtil.release(msg);
        } else if (msg instanceof Http2HeadersFrame headers) {
            if (headReceived) {
                ctx.fireChannelRead(trailers(headers.headers()));
                return;
            }
            headReceived = true;
            ParsedRequest request;
            try {
                request = StreamMessages.request(headers.headers(), 2, !headers.isEndStream(), true, localAddress,
                        limits);
            } catch (RequestRejectedException e) {
                refuse(ctx, e.answer());
                return;
            }
            ctx.fireChannelRead(request);
            if (headers.isEndStream()) {
                ctx.fireChannelRead(LastHttpContent.EMPTY_LAST_CONTENT);
            }
        } else if (msg instanceof Http2DataFrame data) {
            ByteBuf content = data.content();
            ctx.fireChannelRead(data.isEndStream() ? new DefaultLastHttpContent(content)
                    : new DefaultHttpContent(content));
        } else {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof Http2ResetFrame reset) {
            out = Out.ENDED;
            ctx.fireExceptionCaught(new StreamResetException(reset.errorCode()));
            return;
        }
        ctx.fireUserEventTriggered(evt);
    }

    private static LastHttpContent trailers(Http2Headers headers) {
        LastHttpContent last = new DefaultLastHttpContent(Unpooled.EMPTY_BUFFER);
        for (Map.Entry<CharSequence, CharSequence> entry : headers) {
            if (entry.getKey().length() > 0 && entry.getKey().charAt(0) != ':') {
                last.trailingHeaders().add(entry.getKey(), entry.getValue());
            }
        }
        return last;
    }

    /** The kernel's own answer to a request it cannot route: the stream ends after it. */
    private void refuse(ChannelHandlerContext ctx, KernelAnswer answer) {
        refused = true;
        write(ctx, Unpooled.wrappedBuffer(KernelResponses.encode(answer)), ctx.newPromise());
        ctx.flush();
        ctx.channel().close();
    }

    // ---- outbound

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof ByteBuf buf) {
            if (out == Out.HEAD && buf.isReadable()) {
                writeHead(ctx, buf, promise);
            } else if (out == Out.BODY) {
                ctx.write(new DefaultHttp2DataFrame(buf, false), promise);
            } else {
                // Nothing to send (a flush marker), or bytes after the stream ended: those fail, as a send does.
                boolean empty = !buf.isReadable();
                buf.release();
                if (empty) {
                    promise.trySuccess();
                } else {
                    promise.tryFailure(new ClosedChannelException());
                }
            }
        } else if (msg instanceof DataChunk.Trailers trailers && out == Out.BODY) {
            out = Out.ENDED;
            Http2Headers fields = StreamMessages.trailers(trailers, new DefaultHttp2Headers());
            ctx.write(new DefaultHttp2HeadersFrame(fields, true), promise);
        } else if (msg instanceof DataChunk.Trailers) {
            promise.tryFailure(new ClosedChannelException());
        } else {
            if (msg instanceof Http2ResetFrame) {
                out = Out.ENDED;
            }
            ctx.write(msg, promise);
        }
    }

    /** Turns the HTTP/1.1 head (and any body bytes after it in the same buffer) into HEADERS and DATA. */
    private void writeHead(ChannelHandlerContext ctx, ByteBuf buf, ChannelPromise promise) {
        Http2Headers fields = StreamMessages.responseHead(buf, status -> new DefaultHttp2Headers().status(status));
        boolean interim = fields.status().charAt(0) == '1';
        if (!interim) {
            out = Out.BODY;
        }
        if (buf.isReadable() && !interim) {
            ctx.write(new DefaultHttp2HeadersFrame(fields, false));
            ctx.write(new DefaultHttp2DataFrame(buf, false), promise);
        } else {
            buf.release();
            ctx.write(new DefaultHttp2HeadersFrame(fields, false), promise);
        }
    }

    /**
     * Closing the stream after its response ends it with an empty DATA frame carrying END_STREAM, then closes the
     * stream channel (which resets the stream only if the request is still arriving); closing it before the
     * response began, or after a reset, resets it.
     */
    @Override
    public void close(ChannelHandlerContext ctx, ChannelPromise promise) {
        if (out != Out.BODY || !ctx.channel().isActive()) {
            ctx.close(promise);
            return;
        }
        out = Out.ENDED;
        ctx.writeAndFlush(new DefaultHttp2DataFrame(true))
                .addListener((ChannelFutureListener) f -> ctx.close(promise));
    }
}
