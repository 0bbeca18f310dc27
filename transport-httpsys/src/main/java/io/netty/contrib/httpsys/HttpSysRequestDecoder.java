package io.netty.contrib.httpsys;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.contrib.httpsys.nativeapi.Http;
import io.netty.contrib.httpsys.nativeapi.HttpKnownHeaders;
import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.struct.HttpCookedUrl;
import io.netty.contrib.httpsys.nativeapi.struct.HttpDataChunk;
import io.netty.contrib.httpsys.nativeapi.struct.HttpKnownHeader;
import io.netty.contrib.httpsys.nativeapi.struct.HttpRequestHeaders;
import io.netty.contrib.httpsys.nativeapi.struct.HttpRequestV2;
import io.netty.contrib.httpsys.nativeapi.struct.HttpUnknownHeader;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;
import io.netty.util.internal.EmptyArrays;
import io.netty.util.internal.PlatformDependent;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Turns a received {@code HTTP_REQUEST_V2} into the Netty objects a handler expects after
 * {@code HttpServerCodec} (+ {@code HttpObjectAggregator}): an {@link HttpRequest} head, or a
 * {@link FullHttpRequest} when the whole body came with the head.
 *
 * <p>Choices, and why:
 * <ul>
 * <li>Method: HTTP.SYS's verb id maps to a cached {@link HttpMethod}; an unknown verb (HTTP.SYS does not
 *     know {@code PATCH}) goes through {@link HttpMethod#valueOf}, which also returns cached constants.</li>
 * <li>URI: the raw request target ({@code pRawUrl}) as sent, still percent-encoded, as
 *     {@code HttpRequestDecoder} would give it. An absolute-form target ({@code GET http://host/p HTTP/1.1})
 *     is reduced to origin-form by dropping {@code scheme://authority} from the <em>raw</em> URL: handlers
 *     expect a path, and the cooked path is percent-decoded (using it would make handlers decode twice).
 *     The cooked URL stays available in {@link HttpSysRequestInfo#cookedUrl()}.</li>
 * <li>Version: 1.0 stays 1.0; HTTP/1.1, HTTP/2 and HTTP/3 are all presented as HTTP/1.1 (the handler API
 *     is HTTP/1.x); {@link HttpSysRequestInfo#protocol()} tells them apart.</li>
 * <li>Headers: {@link HttpSysRequestHeaders}, a view over one copy of the request's header bytes that answers
 *     lookups without building a map and becomes a {@code DefaultHttpHeaders} (name and value validation off:
 *     HTTP.SYS has already rejected malformed ones) when a handler changes or iterates them. Known headers use the
 *     interned {@link HttpHeaderNames} constants ({@link HttpKnownHeaders#requestHeaderLowerCaseName}) and come
 *     first in {@code HTTP_HEADER_ID} order, then unknown ones in arrival order (HTTP.SYS does not keep the
 *     original interleaving).</li>
 * <li>Body of a full request: the {@code COPY_BODY} chunks are copied into one buffer of the channel's
 *     allocator. As {@code HttpObjectAggregator} does, {@code Transfer-Encoding: chunked} is removed (the
 *     kernel already de-chunked the body) and {@code Content-Length} is set to the body length when absent
 *     or when the body was chunked, so the message is self-consistent.</li>
 * </ul>
 *
 * <p>One instance per event loop: it keeps scratch arrays between requests and is not thread-safe.
 */
final class HttpSysRequestDecoder {

    private static final DefaultHttpHeadersFactory TRAILERS =
            DefaultHttpHeadersFactory.trailersFactory().withValidation(false);

    /** Methods by {@code HTTP_VERB}; {@code null} for the ids that carry no method. */
    private static final HttpMethod[] METHODS = new HttpMethod[Http.HttpVerbMaximum];
    private static final byte[] PATCH_BYTES = HttpMethod.PATCH.name().getBytes(StandardCharsets.US_ASCII);

    static {
        METHODS[Http.HttpVerbOPTIONS] = HttpMethod.OPTIONS;
        METHODS[Http.HttpVerbGET] = HttpMethod.GET;
        METHODS[Http.HttpVerbHEAD] = HttpMethod.HEAD;
        METHODS[Http.HttpVerbPOST] = HttpMethod.POST;
        METHODS[Http.HttpVerbPUT] = HttpMethod.PUT;
        METHODS[Http.HttpVerbDELETE] = HttpMethod.DELETE;
        METHODS[Http.HttpVerbTRACE] = HttpMethod.TRACE;
        METHODS[Http.HttpVerbCONNECT] = HttpMethod.CONNECT;
        METHODS[Http.HttpVerbTRACK] = HttpMethod.valueOf("TRACK");
        METHODS[Http.HttpVerbMOVE] = HttpMethod.valueOf("MOVE");
        METHODS[Http.HttpVerbCOPY] = HttpMethod.valueOf("COPY");
        METHODS[Http.HttpVerbPROPFIND] = HttpMethod.valueOf("PROPFIND");
        METHODS[Http.HttpVerbPROPPATCH] = HttpMethod.valueOf("PROPPATCH");
        METHODS[Http.HttpVerbMKCOL] = HttpMethod.valueOf("MKCOL");
        METHODS[Http.HttpVerbLOCK] = HttpMethod.valueOf("LOCK");
        METHODS[Http.HttpVerbUNLOCK] = HttpMethod.valueOf("UNLOCK");
        METHODS[Http.HttpVerbSEARCH] = HttpMethod.valueOf("SEARCH");
    }

    private byte[] bytes = new byte[512];
    /** Where the header strings of the request being decoded start and end ({@link #extendSpan}). */
    private long low;
    private long high;

    /** Reads the request's metadata; see {@link HttpSysRequestInfo}. */
    HttpSysRequestInfo decodeInfo(long request) {
        long cooked = HttpRequestV2.cookedUrl(request);
        return new HttpSysRequestInfo(request,
                copyOf(HttpCookedUrl.fullUrl(cooked), HttpCookedUrl.fullUrlLength(cooked)));
    }

    /**
     * The whole request, for {@code !info.hasMoreEntityBody()}: head and the body that arrived with it
     * ({@code HTTP_RECEIVE_REQUEST_FLAG_COPY_BODY}), copied into a buffer of {@code alloc}.
     */
    FullHttpRequest decodeFull(long request, HttpSysRequestInfo info, ByteBufAllocator alloc) {
        HttpSysRequestHeaders headers = decodeHeaders(request);
        ByteBuf body = copyEntityChunks(request, alloc);
        FullHttpRequest full = new HttpSysFullHttpRequest(version(request, info), method(request), uri(request),
                body, headers);
        fixLength(headers, body.readableBytes());
        dropContinueExpectation(full);
        return full;
    }

    /** The head with its headers exactly as received, for a request whose body continues. */
    HttpRequest decodeHead(long request, HttpSysRequestInfo info) {
        return new DefaultHttpRequest(version(request, info), method(request), uri(request), decodeHeaders(request));
    }

    /**
     * The {@code HttpDataChunkFromMemory} chunks that arrived with the head, as one buffer of {@code alloc}
     * ({@link Unpooled#EMPTY_BUFFER} when there are none).
     */
    ByteBuf copyEntityChunks(long request, ByteBufAllocator alloc) {
        int count = HttpRequestV2.entityChunkCount(request);
        long chunks = HttpRequestV2.entityChunks(request);
        if (count == 0 || chunks == 0) {
            return Unpooled.EMPTY_BUFFER;
        }
        long total = 0;
        for (int i = 0; i < count; i++) {
            long chunk = HttpDataChunk.at(chunks, i);
            if (HttpDataChunk.dataChunkType(chunk) == Http.HttpDataChunkFromMemory) {
                total += HttpDataChunk.fromMemoryBufferLength(chunk) & 0xFFFFFFFFL;
            }
        }
        if (total == 0) {
            return Unpooled.EMPTY_BUFFER;
        }
        // A receive buffer is far below 2 GiB, so the sum of its chunks always fits an int.
        ByteBuf body = alloc.buffer((int) total);
        for (int i = 0; i < count; i++) {
            long chunk = HttpDataChunk.at(chunks, i);
            if (HttpDataChunk.dataChunkType(chunk) == Http.HttpDataChunkFromMemory) {
                copyFromNative(HttpDataChunk.fromMemoryBuffer(chunk), HttpDataChunk.fromMemoryBufferLength(chunk),
                        body);
            }
        }
        return body;
    }

    /**
     * A {@link FullHttpRequest} of {@code head} (sharing its headers) and {@code body}, for a caller that
     * received the rest of the body itself; takes ownership of {@code body}.
     */
    static FullHttpRequest aggregate(HttpRequest head, ByteBuf body) {
        HttpHeaders headers = head.headers();
        FullHttpRequest full = new HttpSysFullHttpRequest(head.protocolVersion(), head.method(), head.uri(), body,
                headers);
        full.setDecoderResult(head.decoderResult());
        fixLength(headers, body.readableBytes());
        dropContinueExpectation(full);
        return full;
    }

    /** Copies {@code length} bytes at {@code address} to the end of {@code target}. */
    static void copyFromNative(long address, int length, ByteBuf target) {
        target.ensureWritable(length);
        int index = target.writerIndex();
        if (target.hasMemoryAddress()) {
            NativeAccess.copyMemory(address, target.memoryAddress() + index, length);
        } else if (target.hasArray()) {
            NativeAccess.copyMemory(address, target.array(), target.arrayOffset() + index, length);
        } else {
            ByteBuffer nio = target.internalNioBuffer(index, length);
            if (nio.isDirect()) {
                NativeAccess.copyMemory(address, NativeAccess.directBufferAddress(nio) + nio.position(),
                        length);
            } else {
                NativeAccess.copyMemory(address, nio.array(), nio.arrayOffset() + nio.position(), length);
            }
        }
        target.writerIndex(index + length);
    }

    /**
     * Removes an {@code Expect: 100-continue} from an aggregated request, as {@code HttpObjectAggregator} does once
     * it has answered the expectation (it need not be "propagated any further"): HTTP.SYS answered it, sending
     * {@code 100 Continue} itself when the body was read, so a handler of the whole request has nothing left to do
     * about it. The streamed {@link HttpRequest} keeps it, as {@code HttpServerCodec} alone leaves it (any
     * {@code 100 Continue} a handler writes is dropped, see {@link HttpSysResponseEncoder}).
     */
    private static void dropContinueExpectation(HttpRequest request) {
        if (HttpUtil.is100ContinueExpected(request)) {
            request.headers().remove(HttpHeaderNames.EXPECT);
        }
    }

    private static void fixLength(HttpHeaders headers, int length) {
        boolean chunked = headers.containsValue(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED, true);
        if (chunked) {
            headers.remove(HttpHeaderNames.TRANSFER_ENCODING);
        }
        if (chunked || !headers.contains(HttpHeaderNames.CONTENT_LENGTH)) {
            AsciiString value = length == 0 ? HttpHeaderValues.ZERO : AsciiString.of(String.valueOf(length));
            if (headers instanceof HttpSysRequestHeaders && !chunked) {
                ((HttpSysRequestHeaders) headers).addContentLength(value);
            } else {
                headers.set(HttpHeaderNames.CONTENT_LENGTH, value);
            }
        }
    }

    private static HttpVersion version(long request, HttpSysRequestInfo info) {
        if (info.protocol() != HttpSysRequestInfo.Protocol.HTTP_1) {
            return HttpVersion.HTTP_1_1;
        }
        int version = HttpRequestV2.version(request);
        int major = io.netty.contrib.httpsys.nativeapi.struct.HttpVersion.major(version);
        int minor = io.netty.contrib.httpsys.nativeapi.struct.HttpVersion.minor(version);
        return major > 1 || major == 1 && minor >= 1 ? HttpVersion.HTTP_1_1 : HttpVersion.HTTP_1_0;
    }

    private HttpMethod method(long request) {
        int verb = HttpRequestV2.verb(request);
        HttpMethod known = verb >= 0 && verb < METHODS.length ? METHODS[verb] : null;
        if (known != null) {
            return known;
        }
        int length = HttpRequestV2.unknownVerbLength(request);
        long name = HttpRequestV2.unknownVerb(request);
        if (length == 0 || name == 0) {
            throw new IllegalArgumentException("HTTP.SYS reported verb " + verb + " without a method name");
        }
        byte[] b = readBytes(name, length);
        if (length == PATCH_BYTES.length && PlatformDependent.equals(b, 0, PATCH_BYTES, 0, length)) {
            return HttpMethod.PATCH;
        }
        return HttpMethod.valueOf(new String(b, 0, length, StandardCharsets.ISO_8859_1));
    }

    private String uri(long request) {
        int length = HttpRequestV2.rawUrlLength(request);
        long raw = HttpRequestV2.rawUrl(request);
        if (length == 0 || raw == 0) {
            return "/";
        }
        byte[] b = readBytes(raw, length);
        int start = 0;
        if (b[0] != '/' && b[0] != '*') {
            start = originFormStart(b, length);
            if (start < 0) {
                // Not absolute-form (authority-form of CONNECT, or something HTTP.SYS let through): as sent.
                start = 0;
            } else if (start == length || b[start] != '/') {
                // "http://host" or "http://host?q": the origin-form path of an empty path is "/".
                return "/" + new String(b, start, length - start, StandardCharsets.ISO_8859_1);
            }
        }
        return new String(b, start, length - start, StandardCharsets.ISO_8859_1);
    }

    /** Index just past {@code scheme://authority} of an absolute-form target, or -1 when it has none. */
    private static int originFormStart(byte[] b, int length) {
        int i = 0;
        while (i + 2 < length && !(b[i] == ':' && b[i + 1] == '/' && b[i + 2] == '/')) {
            i++;
        }
        if (i + 2 >= length) {
            return -1;
        }
        i += 3;
        while (i < length && b[i] != '/' && b[i] != '?') {
            i++;
        }
        return i;
    }

    /**
     * The request's headers as {@link HttpSysRequestHeaders}: a copy of every unknown name and every value in one
     * array, and where each one is, in the order {@code DefaultHttpHeaders} would have them. HTTP.SYS writes the
     * strings next to each other in the receive buffer, so when they lie close together (at most half as many
     * bytes again between them) the whole stretch is copied at once: one copy instead of two per header.
     */
    private HttpSysRequestHeaders decodeHeaders(long request) {
        long nativeHeaders = HttpRequestV2.headers(request);
        int unknownCount = HttpRequestHeaders.unknownHeaderCount(nativeHeaders);
        long unknown = HttpRequestHeaders.unknownHeaders(nativeHeaders);
        int count = unknownCount;
        long total = 0;
        low = Long.MAX_VALUE;
        high = 0;
        for (int id = 0; id < Http.HttpHeaderRequestMaximum; id++) {
            long known = HttpRequestHeaders.knownHeader(nativeHeaders, id);
            long value = HttpKnownHeader.rawValue(known);
            if (value != 0) {
                int length = HttpKnownHeader.rawValueLength(known);
                count++;
                total += length;
                extendSpan(value, length);
            }
        }
        for (int i = 0; i < unknownCount; i++) {
            long header = HttpUnknownHeader.at(unknown, i);
            int nameLength = HttpUnknownHeader.nameLength(header);
            int valueLength = HttpUnknownHeader.rawValueLength(header);
            total += nameLength + valueLength;
            extendSpan(HttpUnknownHeader.name(header), nameLength);
            extendSpan(HttpUnknownHeader.rawValue(header), valueLength);
        }
        long span = high - low;
        boolean whole = total > 0 && span <= total + (total >>> 1) + 64;
        byte[] block = new byte[(int) (whole ? span : total)];
        if (whole) {
            NativeAccess.copyMemory(low, block, 0, span);
        }
        int[] index = new int[3 * count];
        int position = 0;
        int entry = 0;
        long base = whole ? low : 0;
        for (int id = 0; id < Http.HttpHeaderRequestMaximum; id++) {
            long known = HttpRequestHeaders.knownHeader(nativeHeaders, id);
            long value = HttpKnownHeader.rawValue(known);
            if (value != 0) {
                int length = HttpKnownHeader.rawValueLength(known);
                index[entry] = -1 - id;
                index[entry + 1] = length;
                index[entry + 2] = whole && length != 0 ? (int) (value - base) : position;
                position = whole ? position : copy(value, length, block, position);
                entry += 3;
            }
        }
        for (int i = 0; i < unknownCount; i++) {
            long header = HttpUnknownHeader.at(unknown, i);
            long name = HttpUnknownHeader.name(header);
            long value = HttpUnknownHeader.rawValue(header);
            int nameLength = HttpUnknownHeader.nameLength(header);
            int valueLength = HttpUnknownHeader.rawValueLength(header);
            index[entry] = whole && nameLength != 0 ? (int) (name - base) : position;
            position = whole ? position : copy(name, nameLength, block, position);
            index[entry + 1] = nameLength << 16 | valueLength;
            index[entry + 2] = whole && valueLength != 0 ? (int) (value - base) : position;
            position = whole ? position : copy(value, valueLength, block, position);
            entry += 3;
        }
        return new HttpSysRequestHeaders(block, index, count);
    }

    /** Widens [{@link #low}, {@link #high}) to cover the {@code length} bytes at {@code address}. */
    private void extendSpan(long address, int length) {
        if (length != 0) {
            low = Math.min(low, address);
            high = Math.max(high, address + length);
        }
    }

    /** Copies the {@code length} bytes at {@code address} to {@code block[position]}; returns the next position. */
    private static int copy(long address, int length, byte[] block, int position) {
        if (length != 0) {
            NativeAccess.copyMemory(address, block, position, length);
        }
        return position + length;
    }

    /**
     * A copy of the {@code length} bytes at {@code address}: the cooked URL stays UTF-16 until a handler asks for
     * it (most never do), which costs one copy instead of a per-character decode on every request.
     */
    private static byte[] copyOf(long address, int length) {
        if (address == 0 || length == 0) {
            return EmptyArrays.EMPTY_BYTES;
        }
        byte[] copy = new byte[length];
        NativeAccess.copyMemory(address, copy, 0, length);
        return copy;
    }

    /** The scratch array holding {@code length} bytes copied from {@code address}. */
    private byte[] readBytes(long address, int length) {
        if (bytes.length < length) {
            bytes = new byte[Math.max(length, bytes.length * 2)];
        }
        NativeAccess.copyMemory(address, bytes, 0, length);
        return bytes;
    }

    /**
     * A {@link DefaultFullHttpRequest} whose trailing headers are made only when a handler asks for them:
     * requests almost never carry trailers, and an empty header map per request is a measurable share of
     * the allocation per request. Every use inside {@link DefaultFullHttpRequest} goes through
     * {@link #trailingHeaders()}, so copies, equality and {@code toString} see the same headers.
     */
    private static final class HttpSysFullHttpRequest extends DefaultFullHttpRequest {
        private HttpHeaders trailers;

        HttpSysFullHttpRequest(HttpVersion version, HttpMethod method, String uri, ByteBuf content,
                               HttpHeaders headers) {
            super(version, method, uri, content, headers, EmptyHttpHeaders.INSTANCE);
        }

        @Override
        public HttpHeaders trailingHeaders() {
            HttpHeaders t = trailers;
            if (t == null) {
                t = TRAILERS.newEmptyHeaders();
                trailers = t;
            }
            return t;
        }
    }
}
