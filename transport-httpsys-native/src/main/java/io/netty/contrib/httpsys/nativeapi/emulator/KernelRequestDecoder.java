package io.netty.contrib.httpsys.nativeapi.emulator;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.PrematureChannelClosureException;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.LastHttpContent;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static io.netty.contrib.httpsys.nativeapi.emulator.KernelResponseWriter.hasToken;
import static io.netty.contrib.httpsys.nativeapi.emulator.KernelResponseWriter.is;

/**
 * The HTTP/1.1 request parser of the emulated kernel, one per connection. It applies HTTP.SYS's rules, not
 * Netty's {@code HttpRequestDecoder}'s: strict CRLF line ends, token verbs and header names, the
 * {@code MaxFieldLength} / {@code MaxRequestBytes} / URL limits of {@link KernelLimits}, Host rules and
 * HTTP.SYS's cooked URL ({@link KernelUrl}).
 *
 * <p>Per request it fires a {@link ParsedRequest}, then the body as {@link DefaultHttpContent}s over retained
 * slices of what the socket delivered (a body is never buffered whole; chunked bodies arrive de-chunked,
 * trailers are dropped), then one {@link LastHttpContent}, also for a request without a body. A last content
 * whose {@code decoderResult()} failed means the body was cut short: the client closed
 * ({@link PrematureChannelClosureException}) or sent a malformed chunk ({@link DecoderException}).
 *
 * <p>After a request's last content the decoder holds: pipelined bytes stay buffered until the owner calls
 * {@link #continueWithNextRequest()}, because the kernel hands out the next request on a connection only
 * after the response to the previous one (Wine test {@code test_v1_pipelining}). While held bytes exceed
 * {@code MaxRequestBytes} it stops reading the socket.
 *
 * <p>A request the kernel refuses never reaches the owner: the decoder writes {@link KernelResponses}'s answer
 * (which says {@code Connection: close}), closes the connection gracefully and discards all later input.
 */
public final class KernelRequestDecoder extends ByteToMessageDecoder {

    private enum State {
        READ_REQUEST_LINE, READ_HEADERS, READ_FIXED_BODY, READ_CHUNK_SIZE, READ_CHUNK_DATA, READ_CHUNK_END,
        READ_TRAILERS, HOLD, BODY_FAILED, REJECTED
    }

    private final String scheme;
    private final InetSocketAddress localAddress;
    private final KernelLimits limits;

    private ChannelHandlerContext ctx;
    private State state = State.READ_REQUEST_LINE;
    private boolean decoding;
    private boolean stoppedReading;

    private String verb;
    private byte[] rawUrl;
    private int versionMajor;
    private int versionMinor;
    private List<RequestHeader> headers;
    private int headBytes;
    private long remaining;
    private int trailerBytes;
    /** Bytes of the current, incomplete line already searched for LF (a line trickling in is scanned once). */
    private int lineScanned;
    private boolean responseStarted;
    private boolean continueRequested;

    /**
     * @param scheme       {@code "http"} or {@code "https"}: the cooked URL's scheme
     * @param localAddress the address the connection was accepted on (host of HTTP/1.0 requests without Host,
     *                     and the port when the client names none)
     * @param limits       the kernel's size limits
     */
    public KernelRequestDecoder(String scheme, InetSocketAddress localAddress, KernelLimits limits) {
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new IllegalArgumentException("scheme: " + scheme);
        }
        this.scheme = scheme;
        this.localAddress = localAddress;
        this.limits = limits;
    }

    /**
     * Releases the next pipelined request: call it when the response to the current request is complete.
     * Called before the current body has fully arrived, the rest of that body is still fired (discard it)
     * and the next request follows without another call. Safe from any thread.
     */
    public void continueWithNextRequest() {
        ChannelHandlerContext context = ctx;
        if (context == null) {
            return;
        }
        if (!context.executor().inEventLoop()) {
            context.executor().execute(this::continueWithNextRequest);
            return;
        }
        if (state != State.HOLD) {
            if (state != State.BODY_FAILED && state != State.REJECTED && !isReadingHead()) {
                continueRequested = true;
            }
            return;
        }
        state = State.READ_REQUEST_LINE;
        if (stoppedReading) {
            stoppedReading = false;
            context.channel().config().setAutoRead(true);
        }
        ByteBuf buffered = internalBuffer();
        if (decoding || !buffered.isReadable()) {
            return;
        }
        List<Object> out = new ArrayList<>();
        decoding = true;
        try {
            callDecode(context, buffered, out);
        } finally {
            decoding = false;
        }
        for (Object message : out) {
            context.fireChannelRead(message);
        }
        context.fireChannelReadComplete();
    }

    /**
     * Tells the decoder that the response to the current request has begun, so that a malformed chunk later
     * in its body no longer gets the kernel's own 400 (only the connection is closed).
     */
    public void responseStarted() {
        responseStarted = true;
    }

    /** Whether the decoder waits for {@link #continueWithNextRequest()}. */
    public boolean isHolding() {
        return state == State.HOLD;
    }

    /** Whether part of a request head has arrived and its end has not. */
    boolean hasPartialHead() {
        return state == State.READ_HEADERS || state == State.READ_REQUEST_LINE && internalBuffer().isReadable();
    }

    /** Bytes received and not yet decoded (pipelined or partial input). */
    int bufferedBytes() {
        return internalBuffer().readableBytes();
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        decoding = true;
        try {
            super.channelRead(ctx, msg);
        } finally {
            decoding = false;
        }
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        try {
            decodeRequests(ctx, in, out);
        } catch (RequestRejectedException e) {
            reject(ctx, in, e.answer());
        } catch (RuntimeException e) {
            // A parser bug must not let garbage through or kill the pipeline: the kernel would answer 400.
            if (isReadingHead()) {
                reject(ctx, in, KernelAnswer.BAD_REQUEST);
            } else if (state != State.BODY_FAILED && state != State.REJECTED && state != State.HOLD) {
                failBody(ctx, in, out, new DecoderException(e));
            } else {
                in.skipBytes(in.readableBytes());
            }
        }
    }

    @Override
    protected void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (in.isReadable()) {
            decode(ctx, in, out);
        }
        if (isReadingBody()) {
            state = State.BODY_FAILED;
            out.add(failedLast(new PrematureChannelClosureException("connection closed before the body ended")));
        }
    }

    private void decodeRequests(ChannelHandlerContext ctx, ByteBuf in, List<Object> out)
            throws RequestRejectedException {
        for (;;) {
            switch (state) {
                case READ_REQUEST_LINE -> {
                    byte[] line = readHeadLine(in, KernelAnswer.URL_TOO_LONG);
                    if (line == null) {
                        return;
                    }
                    if (line.length == 0 && headBytes == 2) {
                        // Stray CRLFs between requests are skipped (RFC 9112 section 2.2).
                        headBytes = 0;
                        continue;
                    }
                    parseRequestLine(line);
                    headers = new ArrayList<>();
                    state = State.READ_HEADERS;
                }
                case READ_HEADERS -> {
                    byte[] line = readHeadLine(in, KernelAnswer.HEADER_FIELD_TOO_LONG);
                    if (line == null) {
                        return;
                    }
                    if (line.length == 0) {
                        finishHead(out);
                    } else {
                        headers.add(parseHeaderLine(line, KernelAnswer.INVALID_HEADER));
                    }
                }
                case READ_FIXED_BODY -> {
                    int n = (int) Math.min(in.readableBytes(), remaining);
                    if (n == 0) {
                        return;
                    }
                    out.add(new DefaultHttpContent(in.readRetainedSlice(n)));
                    remaining -= n;
                    if (remaining == 0) {
                        endRequest(out);
                    }
                }
                case READ_CHUNK_SIZE -> {
                    byte[] line = readBodyLine(ctx, in, out);
                    if (line == null) {
                        return;
                    }
                    long size = parseChunkSize(line);
                    if (size < 0) {
                        failBody(ctx, in, out, new DecoderException("invalid chunk size line"));
                        return;
                    }
                    if (size == 0) {
                        trailerBytes = 0;
                        state = State.READ_TRAILERS;
                    } else {
                        remaining = size;
                        state = State.READ_CHUNK_DATA;
                    }
                }
                case READ_CHUNK_DATA -> {
                    int n = (int) Math.min(in.readableBytes(), remaining);
                    if (n == 0) {
                        return;
                    }
                    out.add(new DefaultHttpContent(in.readRetainedSlice(n)));
                    remaining -= n;
                    if (remaining == 0) {
                        state = State.READ_CHUNK_END;
                    }
                }
                case READ_CHUNK_END -> {
                    if (in.readableBytes() < 2) {
                        return;
                    }
                    if (in.readByte() != '\r' || in.readByte() != '\n') {
                        failBody(ctx, in, out, new DecoderException("chunk data not followed by CRLF"));
                        return;
                    }
                    state = State.READ_CHUNK_SIZE;
                }
                case READ_TRAILERS -> {
                    byte[] line = readBodyLine(ctx, in, out);
                    if (line == null) {
                        return;
                    }
                    trailerBytes += line.length + 2;
                    if (line.length == 0) {
                        endRequest(out);
                    } else if (trailerBytes > limits.maxRequestBytes()) {
                        failBody(ctx, in, out, new DecoderException("trailers too long"));
                        return;
                    } else {
                        try {
                            // Trailers are validated like headers and then dropped, as HTTP/1.1 trailers
                            // are not reported in HTTP_REQUEST.
                            parseHeaderLine(line, KernelAnswer.BAD_REQUEST);
                        } catch (RequestRejectedException e) {
                            failBody(ctx, in, out, new DecoderException("invalid trailer"));
                            return;
                        }
                    }
                }
                case HOLD -> {
                    if (ctx.channel() instanceof DuplexChannel duplex && duplex.isOutputShutdown()) {
                        // The connection is being closed gracefully: no response can follow, drain.
                        in.skipBytes(in.readableBytes());
                    } else if (in.readableBytes() > limits.maxRequestBytes() && ctx.channel().config().isAutoRead()) {
                        // Checked on every read: the owner may have switched reading back on for its own reasons.
                        stoppedReading = true;
                        ctx.channel().config().setAutoRead(false);
                    }
                    return;
                }
                case BODY_FAILED, REJECTED -> {
                    in.skipBytes(in.readableBytes());
                    return;
                }
                default -> throw new IllegalStateException(state.name());
            }
        }
    }

    private boolean isReadingHead() {
        return state == State.READ_REQUEST_LINE || state == State.READ_HEADERS;
    }

    private boolean isReadingBody() {
        return state == State.READ_FIXED_BODY || state == State.READ_CHUNK_SIZE || state == State.READ_CHUNK_DATA
                || state == State.READ_CHUNK_END || state == State.READ_TRAILERS;
    }

    /**
     * Reads one CRLF-terminated line of the head, enforcing {@code MaxFieldLength} (answered with
     * {@code tooLong}) and {@code MaxRequestBytes}. Returns {@code null} when the line is not complete yet.
     */
    private byte[] readHeadLine(ByteBuf in, KernelAnswer tooLong) throws RequestRejectedException {
        int fieldLimit = limits.effectiveFieldLength();
        int lf = findLineEnd(in, fieldLimit);
        if (lf < 0) {
            if (in.readableBytes() >= fieldLimit + 2) {
                throw new RequestRejectedException(tooLong, "line longer than MaxFieldLength");
            }
            if (headBytes + in.readableBytes() > limits.maxRequestBytes()) {
                throw new RequestRejectedException(KernelAnswer.REQUEST_TOO_LONG, "head longer than MaxRequestBytes");
            }
            return null;
        }
        int length = lf - in.readerIndex();
        byte[] line = readLine(in, length);
        if (line == null) {
            throw new RequestRejectedException(KernelAnswer.BAD_REQUEST, "bare CR or LF");
        }
        if (line.length > fieldLimit) {
            throw new RequestRejectedException(tooLong, "line longer than MaxFieldLength");
        }
        headBytes += length + 1;
        if (headBytes > limits.maxRequestBytes()) {
            throw new RequestRejectedException(KernelAnswer.REQUEST_TOO_LONG, "head longer than MaxRequestBytes");
        }
        return line;
    }

    /** Reads a chunk-size or trailer line; fails the body on bare CR/LF or an over-long line. */
    private byte[] readBodyLine(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        int fieldLimit = limits.effectiveFieldLength();
        int lf = findLineEnd(in, fieldLimit);
        if (lf < 0) {
            if (in.readableBytes() >= fieldLimit + 2) {
                failBody(ctx, in, out, new DecoderException("chunk line too long"));
            }
            return null;
        }
        byte[] line = readLine(in, lf - in.readerIndex());
        if (line == null) {
            failBody(ctx, in, out, new DecoderException("bare CR or LF in chunk framing"));
        }
        return line;
    }

    /** Index of the LF ending the line at the reader index, searching only bytes not searched before; or -1. */
    private int findLineEnd(ByteBuf in, int fieldLimit) {
        int window = Math.min(in.readableBytes(), fieldLimit + 2);
        int from = in.readerIndex() + Math.min(lineScanned, window);
        int lf = in.indexOf(from, in.readerIndex() + window, (byte) '\n');
        lineScanned = lf < 0 ? window : 0;
        return lf;
    }

    /**
     * Consumes {@code lengthWithCr} bytes and the LF after them; returns the line without its CRLF, or
     * {@code null} when the line does not end in CRLF or holds another CR.
     */
    private static byte[] readLine(ByteBuf in, int lengthWithCr) {
        if (lengthWithCr == 0 || in.getByte(in.readerIndex() + lengthWithCr - 1) != '\r') {
            in.skipBytes(lengthWithCr + 1);
            return null;
        }
        byte[] line = new byte[lengthWithCr - 1];
        in.readBytes(line);
        in.skipBytes(2);
        for (byte b : line) {
            if (b == '\r') {
                return null;
            }
        }
        return line;
    }

    private void parseRequestLine(byte[] line) throws RequestRejectedException {
        int sp1 = indexOf(line, (byte) ' ', 0);
        int sp2 = sp1 < 0 ? -1 : indexOf(line, (byte) ' ', sp1 + 1);
        if (sp1 <= 0 || sp2 < 0 || indexOf(line, (byte) ' ', sp2 + 1) >= 0) {
            throw new RequestRejectedException(KernelAnswer.BAD_REQUEST, "request line is not three fields");
        }
        for (int i = 0; i < sp1; i++) {
            if (!isTokenChar(line[i])) {
                throw new RequestRejectedException(KernelAnswer.INVALID_VERB, "verb is not a token");
            }
        }
        int urlLength = sp2 - sp1 - 1;
        if (urlLength == 0) {
            throw new RequestRejectedException(KernelAnswer.BAD_REQUEST, "empty request target");
        }
        if (urlLength > limits.maxUrlLength()) {
            throw new RequestRejectedException(KernelAnswer.URL_TOO_LONG, "request target too long");
        }
        for (int i = sp1 + 1; i < sp2; i++) {
            byte b = line[i];
            if (b >= 0 && b < 0x21 || b == 0x7F) {
                throw new RequestRejectedException(KernelAnswer.INVALID_URL, "control character in target");
            }
        }
        int v = sp2 + 1;
        if (line.length - v != 8 || line[v] != 'H' || line[v + 1] != 'T' || line[v + 2] != 'T' || line[v + 3] != 'P'
                || line[v + 4] != '/' || !isDigit(line[v + 5]) || line[v + 6] != '.' || !isDigit(line[v + 7])) {
            throw new RequestRejectedException(KernelAnswer.BAD_REQUEST, "malformed version");
        }
        versionMajor = line[v + 5] - '0';
        versionMinor = line[v + 7] - '0';
        if (versionMajor != 1) {
            throw new RequestRejectedException(KernelAnswer.VERSION_NOT_SUPPORTED, "HTTP/" + versionMajor);
        }
        verb = new String(line, 0, sp1, StandardCharsets.US_ASCII);
        rawUrl = Arrays.copyOfRange(line, sp1 + 1, sp2);
    }

    private static RequestHeader parseHeaderLine(byte[] line, KernelAnswer badName) throws RequestRejectedException {
        if (line[0] == ' ' || line[0] == '\t') {
            // Obsolete line folding (RFC 9112 section 5.2) is refused like any malformed header.
            throw new RequestRejectedException(KernelAnswer.BAD_REQUEST, "obsolete line folding");
        }
        int colon = indexOf(line, (byte) ':', 0);
        if (colon <= 0) {
            throw new RequestRejectedException(badName, "header line without name");
        }
        for (int i = 0; i < colon; i++) {
            if (!isTokenChar(line[i])) {
                throw new RequestRejectedException(badName, "header name is not a token");
            }
        }
        int start = colon + 1;
        int end = line.length;
        while (start < end && (line[start] == ' ' || line[start] == '\t')) {
            start++;
        }
        while (end > start && (line[end - 1] == ' ' || line[end - 1] == '\t')) {
            end--;
        }
        for (int i = start; i < end; i++) {
            byte b = line[i];
            if (b >= 0 && b < 0x20 && b != '\t' || b == 0x7F) {
                throw new RequestRejectedException(KernelAnswer.BAD_REQUEST, "control character in header value");
            }
        }
        return new RequestHeader(Arrays.copyOfRange(line, 0, colon),
                Arrays.copyOfRange(line, start, end));
    }

    private void finishHead(List<Object> out) throws RequestRejectedException {
        byte[] host = null;
        int hostCount = 0;
        long contentLength = -1;
        byte[] transferEncoding = null;
        boolean close = false;
        boolean keepAliveToken = false;
        boolean expectContinue = false;
        for (RequestHeader header : headers) {
            byte[] name = header.name();
            byte[] value = header.value();
            if (is(name, HttpHeaderNames.HOST)) {
                host = value;
                hostCount++;
            } else if (is(name, HttpHeaderNames.CONTENT_LENGTH)) {
                long length = parseContentLength(value);
                if (length < 0 || contentLength >= 0 && contentLength != length) {
                    throw new RequestRejectedException(KernelAnswer.BAD_REQUEST, "bad Content-Length");
                }
                contentLength = length;
            } else if (is(name, HttpHeaderNames.TRANSFER_ENCODING)) {
                if (transferEncoding != null) {
                    throw new RequestRejectedException(KernelAnswer.BAD_REQUEST, "repeated Transfer-Encoding");
                }
                transferEncoding = value;
            } else if (is(name, HttpHeaderNames.CONNECTION)) {
                close |= hasToken(value, "close");
                keepAliveToken |= hasToken(value, "keep-alive");
            } else if (is(name, HttpHeaderNames.EXPECT)) {
                expectContinue = "100-continue".equalsIgnoreCase(new String(value, StandardCharsets.ISO_8859_1));
            }
        }
        boolean chunked = false;
        if (transferEncoding != null) {
            if (contentLength >= 0) {
                // Both framings at once is the request-smuggling shape RFC 9112 section 6.1 lets servers refuse.
                throw new RequestRejectedException(KernelAnswer.BAD_REQUEST, "Content-Length with Transfer-Encoding");
            }
            if (!"chunked".equalsIgnoreCase(new String(transferEncoding, StandardCharsets.ISO_8859_1))) {
                throw new RequestRejectedException(KernelAnswer.NOT_IMPLEMENTED, "unsupported Transfer-Encoding");
            }
            chunked = true;
        }
        boolean http11 = versionMinor >= 1;
        boolean originForm = rawUrl[0] == '/';
        if (hostCount > 1) {
            throw new RequestRejectedException(KernelAnswer.BAD_REQUEST, "several Host headers");
        }
        if (http11 && originForm && hostCount == 0) {
            throw new RequestRejectedException(KernelAnswer.BAD_REQUEST, "HTTP/1.1 without Host");
        }
        if (host != null && host.length == 0) {
            if (http11 && originForm) {
                throw new RequestRejectedException(KernelAnswer.INVALID_HOSTNAME, "empty Host");
            }
            host = null;
        }
        KernelUrl.Cooked cooked = KernelUrl.cook(rawUrl, host, localAddress, limits);
        boolean keepAlive = http11 ? !close : keepAliveToken && !close;
        out.add(new ParsedRequest(verb, rawUrl, scheme, cooked.host(), cooked.absPath(), cooked.query(),
                versionMajor, versionMinor, List.copyOf(headers), contentLength, chunked, keepAlive,
                expectContinue && http11, headBytes));
        headers = null;
        headBytes = 0;
        responseStarted = false;
        continueRequested = false;
        if (chunked) {
            state = State.READ_CHUNK_SIZE;
        } else if (contentLength > 0) {
            remaining = contentLength;
            state = State.READ_FIXED_BODY;
        } else {
            endRequest(out);
        }
    }

    private void endRequest(List<Object> out) {
        out.add(LastHttpContent.EMPTY_LAST_CONTENT);
        state = continueRequested ? State.READ_REQUEST_LINE : State.HOLD;
        continueRequested = false;
    }

    private void reject(ChannelHandlerContext ctx, ByteBuf in, KernelAnswer answer) {
        state = State.REJECTED;
        in.skipBytes(in.readableBytes());
        ctx.writeAndFlush(Unpooled.wrappedBuffer(KernelResponses.encode(answer)));
        closeLater(ctx);
    }

    private void failBody(ChannelHandlerContext ctx, ByteBuf in, List<Object> out, Throwable cause) {
        state = State.BODY_FAILED;
        in.skipBytes(in.readableBytes());
        out.add(failedLast(cause));
        if (!responseStarted) {
            ctx.writeAndFlush(Unpooled.wrappedBuffer(KernelResponses.encode(KernelAnswer.BAD_REQUEST)));
        }
        closeLater(ctx);
    }

    // Closing from inside decode() would run channelInactive while the cumulation is still being read.
    private static void closeLater(ChannelHandlerContext ctx) {
        ctx.executor().execute(() -> GracefulClose.afterFlush(ctx.channel()));
    }

    private static LastHttpContent failedLast(Throwable cause) {
        LastHttpContent last = new DefaultLastHttpContent(Unpooled.EMPTY_BUFFER);
        last.setDecoderResult(DecoderResult.failure(cause));
        return last;
    }

    /** A chunk-size line: hex digits, optional whitespace and extensions; -1 when malformed. */
    private static long parseChunkSize(byte[] line) {
        int i = 0;
        long size = 0;
        while (i < line.length && isHexDigit(line[i])) {
            if (i == 15) {
                return -1;
            }
            size = size << 4 | Character.digit(line[i], 16);
            i++;
        }
        if (i == 0) {
            return -1;
        }
        while (i < line.length && (line[i] == ' ' || line[i] == '\t')) {
            i++;
        }
        return i == line.length || line[i] == ';' ? size : -1;
    }

    private static long parseContentLength(byte[] value) {
        if (value.length == 0 || value.length > 18) {
            return -1;
        }
        long length = 0;
        for (byte b : value) {
            if (!isDigit(b)) {
                return -1;
            }
            length = length * 10 + b - '0';
        }
        return length;
    }

    private static int indexOf(byte[] line, byte b, int from) {
        for (int i = from; i < line.length; i++) {
            if (line[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    private static boolean isHexDigit(byte b) {
        return isDigit(b) || b >= 'a' && b <= 'f' || b >= 'A' && b <= 'F';
    }

    /** RFC 9110 section 5.6.2 tchar. */
    private static boolean isTokenChar(byte b) {
        if (b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || isDigit(b)) {
            return true;
        }
        return switch (b) {
            case '!', '#', '$', '%', '&', '\'', '*', '+', '-', '.', '^', '_', '`', '|', '~' -> true;
            default -> false;
        };
    }
}
