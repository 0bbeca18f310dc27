package io.netty.contrib.httpsys;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufHolder;
import io.netty.buffer.Unpooled;
import io.netty.channel.FileRegion;
import io.netty.contrib.httpsys.nativeapi.Http;
import io.netty.contrib.httpsys.nativeapi.IoCompletion;
import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.struct.HttpCachePolicy;
import io.netty.contrib.httpsys.nativeapi.struct.HttpDataChunk;
import io.netty.contrib.httpsys.nativeapi.struct.HttpKnownHeader;
import io.netty.contrib.httpsys.nativeapi.struct.HttpResponseHeaders;
import io.netty.contrib.httpsys.nativeapi.struct.HttpResponseV2;
import io.netty.handler.codec.UnsupportedMessageTypeException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/**
 * Turns what a request's pipeline writes into the arguments of {@code HttpSendHttpResponse} and
 * {@code HttpSendResponseEntityBody}, written into a caller-owned {@link HttpSysSendBlock}.
 *
 * <p>Use, per flush: {@link #begin}, then {@link #append} for each flushed message, then {@link #finish},
 * then make the call the block names. All messages of one flush go into one call with several data chunks
 * (HTTP.SYS users suffer from many small sends; Netty's flush tells us when to send).
 *
 * <p>What it does, and why:
 * <ul>
 * <li>Accepts {@link FullHttpResponse}; {@link HttpResponse}, {@link HttpContent}*, {@link LastHttpContent};
 *     {@link FileRegion}s as content (so {@code HttpChunkedInput} through {@code ChunkedWriteHandler} works
 *     too); an empty {@link ByteBuf} (a flush, as on NIO) at any point. Any other type fails with a message that
 *     says what to change.</li>
 * <li>Direct buffers are passed by address and held until the send completes; heap buffers are copied
 *     (small ones into the block, consecutive ones merged into one chunk; larger ones into a pooled direct
 *     buffer). A {@code DefaultFileRegion} over a named file becomes a {@code HttpDataChunkFromFileHandle}
 *     (zero copy); other regions are copied in pieces of {@value #FILE_PIECE} bytes.</li>
 * <li>The head is written by {@link HttpSysResponseHeadWriter} (known/unknown/multiple known headers,
 *     {@code Date} dropped); a CR, LF or NUL in a header name or value, a trailer or the reason fails the
 *     write before anything is written (response splitting).</li>
 * <li>No body bytes are passed for a {@code HEAD} request (as Netty's {@code HttpServerCodec} drops them): real
 *     HTTP.SYS may put them on the wire. A {@link FullHttpResponse} to HEAD without {@code Content-Length}
 *     gets the length of its content, which the kernel would otherwise state as 0.</li>
 * <li>Interim {@code 1xx} responses other than 101 are swallowed: HTTP.SYS sends {@code 100 Continue}
 *     itself and has no call for other interim responses. A {@code 101 Switching Protocols} (an upgrade) is
 *     answered with {@code 501 Not Implemented} and its write fails ({@link #takeRefusedUpgrade}): upgrades
 *     need HTTP.SYS's opaque mode, which this transport does not use yet.</li>
 * <li>HTTP.SYS adds no chunked framing. An HTTP/1.1 response without {@code Content-Length} whose body
 *     spans several sends gets {@code Transfer-Encoding: chunked} and is framed here (each call's data is one
 *     chunk); if head and end arrive in one flush, the kernel computes {@code Content-Length} instead. Never
 *     for HTTP/2 or HTTP/3 (where connection-specific headers are dropped), {@code HEAD}, 1xx/204/304. An
 *     HTTP/1.0 client gets a close-delimited body ({@code HTTP_SEND_RESPONSE_FLAG_DISCONNECT}) instead.
 *     On HTTP/1.x trailing headers can only travel in that chunked framing; elsewhere they are dropped, as
 *     Netty's {@code HttpObjectEncoder} drops them from a message that is not chunked. On HTTP/2 and HTTP/3 they
 *     go as an {@code HttpDataChunkTrailers} chunk ({@link HttpSysResponseTrailers}), and their write fails where
 *     Windows lacks that.</li>
 * <li>{@code Connection: close} on HTTP/1.x ends the response with {@code HTTP_SEND_RESPONSE_FLAG_DISCONNECT}.</li>
 * <li>A response complete in its first call has its {@code Content-Length} stated by the kernel: the
 *     application's is removed when it equals the body bytes (except for HEAD), as ASP.NET Core does; left in,
 *     a cached copy answers {@code Range} requests with two.</li>
 * <li>A response that {@link HttpSysCachePolicy} deems shareable, and that is complete in its first call,
 *     is passed with {@code HttpCachePolicyTimeToLive}; not when its {@code Content-Length} is not its body's.</li>
 * </ul>
 *
 * <p>One instance per response at a time (reuse with {@link #reset}); confined to the request's event loop.
 */
final class HttpSysResponseEncoder {

    /** The message is now held by the block and released by {@link HttpSysSendBlock#complete()}. */
    static final int APPENDED = 0;
    /** Nothing to send for it (an interim response): it was released; succeed its promise. */
    static final int SWALLOWED = 1;
    /**
     * The message was not (completely) taken: {@link #finish()} and send this batch, then {@link #begin} a new
     * one and append the same message again.
     */
    static final int BATCH_FULL = 2;

    /** Bytes of a file region copied per call when it cannot be sent from a file handle. */
    static final int FILE_PIECE = 64 * 1024;
    /** Heap buffers up to this size are copied into the block's arena, larger ones into a direct buffer. */
    private static final int ARENA_COPY_MAX = 2048;
    /** Data chunk slots 1..MAX_DATA_CHUNKS; slot 0 and the one after the data are kept for framing. */
    private static final int MAX_DATA_CHUNKS = HttpSysSendBlock.MAX_CHUNKS - 2;

    private static final int STATE_HEAD = 0;
    private static final int STATE_BODY = 1;
    private static final int STATE_DONE = 2;

    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private final IoCompletion files;
    private final HttpSysResponseTrailers trailerSupport;

    // The request being answered.
    private HttpMethod method;
    private boolean headRequest;
    private boolean http1;
    private boolean http10;
    private boolean requestHasAuthorization;

    // The response.
    private int state;
    private int statusCode;
    private boolean fullResponse;
    private boolean framed;
    private boolean disconnect;
    private boolean appContentLength;
    private boolean appChunked;
    private int cacheSeconds;
    private UnsupportedOperationException refusedUpgrade;
    private boolean upgradeRequested;

    // The batch (one native call).
    private HttpSysSendBlock block;
    private boolean headInBatch;
    private boolean lastInBatch;
    private int dataChunks;
    private long dataBytes;
    private long arenaChunkEnd;
    private HttpHeaders trailers;

    private final HttpSysResponseHeadWriter head = new HttpSysResponseHeadWriter();

    /**
     * {@code io} opens ({@code CreateFileW}) the files of file regions; {@code trailerSupport} says whether
     * HTTP/2 and HTTP/3 trailers can be sent.
     */
    HttpSysResponseEncoder(IoCompletion io, HttpSysResponseTrailers trailerSupport) {
        this.files = io;
        this.trailerSupport = trailerSupport;
    }

    /** Prepares for the response to {@code request}, as decoded (read before handlers can change it). */
    void reset(HttpSysRequestInfo info, HttpRequest request) {
        method = request.method();
        headRequest = HttpMethod.HEAD.equals(method);
        http1 = info.protocol() == HttpSysRequestInfo.Protocol.HTTP_1;
        http10 = http1 && HttpVersion.HTTP_1_0.equals(request.protocolVersion());
        requestHasAuthorization = request.headers().contains(HttpHeaderNames.AUTHORIZATION);
        upgradeRequested = request.headers().contains(HttpHeaderNames.UPGRADE);
        state = STATE_HEAD;
        statusCode = 0;
        fullResponse = false;
        framed = false;
        disconnect = false;
        appContentLength = false;
        appChunked = false;
        cacheSeconds = 0;
        refusedUpgrade = null;
        block = null;
    }

    /** Starts filling {@code block} (which must be unused or {@linkplain HttpSysSendBlock#complete() completed}). */
    void begin(HttpSysSendBlock block) {
        this.block = block;
        headInBatch = false;
        lastInBatch = false;
        dataChunks = 0;
        dataBytes = 0;
        arenaChunkEnd = 0;
        trailers = null;
    }

    /** Whether the request asks for a protocol upgrade (it has an {@code Upgrade} header). */
    boolean isUpgradeRequested() {
        return upgradeRequested;
    }

    /** Whether the response head was appended. */
    boolean isResponseStarted() {
        return state != STATE_HEAD;
    }

    /** Whether the response has ended (a {@link LastHttpContent} was appended). */
    boolean isResponseComplete() {
        return state == STATE_DONE;
    }

    /**
     * Adds one written message to the batch; see {@link #APPENDED}, {@link #SWALLOWED}, {@link #BATCH_FULL}.
     *
     * @throws IllegalArgumentException a header name, value or the reason contains CR, LF or NUL, or is too long
     * @throws IllegalStateException content before the head, or anything after the end of the response
     * @throws UnsupportedMessageTypeException a message this channel cannot send
     * @throws IOException a file region could not be read
     * On a throw the message is neither released nor part of the batch: release it and fail its promise.
     */
    int append(Object msg, ByteBufAllocator alloc) throws IOException {
        if (msg instanceof HttpResponse) {
            return appendResponse((HttpResponse) msg, alloc);
        }
        if (msg instanceof HttpRequest) {
            throw new UnsupportedMessageTypeException("an HttpRequest (" + msg.getClass().getSimpleName()
                    + ") was written to an HttpSysServerChannel child, which answers requests with HttpResponse: "
                    + "remove HttpServerCodec/HttpRequestEncoder from the child pipeline — HTTP.SYS already "
                    + "parsed the request and writes the response head itself");
        }
        if (msg instanceof HttpContent) {
            return appendContent((HttpContent) msg, alloc);
        }
        if (msg instanceof FileRegion) {
            return appendFileRegion((FileRegion) msg, alloc);
        }
        if (msg instanceof ByteBuf && !((ByteBuf) msg).isReadable()) {
            // writeAndFlush(Unpooled.EMPTY_BUFFER) is Netty's idiom for "flush, and tell me when what was written
            // before is out" (HttpObjectEncoder passes it through): it rides with the batch and adds no bytes.
            block.hold(msg);
            return APPENDED;
        }
        if (msg instanceof ByteBuf || msg instanceof ByteBufHolder) {
            throw new UnsupportedMessageTypeException("HttpSysServerChannel children speak "
                    + "HttpResponse/HttpContent/FileRegion, not bytes (" + msg.getClass().getSimpleName()
                    + " written): remove HttpServerCodec (and HttpObjectAggregator) from the child pipeline — "
                    + "HTTP.SYS already parsed the request");
        }
        throw new UnsupportedMessageTypeException(msg == null ? "null message" : msg.getClass().getName()
                + " cannot be written to an HttpSysServerChannel child (expected: FullHttpResponse, "
                + "HttpResponse, HttpContent, LastHttpContent or FileRegion)");
    }

    /** Fills in the block's call, flags and pointers for the batch appended since {@link #begin}. */
    void finish() {
        HttpSysSendBlock b = block;
        if (headInBatch) {
            decideFraming();
        }
        long first = b.chunkSlot(1);
        int count = dataChunks;
        long frameBytes = 0;
        if (framed) {
            if (dataBytes > 0) {
                first = b.chunkSlot(0);
                count++;
                frameBytes += writeSizeLine(first, dataBytes);
            }
            long closing = b.chunkSlot(dataChunks + 1);
            if (lastInBatch) {
                count++;
                frameBytes += writeLastChunk(closing, dataBytes > 0);
            } else if (dataBytes > 0) {
                count++;
                frameBytes += writeBytes(closing, CRLF);
            }
        }
        boolean trailerChunk = !http1 && lastInBatch && HttpSysResponseTrailers.present(trailers);
        if (trailerChunk) {
            // Slot dataChunks + 1 is free: HTTP/2 and HTTP/3 responses are never framed.
            HttpSysResponseTrailers.write(b, b.chunkSlot(dataChunks + 1), trailers);
            count++;
        }
        boolean last = lastInBatch;
        int flags = last ? 0 : Http.HTTP_SEND_RESPONSE_FLAG_MORE_DATA;
        if (last && disconnect) {
            flags |= Http.HTTP_SEND_RESPONSE_FLAG_DISCONNECT;
        }
        long chunks = count == 0 ? 0 : first;
        long policy = 0;
        int call;
        if (headInBatch) {
            long response = b.response();
            HttpResponseV2.setEntityChunkCount(response, count);
            HttpResponseV2.setEntityChunks(response, chunks);
            boolean kernelStatesLength = last && kernelStatesContentLength();
            if (kernelStatesLength) {
                HttpKnownHeader.setRawValue(knownHeader(Http.HttpHeaderContentLength), 0);
                HttpKnownHeader.setRawValueLength(knownHeader(Http.HttpHeaderContentLength), 0);
            }
            if (last && cacheSeconds > 0 && !disconnect && !trailerChunk
                    && (!appContentLength || kernelStatesLength)) {
                policy = b.cachePolicyAddress();
                HttpCachePolicy.setPolicy(policy, Http.HttpCachePolicyTimeToLive);
                HttpCachePolicy.setSecondsToLive(policy, cacheSeconds);
            }
            call = HttpSysSendBlock.CALL_SEND_HTTP_RESPONSE;
        } else if (count > 0 || last) {
            call = HttpSysSendBlock.CALL_SEND_RESPONSE_ENTITY_BODY;
        } else {
            call = HttpSysSendBlock.CALL_NONE;
        }
        b.result(call, flags, count, chunks, policy, dataBytes + frameBytes, last);
    }

    // ---- messages ----

    private int appendResponse(HttpResponse response, ByteBufAllocator alloc) throws IOException {
        if (state != STATE_HEAD) {
            throw new IllegalStateException("the response head was already written for this request; write "
                    + "HttpContent/LastHttpContent next (" + response.status() + " rejected)");
        }
        int code = response.status().code();
        if (code == HttpResponseStatus.SWITCHING_PROTOCOLS.code()) {
            // Sent as a plain response, a 101 would not switch anything: HTTP.SYS hands the connection over only in
            // opaque mode (HTTP_SEND_RESPONSE_FLAG_OPAQUE; tjanczuk/httpsys httpsys_write_headers), and it does not
            // let Connection: Upgrade travel as a known header (ASP.NET Core Response.SerializeHeaders). The
            // client is told the server cannot (501, RFC 9110 15.6.2) rather than left waiting for a switch.
            ReferenceCountUtil.release(response);
            refusedUpgrade = new UnsupportedOperationException("101 Switching Protocols cannot be sent: protocol "
                    + "upgrades (WebSocket, h2c) are not supported by the HTTP.SYS transport yet (they need HTTP.SYS's "
                    + "opaque mode); the client was answered 501 Not Implemented");
            return appendResponse(upgradeRefusal(), alloc);
        }
        if (code >= 100 && code < 200) {
            ReferenceCountUtil.release(response);
            return SWALLOWED;
        }
        boolean full = response instanceof LastHttpContent;
        HttpHeaders responseTrailers = validatedTrailers(response);
        head.scan(response, http1, http10, full);
        appContentLength = head.hasContentLength();
        appChunked = head.isChunked();
        disconnect = head.closesConnection();
        statusCode = code;
        fullResponse = full;
        head.write(block, response);
        headInBatch = true;
        state = STATE_BODY;
        cacheSeconds = HttpSysCachePolicy.secondsToLive(method, requestHasAuthorization, response);
        if (response instanceof HttpContent) {
            ByteBuf content = ((HttpContent) response).content();
            if (headRequest && full && !appContentLength && content.isReadable()) {
                // The body is not sent, so the kernel would count 0: state the length a GET would have.
                HttpSysResponseHeadWriter.setKnownNumber(block, knownHeader(Http.HttpHeaderContentLength),
                        content.readableBytes());
            }
            // The batch holds nothing else yet (the head comes first), so the content always fits.
            addBuffer(content, alloc, true);
        }
        if (full) {
            end(responseTrailers);
        }
        block.hold(response);
        return APPENDED;
    }

    /** What the client gets instead of a 101: the server cannot switch protocols, and the connection ends. */
    static FullHttpResponse upgradeRefusal() {
        FullHttpResponse refusal = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.NOT_IMPLEMENTED,
                Unpooled.copiedBuffer("Protocol upgrades are not supported by this server\n", StandardCharsets.US_ASCII));
        refusal.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.TEXT_PLAIN)
                .set(HttpHeaderNames.CONTENT_LENGTH, refusal.content().readableBytes())
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        return refusal;
    }

    /**
     * The failure for the write of a {@code 101} that was answered with 501 instead (once; {@code null} if none):
     * the write's promise fails with it when the 501 has been sent.
     */
    UnsupportedOperationException takeRefusedUpgrade() {
        UnsupportedOperationException refused = refusedUpgrade;
        refusedUpgrade = null;
        return refused;
    }

    private int appendContent(HttpContent content, ByteBufAllocator alloc) {
        checkBodyState(content);
        boolean last = content instanceof LastHttpContent;
        HttpHeaders contentTrailers = validatedTrailers(content);
        if (!addBuffer(content.content(), alloc, dataChunks == 0)) {
            return BATCH_FULL;
        }
        if (last) {
            end(contentTrailers);
        }
        block.hold(content);
        return APPENDED;
    }

    private int appendFileRegion(FileRegion region, ByteBufAllocator alloc) throws IOException {
        checkBodyState(region);
        long offset = region.position() + region.transferred();
        long remaining = region.count() - region.transferred();
        if (remaining <= 0 || headRequest) {
            block.hold(region);
            return APPENDED;
        }
        if (dataChunks == MAX_DATA_CHUNKS) {
            return BATCH_FULL;
        }
        File file = HttpSysFileRegions.fileOf(region);
        if (file != null) {
            long handle = HttpSysFileRegions.openForSend(files, file);
            if (handle != IoCompletion.INVALID_HANDLE_VALUE && handle != 0) {
                block.holdFile(handle);
                HttpDataChunk.setFromFileHandle(nextChunk(), handle, offset, remaining);
                arenaChunkEnd = 0;
                dataBytes += remaining;
                block.hold(region);
                return APPENDED;
            }
            // Let Java read it instead: the error (if the file really is unreadable) then names the cause.
        }
        int length = (int) Math.min(remaining, FILE_PIECE);
        ByteBuf piece = alloc.directBuffer(length, length);
        try {
            HttpSysFileRegions.copyNextPiece(region, piece);
        } catch (IOException | RuntimeException e) {
            piece.release();
            throw e;
        }
        block.hold(piece);
        addAddressable(piece);
        if (region.transferred() < region.count()) {
            return BATCH_FULL;
        }
        block.hold(region);
        return APPENDED;
    }

    private void checkBodyState(Object msg) {
        if (state == STATE_HEAD) {
            throw new IllegalStateException("write an HttpResponse before " + msg.getClass().getSimpleName()
                    + " (or a FullHttpResponse instead)");
        }
        if (state == STATE_DONE) {
            throw new IllegalStateException("the response to this request has already ended with a "
                    + "LastHttpContent; " + msg.getClass().getSimpleName() + " cannot be sent");
        }
    }

    /**
     * The trailers of {@code msg} when it is a {@link LastHttpContent}, else {@code null}; validated before
     * anything is written, as the head is, and on HTTP/2 and HTTP/3 refused where Windows cannot send them.
     */
    private HttpHeaders validatedTrailers(Object msg) {
        HttpHeaders headers = msg instanceof LastHttpContent ? ((LastHttpContent) msg).trailingHeaders() : null;
        if (HttpSysResponseTrailers.present(headers)) {
            HttpSysResponseHeadWriter.validateHeaders(headers);
            if (!http1) {
                trailerSupport.check(headers);
            }
        }
        return headers;
    }

    private void end(HttpHeaders lastTrailers) {
        state = STATE_DONE;
        lastInBatch = true;
        trailers = lastTrailers;
    }

    // ---- body chunks ----

    /**
     * Adds {@code buf}'s readable bytes as data chunks. Returns {@code false} without changing anything when
     * they do not fit; with {@code mustFit} an oversized composite is copied into one buffer instead.
     */
    private boolean addBuffer(ByteBuf buf, ByteBufAllocator alloc, boolean mustFit) {
        int length = buf.readableBytes();
        if (length == 0 || headRequest) {
            // A HEAD response has no body; real HTTP.SYS may put given body bytes on the wire
            // (aspnet/HttpSysServer#339), so none are given.
            return true;
        }
        if (buf.hasMemoryAddress()) {
            if (dataChunks == MAX_DATA_CHUNKS) {
                return false;
            }
            addAddressable(buf);
            return true;
        }
        if (buf.isDirect() && buf.nioBufferCount() > 1) {
            int needed = buf.nioBufferCount();
            if (dataChunks + needed <= MAX_DATA_CHUNKS) {
                for (ByteBuffer nio : buf.nioBuffers()) {
                    addNio(nio);
                }
                return true;
            }
            if (!mustFit && dataChunks > 0) {
                return false;
            }
        }
        // Heap memory (or a composite too fragmented for one call): copy.
        boolean merge = arenaChunkEnd != 0 && arenaChunkEnd == block.arenaPosition() && block.fits(length);
        if (!merge && dataChunks == MAX_DATA_CHUNKS) {
            return false;
        }
        if (merge) {
            long chunk = block.chunkSlot(dataChunks);
            copyToNative(buf, block.allocateBytes(length));
            HttpDataChunk.setFromMemoryBufferLength(chunk, HttpDataChunk.fromMemoryBufferLength(chunk) + length);
            arenaChunkEnd += length;
        } else if (length <= ARENA_COPY_MAX) {
            long address = block.allocateBytes(length);
            copyToNative(buf, address);
            HttpDataChunk.setFromMemory(nextChunk(), address, length);
            arenaChunkEnd = address + length;
        } else {
            ByteBuf copy = alloc.directBuffer(length, length);
            copy.writeBytes(buf, buf.readerIndex(), length);
            block.hold(copy);
            if (copy.hasMemoryAddress()) {
                addAddressable(copy);
            } else {
                addNio(copy.nioBuffer());
            }
            return true;
        }
        dataBytes += length;
        return true;
    }

    private void addAddressable(ByteBuf buf) {
        int length = buf.readableBytes();
        HttpDataChunk.setFromMemory(nextChunk(), buf.memoryAddress() + buf.readerIndex(), length);
        arenaChunkEnd = 0;
        dataBytes += length;
    }

    private void addNio(ByteBuffer nio) {
        int length = nio.remaining();
        if (length == 0) {
            return;
        }
        long address;
        if (nio.isDirect()) {
            address = NativeAccess.directBufferAddress(nio) + nio.position();
        } else {
            address = block.allocateBytes(length);
            NativeAccess.copyMemory(nio.array(), nio.arrayOffset() + nio.position(), address, length);
        }
        HttpDataChunk.setFromMemory(nextChunk(), address, length);
        arenaChunkEnd = 0;
        dataBytes += length;
    }

    private long nextChunk() {
        return block.chunkSlot(++dataChunks);
    }

    private static void copyToNative(ByteBuf buf, long address) {
        int length = buf.readableBytes();
        if (buf.hasArray()) {
            NativeAccess.copyMemory(buf.array(), buf.arrayOffset() + buf.readerIndex(), address, length);
        } else {
            int done = 0;
            for (ByteBuffer nio : buf.nioBuffers()) {
                int n = nio.remaining();
                if (nio.hasArray()) {
                    NativeAccess.copyMemory(nio.array(), nio.arrayOffset() + nio.position(), address + done, n);
                } else {
                    NativeAccess.copyMemory(NativeAccess.directBufferAddress(nio) + nio.position(),
                            address + done, n);
                }
                done += n;
            }
        }
    }

    // ---- chunked framing ----

    private void decideFraming() {
        boolean bodyAllowed = !headRequest && statusCode >= 200 && statusCode != 204 && statusCode != 304;
        boolean streamed = !fullResponse && !(lastInBatch && !appChunked);
        if (!http1 || !bodyAllowed || appContentLength || !streamed) {
            return;
        }
        if (http10) {
            // No chunked coding for HTTP/1.0: the end of the connection ends the body.
            disconnect = true;
            return;
        }
        framed = true;
        if (!appChunked) {
            HttpSysResponseHeadWriter.setKnown(block, knownHeader(Http.HttpHeaderTransferEncoding),
                    HttpHeaderValues.CHUNKED);
        }
    }

    /**
     * Whether the application's {@code Content-Length} is to be left to the kernel: the whole response goes in
     * this one {@code HttpSendHttpResponse} (no MORE_DATA) and the header states exactly its body bytes. HTTP.SYS
     * then writes the length itself (undocumented; aspnet/HttpSysServer PR #246), and a cached entry that kept
     * the application's header is served to a {@code Range} request with both, the whole length and the range's
     * (aspnet/HttpSysServer#167, dotnet/corefx#5073: clients hang). ASP.NET Core's {@code Response.ComputeHeaders}
     * removes it likewise, except for HEAD: no body is passed then, so the kernel could not state the length a GET
     * would have. Statuses without a body length (1xx, 204, 304) keep what the application said.
     */
    private boolean kernelStatesContentLength() {
        return appContentLength && !headRequest && statusCode >= 200 && statusCode != 204 && statusCode != 304
                && head.contentLength() == dataBytes;
    }

    /** The {@code KnownHeaders[id]} slot of the response head in the current block. */
    private long knownHeader(int id) {
        return HttpResponseHeaders.knownHeader(HttpResponseV2.headers(block.response()), id);
    }

    private long writeSizeLine(long chunk, long size) {
        int digits = Math.max(1, (64 - Long.numberOfLeadingZeros(size) + 3) / 4);
        long address = block.allocateBytes(digits + 2);
        for (int i = digits - 1; i >= 0; i--) {
            NativeAccess.putByte(address + i, HEX[(int) (size >>> 4 * (digits - 1 - i)) & 0xF]);
        }
        NativeAccess.putByte(address + digits, (byte) '\r');
        NativeAccess.putByte(address + digits + 1, (byte) '\n');
        HttpDataChunk.setFromMemory(chunk, address, digits + 2);
        return digits + 2;
    }

    /** {@code [CRLF] "0" CRLF *(trailer CRLF) CRLF}. */
    private long writeLastChunk(long chunk, boolean closeData) {
        int length = (closeData ? 2 : 0) + 5;
        if (trailers != null) {
            for (Iterator<Map.Entry<CharSequence, CharSequence>> it = trailers.iteratorCharSequence(); it.hasNext();) {
                Map.Entry<CharSequence, CharSequence> e = it.next();
                length += e.getKey().length() + 2 + e.getValue().length() + 2;
            }
        }
        long start = block.allocateBytes(length);
        long p = start;
        if (closeData) {
            p = put(p, CRLF);
        }
        NativeAccess.putByte(p++, (byte) '0');
        p = put(p, CRLF);
        if (trailers != null) {
            for (Iterator<Map.Entry<CharSequence, CharSequence>> it = trailers.iteratorCharSequence(); it.hasNext();) {
                Map.Entry<CharSequence, CharSequence> e = it.next();
                p = HttpSysResponseHeadWriter.putChars(p, e.getKey());
                NativeAccess.putByte(p++, (byte) ':');
                NativeAccess.putByte(p++, (byte) ' ');
                p = HttpSysResponseHeadWriter.putChars(p, e.getValue());
                p = put(p, CRLF);
            }
        }
        put(p, CRLF);
        HttpDataChunk.setFromMemory(chunk, start, length);
        return length;
    }

    private long writeBytes(long chunk, byte[] bytes) {
        long address = block.allocateBytes(bytes.length);
        put(address, bytes);
        HttpDataChunk.setFromMemory(chunk, address, bytes.length);
        return bytes.length;
    }

    private static long put(long address, byte[] bytes) {
        NativeAccess.copyMemory(bytes, 0, address, bytes.length);
        return address + bytes.length;
    }
}
