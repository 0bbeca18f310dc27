package io.netty.contrib.httpsys;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.DefaultFileRegion;
import io.netty.channel.FileRegion;
import io.netty.contrib.httpsys.nativeapi.Http;
import io.netty.contrib.httpsys.nativeapi.IoCompletion;
import io.netty.contrib.httpsys.nativeapi.NativeMemory;
import io.netty.contrib.httpsys.nativeapi.WinBase;
import io.netty.contrib.httpsys.nativeapi.WinError;
import io.netty.contrib.httpsys.nativeapi.emulator.DataChunk;
import io.netty.contrib.httpsys.nativeapi.emulator.ResponseHead;
import io.netty.contrib.httpsys.nativeapi.emulator.ResponseHeader;
import io.netty.contrib.httpsys.nativeapi.emulator.ResponseReader;
import io.netty.contrib.httpsys.nativeapi.struct.HttpResponseV2;
import io.netty.handler.codec.UnsupportedMessageTypeException;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpChunkedInput;
import io.netty.handler.codec.http.HttpContentCompressor;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.stream.ChunkedStream;
import io.netty.util.ReferenceCountUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Encodes what a pipeline writes, then reads the produced {@code HTTP_RESPONSE_V2} and data chunks back with
 * the emulator's {@link ResponseReader} (what the emulated kernel sees of a send call).
 */
@ExtendWith(LeakCheck.class)
class HttpSysResponseEncoderTest {

    private final ByteBufAllocator alloc = PooledByteBufAllocator.DEFAULT;
    private final FakeFiles files = new FakeFiles();
    private HttpSysSendBlock block;
    private HttpSysResponseEncoder encoder;
    private long allocationsAtStart;
    private boolean windowsHasTrailers = true;
    private int trailerFeatureQueries;

    @BeforeEach
    void setUp() {
        allocationsAtStart = NativeMemory.outstandingAllocations();
        block = new HttpSysSendBlock(files);
        encoder = new HttpSysResponseEncoder(files, new HttpSysResponseTrailers(() -> {
            trailerFeatureQueries++;
            return windowsHasTrailers;
        }));
    }

    @AfterEach
    void tearDown() {
        block.free();
        assertEquals(allocationsAtStart, NativeMemory.outstandingAllocations(), "native memory outstanding");
        assertEquals(files.opened, files.closed, "file handles left open");
    }

    @Test
    void fullResponseWithKnownUnknownRepeatedAndDroppedHeaders() throws IOException {
        reset(HttpMethod.GET, HttpSysRequestInfo.Protocol.HTTP_1, HttpVersion.HTTP_1_1);
        FullHttpResponse response = full(HttpResponseStatus.OK, "hello");
        response.headers()
                .set("Content-Type", "text/plain")
                .set("X-Custom", "a b")
                .set(HttpHeaderNames.DATE, "Thu, 01 Jan 1970 00:00:00 GMT")
                .add("set-cookie", "a=1")
                .add(HttpHeaderNames.SET_COOKIE, "b=2")
                .set("retry-AFTER", "120");

        Sent sent = send(response);

        assertEquals(HttpSysSendBlock.CALL_SEND_HTTP_RESPONSE, sent.call);
        assertEquals(0, sent.flags, "complete in one call: no MORE_DATA");
        assertEquals(200, sent.head.statusCode());
        assertEquals("OK", ascii(sent.head.reason()));
        assertEquals(1, sent.head.versionMajor());
        assertEquals(1, sent.head.versionMinor());
        assertEquals(List.of("content-type: text/plain", "retry-after: 120", "x-custom: a b", "set-cookie: a=1",
                "set-cookie: b=2"), headerLines(sent.head));
        assertEquals("hello", sent.bodyText());
        assertTrue(response.refCnt() > 0, "held until the send completes");
        block.complete();
        assertEquals(0, response.refCnt(), "released at completion");
    }

    @Test
    void headResponsesCarryNoBodyChunks(@TempDir Path dir) throws IOException {
        reset(HttpMethod.HEAD, HttpSysRequestInfo.Protocol.HTTP_1, HttpVersion.HTTP_1_1);
        FullHttpResponse full = full(HttpResponseStatus.OK, "0123456789ab");
        Sent sent = send(full);
        assertEquals(0, sent.chunks.size(), "real HTTP.SYS may send given HEAD body bytes");
        assertEquals(List.of("content-length: 12"), headerLines(sent.head), "the length a GET would have");
        block.complete();
        assertEquals(0, full.refCnt());

        reset(HttpMethod.HEAD, HttpSysRequestInfo.Protocol.HTTP_1, HttpVersion.HTTP_1_1);
        FullHttpResponse sized = full(HttpResponseStatus.OK, "");
        sized.headers().set(HttpHeaderNames.CONTENT_LENGTH, 999);
        assertEquals(List.of("content-length: 999"), headerLines(send(sized).head));
        block.complete();

        Path path = dir.resolve("h.bin");
        Files.write(path, new byte[10]);
        reset(HttpMethod.HEAD, HttpSysRequestInfo.Protocol.HTTP_1, HttpVersion.HTTP_1_1);
        HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        head.headers().set(HttpHeaderNames.CONTENT_LENGTH, 10);
        DefaultFileRegion region = new DefaultFileRegion(path.toFile(), 0, 10);
        DefaultHttpContent content = content("body");
        Sent streamed = send(head, content, region, LastHttpContent.EMPTY_LAST_CONTENT);
        assertEquals(0, streamed.chunks.size());
        assertEquals(0, files.opened, "no file opened for a body that is not sent");
        block.complete();
        assertEquals(0, content.refCnt());
        assertEquals(0, region.refCnt());
    }

    @Test
    void anEmptyKnownHeaderIsSentByName() throws IOException {
        reset(HttpMethod.GET, HttpSysRequestInfo.Protocol.HTTP_1, HttpVersion.HTTP_1_1);
        FullHttpResponse response = full(HttpResponseStatus.OK, "");
        response.headers().set("Content-Language", "");
        Sent sent = send(response);
        assertEquals(List.of("content-language: "), headerLines(sent.head),
                "a known header of length 0 would read as absent");
        block.complete();
    }

    @Test
    void directBuffersGoByAddressAndAreReleasedOnlyAtCompletion() throws IOException {
        reset(HttpMethod.GET, HttpSysRequestInfo.Protocol.HTTP_1, HttpVersion.HTTP_1_1);
        ByteBuf direct = alloc.directBuffer().writeBytes("direct-body".getBytes(StandardCharsets.US_ASCII));
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK, direct);

        encoder.begin(block);
        assertEquals(HttpSysResponseEncoder.APPENDED, encoder.append(response, alloc));
        encoder.finish();
        long response2 = block.response();
        long chunks = HttpResponseV2.entityChunks(response2);
        assertEquals(direct.memoryAddress() + direct.readerIndex(),
                io.netty.contrib.httpsys.nativeapi.struct.HttpDataChunk.fromMemoryBuffer(chunks), "no copy");
        assertEquals(1, direct.refCnt());
        block.complete();
        assertEquals(0, direct.refCnt());
    }

    @Test
    void streamedHttp11ResponseIsChunkFramedAcrossCalls() throws IOException {
        reset(HttpMethod.GET, HttpSysRequestInfo.Protocol.HTTP_1, HttpVersion.HTTP_1_1);
        HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        head.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain");

        Sent first = send(head, content("abc"), content(""));
        assertEquals(HttpSysSendBlock.CALL_SEND_HTTP_RESPONSE, first.call);
        assertEquals(Http.HTTP_SEND_RESPONSE_FLAG_MORE_DATA, first.flags);
        assertTrue(headerLines(first.head).contains("transfer-encoding: chunked"));
        assertEquals("3\r\nabc\r\n", first.bodyText());
        assertFalse(first.last);
        block.complete();

        LastHttpContent last = new DefaultLastHttpContent(
                Unpooled.copiedBuffer("defghijklmnopqrstu", StandardCharsets.US_ASCII));
        last.trailingHeaders().set("X-Checksum", "42");
        Sent second = send(content("12"), last);
        assertEquals(HttpSysSendBlock.CALL_SEND_RESPONSE_ENTITY_BODY, second.call);
        assertEquals(0, second.flags);
        assertTrue(second.last);
        assertEquals("14\r\n12defghijklmnopqrstu\r\n0\r\nX-Checksum: 42\r\n\r\n", second.bodyText());
        assertTrue(encoder.isResponseComplete());
        block.complete();
    }

    @Test
    void headAndEndInOneFlushLetTheKernelCountTheLength() throws IOException {
        reset(HttpMethod.GET, HttpSysRequestInfo.Protocol.HTTP_1, HttpVersion.HTTP_1_1);
        Sent sent = send(new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK), content("ab"),
                content("cd"), LastHttpContent.EMPTY_LAST_CONTENT);
        assertEquals(0, sent.flags);
        assertEquals(List.of(), headerLines(sent.head), "no framing and no Transfer-Encoding");
        assertEquals("abcd", sent.bodyText());
        assertEquals(1, sent.chunks.size(), "consecutive small heap buffers merge into one chunk");
        block.complete();
    }

    @Test
    void chunkedWriteHandlerOutputIsStreamed() throws Exception {
        reset(HttpMethod.GET, HttpSysRequestInfo.Protocol.HTTP_1, HttpVersion.HTTP_1_1);
        byte[] data = new byte[10_000];
        new Random(5).nextBytes(data);
        HttpChunkedInput input = new HttpChunkedInput(new ChunkedStream(new ByteArrayInputStream(data), 4096));
        Sent head = send(new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK));
        assertTrue(headerLines(head.head).contains("transfer-encoding: chunked"));
        block.complete();
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        while (!encoder.isResponseComplete()) {
            HttpContent piece = input.readChunk(alloc);
            wire.writeBytes(send(piece).body());
            block.complete();
            if (piece != LastHttpContent.EMPTY_LAST_CONTENT) {
                assertEquals(0, piece.refCnt());
            }
        }
        input.close();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (int offset = 0; offset < data.length; offset += 4096) {
            int n = Math.min(4096, data.length - offset);
            expected.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            expected.write(data, offset, n);
            expected.writeBytes(bytes("\r\n"));
        }
        expected.writeBytes(bytes("0\r\n\r\n"));
        assertArrayEquals(expected.toByteArray(), wire.toByteArray());
    }

    @Test
    void composesWithHttpContentCompressor() throws Exception {
        EmbeddedChannel compressor = new EmbeddedChannel(new HttpContentCompressor());
        HttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/");
        request.headers().set(HttpHeaderNames.ACCEPT_ENCODING, "gzip");
        compressor.writeInbound(request);
        ReferenceCountUtil.release(compressor.readInbound());
        String text = "compress me ".repeat(500);
        FullHttpResponse response = full(HttpResponseStatus.OK, text);
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain");
        compressor.writeOutbound(response);
        reset(HttpMethod.GET, HttpSysRequestInfo.Protocol.HTTP_1, HttpVersion.HTTP_1_1);
        encoder.begin(block);
        for (Object msg; (msg = compressor.readOutbound()) != null; ) {
            assertEquals(HttpSysResponseEncoder.APPENDED, encoder.append(msg, alloc));
        }
        encoder.finish();
        Sent sent = read(block);
        assertTrue(headerLines(sent.head).contains("content-encoding: gzip"));
        assertTrue(headerLines(sent.head).contains("transfer-encoding: chunked"), "the compressor asked for chunks");
        byte[] gzipped = dechunk(sent.body());
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            assertEquals(text, new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        }
        block.complete();
        assertFalse(compressor.finish());
    }

    @Test
    void http2TrailersEndTheLastCallAsATrailersChunk() throws IOException {
        reset(HttpMethod.GET, HttpSysRequestInfo.Protocol.HTTP_2, HttpVersion.HTTP_1_1);
        FullHttpResponse full = full(HttpResponseStatus.OK, "body");
        full.headers().set(HttpHeaderNames.CACHE_CONTROL, "public, max-age=60");
        full.trailingHeaders().set("grpc-status", "0").add("X-Sum", "a").add("X-Sum", "b");
        Sent sent = send(full);
        assertEquals(HttpSysSendBlock.CALL_SEND_HTTP_RESPONSE, sent.call);
        assertEquals(0, sent.flags, "trailers go in the call that ends the response");
        assertEquals("body", sent.bodyText());
        assertEquals(List.of("grpc-status: 0", "X-Sum: a", "X-Sum: b"), trailerLines(sent));
        assertEquals(ResponseReader.CachePolicy.NO_CACHE, sent.cache, "a cached copy would lose the trailers");
        block.complete();
        assertEquals(0, full.refCnt());

        reset(HttpMethod.GET, HttpSysRequestInfo.Protocol.HTTP_3, HttpVersion.HTTP_1_1);
        send(new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK), content("abc"));
        block.complete();
        LastHttpContent last = new DefaultLastHttpContent(Unpooled.EMPTY_BUFFER);
        last.trailingHeaders().set("x-checksum", "abc");
        Sent end = send(last);
        assertEquals(HttpSysSendBlock.CALL_SEND_RESPONSE_ENTITY_BODY, end.call);
        assertEquals(0, end.flags);
        assertEquals(1, end.chunks.size(), "only the trailers chunk");
        assertEquals(List.of("x-checksum: abc"), trailerLines(end));
        block.complete();
        assertEquals(1, trailerFeatureQueries, "asked once per encoder");
    }

    @Test
    void http2TrailersFailTheirWriteWhereWindowsCannotSendThem() throws IOException {
        windowsHasTrailers = false;
        reset(HttpMethod.GET, HttpSysRequestInfo.Protocol.HTTP_2, HttpVersion.HTTP_1_1);
        send(new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK));
        block.complete();
        encoder.begin(block);
        LastHttpContent last = new DefaultLastHttpContent(Unpooled.copiedBuffer("tail", StandardCharsets.US_ASCII));
        last.trailingHeaders().set("grpc-status", "0");
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> encoder.append(last, alloc));
        assertTrue(e.getMessage().contains("HttpFeatureResponseTrailers"), e.getMessage());
        assertTrue(e.getMessage().contains("grpc-status"), e.getMessage());
        assertEquals(1, last.refCnt(), "not taken: the caller releases it and fails its promise");
        last.release();
        assertFalse(encoder.isResponseComplete(), "the response can still be ended without trailers");
        Sent end = send(LastHttpContent.EMPTY_LAST_CONTENT);
        assertEquals(0, end.flags);
        assertEquals(0, end.chunks.size());
        block.complete();

        reset(HttpMethod.GET, HttpSysRequestInfo.Protocol.HTTP_1, HttpVersion.HTTP_1_1);
        HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        send(head);
        block.complete();
        LastHttpContent framed = new DefaultLastHttpContent(Unpooled.EMPTY_BUFFER);
        framed.trailingHeaders().set("X-T", "1");
        assertTrue(send(framed).bodyText().endsWith("0\r\nX-T: 1\r\n\r\n"), "HTTP/1.1 frames them itself");
        block.complete();
    }

    @Test
    void http2ResponsesAreNeverFramedAndLoseConnectionHeaders() throws IOException {
        reset(HttpMethod.GET, HttpSysRequestInfo.Protocol.HTTP_2, HttpVersion.HTTP_1_1);
        HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        head.headers().set(HttpHeaderNames.CONNECTION, "close").set("Keep-Alive", "timeout=5")
                .set("Proxy-Connection", "x").set(HttpHeaderNames.TRANSFER_ENCODING, "chunked")
                .set("x-kept", "1");
        Sent first = send(head, content("abc"));
        assertEquals(List.of("x-kept: 1"), headerLines(first.head));
        assertEquals("abc", first.bodyText());
        block.complete();
        Sent last = send(LastHttpContent.EMPTY_LAST_CONTENT);
        assertEquals(HttpSysSendBlock.CALL_SEND_RESPONSE_ENTITY_BODY, last.call);
        assertEquals(0, last.flags, "no DISCONNECT on a multiplexed connection");
        assertEquals(0, last.chunks.size());
        block.complete();
    }

    @Test
    void http10ClientsGetACloseDelimitedBody() throws IOException {
        reset(HttpMethod.GET, HttpSysRequestInfo.Protocol.HTTP_1, HttpVersion.HTTP_1_0);
        Sent first = send(new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK), content("abc"));
        assertEquals(List.of(), headerLines(first.head));
        assertEquals("abc", first.bodyText());
        block.complete();
        Sent last = send(LastHttpContent.EMPTY_LAST_CONTENT);
        assertEquals(Http.HTTP_SEND_RESPONSE_FLAG_DISCONNECT, last.flags);
        block.complete();
    }

    @Test
    void noFramingForHeadOrBodilessStatuses() throws IOException {
        reset(HttpMethod.HEAD, HttpSysRequestInfo.Protocol.HTTP_1, HttpVersion.HTTP_1_1);
        Sent head = send(new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK));
        assertEquals(List.of(), headerLines(head.head));
        block.complete();

        reset(HttpMethod.GET, HttpSysRequestInfo.Protocol.HTTP_1, HttpVersion.HTTP_1_1);
        Sent notModified = send(new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.NOT_MODIFIED));
        assertEquals(List.of(), headerLines(notModified.head));
        block.complete();

        reset(HttpMethod.GET, HttpSysRequestInfo.Protocol.HTTP_1, HttpVersion.HTTP_1_1);
        HttpResponse withLength = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        withLength.headers().set(HttpHeaderNames.CONTENT_LENGTH, 3);
        Sent sized = send(withLength, content("abc"));
        assertEquals(List.of("content-length: 3"), headerLines(sized.head));
        assertEquals("abc", sized.bodyText());
        block.complete();
    }

    @Test
    void connectionCloseDisconnectsAfterTheLastSend() throws IOException {
        reset(HttpMethod.GET, HttpSysRequestInfo.Protocol.HTTP_1, HttpVersion.HTTP_1_1);
        FullHttpResponse response = full(HttpResponseStatus.OK, "bye");
        response.headers().set(HttpHeaderNames.CONNECTION, "Close");
        Sent sent = send(response);
        assertEquals(Http.HTTP_SEND_RESPONSE_FLAG_DISCONNECT, sent.flags);
        assertEquals(List.of("connection: Close"), headerLines(sent.head));
        block.complete();
    }

    @Test
    void crOrLfAnywhereFailsTheWriteAndNamesTheHeader() throws IOException {
        reset(HttpMethod.GET, HttpSysRequestInfo.Protocol.HTTP_1, HttpVersion.HTTP_1_1);
        encoder.begin(block);
        HttpHeaders unchecked = DefaultHttpHeadersFactory.headersFactory().withValidation(false).newHeaders();
        unchecked.set("X-Evil", "a\r\nSet-Cookie: x=1");
        FullHttpResponse evil = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                Unpooled.EMPTY_BUFFER, unchecked, DefaultHttpHeadersFactory.headersFactory().withValidation(false).newHeaders());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> encoder.append(evil, alloc));
        assertTrue(e.getMessage().contains("X-Evil"), e.getMessage());

        HttpHeaders badName = DefaultHttpHeadersFactory.headersFactory().withValidation(false).newHeaders();
        badName.set("X-A\nB", "v");
        FullHttpResponse evilName = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                Unpooled.EMPTY_BUFFER, badName, DefaultHttpHeadersFactory.headersFactory().withValidation(false).newHeaders());
        assertThrows(IllegalArgumentException.class, () -> encoder.append(evilName, alloc));

        FullHttpResponse badReason = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                new HttpResponseStatus(200, "OK\u0000X: y"));
        assertThrows(IllegalArgumentException.class, () -> encoder.append(badReason, alloc));
        badReason.release();

        // The batch is still usable: a valid response goes through.
        FullHttpResponse good = full(HttpResponseStatus.OK, "fine");
        assertEquals(HttpSysResponseEncoder.APPENDED, encoder.append(good, alloc));
        encoder.finish();
        assertEquals(HttpSysSendBlock.CALL_SEND_HTTP_RESPONSE, block.call());
        block.complete();
        assertEquals(0, good.refCnt());

        reset(HttpMethod.GET, HttpSysRequestInfo.Protocol.HTTP_1, HttpVersion.HTTP_1_1);
        send(new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK));
        block.complete();
        encoder.begin(block);
        LastHttpContent last = new DefaultLastHttpContent(Unpooled.EMPTY_BUFFER,
                DefaultHttpHeadersFactory.trailersFactory().withValidation(false).newHeaders());
        last.trailingHeaders().set("X-T", "1\n2");
        assertThrows(IllegalArgumentException.class, () -> encoder.append(last, alloc));
    }

    @Test
    void wrongMessageTypesSayWhatToChange() throws IOException {
        reset(HttpMethod.GET, HttpSysRequestInfo.Protocol.HTTP_1, HttpVersion.HTTP_1_1);
        encoder.begin(block);
        ByteBuf bytes = Unpooled.copiedBuffer("HTTP/1.1 200 OK\r\n", StandardCharsets.US_ASCII);
        UnsupportedMessageTypeException e = assertThrows(UnsupportedMessageTypeException.class,
                () -> encoder.append(bytes, alloc));
        assertTrue(e.getMessage().contains("remove HttpServerCodec"), e.getMessage());
        assertEquals(1, bytes.refCnt(), "the caller releases it");
        bytes.release();

        DefaultFullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/");
        e = assertThrows(UnsupportedMessageTypeException.class, () -> encoder.append(request, alloc));
        assertTrue(e.getMessage().contains("HttpServerCodec"), e.getMessage());
        request.release();

        e = assertThrows(UnsupportedMessageTypeException.class, () -> encoder.append("text", alloc));
        assertTrue(e.getMessage().contains("FullHttpResponse"), e.getMessage());

        DefaultHttpContent early = content("x");
        IllegalStateException s = assertThrows(IllegalStateException.class, () -> encoder.append(early, alloc));
        assertTrue(s.getMessage().contains("HttpResponse before"), s.getMessage());
        early.release();

        assertEquals(HttpSysResponseEncoder.APPENDED, encoder.append(full(HttpResponseStatus.OK, ""), alloc));
        DefaultHttpContent late = content("x");
        assertThrows(IllegalStateException.class, () -> encoder.append(late, alloc));
        late.release();
        encoder.finish();
        block.complete();
    }

    @Test
    void continueIsSwallowed() throws IOException {
        reset(HttpMethod.POST, HttpSysRequestInfo.Protocol.HTTP_1, HttpVersion.HTTP_1_1);
        encoder.begin(block);
        FullHttpResponse interim = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE);
        assertEquals(HttpSysResponseEncoder.SWALLOWED, encoder.append(interim, alloc));
        assertEquals(0, interim.refCnt());
        encoder.finish();
        assertEquals(HttpSysSendBlock.CALL_NONE, block.call());
        block.complete();

        Sent sent = send(full(HttpResponseStatus.CREATED, "made"));
        assertEquals(201, sent.head.statusCode());
        block.complete();
    }

    @Test
    void aFullBatchAsksForAnotherCall() throws IOException {
        reset(HttpMethod.GET, HttpSysRequestInfo.Protocol.HTTP_1, HttpVersion.HTTP_1_1);
        HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        head.headers().set(HttpHeaderNames.CONTENT_LENGTH, 100);
        encoder.begin(block);
        assertEquals(HttpSysResponseEncoder.APPENDED, encoder.append(head, alloc));
        List<ByteBuf> buffers = new ArrayList<>();
        int appended = 0;
        int result;
        do {
            ByteBuf direct = alloc.directBuffer(1).writeByte('a' + appended % 26);
            buffers.add(direct);
            result = encoder.append(new DefaultHttpContent(direct), alloc);
            if (result == HttpSysResponseEncoder.APPENDED) {
                appended++;
            }
        } while (result == HttpSysResponseEncoder.APPENDED);
        assertEquals(HttpSysResponseEncoder.BATCH_FULL, result);
        assertEquals(HttpSysSendBlock.MAX_CHUNKS - 2, appended);
        encoder.finish();
        assertEquals(appended, block.chunkCount());
        block.complete();
        encoder.begin(block);
        ByteBuf rejected = buffers.get(buffers.size() - 1);
        assertEquals(1, rejected.refCnt(), "not taken by a full batch");
        assertEquals(HttpSysResponseEncoder.APPENDED, encoder.append(new DefaultHttpContent(rejected), alloc));
        encoder.finish();
        assertEquals(HttpSysSendBlock.CALL_SEND_RESPONSE_ENTITY_BODY, block.call());
        assertEquals(Http.HTTP_SEND_RESPONSE_FLAG_MORE_DATA, block.flags());
        block.complete();
        for (ByteBuf buffer : buffers) {
            assertEquals(0, buffer.refCnt());
        }
    }

    @Test
    void compositeDirectBuffersBecomeOneChunkPerComponent() throws IOException {
        reset(HttpMethod.GET, HttpSysRequestInfo.Protocol.HTTP_1, HttpVersion.HTTP_1_1);
        CompositeByteBuf composite = alloc.compositeDirectBuffer();
        composite.addComponent(true, alloc.directBuffer().writeBytes(bytes("one-")));
        composite.addComponent(true, alloc.directBuffer().writeBytes(bytes("two")));
        Sent sent = send(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK, composite));
        assertEquals(2, sent.chunks.size());
        assertEquals("one-two", sent.bodyText());
        block.complete();
        assertEquals(0, composite.refCnt());
    }

    @Test
    void largeHeapBodiesAndLargeHeadsSpillOutOfTheBlock() throws IOException {
        reset(HttpMethod.GET, HttpSysRequestInfo.Protocol.HTTP_1, HttpVersion.HTTP_1_1);
        byte[] body = new byte[50_000];
        new Random(7).nextBytes(body);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                Unpooled.wrappedBuffer(body));
        Map<String, String> expected = new HashMap<>();
        for (int i = 0; i < 100; i++) {
            String value = "v".repeat(100) + i;
            response.headers().set("x-h" + i, value);
            expected.put("x-h" + i, value);
        }
        long before = NativeMemory.outstandingAllocations();
        Sent sent = send(response);
        assertTrue(NativeMemory.outstandingAllocations() > before, "headers overflowed the arena");
        assertArrayEquals(body, sent.body());
        Map<String, String> actual = new HashMap<>();
        for (ResponseHeader h : sent.head.headers()) {
            actual.put(ascii(h.name()), ascii(h.value()));
        }
        assertEquals(expected, actual);
        block.complete();
        assertEquals(before, NativeMemory.outstandingAllocations(), "overflow freed at completion");
    }

    @Test
    void fileRegionOverANamedFileIsSentFromAFileHandle(@TempDir Path dir) throws IOException {
        Path path = dir.resolve("f.bin");
        Files.write(path, new byte[1000]);
        reset(HttpMethod.GET, HttpSysRequestInfo.Protocol.HTTP_1, HttpVersion.HTTP_1_1);
        HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        head.headers().set(HttpHeaderNames.CONTENT_LENGTH, 900);
        DefaultFileRegion region = new DefaultFileRegion(path.toFile(), 100, 900);
        Sent sent = send(head, region, LastHttpContent.EMPTY_LAST_CONTENT);
        assertEquals(List.of(new DataChunk.FromFileHandle(files.lastHandle, 100, 900)), sent.chunks);
        assertEquals(path.toFile().getAbsolutePath(), files.lastPath);
        assertEquals(WinBase.FILE_FLAG_OVERLAPPED | WinBase.FILE_FLAG_SEQUENTIAL_SCAN, files.lastFlags,
                "opened for overlapped reads, as ASP.NET Core opens the files it sends");
        assertEquals(1, region.refCnt());
        block.complete();
        assertEquals(0, region.refCnt());
    }

    @Test
    void fileRegionWithoutANameIsCopiedInPieces(@TempDir Path dir) throws IOException {
        Path path = dir.resolve("g.bin");
        byte[] content = new byte[HttpSysResponseEncoder.FILE_PIECE + 5000];
        new Random(3).nextBytes(content);
        Files.write(path, content);
        reset(HttpMethod.GET, HttpSysRequestInfo.Protocol.HTTP_1, HttpVersion.HTTP_1_1);
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            FileRegion region = new DefaultFileRegion(channel, 10, content.length - 10);
            region.retain(); // keep the channel ours: the test closes it
            HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
            head.headers().set(HttpHeaderNames.CONTENT_LENGTH, content.length - 10);
            encoder.begin(block);
            assertEquals(HttpSysResponseEncoder.APPENDED, encoder.append(head, alloc));
            assertEquals(HttpSysResponseEncoder.BATCH_FULL, encoder.append(region, alloc));
            encoder.finish();
            ByteArrayOutputStream wire = new ByteArrayOutputStream();
            wire.writeBytes(read(block).body());
            block.complete();
            encoder.begin(block);
            assertEquals(HttpSysResponseEncoder.APPENDED, encoder.append(region, alloc));
            encoder.finish();
            wire.writeBytes(read(block).body());
            block.complete();
            byte[] expected = new byte[content.length - 10];
            System.arraycopy(content, 10, expected, 0, expected.length);
            assertArrayEquals(expected, wire.toByteArray());
            assertEquals(1, region.refCnt());
            region.release();
        }
    }

    @Test
    void shareableResponsesAreCachedByTheKernel() throws IOException {
        reset(HttpMethod.GET, HttpSysRequestInfo.Protocol.HTTP_1, HttpVersion.HTTP_1_1);
        FullHttpResponse cacheable = full(HttpResponseStatus.OK, "static");
        cacheable.headers().set(HttpHeaderNames.CACHE_CONTROL, "public, max-age=60");
        Sent sent = send(cacheable);
        assertEquals(new ResponseReader.CachePolicy(Http.HttpCachePolicyTimeToLive, 60), sent.cache);
        block.complete();

        reset(HttpMethod.GET, HttpSysRequestInfo.Protocol.HTTP_1, HttpVersion.HTTP_1_1);
        FullHttpResponse personal = full(HttpResponseStatus.OK, "mine");
        personal.headers().set(HttpHeaderNames.CACHE_CONTROL, "public, max-age=60").set("Set-Cookie", "s=1");
        assertEquals(ResponseReader.CachePolicy.NO_CACHE, send(personal).cache);
        block.complete();
    }

    @Test
    void aResponseCompleteInOneCallLeavesItsContentLengthToTheKernel() throws IOException {
        reset(HttpMethod.GET, HttpSysRequestInfo.Protocol.HTTP_1, HttpVersion.HTTP_1_1);
        FullHttpResponse sized = full(HttpResponseStatus.OK, "static");
        sized.headers().set(HttpHeaderNames.CACHE_CONTROL, "public, max-age=60").set(HttpHeaderNames.CONTENT_LENGTH, 6);
        Sent sent = send(sized);
        assertEquals(List.of(), contentLengths(sent.head), "HTTP.SYS states it; a cached copy would carry two");
        assertEquals(new ResponseReader.CachePolicy(Http.HttpCachePolicyTimeToLive, 60), sent.cache);
        block.complete();

        reset(HttpMethod.GET, HttpSysRequestInfo.Protocol.HTTP_1, HttpVersion.HTTP_1_1);
        FullHttpResponse wrong = full(HttpResponseStatus.OK, "static");
        wrong.headers().set(HttpHeaderNames.CACHE_CONTROL, "public, max-age=60").set(HttpHeaderNames.CONTENT_LENGTH, 9);
        sent = send(wrong);
        assertEquals(List.of("content-length: 9"), contentLengths(sent.head), "not the body's length: left as given");
        assertEquals(ResponseReader.CachePolicy.NO_CACHE, sent.cache, "and not cached");
        block.complete();

        reset(HttpMethod.HEAD, HttpSysRequestInfo.Protocol.HTTP_1, HttpVersion.HTTP_1_1);
        FullHttpResponse head = full(HttpResponseStatus.OK, "static");
        head.headers().set(HttpHeaderNames.CONTENT_LENGTH, 6);
        assertEquals(List.of("content-length: 6"), contentLengths(send(head).head), "no body for the kernel to count");
        block.complete();
    }

    @Test
    void cachePolicyRules() {
        assertEquals(60, ttl(HttpMethod.GET, false, 200, "public, max-age=60"));
        assertEquals(30, ttl(HttpMethod.GET, false, 200, "max-age=60, PUBLIC, s-maxage=\"30\""));
        assertEquals(0, ttl(HttpMethod.HEAD, false, 200, "public, max-age=60"), "a bodiless entry must not answer GET");
        assertEquals(0, ttl(HttpMethod.GET, false, 200, "max-age=60"), "not marked public");
        assertEquals(0, ttl(HttpMethod.GET, false, 200, "public, no-cache, max-age=60"));
        assertEquals(0, ttl(HttpMethod.GET, false, 200, "public, private=\"x\", max-age=60"));
        assertEquals(0, ttl(HttpMethod.GET, false, 200, "public"), "no lifetime");
        assertEquals(0, ttl(HttpMethod.GET, true, 200, "public, max-age=60"), "request carried Authorization");
        assertEquals(0, ttl(HttpMethod.POST, false, 200, "public, max-age=60"));
        assertEquals(0, ttl(HttpMethod.GET, false, 304, "public, max-age=60"));
        HttpResponse varying = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        varying.headers().set(HttpHeaderNames.CACHE_CONTROL, "public, max-age=60").set(HttpHeaderNames.VARY, "*");
        assertEquals(0, HttpSysCachePolicy.secondsToLive(HttpMethod.GET, false, varying));
    }

    // ---- helpers ----

    private static int ttl(HttpMethod method, boolean authorization, int status, String cacheControl) {
        HttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status));
        response.headers().set(HttpHeaderNames.CACHE_CONTROL, cacheControl);
        return HttpSysCachePolicy.secondsToLive(method, authorization, response);
    }

    private void reset(HttpMethod method, HttpSysRequestInfo.Protocol protocol, HttpVersion version) {
        HttpRequest request = new DefaultHttpRequest(version, method, "/");
        encoder.reset(info(protocol), request);
    }

    /** An info as the decoder would make it, from a zeroed HTTP_REQUEST_V2 with only the protocol flag set. */
    private static HttpSysRequestInfo info(HttpSysRequestInfo.Protocol protocol) {
        long size = io.netty.contrib.httpsys.nativeapi.struct.HttpRequestV2.SIZE;
        long request = NativeMemory.allocate(size);
        try {
            int flags = protocol == HttpSysRequestInfo.Protocol.HTTP_2 ? Http.HTTP_REQUEST_FLAG_HTTP2
                    : protocol == HttpSysRequestInfo.Protocol.HTTP_3 ? Http.HTTP_REQUEST_FLAG_HTTP3 : 0;
            io.netty.contrib.httpsys.nativeapi.struct.HttpRequestV2.setFlags(request, flags);
            return new HttpSysRequestDecoder().decodeInfo(request);
        } finally {
            NativeMemory.free(request, size);
        }
    }

    private Sent send(Object... messages) throws IOException {
        encoder.begin(block);
        for (Object message : messages) {
            assertEquals(HttpSysResponseEncoder.APPENDED, encoder.append(message, alloc), String.valueOf(message));
        }
        encoder.finish();
        return read(block);
    }

    private static Sent read(HttpSysSendBlock block) {
        Sent sent = new Sent();
        sent.call = block.call();
        sent.flags = block.flags();
        sent.last = block.isLast();
        if (sent.call == HttpSysSendBlock.CALL_SEND_HTTP_RESPONSE) {
            ResponseReader.Result<ResponseHead> head = ResponseReader.readResponse(block.response());
            assertEquals(WinError.NO_ERROR, head.error());
            sent.head = head.value();
            sent.chunks = chunks(HttpResponseV2.entityChunkCount(block.response()),
                    HttpResponseV2.entityChunks(block.response()));
            ResponseReader.Result<ResponseReader.CachePolicy> cache = ResponseReader.readCachePolicy(
                    block.cachePolicy());
            assertEquals(WinError.NO_ERROR, cache.error());
            sent.cache = cache.value();
        } else {
            sent.chunks = chunks(block.chunkCount(), block.chunks());
            assertEquals(0, block.cachePolicy());
        }
        long bytes = 0;
        for (DataChunk chunk : sent.chunks) {
            bytes += chunk.length();
        }
        assertEquals(bytes, block.bodyBytes());
        return sent;
    }

    private static List<DataChunk> chunks(int count, long address) {
        ResponseReader.Result<List<DataChunk>> chunks = ResponseReader.readDataChunks(count, address);
        assertEquals(WinError.NO_ERROR, chunks.error());
        return chunks.value();
    }

    private static final class Sent {
        int call;
        int flags;
        boolean last;
        ResponseHead head;
        List<DataChunk> chunks;
        ResponseReader.CachePolicy cache;

        byte[] body() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (DataChunk chunk : chunks) {
                if (chunk instanceof DataChunk.FromMemory memory) {
                    out.writeBytes(memory.bytes());
                }
            }
            return out.toByteArray();
        }

        String bodyText() {
            return new String(body(), StandardCharsets.ISO_8859_1);
        }
    }

    /** The payload of a chunked body (RFC 9112 section 7.1), failing on malformed framing. */
    private static byte[] dechunk(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        for (;;) {
            int lineEnd = indexOfCrlf(body, i);
            int size = Integer.parseInt(new String(body, i, lineEnd - i, StandardCharsets.US_ASCII), 16);
            i = lineEnd + 2;
            if (size == 0) {
                assertEquals(body.length, indexOfCrlf(body, i) + 2, "nothing after the last chunk");
                return out.toByteArray();
            }
            out.write(body, i, size);
            i += size;
            assertEquals(i, indexOfCrlf(body, i), "CRLF after chunk data");
            i += 2;
        }
    }

    private static int indexOfCrlf(byte[] bytes, int from) {
        for (int i = from; i + 1 < bytes.length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        throw new AssertionError("no CRLF after " + from);
    }

    /** The lines of the trailers chunk, which must be the last chunk of the call. */
    private static List<String> trailerLines(Sent sent) {
        DataChunk last = sent.chunks.get(sent.chunks.size() - 1);
        List<String> lines = new ArrayList<>();
        for (ResponseHeader header : ((DataChunk.Trailers) last).headers()) {
            lines.add(ascii(header.name()) + ": " + ascii(header.value()));
        }
        return lines;
    }

    private static List<String> headerLines(ResponseHead head) {
        List<String> lines = new ArrayList<>();
        for (ResponseHeader h : head.headers()) {
            lines.add(ascii(h.name()).toLowerCase() + ": " + ascii(h.value()));
        }
        return lines;
    }

    private static List<String> contentLengths(ResponseHead head) {
        return headerLines(head).stream().filter(line -> line.startsWith("content-length:")).toList();
    }

    private static FullHttpResponse full(HttpResponseStatus status, String body) {
        return new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.copiedBuffer(body, StandardCharsets.US_ASCII));
    }

    private static DefaultHttpContent content(String text) {
        return new DefaultHttpContent(Unpooled.copiedBuffer(text, StandardCharsets.US_ASCII));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static String ascii(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /** Records file opens and closes; the handles are fake numbers (the reader only checks they are valid). */
    private static final class FakeFiles implements IoCompletion {
        int opened;
        int closed;
        long lastHandle;
        String lastPath;
        int lastFlags;

        @Override
        public long CreateFileW(String fileName, int desiredAccess, int shareMode, long securityAttributes,
                                int creationDisposition, int flagsAndAttributes, long templateFile) {
            opened++;
            lastPath = fileName;
            lastFlags = flagsAndAttributes;
            lastHandle = 0x1000 + opened;
            return lastHandle;
        }

        @Override
        public boolean CloseHandle(long handle) {
            closed++;
            return true;
        }

        @Override
        public long CreateIoCompletionPort(long fileHandle, long existingCompletionPort, long completionKey,
                                           int numberOfConcurrentThreads) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean GetQueuedCompletionStatusEx(long completionPort, long completionPortEntries, int count,
                                                   long numEntriesRemoved, int milliseconds, boolean alertable) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean PostQueuedCompletionStatus(long completionPort, int numberOfBytesTransferred,
                                                  long completionKey, long overlapped) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean CancelIoEx(long handle, long overlapped) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean SetFileCompletionNotificationModes(long fileHandle, byte flags) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean GetFileSizeEx(long file, long fileSizeOut) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int GetLastError() {
            return 0;
        }

        @Override
        public int RtlNtStatusToDosError(int status) {
            return status;
        }
    }
}
