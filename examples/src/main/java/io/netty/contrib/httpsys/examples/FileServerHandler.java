package io.netty.contrib.httpsys.examples;

import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.DefaultFileRegion;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.DateFormatter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpChunkedInput;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.stream.ChunkedFile;

import io.netty.util.internal.logging.InternalLogger;
import io.netty.util.internal.logging.InternalLoggerFactory;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.stream.Stream;

/**
 * Serves the files under one directory: {@code GET} and {@code HEAD}, a single {@code Range: bytes=...},
 * {@code If-Modified-Since} ({@code 304}), and a plain listing for directories. A request never leaves the root:
 * the percent-decoded path is normalized and resolved (symbolic links included) and must stay inside it. Dot files
 * and dot directories ({@code .git}, {@code .env}) are hidden: not listed, and {@code 404} when asked for, also
 * through a symbolic link, as if they did not exist.
 *
 * <p>The body is a {@link DefaultFileRegion} (zero copy: {@code sendfile} on NIO/epoll, a file-handle data chunk
 * on HTTP.SYS) unless the pipeline encrypts in Java (an {@link SslHandler}); then it is a {@link ChunkedFile},
 * which needs a {@code ChunkedWriteHandler} in front of this handler.
 */
@ChannelHandler.Sharable
public final class FileServerHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final InternalLogger logger = InternalLoggerFactory.getInstance(FileServerHandler.class);

    private static final int CHUNK_SIZE = 64 * 1024;

    private final Path root;

    /** A handler serving the files below {@code root}. */
    public FileServerHandler(Path root) throws IOException {
        this.root = root.toRealPath();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) throws IOException {
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        if (!request.decoderResult().isSuccess()) {
            sendError(ctx, HttpResponseStatus.BAD_REQUEST, false);
            return;
        }
        HttpMethod method = request.method();
        if (!HttpMethod.GET.equals(method) && !HttpMethod.HEAD.equals(method)) {
            sendError(ctx, HttpResponseStatus.METHOD_NOT_ALLOWED, keepAlive);
            return;
        }
        String path = new QueryStringDecoder(request.uri()).path();
        Path file = resolve(path);
        if (file == null) {
            sendError(ctx, HttpResponseStatus.FORBIDDEN, keepAlive);
            return;
        }
        if (!Files.exists(file) || isHidden(file)) {
            sendError(ctx, HttpResponseStatus.NOT_FOUND, keepAlive);
            return;
        }
        if (Files.isDirectory(file)) {
            sendListing(ctx, request, file, path, keepAlive);
            return;
        }
        if (!Files.isReadable(file)) {
            sendError(ctx, HttpResponseStatus.FORBIDDEN, keepAlive);
            return;
        }
        sendFile(ctx, request, file, keepAlive);
    }

    /** The file for a decoded request path, or {@code null} when it would lie outside the root. */
    private Path resolve(String path) throws IOException {
        if (path.indexOf('\0') >= 0 || !path.startsWith("/")) {
            return null;
        }
        Path resolved = root.resolve(path.substring(1)).normalize();
        if (!resolved.startsWith(root)) {
            return null;
        }
        if (Files.exists(resolved) && !resolved.toRealPath().startsWith(root)) {
            return null;
        }
        return resolved;
    }

    /** Whether a path below the root, or the file it resolves to, has a segment starting with a dot. */
    private boolean isHidden(Path file) throws IOException {
        return hasDotSegment(root.relativize(file)) || hasDotSegment(root.relativize(file.toRealPath()));
    }

    private static boolean hasDotSegment(Path relative) {
        for (Path segment : relative) {
            if (isDotName(segment.toString())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isDotName(String name) {
        return name.startsWith(".");
    }

    private void sendFile(ChannelHandlerContext ctx, FullHttpRequest request, Path file, boolean keepAlive)
            throws IOException {
        long length = Files.size(file);
        long lastModifiedSeconds = Files.getLastModifiedTime(file).toMillis() / 1000;
        String ifModifiedSinceHeader = request.headers().get(HttpHeaderNames.IF_MODIFIED_SINCE);
        Date ifModifiedSince = ifModifiedSinceHeader == null ? null : DateFormatter.parseHttpDate(ifModifiedSinceHeader);
        if (ifModifiedSince != null && lastModifiedSeconds <= ifModifiedSince.getTime() / 1000) {
            FullHttpResponse notModified = new DefaultFullHttpResponse(request.protocolVersion(),
                    HttpResponseStatus.NOT_MODIFIED, ctx.alloc().buffer(0));
            notModified.headers().set(HttpHeaderNames.LAST_MODIFIED, DateFormatter.format(new Date(lastModifiedSeconds * 1000)));
            respond(ctx, notModified, keepAlive);
            return;
        }

        ByteRange range = ByteRange.parse(request.headers().get(HttpHeaderNames.RANGE), length);
        if (range == ByteRange.UNSATISFIABLE) {
            FullHttpResponse unsatisfiable = new DefaultFullHttpResponse(request.protocolVersion(),
                    HttpResponseStatus.REQUESTED_RANGE_NOT_SATISFIABLE, ctx.alloc().buffer(0));
            unsatisfiable.headers().set(HttpHeaderNames.CONTENT_RANGE, "bytes */" + length)
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
            respond(ctx, unsatisfiable, keepAlive);
            return;
        }
        long offset = range == null ? 0 : range.first();
        long count = range == null ? length : range.length();

        HttpResponse response = new DefaultHttpResponse(request.protocolVersion(),
                range == null ? HttpResponseStatus.OK : HttpResponseStatus.PARTIAL_CONTENT);
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, contentType(file))
                .set(HttpHeaderNames.LAST_MODIFIED, DateFormatter.format(new Date(lastModifiedSeconds * 1000)))
                .set(HttpHeaderNames.ACCEPT_RANGES, HttpHeaderValues.BYTES)
                .set(HttpHeaderNames.CONTENT_LENGTH, count);
        if (range != null) {
            response.headers().set(HttpHeaderNames.CONTENT_RANGE,
                    "bytes " + range.first() + '-' + range.last() + '/' + length);
        }
        HttpUtil.setKeepAlive(response, keepAlive);
        ctx.write(response);

        ChannelFuture last;
        if (HttpMethod.HEAD.equals(request.method()) || count == 0) {
            last = ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
        } else if (ctx.pipeline().get(SslHandler.class) == null) {
            ctx.write(new DefaultFileRegion(file.toFile(), offset, count));
            last = ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
        } else {
            RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r");
            last = ctx.writeAndFlush(new HttpChunkedInput(new ChunkedFile(raf, offset, count, CHUNK_SIZE)));
        }
        if (!keepAlive) {
            last.addListener(ChannelFutureListener.CLOSE);
        }
    }

    private static void sendListing(ChannelHandlerContext ctx, FullHttpRequest request, Path dir, String path,
                                    boolean keepAlive) throws IOException {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\r\n<html><head><title>")
                .append(escape(path)).append("</title></head><body><h1>").append(escape(path)).append("</h1><ul>");
        String base = path.endsWith("/") ? path : path + '/';
        try (Stream<Path> entries = Files.list(dir)) {
            entries.filter(p -> !isDotName(p.getFileName().toString()))
                    .map(p -> p.getFileName().toString() + (Files.isDirectory(p) ? "/" : ""))
                    .sorted()
                    .forEach(name -> html.append("<li><a href=\"").append(escape(base + name)).append("\">")
                            .append(escape(name)).append("</a></li>"));
        }
        html.append("</ul></body></html>\r\n");
        byte[] body = html.toString().getBytes(StandardCharsets.UTF_8);
        FullHttpResponse response = new DefaultFullHttpResponse(request.protocolVersion(), HttpResponseStatus.OK,
                ctx.alloc().buffer(body.length).writeBytes(body));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/html; charset=UTF-8")
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        respond(ctx, response, keepAlive);
    }

    private static void sendError(ChannelHandlerContext ctx, HttpResponseStatus status, boolean keepAlive) {
        byte[] body = (status + "\r\n").getBytes(StandardCharsets.US_ASCII);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                ctx.alloc().buffer(body.length).writeBytes(body));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=UTF-8")
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        respond(ctx, response, keepAlive);
    }

    private static void respond(ChannelHandlerContext ctx, FullHttpResponse response, boolean keepAlive) {
        HttpUtil.setKeepAlive(response, keepAlive);
        ChannelFuture written = ctx.writeAndFlush(response);
        if (!keepAlive) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }

    private static String contentType(Path file) throws IOException {
        String type = Files.probeContentType(file);
        return type != null ? type : "application/octet-stream";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ConnectionErrors.closeOnException(logger, ctx, cause);
    }
}
