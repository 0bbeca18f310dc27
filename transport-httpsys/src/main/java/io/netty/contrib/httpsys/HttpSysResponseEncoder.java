package io.netty.contrib.httpsys;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufHolder;
import io.netty.channel.FileRegion;
import io.netty.contrib.httpsys.nativeapi.Http;
import io.netty.contrib.httpsys.nativeapi.IoCompletion;
import io.netty.contrib.httpsys.nativeapi.WinBase;
import io.netty.contrib.httpsys.nativeapi.struct.HttpCachePolicy;
import io.netty.contrib.httpsys.nativeapi.struct.HttpDataChunk;
import io.netty.contrib.httpsys.nativeapi.struct.HttpKnownHeader;
import io.netty.contrib.httpsys.nativeapi.struct.HttpMultipleKnownHeaders;
import io.netty.contrib.httpsys.nativeapi.struct.HttpResponseHeaders;
import io.netty.contrib.httpsys.nativeapi.struct.HttpResponseInfo;
import io.netty.contrib.httpsys.nativeapi.struct.HttpResponseV2;
import io.netty.contrib.httpsys.nativeapi.struct.HttpUnknownHeader;
import io.netty.contrib.httpsys.nativeapi.struct.HttpVersion;
import io.netty.handler.codec.UnsupportedMessageTypeException;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.AsciiString;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.internal.PlatformDependent;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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
 *     too). Any other type fails with a message that says what to change.</li>
 * <li>Direct buffers are passed by address and held until the send completes; heap buffers are copied
 *     (small ones into the block, consecutive ones merged into one chunk; larger ones into a pooled direct
 *     buffer). A {@code DefaultFileRegion} over a named file becomes a {@code HttpDataChunkFromFileHandle}
 *     (zero copy); other regions are copied in pieces of {@value #FILE_PIECE} bytes.</li>
 * <li>Known response headers go into {@code KnownHeaders[HTTP_HEADER_ID]}; a known header with several
 *     values (two {@code Set-Cookie}s) goes as {@code HttpResponseInfoTypeMultipleKnownHeaders}, as ASP.NET
 *     Core does; all others are {@code HTTP_UNKNOWN_HEADER}s. A CR, LF or NUL in a name, value or reason
 *     fails the write (response splitting). {@code Date} is dropped: the kernel writes its own.</li>
 * <li>Interim {@code 1xx} responses other than 101 are swallowed: HTTP.SYS sends {@code 100 Continue}
 *     itself and has no call for other interim responses.</li>
 * <li>HTTP.SYS adds no chunked framing. An HTTP/1.1 response without {@code Content-Length} whose body
 *     spans several sends gets {@code Transfer-Encoding: chunked} and is framed here (each call's data is one
 *     chunk); if head and end arrive in one flush, the kernel computes {@code Content-Length} instead. Never
 *     for HTTP/2 or HTTP/3 (where connection-specific headers are dropped), {@code HEAD}, 1xx/204/304. An
 *     HTTP/1.0 client gets a close-delimited body ({@code HTTP_SEND_RESPONSE_FLAG_DISCONNECT}) instead.</li>
 * <li>{@code Connection: close} on HTTP/1.x ends the response with {@code HTTP_SEND_RESPONSE_FLAG_DISCONNECT}.</li>
 * <li>A response that {@link HttpSysCachePolicy} deems shareable, and that is complete in its first call,
 *     is passed with {@code HttpCachePolicyTimeToLive}.</li>
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
    private static final int MAX_USHORT = 0xFFFF;

    private static final int STATE_HEAD = 0;
    private static final int STATE_BODY = 1;
    private static final int STATE_DONE = 2;

    /** Header classification of the first pass: not sent. Other values are ids or {@code UNKNOWN}. */
    private static final int DROP = -2;

    private static final AsciiString PROXY_CONNECTION = AsciiString.cached("proxy-connection");
    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private final IoCompletion files;

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

    // The batch (one native call).
    private HttpSysSendBlock block;
    private boolean headInBatch;
    private boolean lastInBatch;
    private int dataChunks;
    private long dataBytes;
    private long arenaChunkEnd;
    private HttpHeaders trailers;

    // Scratch of the head's two passes.
    private int[] headerIds = new int[32];
    private final int[] knownCounts = new int[Http.HttpHeaderResponseMaximum];
    private final long[] multipleArrays = new long[Http.HttpHeaderResponseMaximum];
    private final int[] multipleFill = new int[Http.HttpHeaderResponseMaximum];
    private int unknownCount;
    private int multipleCount;

    /** {@code io} opens ({@code CreateFileW}) the files of file regions. */
    HttpSysResponseEncoder(IoCompletion io) {
        this.files = io;
    }

    /** Prepares for the response to {@code request}, as decoded (read before handlers can change it). */
    void reset(HttpSysRequestInfo info, HttpRequest request) {
        method = request.method();
        headRequest = HttpMethod.HEAD.equals(method);
        http1 = info.protocol() == HttpSysRequestInfo.Protocol.HTTP_1;
        http10 = http1 && io.netty.handler.codec.http.HttpVersion.HTTP_1_0.equals(request.protocolVersion());
        requestHasAuthorization = request.headers().contains(HttpHeaderNames.AUTHORIZATION);
        state = STATE_HEAD;
        statusCode = 0;
        fullResponse = false;
        framed = false;
        disconnect = false;
        appContentLength = false;
        appChunked = false;
        cacheSeconds = 0;
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
        boolean last = lastInBatch;
        int flags = last ? 0 : Http.HTTP_SEND_RESPONSE_FLAG_MORE_DATA;
        if (last && disconnect) {
            flags |= Http.HTTP_SEND_RESPONSE_FLAG_DISCONNECT;
        }
        long chunks = count == 0 ? 0 : first;
        b.flags = flags;
        b.chunkCount = count;
        b.chunks = chunks;
        b.bodyBytes = dataBytes + frameBytes;
        b.last = last;
        b.cachePolicy = 0;
        if (headInBatch) {
            long response = b.response();
            HttpResponseV2.setEntityChunkCount(response, count);
            HttpResponseV2.setEntityChunks(response, chunks);
            if (last && cacheSeconds > 0 && !disconnect) {
                long policy = b.cachePolicyAddress();
                HttpCachePolicy.setPolicy(policy, Http.HttpCachePolicyTimeToLive);
                HttpCachePolicy.setSecondsToLive(policy, cacheSeconds);
                b.cachePolicy = policy;
            }
            b.call = HttpSysSendBlock.CALL_SEND_HTTP_RESPONSE;
        } else if (count > 0 || last) {
            b.call = HttpSysSendBlock.CALL_SEND_RESPONSE_ENTITY_BODY;
        } else {
            b.call = HttpSysSendBlock.CALL_NONE;
        }
    }

    // ---- messages ----

    private int appendResponse(HttpResponse response, ByteBufAllocator alloc) throws IOException {
        if (state != STATE_HEAD) {
            throw new IllegalStateException("the response head was already written for this request; write "
                    + "HttpContent/LastHttpContent next (" + response.status() + " rejected)");
        }
        int code = response.status().code();
        if (code >= 100 && code < 200 && code != HttpResponseStatus.SWITCHING_PROTOCOLS.code()) {
            ReferenceCountUtil.release(response);
            return SWALLOWED;
        }
        boolean full = response instanceof LastHttpContent;
        HttpHeaders responseTrailers = full ? ((LastHttpContent) response).trailingHeaders() : null;
        if (responseTrailers != null && !responseTrailers.isEmpty()) {
            validateHeaders(responseTrailers);
        }
        scanHead(response, full);
        statusCode = code;
        fullResponse = full;
        writeHead(response);
        headInBatch = true;
        state = STATE_BODY;
        cacheSeconds = HttpSysCachePolicy.secondsToLive(method, requestHasAuthorization, response);
        if (response instanceof HttpContent) {
            // The batch holds nothing else yet (the head comes first), so the content always fits.
            addBuffer(((HttpContent) response).content(), alloc, true);
        }
        if (full) {
            end(responseTrailers);
        }
        block.hold(response);
        return APPENDED;
    }

    private int appendContent(HttpContent content, ByteBufAllocator alloc) {
        checkBodyState(content);
        boolean last = content instanceof LastHttpContent;
        HttpHeaders contentTrailers = last ? ((LastHttpContent) content).trailingHeaders() : null;
        if (contentTrailers != null && !contentTrailers.isEmpty()) {
            validateHeaders(contentTrailers);
        }
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
        if (remaining <= 0) {
            block.hold(region);
            return APPENDED;
        }
        if (dataChunks == MAX_DATA_CHUNKS) {
            return BATCH_FULL;
        }
        File file = HttpSysFileRegions.fileOf(region);
        if (file != null) {
            long handle = files.CreateFileW(file.getAbsolutePath(), WinBase.GENERIC_READ,
                    WinBase.FILE_SHARE_READ | WinBase.FILE_SHARE_WRITE | WinBase.FILE_SHARE_DELETE, 0,
                    WinBase.OPEN_EXISTING, WinBase.FILE_FLAG_SEQUENTIAL_SCAN, 0);
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
        if (length == 0) {
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
        } else if (length <= ARENA_COPY_MAX || !PlatformDependent.hasUnsafe()) {
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
            address = PlatformDependent.directBufferAddress(nio) + nio.position();
        } else {
            address = block.allocateBytes(length);
            PlatformDependent.copyMemory(nio.array(), nio.arrayOffset() + nio.position(), address, length);
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
            PlatformDependent.copyMemory(buf.array(), buf.arrayOffset() + buf.readerIndex(), address, length);
        } else {
            int done = 0;
            for (ByteBuffer nio : buf.nioBuffers()) {
                int n = nio.remaining();
                if (nio.hasArray()) {
                    PlatformDependent.copyMemory(nio.array(), nio.arrayOffset() + nio.position(), address + done, n);
                } else {
                    PlatformDependent.copyMemory(PlatformDependent.directBufferAddress(nio) + nio.position(),
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
            long slot = HttpResponseHeaders.knownHeader(HttpResponseV2.headers(block.response()),
                    Http.HttpHeaderTransferEncoding);
            setKnown(slot, HttpHeaderValues.CHUNKED);
        }
    }

    private long writeSizeLine(long chunk, long size) {
        int digits = Math.max(1, (64 - Long.numberOfLeadingZeros(size) + 3) / 4);
        long address = block.allocateBytes(digits + 2);
        for (int i = digits - 1; i >= 0; i--) {
            PlatformDependent.putByte(address + i, HEX[(int) (size >>> 4 * (digits - 1 - i)) & 0xF]);
        }
        PlatformDependent.putByte(address + digits, (byte) '\r');
        PlatformDependent.putByte(address + digits + 1, (byte) '\n');
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
        PlatformDependent.putByte(p++, (byte) '0');
        p = put(p, CRLF);
        if (trailers != null) {
            for (Iterator<Map.Entry<CharSequence, CharSequence>> it = trailers.iteratorCharSequence(); it.hasNext();) {
                Map.Entry<CharSequence, CharSequence> e = it.next();
                p = putChars(p, e.getKey());
                PlatformDependent.putByte(p++, (byte) ':');
                PlatformDependent.putByte(p++, (byte) ' ');
                p = putChars(p, e.getValue());
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

    // ---- the head ----

    /**
     * First pass: classifies every header (known id, unknown, or dropped), counts values per known id,
     * notes what changes the framing, and validates everything, so the second pass cannot fail half-way.
     */
    private void scanHead(HttpResponse response, boolean full) {
        validateText("reason phrase", response.status().reasonPhrase());
        HttpHeaders headers = response.headers();
        int size = headers.size();
        if (headerIds.length < size) {
            headerIds = new int[Math.max(size, headerIds.length * 2)];
        }
        Arrays.fill(knownCounts, 0);
        unknownCount = 0;
        multipleCount = 0;
        boolean contentLength = false;
        boolean chunked = false;
        boolean close = false;
        int i = 0;
        for (Iterator<Map.Entry<CharSequence, CharSequence>> it = headers.iteratorCharSequence(); it.hasNext(); i++) {
            Map.Entry<CharSequence, CharSequence> e = it.next();
            CharSequence name = e.getKey();
            CharSequence value = e.getValue();
            validateHeader(name, value);
            int id = HttpSysResponseHeaderIds.idOf(name);
            switch (id) {
                case Http.HttpHeaderDate:
                    id = DROP;
                    break;
                case Http.HttpHeaderContentLength:
                    contentLength = true;
                    break;
                case Http.HttpHeaderTransferEncoding:
                    if (!http1 || http10 || full) {
                        // The body is sent with a length (or closes the connection): no chunked coding.
                        id = DROP;
                    } else {
                        chunked |= AsciiString.containsIgnoreCase(value, HttpHeaderValues.CHUNKED);
                    }
                    break;
                case Http.HttpHeaderConnection:
                    if (http1) {
                        close |= AsciiString.containsIgnoreCase(value, HttpHeaderValues.CLOSE);
                    } else {
                        id = DROP;
                    }
                    break;
                case Http.HttpHeaderKeepAlive:
                case Http.HttpHeaderUpgrade:
                    if (!http1) {
                        id = DROP;
                    }
                    break;
                case HttpSysResponseHeaderIds.UNKNOWN:
                    if (!http1 && PROXY_CONNECTION.contentEqualsIgnoreCase(name)) {
                        id = DROP;
                    }
                    break;
                default:
                    break;
            }
            headerIds[i] = id;
            if (id == HttpSysResponseHeaderIds.UNKNOWN) {
                unknownCount++;
            } else if (id >= 0 && ++knownCounts[id] == 2) {
                multipleCount++;
            }
        }
        appContentLength = contentLength;
        appChunked = chunked;
        disconnect = close;
    }

    /** Second pass: writes {@code HTTP_RESPONSE_V2} and everything it points to into the block. */
    private void writeHead(HttpResponse response) {
        long r = block.response();
        PlatformDependent.setMemory(r, HttpResponseV2.SIZE, (byte) 0);
        io.netty.handler.codec.http.HttpVersion version = response.protocolVersion();
        HttpResponseV2.setVersion(r, HttpVersion.pack(version.majorVersion(), version.minorVersion()));
        HttpResponseV2.setStatusCode(r, response.status().code());
        String reason = response.status().reasonPhrase();
        long reasonAddress = block.allocateBytes(Math.max(1, reason.length()));
        putChars(reasonAddress, reason);
        HttpResponseV2.setReason(r, reasonAddress);
        HttpResponseV2.setReasonLength(r, reason.length());

        long headers = HttpResponseV2.headers(r);
        long unknown = 0;
        if (unknownCount > 0) {
            unknown = block.allocateAligned(unknownCount * HttpUnknownHeader.SIZE);
            HttpResponseHeaders.setUnknownHeaders(headers, unknown);
            HttpResponseHeaders.setUnknownHeaderCount(headers, unknownCount);
        }
        if (multipleCount > 0) {
            long infos = block.allocateAligned(multipleCount * HttpResponseInfo.SIZE);
            HttpResponseV2.setResponseInfo(r, infos);
            HttpResponseV2.setResponseInfoCount(r, multipleCount);
            int info = 0;
            for (int id = 0; id < knownCounts.length; id++) {
                multipleFill[id] = 0;
                if (knownCounts[id] < 2) {
                    continue;
                }
                long multiple = block.allocateAligned(HttpMultipleKnownHeaders.SIZE);
                long values = block.allocateAligned(knownCounts[id] * HttpKnownHeader.SIZE);
                HttpMultipleKnownHeaders.setHeaderId(multiple, id);
                HttpMultipleKnownHeaders.setFlags(multiple, HTTP_RESPONSE_INFO_FLAGS_PRESERVE_ORDER);
                HttpMultipleKnownHeaders.setKnownHeaderCount(multiple, knownCounts[id]);
                HttpMultipleKnownHeaders.setKnownHeaders(multiple, values);
                long entry = HttpResponseInfo.at(infos, info++);
                HttpResponseInfo.setType(entry, Http.HttpResponseInfoTypeMultipleKnownHeaders);
                HttpResponseInfo.setLength(entry, HttpMultipleKnownHeaders.SIZE);
                HttpResponseInfo.setInfo(entry, multiple);
                multipleArrays[id] = values;
            }
        }
        int i = 0;
        int u = 0;
        for (Iterator<Map.Entry<CharSequence, CharSequence>> it = response.headers().iteratorCharSequence();
             it.hasNext(); i++) {
            Map.Entry<CharSequence, CharSequence> e = it.next();
            int id = headerIds[i];
            if (id == DROP) {
                continue;
            }
            if (id == HttpSysResponseHeaderIds.UNKNOWN) {
                long header = HttpUnknownHeader.at(unknown, u++);
                CharSequence name = e.getKey();
                long nameAddress = block.allocateBytes(name.length());
                putChars(nameAddress, name);
                HttpUnknownHeader.setName(header, nameAddress);
                HttpUnknownHeader.setNameLength(header, name.length());
                CharSequence value = e.getValue();
                long valueAddress = block.allocateBytes(Math.max(1, value.length()));
                putChars(valueAddress, value);
                HttpUnknownHeader.setRawValue(header, valueAddress);
                HttpUnknownHeader.setRawValueLength(header, value.length());
            } else if (knownCounts[id] == 1) {
                setKnown(HttpResponseHeaders.knownHeader(headers, id), e.getValue());
            } else {
                setKnown(HttpKnownHeader.at(multipleArrays[id], multipleFill[id]++), e.getValue());
            }
        }
    }

    private void setKnown(long knownHeader, CharSequence value) {
        long address = block.allocateBytes(Math.max(1, value.length()));
        putChars(address, value);
        HttpKnownHeader.setRawValue(knownHeader, address);
        HttpKnownHeader.setRawValueLength(knownHeader, value.length());
    }

    // ---- validation and text ----

    private static void validateHeaders(HttpHeaders headers) {
        for (Iterator<Map.Entry<CharSequence, CharSequence>> it = headers.iteratorCharSequence(); it.hasNext();) {
            Map.Entry<CharSequence, CharSequence> e = it.next();
            validateHeader(e.getKey(), e.getValue());
        }
    }

    private static void validateHeader(CharSequence name, CharSequence value) {
        if (name.length() == 0) {
            throw new IllegalArgumentException("a response header has an empty name");
        }
        if (name.length() > MAX_USHORT || value.length() > MAX_USHORT) {
            throw new IllegalArgumentException("response header '" + name + "' is longer than 65535 bytes");
        }
        if (forbiddenCharAt(name) >= 0) {
            throw new IllegalArgumentException("response header name '" + printable(name)
                    + "' contains CR, LF or NUL (response splitting)");
        }
        if (forbiddenCharAt(value) >= 0) {
            throw new IllegalArgumentException("the value of response header '" + name
                    + "' contains CR, LF or NUL (response splitting)");
        }
    }

    private static void validateText(String what, CharSequence text) {
        if (text.length() > MAX_USHORT || forbiddenCharAt(text) >= 0) {
            throw new IllegalArgumentException("the " + what + " '" + printable(text)
                    + "' contains CR, LF or NUL (response splitting) or is longer than 65535 bytes");
        }
    }

    private static int forbiddenCharAt(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\r' || c == '\n' || c == 0) {
                return i;
            }
        }
        return -1;
    }

    private static String printable(CharSequence s) {
        return s.toString().replace("\r", "\\r").replace("\n", "\\n").replace("\0", "\\0");
    }

    /**
     * Writes {@code s} as ISO-8859-1 (what HTTP/1.1 header bytes historically are); a character above
     * U+00FF becomes {@code '?'}, as Netty's own encoder does for non-ASCII.
     */
    private static long putChars(long address, CharSequence s) {
        int length = s.length();
        if (s instanceof AsciiString) {
            AsciiString ascii = (AsciiString) s;
            PlatformDependent.copyMemory(ascii.array(), ascii.arrayOffset(), address, length);
            return address + length;
        }
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            PlatformDependent.putByte(address + i, c <= 0xFF ? (byte) c : (byte) '?');
        }
        return address + length;
    }

    private static long put(long address, byte[] bytes) {
        PlatformDependent.copyMemory(bytes, 0, address, bytes.length);
        return address + bytes.length;
    }

    /**
     * {@code HTTP_RESPONSE_INFO_FLAGS_PRESERVE_ORDER} (http.h): keep the values of a multiple known header in
     * the order given. Not yet in {@link Http}; see the report.
     */
    private static final int HTTP_RESPONSE_INFO_FLAGS_PRESERVE_ORDER = 0x1;
}
