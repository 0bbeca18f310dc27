package io.netty.contrib.httpsys.nativeapi.emulator;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.FileRegion;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http3.DefaultHttp3DataFrame;
import io.netty.handler.codec.http3.DefaultHttp3Headers;
import io.netty.handler.codec.http3.DefaultHttp3HeadersFrame;
import io.netty.handler.codec.http3.Http3DataFrame;
import io.netty.handler.codec.http3.Http3Headers;
import io.netty.handler.codec.http3.Http3HeadersFrame;
import io.netty.handler.codec.quic.QuicStreamChannel;
import io.netty.handler.codec.quic.QuicStreamResetException;
import io.netty.util.ReferenceCountUtil;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;

/**
 * One HTTP/3 request stream as the emulated kernel sees it, the counterpart of {@link Http2StreamFramer}. Inbound,
 * the HEADERS frame becomes a {@link ParsedRequest} of version 3.0 ({@code :method} the verb, {@code :path} the raw
 * URL, {@code :authority} the {@code Host} header), DATA frames become {@code HttpContent}s and the end of the
 * stream's input a {@link LastHttpContent}; request trailers (a second HEADERS frame) are dropped, since HTTP.SYS
 * passes none to applications. Outbound, the HTTP/1.1 head the kernel writes becomes a HEADERS frame (without the
 * reason and the connection-specific fields, RFC 9114 section 4.2), body bytes DATA frames,
 * {@link DataChunk.Trailers} the final HEADERS frame, and the end of the response the end of the stream (the kernel
 * shuts the stream's output down after it, {@link GracefulClose}).
 *
 * <p>HTTP.SYS's version field for HTTP/3 requests is not documented; consumers tell HTTP/3 by
 * {@code HTTP_REQUEST_FLAG_HTTP3} (the IIS sample module that names the protocol tests the flag before the
 * version), and 3.0 is what the protocol's name says.
 */
final class Http3StreamFramer extends ChannelDuplexHandler {

    private enum Out { HEAD, BODY, ENDED }

    private final InetSocketAddress localAddress;
    private final KernelLimits limits;
    private boolean headReceived;
    private boolean inputEnded;
    private boolean refused;
    private Out out = Out.HEAD;
    /** The last frame written: an empty buffer (a flush marker, as {@link GracefulClose} writes) waits for it. */
    private ChannelFuture lastWrite;

    Http3StreamFramer(InetSocketAddress localAddress, KernelLimits limits) {
        this.localAddress = localAddress;
        this.limits = limits;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        // The end of the request is the end of the stream's input, which must not close the stream: the response
        // still goes out on it.
        ((QuicStreamChannel) ctx.channel()).config().setAllowHalfClosure(true);
    }

    // ---- inbound

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (refused) {
            ReferenceCountUtil.release(msg);
        } else if (msg instanceof Http3HeadersFrame headers) {
            if (headReceived) {
                return;
            }
            headReceived = true;
            try {
                // The body's length is unknown until the stream ends unless content-length says it; an
                // Expect: 100-continue gets no interim response on HTTP/3 in this emulator.
                ctx.fireChannelRead(StreamMessages.request(headers.headers(), 3, true, false, localAddress, limits));
            } catch (RequestRejectedException e) {
                refuse(ctx, e.answer());
            }
        } else if (msg instanceof Http3DataFrame data) {
            if (headReceived) {
                ctx.fireChannelRead(new DefaultHttpContent(data.content()));
            } else {
                data.release();
            }
        } else {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof ChannelInputShutdownEvent && !inputEnded) {
            inputEnded = true;
            if (headReceived && !refused) {
                ctx.fireChannelRead(LastHttpContent.EMPTY_LAST_CONTENT);
            }
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // A client's RESET_STREAM ends the request as a TCP reset ends one on HTTP/1.1: an IOException to the
        // kernel, whose disconnect waits then end with STATUS_CONNECTION_RESET (as Http2StreamFramer does).
        ctx.fireExceptionCaught(cause instanceof QuicStreamResetException
                ? new IOException("HTTP/3 stream reset by the client", cause) : cause);
    }

    /** The kernel's own answer to a request it cannot route: the stream ends after it. */
    private void refuse(ChannelHandlerContext ctx, KernelAnswer answer) {
        refused = true;
        write(ctx, Unpooled.wrappedBuffer(KernelResponses.encode(answer)), ctx.newPromise());
        ctx.flush();
        GracefulClose.afterFlush(ctx.channel());
    }

    // ---- outbound

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof ByteBuf buf) {
            if (!buf.isReadable() || out == Out.ENDED) {
                buf.release();
                // Succeeds once what came before is written: the stream's end must not overtake its data.
                if (lastWrite == null || lastWrite.isDone()) {
                    promise.trySuccess();
                } else {
                    lastWrite.addListener(f -> promise.trySuccess());
                }
            } else if (out == Out.HEAD) {
                writeHead(ctx, buf, promise);
            } else {
                lastWrite = ctx.write(new DefaultHttp3DataFrame(buf), promise);
            }
        } else if (msg instanceof FileRegion region) {
            writeFile(ctx, region, promise);
        } else if (msg instanceof DataChunk.Trailers trailers && out == Out.BODY) {
            Http3Headers fields = StreamMessages.trailers(trailers, new DefaultHttp3Headers());
            out = Out.ENDED;
            lastWrite = ctx.write(new DefaultHttp3HeadersFrame(fields), promise);
        } else {
            ctx.write(msg, promise);
        }
    }

    /** Turns the HTTP/1.1 head (and any body bytes after it in the same buffer) into HEADERS and DATA. */
    private void writeHead(ChannelHandlerContext ctx, ByteBuf buf, ChannelPromise promise) {
        Http3Headers fields = StreamMessages.responseHead(buf, status -> new DefaultHttp3Headers().status(status));
        boolean interim = fields.status().charAt(0) == '1';
        if (!interim) {
            out = Out.BODY;
        }
        if (buf.isReadable() && !interim) {
            ctx.write(new DefaultHttp3HeadersFrame(fields));
            lastWrite = ctx.write(new DefaultHttp3DataFrame(buf), promise);
        } else {
            buf.release();
            lastWrite = ctx.write(new DefaultHttp3HeadersFrame(fields), promise);
        }
    }

    /** A file range read into one DATA frame (a stream has no zero-copy path). */
    private void writeFile(ChannelHandlerContext ctx, FileRegion region, ChannelPromise promise) {
        ByteBuf buf = ctx.alloc().buffer((int) (region.count() - region.transferred()));
        try {
            WritableByteChannel sink = Channels.newChannel(new ByteBufOutputStream(buf));
            while (region.transferred() < region.count()) {
                if (region.transferTo(sink, region.transferred()) <= 0) {
                    throw new IOException("the file ended before the range did");
                }
            }
            lastWrite = ctx.write(new DefaultHttp3DataFrame(buf), promise);
        } catch (IOException e) {
            buf.release();
            promise.tryFailure(e);
        } finally {
            region.release();
        }
    }

    /**
     * Ends the response stream: closing it after the response shuts its output down (the kernel's graceful close
     * did that already, or does it here); before the response, it is simply closed (a reset).
     */
    @Override
    public void close(ChannelHandlerContext ctx, ChannelPromise promise) {
        QuicStreamChannel stream = (QuicStreamChannel) ctx.channel();
        if (out != Out.BODY || !stream.isActive() || stream.isOutputShutdown()) {
            ctx.close(promise);
            return;
        }
        out = Out.ENDED;
        stream.shutdownOutput().addListener((ChannelFutureListener) f -> ctx.close(promise));
    }
}
