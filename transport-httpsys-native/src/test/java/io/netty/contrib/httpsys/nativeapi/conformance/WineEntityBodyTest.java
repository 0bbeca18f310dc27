package io.netty.contrib.httpsys.nativeapi.conformance;

import io.netty.contrib.httpsys.nativeapi.Http;
import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.WinError;
import io.netty.contrib.httpsys.nativeapi.struct.HttpDataChunk;
import io.netty.contrib.httpsys.nativeapi.struct.HttpKnownHeader;
import io.netty.contrib.httpsys.nativeapi.struct.HttpRequestHeaders;
import io.netty.contrib.httpsys.nativeapi.struct.HttpRequestV2;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import static io.netty.contrib.httpsys.nativeapi.conformance.NativeArena.read;
import static io.netty.contrib.httpsys.nativeapi.conformance.NativeArena.readAscii;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Behaviours section 4 (request bodies), after the request halves of Wine's {@code test_v1_entity_body}. Wine sleeps
 * 100 ms so that the body has arrived before it receives; here every request, body included, goes out in one write,
 * and the synchronous receive waits for it.
 */
@ExtendWith(WineHttpInitialize.class)
@Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class WineEntityBodyTest {

    private static final int BUFFER = 4096;
    private static final int RECV_BODY = 2000;

    private WineV2Server server;
    private RawClient client;
    private int port;
    private long req;
    private long bytes;
    private long recvBody;

    @BeforeEach
    @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void setUp() {
        server = new WineV2Server();
        port = WineUrls.addUrlV2(server.api, server.group, "/");
        client = new RawClient(port);
        req = server.arena.guarded(BUFFER);
        bytes = server.arena.allocate(4);
        recvBody = server.arena.guarded(RECV_BODY);
    }

    @AfterEach
    @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void tearDown() {
        client.close();
        server.close();
    }

    private int receive(int flags, int length) {
        return server.api.HttpReceiveHttpRequest(server.queue, Http.HTTP_NULL_ID, flags, req, length, bytes, 0);
    }

    private int readBody(long requestId, int length, long bytesReturned, long ovl) {
        return server.api.HttpReceiveRequestEntityBody(server.queue, requestId, 0, recvBody, length, bytesReturned, ovl);
    }

    private void assertContentLength(String value) {
        long header = HttpRequestHeaders.knownHeader(HttpRequestV2.headers(req), Http.HttpHeaderContentLength);
        assertEquals(value.length(), HttpKnownHeader.rawValueLength(header));
        assertEquals(value + "\0", readAscii(HttpKnownHeader.rawValue(header), value.length() + 1));
    }

    private long requestId() {
        return HttpRequestV2.requestId(req);
    }

    private void assertEof(long requestId) {
        NativeAccess.putInt(bytes, 0xdeadbeef);
        assertEquals(WinError.ERROR_HANDLE_EOF, readBody(requestId, RECV_BODY, bytes, 0));
        int size = NativeAccess.getInt(bytes);
        assertTrue(size == 0xdeadbeef || size == 0 /* Win10+ */, "size " + size);
    }

    @Test
    void aBodyLeftInTheKernelIsFlaggedAndCounted() {
        String request = WineExchange.postReq(port);
        client.send(request);
        assertEquals(0, receive(0, BUFFER));
        assertTrue(NativeAccess.getInt(bytes) > WineExchange.HTTP_REQUEST_V1_SIZE);
        assertEquals(Http.HTTP_REQUEST_FLAG_MORE_ENTITY_BODY_EXISTS, HttpRequestV2.flags(req));
        assertEquals(request.length(), HttpRequestV2.bytesReceived(req));
        assertContentLength("5");
        assertEquals(0, HttpRequestV2.entityChunkCount(req));
        assertEquals(0, HttpRequestV2.entityChunks(req));
        NativeArena.assertGuardIntact(req, BUFFER);
        WineExchange.sendResponseV1(server.api, server.queue, requestId(), client);
        assertEquals(WinError.ERROR_CONNECTION_INVALID,
                server.api.HttpReceiveHttpRequest(server.queue, requestId(), 0, req, BUFFER, bytes, 0));
    }

    @Test
    void copyBodyDeliversASmallBodyInOneChunk() {
        String request = WineExchange.postReq(port);
        client.send(request);
        assertEquals(0, receive(Http.HTTP_RECEIVE_REQUEST_FLAG_COPY_BODY, BUFFER));
        assertTrue(NativeAccess.getInt(bytes) > WineExchange.HTTP_REQUEST_V1_SIZE);
        assertEquals(0, HttpRequestV2.flags(req));
        assertEquals(request.length(), HttpRequestV2.bytesReceived(req));
        assertContentLength("5");
        assertEquals(1, HttpRequestV2.entityChunkCount(req));
        long chunk = HttpRequestV2.entityChunks(req);
        assertEquals(Http.HttpDataChunkFromMemory, HttpDataChunk.dataChunkType(chunk));
        assertEquals(5, HttpDataChunk.fromMemoryBufferLength(chunk));
        assertEquals("ping\0", readAscii(HttpDataChunk.fromMemoryBuffer(chunk), 5));
        assertEof(requestId());
        WineExchange.sendResponseV1(server.api, server.queue, requestId(), client);
    }

    @Test
    void copyBodyFillsTheBufferExactlyAndLeavesTheRestForEntityBodyReads() {
        String head = WineExchange.postReq2(port);
        byte[] body = WineExchange.reqBody();
        byte[] request = Arrays.copyOf(head.getBytes(StandardCharsets.US_ASCII), head.length() + body.length);
        System.arraycopy(body, 0, request, head.length(), body.length);
        client.send(request);

        req = server.arena.guarded(2000);
        assertEquals(0, receive(Http.HTTP_RECEIVE_REQUEST_FLAG_COPY_BODY, 2000));
        NativeArena.assertGuardIntact(req, 2000);
        assertEquals(2000, NativeAccess.getInt(bytes));
        assertEquals(Http.HTTP_REQUEST_FLAG_MORE_ENTITY_BODY_EXISTS, HttpRequestV2.flags(req));
        assertEquals(request.length, HttpRequestV2.bytesReceived(req));
        assertContentLength("2048");
        assertEquals(1, HttpRequestV2.entityChunkCount(req));
        long chunk = HttpRequestV2.entityChunks(req);
        assertEquals(Http.HttpDataChunkFromMemory, HttpDataChunk.dataChunkType(chunk));
        int chunkSize = HttpDataChunk.fromMemoryBufferLength(chunk);
        assertTrue(chunkSize > 0 && chunkSize < 2000, "chunk size " + chunkSize);
        assertArrayEquals(Arrays.copyOf(body, chunkSize), read(HttpDataChunk.fromMemoryBuffer(chunk), chunkSize));

        NativeAccess.putInt(bytes, 0xdeadbeef);
        assertEquals(0, readBody(requestId(), RECV_BODY, bytes, 0));
        int rest = NativeAccess.getInt(bytes);
        assertEquals(2048 - chunkSize, rest);
        assertArrayEquals(Arrays.copyOfRange(body, chunkSize, 2048), read(recvBody, rest));
        NativeArena.assertGuardIntact(recvBody, RECV_BODY);
        WineExchange.sendResponseV1(server.api, server.queue, requestId(), client);
    }

    @Test
    void entityBodyReadsEndWithHandleEofAndNeedALiveRequest() {
        assertEquals(WinError.ERROR_INVALID_HANDLE,
                server.api.HttpReceiveRequestEntityBody(0, Http.HTTP_NULL_ID, 0, recvBody, RECV_BODY, bytes, 0));
        assertEquals(WinError.ERROR_INVALID_HANDLE, server.api.HttpReceiveRequestEntityBody(0, Http.HTTP_NULL_ID, 0,
                recvBody, RECV_BODY, 0, server.arena.overlapped()));

        client.send(WineExchange.postReq(port));
        assertEquals(0, receive(0, BUFFER));
        assertEquals(WinError.ERROR_CONNECTION_INVALID, readBody(Http.HTTP_NULL_ID, RECV_BODY, bytes, 0));
        NativeAccess.putInt(bytes, 0xdeadbeef);
        assertEquals(0, readBody(requestId(), RECV_BODY, bytes, 0));
        assertEquals(5, NativeAccess.getInt(bytes));
        assertEquals("ping\0", readAscii(recvBody, 5));
        assertEof(requestId());
        WineExchange.sendResponseV1(server.api, server.queue, requestId(), client);
        assertEquals(WinError.ERROR_CONNECTION_INVALID, readBody(requestId(), RECV_BODY, bytes, 0));
    }

    @Test
    void entityBodyReadsReturnAtMostTheBufferSize() {
        client.send(WineExchange.postReq(port));
        assertEquals(0, receive(0, BUFFER));
        NativeAccess.setMemory(recvBody, RECV_BODY, (byte) 0xCC);
        NativeAccess.putInt(bytes, 0xdeadbeef);
        assertEquals(0, readBody(requestId(), 2, bytes, 0));
        assertEquals(2, NativeAccess.getInt(bytes));
        assertEquals("pi", readAscii(recvBody, 2));
        assertEquals((byte) 0xCC, NativeAccess.getByte(recvBody + 2), "wrote past the 2-byte buffer");

        assertEquals(0, readBody(requestId(), 1, 0, 0));
        assertEquals("n", readAscii(recvBody, 1));

        NativeAccess.putInt(bytes, 0xdeadbeef);
        assertEquals(0, readBody(requestId(), 4, bytes, 0));
        assertEquals(2, NativeAccess.getInt(bytes));
        assertEquals("g\0", readAscii(recvBody, 2));
        assertEof(requestId());
        WineExchange.sendResponseV1(server.api, server.queue, requestId(), client);
    }

    @Test
    void anOverlappedEntityBodyReadCompletesThroughThePort() {
        try (WineCompletionPort completions = server.completionPort(server.queue, 7)) {
            client.send(WineExchange.postReq(port));
            assertEquals(0, receive(0, BUFFER));
            long ovl = server.arena.overlapped();
            int error = readBody(requestId(), RECV_BODY, 0, ovl);
            assertTrue(error == 0 || error == WinError.ERROR_IO_PENDING, "error " + error);
            WineCompletionPort.Packet packet = completions.take(ovl);
            assertEquals(0, packet.error());
            assertEquals(5, packet.bytes());
            assertEquals("ping\0", readAscii(recvBody, 5));
            assertEquals(WinError.ERROR_HANDLE_EOF, readBody(requestId(), RECV_BODY, 0, server.arena.overlapped()));
            WineExchange.sendResponseV1(server.api, server.queue, requestId(), client);
        }
    }

    @Test
    void afterCopyBodyTookEverythingTheFirstReadIsEof() {
        client.send(WineExchange.postReq(port));
        assertEquals(0, receive(Http.HTTP_RECEIVE_REQUEST_FLAG_COPY_BODY, BUFFER));
        assertEquals(WinError.ERROR_HANDLE_EOF, readBody(requestId(), RECV_BODY, 0, server.arena.overlapped()));
        WineExchange.sendResponseV1(server.api, server.queue, requestId(), client);
    }
}
