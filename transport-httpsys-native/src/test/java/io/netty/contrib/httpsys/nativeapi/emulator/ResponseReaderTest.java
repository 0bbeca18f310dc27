package io.netty.contrib.httpsys.nativeapi.emulator;

import io.netty.contrib.httpsys.nativeapi.Http;
import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.NativeMemory;
import io.netty.contrib.httpsys.nativeapi.WinError;
import io.netty.contrib.httpsys.nativeapi.struct.HttpCachePolicy;
import io.netty.contrib.httpsys.nativeapi.struct.HttpDataChunk;
import io.netty.contrib.httpsys.nativeapi.struct.HttpKnownHeader;
import io.netty.contrib.httpsys.nativeapi.struct.HttpMultipleKnownHeaders;
import io.netty.contrib.httpsys.nativeapi.struct.HttpResponseHeaders;
import io.netty.contrib.httpsys.nativeapi.struct.HttpResponseInfo;
import io.netty.contrib.httpsys.nativeapi.struct.HttpResponseV2;
import io.netty.contrib.httpsys.nativeapi.struct.HttpUnknownHeader;
import io.netty.contrib.httpsys.nativeapi.struct.HttpVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link ResponseReader} over {@code HTTP_RESPONSE_V2}s and data chunks built by hand in native memory. */
class ResponseReaderTest {

    private long allocationsAtStart;
    private final List<long[]> allocations = new ArrayList<>();

    @BeforeEach
    void recordAllocations() {
        allocationsAtStart = NativeMemory.outstandingAllocations();
    }

    @AfterEach
    void freeAndCheckAllocations() {
        allocations.forEach(a -> NativeMemory.free(a[0], a[1]));
        assertEquals(allocationsAtStart, NativeMemory.outstandingAllocations(), "native allocations leaked");
    }

    @Test
    void readsStatusReasonAndHeadersInHeaderIdThenArrayOrder() {
        long response = teapot();
        long headers = HttpResponseV2.headers(response);
        setKnown(HttpResponseHeaders.knownHeader(headers, Http.HttpHeaderRetryAfter), "120");
        setKnown(HttpResponseHeaders.knownHeader(headers, Http.HttpHeaderContentType), "text/plain");
        setKnown(HttpResponseHeaders.knownHeader(headers, Http.HttpHeaderWwwAuthenticate), "Basic");
        long unknown = allocate(2L * HttpUnknownHeader.SIZE);
        setUnknown(HttpUnknownHeader.at(unknown, 0), "X-Trace", "abc");
        setUnknown(HttpUnknownHeader.at(unknown, 1), "X-Empty", "");
        HttpResponseHeaders.setUnknownHeaderCount(headers, 2);
        HttpResponseHeaders.setUnknownHeaders(headers, unknown);
        long values = allocate(2L * HttpKnownHeader.SIZE);
        setKnown(HttpKnownHeader.at(values, 0), "Negotiate");
        setKnown(HttpKnownHeader.at(values, 1), "NTLM");
        setMultipleKnownHeaders(response, Http.HttpHeaderWwwAuthenticate, 2, values, HttpMultipleKnownHeaders.SIZE);

        ResponseReader.Result<ResponseHead> result = ResponseReader.readResponse(response);

        assertTrue(result.isOk());
        ResponseHead head = result.value();
        assertEquals(1, head.versionMajor());
        assertEquals(1, head.versionMinor());
        assertEquals(418, head.statusCode());
        assertEquals("I'm a teapot", text(head.reason()));
        assertEquals(List.of("Content-Type: text/plain", "Retry-After: 120", "WWW-Authenticate: Basic",
                "X-Trace: abc", "X-Empty: ", "WWW-Authenticate: Negotiate", "WWW-Authenticate: NTLM"),
                lines(head.headers()));
    }

    @Test
    void everyResponseHeaderIdHasItsCanonicalName() {
        long response = teapot();
        long headers = HttpResponseV2.headers(response);
        for (int id = 0; id < Http.HttpHeaderResponseMaximum; id++) {
            setKnown(HttpResponseHeaders.knownHeader(headers, id), "v");
        }
        List<String> names = new ArrayList<>();
        for (ResponseHeader header : ResponseReader.readResponse(response).value().headers()) {
            names.add(text(header.name()));
        }
        assertEquals(List.of("Cache-Control", "Connection", "Date", "Keep-Alive", "Pragma", "Trailer",
                "Transfer-Encoding", "Upgrade", "Via", "Warning", "Allow", "Content-Length", "Content-Type",
                "Content-Encoding", "Content-Language", "Content-Location", "Content-MD5", "Content-Range",
                "Expires", "Last-Modified", "Accept-Ranges", "Age", "ETag", "Location", "Proxy-Authenticate",
                "Retry-After", "Server", "Set-Cookie", "Vary", "WWW-Authenticate"), names);
    }

    @Test
    void bytesAreCopiedAtCallTime() {
        long response = teapot();
        long value = setKnown(HttpResponseHeaders.knownHeader(HttpResponseV2.headers(response),
                Http.HttpHeaderServer), "kernel");
        long data = cString("pong");
        long chunks = allocate(HttpDataChunk.SIZE);
        HttpDataChunk.setFromMemory(chunks, data, 4);

        ResponseHead head = ResponseReader.readResponse(response).value();
        List<DataChunk> body = ResponseReader.readDataChunks(1, chunks).value();
        NativeAccess.setMemory(value, 6, (byte) 'X');
        NativeAccess.setMemory(data, 4, (byte) 'X');

        assertEquals(List.of("Server: kernel"), lines(head.headers()));
        assertArrayEquals(ascii("pong"), ((DataChunk.FromMemory) body.get(0)).bytes());
    }

    @Test
    void readsMemoryAndFileChunksInOrder() {
        long chunks = allocate(3L * HttpDataChunk.SIZE);
        HttpDataChunk.setFromMemory(HttpDataChunk.at(chunks, 0), cString("pong"), 4);
        HttpDataChunk.setFromFileHandle(HttpDataChunk.at(chunks, 1), 0x44, 10, 100);
        HttpDataChunk.setFromFileHandle(HttpDataChunk.at(chunks, 2), 0x48, 0, Http.HTTP_BYTE_RANGE_TO_EOF);

        ResponseReader.Result<List<DataChunk>> result = ResponseReader.readDataChunks(3, chunks);

        assertTrue(result.isOk());
        List<DataChunk> body = result.value();
        assertEquals(3, body.size());
        assertArrayEquals(ascii("pong"), ((DataChunk.FromMemory) body.get(0)).bytes());
        assertEquals(new DataChunk.FromFileHandle(0x44, 10, 100), body.get(1));
        assertEquals(new DataChunk.FromFileHandle(0x48, 0, -1), body.get(2));
        assertEquals(-1, body.get(2).length());
    }

    @Test
    void emptyChunkListsAndEmptyMemoryChunksAreFine() {
        assertEquals(List.of(), ResponseReader.readDataChunks(0, 0).value());
        long chunk = allocate(HttpDataChunk.SIZE);
        HttpDataChunk.setFromMemory(chunk, 0, 0);
        DataChunk empty = ResponseReader.readDataChunks(1, chunk).value().get(0);
        assertEquals(0, empty.length());
    }

    @Test
    void malformedChunksAreInvalidParameters() {
        assertEquals(WinError.ERROR_INVALID_PARAMETER, ResponseReader.readDataChunks(1, 0).error());
        assertChunkError(WinError.ERROR_INVALID_PARAMETER, c -> HttpDataChunk.setFromMemory(c, 0, 5));
        assertChunkError(WinError.ERROR_INVALID_PARAMETER, c -> HttpDataChunk.setDataChunkType(c, -1));
        assertChunkError(WinError.ERROR_INVALID_PARAMETER,
                c -> HttpDataChunk.setDataChunkType(c, Http.HttpDataChunkMaximum));
        assertChunkError(WinError.ERROR_INVALID_PARAMETER, c -> HttpDataChunk.setFromFileHandle(c, 0x44, -5, 1));
        assertChunkError(WinError.ERROR_INVALID_PARAMETER, c -> HttpDataChunk.setFromFileHandle(c, 0x44, 0, -2));
        assertChunkError(WinError.ERROR_INVALID_HANDLE, c -> HttpDataChunk.setFromFileHandle(c, 0, 0, 1));
        assertChunkError(WinError.ERROR_INVALID_HANDLE, c -> HttpDataChunk.setFromFileHandle(c, -1, 0, 1));
    }

    @Test
    void fragmentCacheChunksAreNotEmulated() {
        assertChunkError(WinError.ERROR_CALL_NOT_IMPLEMENTED,
                c -> HttpDataChunk.setDataChunkType(c, Http.HttpDataChunkFromFragmentCache));
        assertChunkError(WinError.ERROR_CALL_NOT_IMPLEMENTED,
                c -> HttpDataChunk.setDataChunkType(c, Http.HttpDataChunkFromFragmentCacheEx));
    }

    @Test
    void readsATrailersChunkAfterTheDataWithItsHeadersCopiedInOrder() {
        long chunks = allocate(2L * HttpDataChunk.SIZE);
        HttpDataChunk.setFromMemory(HttpDataChunk.at(chunks, 0), cString("body"), 4);
        setTrailers(HttpDataChunk.at(chunks, 1), "grpc-status", "0", "X-Sum", "ab", "x-empty", "");

        ResponseReader.Result<List<DataChunk>> result = ResponseReader.readDataChunks(2, chunks);

        assertTrue(result.isOk());
        DataChunk.Trailers trailers = (DataChunk.Trailers) result.value().get(1);
        assertEquals(List.of("grpc-status: 0", "X-Sum: ab", "x-empty: "), lines(trailers.headers()));
        assertEquals(0, trailers.length(), "trailers are no body bytes");
    }

    @Test
    void malformedOrMisplacedTrailersChunksAreInvalidParameters() {
        assertChunkError(WinError.ERROR_INVALID_PARAMETER, c -> {
            HttpDataChunk.setDataChunkType(c, Http.HttpDataChunkTrailers);
            HttpDataChunk.setTrailersTrailerCount(c, 1);
            HttpDataChunk.setTrailersTrailers(c, 0);
        });
        assertChunkError(WinError.ERROR_INVALID_PARAMETER, c -> {
            setTrailers(c, "X-A", "b");
            HttpUnknownHeader.setNameLength(HttpDataChunk.trailersTrailers(c), 0);
        });
        long chunks = allocate(2L * HttpDataChunk.SIZE);
        setTrailers(HttpDataChunk.at(chunks, 0), "X-A", "b");
        HttpDataChunk.setFromMemory(HttpDataChunk.at(chunks, 1), cString("late"), 4);
        assertEquals(WinError.ERROR_INVALID_PARAMETER, ResponseReader.readDataChunks(2, chunks).error(),
                "trailers end the message: no data after them");
    }

    @Test
    void aWindowsWithoutResponseTrailersDoesNotKnowTheChunkType() {
        System.setProperty(KernelFeatures.RESPONSE_TRAILERS_PROPERTY, "0");
        try {
            assertChunkError(WinError.ERROR_INVALID_PARAMETER, c -> setTrailers(c, "X-A", "b"));
            assertFalse(KernelFeatures.isSupported(Http.HttpFeatureResponseTrailers));
        } finally {
            System.clearProperty(KernelFeatures.RESPONSE_TRAILERS_PROPERTY);
        }
        assertTrue(KernelFeatures.isSupported(Http.HttpFeatureResponseTrailers));
        assertFalse(KernelFeatures.isSupported(Http.HttpFeatureDelegateEx));
    }

    @Test
    void malformedResponsesAreInvalidParameters() {
        assertEquals(WinError.ERROR_INVALID_PARAMETER, ResponseReader.readResponse(0).error());
        assertResponseError(r -> HttpResponseV2.setReason(r, 0));
        assertResponseError(r -> HttpResponseV2.setStatusCode(r, 1000));
        assertResponseError(r -> HttpKnownHeader.setRawValueLength(
                HttpResponseHeaders.knownHeader(HttpResponseV2.headers(r), Http.HttpHeaderServer), 3));
        assertResponseError(r -> HttpResponseHeaders.setUnknownHeaderCount(HttpResponseV2.headers(r), 1));
        assertResponseError(r -> HttpResponseHeaders.setTrailerCount(HttpResponseV2.headers(r), 1));
        assertResponseError(r -> {
            long unknown = allocate(HttpUnknownHeader.SIZE);
            setUnknown(unknown, "X-A", "b");
            HttpUnknownHeader.setNameLength(unknown, 0);
            HttpResponseHeaders.setUnknownHeaderCount(HttpResponseV2.headers(r), 1);
            HttpResponseHeaders.setUnknownHeaders(HttpResponseV2.headers(r), unknown);
        });
        assertResponseError(r -> {
            long unknown = allocate(HttpUnknownHeader.SIZE);
            setUnknown(unknown, "X-A", "b");
            HttpUnknownHeader.setRawValue(unknown, 0);
            HttpResponseHeaders.setUnknownHeaderCount(HttpResponseV2.headers(r), 1);
            HttpResponseHeaders.setUnknownHeaders(HttpResponseV2.headers(r), unknown);
        });
        assertResponseError(r -> HttpResponseV2.setResponseInfoCount(r, 1));
        assertResponseError(r -> setMultipleKnownHeaders(r, Http.HttpHeaderResponseMaximum, 0, 0,
                HttpMultipleKnownHeaders.SIZE));
        assertResponseError(r -> setMultipleKnownHeaders(r, Http.HttpHeaderSetCookie, 0, 0,
                HttpMultipleKnownHeaders.SIZE - 1));
        assertResponseError(r -> setMultipleKnownHeaders(r, Http.HttpHeaderSetCookie, 1, 0,
                HttpMultipleKnownHeaders.SIZE));
        assertResponseError(r -> {
            long info = allocate(HttpResponseInfo.SIZE);
            HttpResponseInfo.setType(info, 99);
            HttpResponseV2.setResponseInfoCount(r, 1);
            HttpResponseV2.setResponseInfo(r, info);
        });
    }

    @Test
    void otherResponseInfoTypesAreIgnored() {
        long response = teapot();
        long info = allocate(HttpResponseInfo.SIZE);
        HttpResponseInfo.setType(info, Http.HttpResponseInfoTypeQoSProperty);
        HttpResponseV2.setResponseInfoCount(response, 1);
        HttpResponseV2.setResponseInfo(response, info);
        ResponseReader.Result<ResponseHead> result = ResponseReader.readResponse(response);
        assertTrue(result.isOk());
        assertEquals(List.of(), result.value().headers());
    }

    @Test
    void readsCachePolicies() {
        assertEquals(ResponseReader.CachePolicy.NO_CACHE, ResponseReader.readCachePolicy(0).value());
        long policy = allocate(HttpCachePolicy.SIZE);
        HttpCachePolicy.setPolicy(policy, Http.HttpCachePolicyTimeToLive);
        HttpCachePolicy.setSecondsToLive(policy, 60);
        assertEquals(new ResponseReader.CachePolicy(Http.HttpCachePolicyTimeToLive, 60),
                ResponseReader.readCachePolicy(policy).value());
        HttpCachePolicy.setPolicy(policy, Http.HttpCachePolicyMaximum);
        ResponseReader.Result<ResponseReader.CachePolicy> invalid = ResponseReader.readCachePolicy(policy);
        assertEquals(WinError.ERROR_INVALID_PARAMETER, invalid.error());
        assertNull(invalid.value());
    }

    /** A valid {@code 418 I'm a teapot} HTTP/1.1 response without headers. */
    private long teapot() {
        long response = allocate(HttpResponseV2.SIZE);
        HttpResponseV2.setVersion(response, HttpVersion.pack(1, 1));
        HttpResponseV2.setStatusCode(response, 418);
        HttpResponseV2.setReasonLength(response, 12);
        HttpResponseV2.setReason(response, cString("I'm a teapot"));
        return response;
    }

    private void assertResponseError(LongConsumer corruption) {
        long response = teapot();
        assertTrue(ResponseReader.readResponse(response).isOk());
        corruption.accept(response);
        ResponseReader.Result<ResponseHead> result = ResponseReader.readResponse(response);
        assertEquals(WinError.ERROR_INVALID_PARAMETER, result.error());
        assertNull(result.value());
    }

    private void assertChunkError(int error, LongConsumer chunkWriter) {
        long chunks = allocate(2L * HttpDataChunk.SIZE);
        HttpDataChunk.setFromMemory(HttpDataChunk.at(chunks, 0), cString("ok"), 2);
        chunkWriter.accept(HttpDataChunk.at(chunks, 1));
        ResponseReader.Result<List<DataChunk>> result = ResponseReader.readDataChunks(2, chunks);
        assertEquals(error, result.error());
        assertNull(result.value());
    }

    private void setMultipleKnownHeaders(long response, int id, int count, long values, int length) {
        long multiple = allocate(HttpMultipleKnownHeaders.SIZE);
        HttpMultipleKnownHeaders.setHeaderId(multiple, id);
        HttpMultipleKnownHeaders.setKnownHeaderCount(multiple, count);
        HttpMultipleKnownHeaders.setKnownHeaders(multiple, values);
        long info = allocate(HttpResponseInfo.SIZE);
        HttpResponseInfo.setType(info, Http.HttpResponseInfoTypeMultipleKnownHeaders);
        HttpResponseInfo.setLength(info, length);
        HttpResponseInfo.setInfo(info, multiple);
        HttpResponseV2.setResponseInfoCount(response, 1);
        HttpResponseV2.setResponseInfo(response, info);
    }

    /** Points {@code knownHeader} at a copy of {@code value}; returns the copy's address. */
    private long setKnown(long knownHeader, String value) {
        long address = cString(value);
        HttpKnownHeader.setRawValueLength(knownHeader, value.length());
        HttpKnownHeader.setRawValue(knownHeader, address);
        return address;
    }

    /** Fills {@code chunk} as {@code HttpDataChunkTrailers} over name/value pairs. */
    private void setTrailers(long chunk, String... namesAndValues) {
        int count = namesAndValues.length / 2;
        long array = allocate((long) count * HttpUnknownHeader.SIZE);
        for (int i = 0; i < count; i++) {
            setUnknown(HttpUnknownHeader.at(array, i), namesAndValues[2 * i], namesAndValues[2 * i + 1]);
        }
        HttpDataChunk.setDataChunkType(chunk, Http.HttpDataChunkTrailers);
        HttpDataChunk.setTrailersTrailerCount(chunk, count);
        HttpDataChunk.setTrailersTrailers(chunk, array);
    }

    private void setUnknown(long unknownHeader, String name, String value) {
        HttpUnknownHeader.setNameLength(unknownHeader, name.length());
        HttpUnknownHeader.setName(unknownHeader, cString(name));
        HttpUnknownHeader.setRawValueLength(unknownHeader, value.length());
        HttpUnknownHeader.setRawValue(unknownHeader, value.isEmpty() ? 0 : cString(value));
    }

    private long cString(String s) {
        byte[] bytes = ascii(s);
        long address = allocate(bytes.length + 1);
        NativeAccess.copyMemory(bytes, 0, address, bytes.length);
        return address;
    }

    private long allocate(long size) {
        long address = NativeMemory.allocate(size);
        allocations.add(new long[] {address, size});
        return address;
    }

    private static List<String> lines(List<ResponseHeader> headers) {
        List<String> lines = new ArrayList<>();
        for (ResponseHeader header : headers) {
            lines.add(text(header.name()) + ": " + text(header.value()));
        }
        return lines;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
