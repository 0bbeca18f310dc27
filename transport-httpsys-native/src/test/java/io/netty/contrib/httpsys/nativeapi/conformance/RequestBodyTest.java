package io.netty.contrib.httpsys.nativeapi.conformance;

import io.netty.contrib.httpsys.nativeapi.Http;
import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.WinError;
import io.netty.contrib.httpsys.nativeapi.struct.HttpDataChunk;
import io.netty.contrib.httpsys.nativeapi.struct.HttpKnownHeader;
import io.netty.contrib.httpsys.nativeapi.struct.HttpRequestHeaders;
import io.netty.contrib.httpsys.nativeapi.struct.HttpRequestV2;
import io.netty.contrib.httpsys.nativeapi.struct.Overlapped;
import io.netty.contrib.httpsys.nativeapi.struct.OverlappedEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static io.netty.contrib.httpsys.nativeapi.conformance.NativeArena.readAscii;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Behaviours section 4: request bodies (Wine's test_v1_entity_body, plus chunked, 100-continue, streaming). */
@Timeout(60)
class RequestBodyTest extends ServerTestBase {

    private static final int BUFFER = 4096;

    private int port;

    @BeforeEach
    void setUp() {
        port = server.addLocalhostUrl("/");
    }

    private String post(int contentLength) {
        return "POST /xyzzy HTTP/1.1\r\nHost: localhost:" + port + "\r\nConnection: keep-alive\r\nContent-Length: "
                + contentLength + "\r\n\r\n";
    }

    private int receive(int flags, long buffer, int length, long bytes) {
        return server.api.HttpReceiveHttpRequest(server.queue, 0, flags, buffer, length, bytes, 0);
    }

    private int readBody(long requestId, long buffer, int length, long bytes, long ovl) {
        return server.api.HttpReceiveRequestEntityBody(server.queue, requestId, 0, buffer, length, bytes, ovl);
    }

    private void respond(long requestId, RawClient client) {
        try (NativeArena arena = new NativeArena()) {
            long response = new ResponseBuilder(arena).status(418, "I'm a teapot").build();
            assertEquals(0, server.api.HttpSendHttpResponse(server.queue, requestId, 0, response, 0, 0, 0, 0, 0, 0));
        }
        assertTrue(client.readResponse().startsWith("HTTP/1.1 418"));
    }

    /** Sends a request and waits (through a body read that cannot complete early) until all of it arrived. */
    private long receiveWhole(NativeArena arena, RawClient client, String request, int flags, long buffer, int length,
                              long bytes) {
        client.send(request);
        int error = receive(flags, buffer, length, bytes);
        assertEquals(0, error);
        return HttpRequestV2.requestId(buffer);
    }

    @Test
    void bodyWithoutCopyBodyIsFlaggedAndReadInPieces() {
        try (NativeArena arena = new NativeArena(); RawClient client = new RawClient(port)) {
            long buffer = arena.allocate(BUFFER);
            long bytes = arena.allocate(4);
            String request = post(5);
            long id = receiveWhole(arena, client, request + "ping\0", 0, buffer, BUFFER, bytes);
            assertEquals(Http.HTTP_REQUEST_FLAG_MORE_ENTITY_BODY_EXISTS, HttpRequestV2.flags(buffer));
            long contentLength = HttpRequestHeaders.knownHeader(HttpRequestV2.headers(buffer), Http.HttpHeaderContentLength);
            assertEquals(1, HttpKnownHeader.rawValueLength(contentLength));
            assertEquals("5", readAscii(HttpKnownHeader.rawValue(contentLength), 1));
            assertEquals(0, HttpRequestV2.entityChunkCount(buffer));
            assertEquals(0, HttpRequestV2.entityChunks(buffer));

            assertEquals(WinError.ERROR_INVALID_HANDLE, server.api.HttpReceiveRequestEntityBody(0, 0, 0, buffer, 2, bytes, 0));
            assertEquals(WinError.ERROR_CONNECTION_INVALID, readBody(0, buffer, 2, bytes, 0));
            long body = arena.guarded(8);
            assertEquals(0, readBody(id, body, 2, bytes, 0));
            assertEquals(2, NativeAccess.getInt(bytes));
            assertEquals("pi", readAscii(body, 2));
            assertEquals(0, readBody(id, body, 4, bytes, 0));
            assertEquals(3, NativeAccess.getInt(bytes));
            assertEquals("ng\0", readAscii(body, 3));
            NativeAccess.putInt(bytes, 0xdeadbeef);
            assertEquals(WinError.ERROR_HANDLE_EOF, readBody(id, body, 8, bytes, 0));
            int after = NativeAccess.getInt(bytes);
            assertTrue(after == 0 || after == 0xdeadbeef);
            NativeArena.assertGuardIntact(body, 8);
            respond(id, client);
            assertEquals(WinError.ERROR_CONNECTION_INVALID, readBody(id, body, 8, bytes, 0));
        }
    }

    @Test
    void bytesReceivedCountsTheBodyThatArrivedWithTheHead() {
        try (NativeArena arena = new NativeArena(); RawClient client = new RawClient(port)) {
            long buffer = arena.allocate(BUFFER);
            long bytes = arena.allocate(4);
            String request = post(5) + "ping\0";
            long id = receiveWhole(arena, client, request, Http.HTTP_RECEIVE_REQUEST_FLAG_COPY_BODY, buffer, BUFFER,
                    bytes);
            assertEquals(0, HttpRequestV2.flags(buffer));
            assertEquals(request.length(), HttpRequestV2.bytesReceived(buffer));
            assertEquals(1, HttpRequestV2.entityChunkCount(buffer));
            long chunk = HttpRequestV2.entityChunks(buffer);
            assertEquals(Http.HttpDataChunkFromMemory, HttpDataChunk.dataChunkType(chunk));
            assertEquals(5, HttpDataChunk.fromMemoryBufferLength(chunk));
            assertEquals("ping\0", readAscii(HttpDataChunk.fromMemoryBuffer(chunk), 5));
            long body = arena.allocate(8);
            assertEquals(WinError.ERROR_HANDLE_EOF, readBody(id, body, 8, bytes, arena.overlapped()));
            respond(id, client);
        }
    }

    @Test
    void copyBodyFillsTheBufferExactlyAndLeavesTheRestForEntityBodyReads() {
        try (NativeArena arena = new NativeArena(); RawClient client = new RawClient(port)) {
            byte[] body = new byte[2048];
            for (int i = 0; i < body.length; i++) {
                body[i] = (byte) (i / 111);
            }
            long buffer = arena.guarded(2000);
            long bytes = arena.allocate(4);
            // Head and body in one write, so the kernel has the whole body when it serves the receive (Wine's
            // test Sleep(100)s instead; both kernels copy only what has arrived).
            byte[] head = post(2048).getBytes(StandardCharsets.US_ASCII);
            byte[] request = Arrays.copyOf(head, head.length + body.length);
            System.arraycopy(body, 0, request, head.length, body.length);
            client.send(request);
            assertEquals(0, receive(Http.HTTP_RECEIVE_REQUEST_FLAG_COPY_BODY, buffer, 2000, bytes));
            long id = HttpRequestV2.requestId(buffer);
            assertEquals(request.length, HttpRequestV2.bytesReceived(buffer));
            assertEquals(2000, NativeAccess.getInt(bytes));
            NativeArena.assertGuardIntact(buffer, 2000);
            assertEquals(Http.HTTP_REQUEST_FLAG_MORE_ENTITY_BODY_EXISTS, HttpRequestV2.flags(buffer));
            long chunk = HttpRequestV2.entityChunks(buffer);
            int chunkSize = HttpDataChunk.fromMemoryBufferLength(chunk);
            assertTrue(chunkSize > 0 && chunkSize < 2000);
            assertArrayEquals(Arrays.copyOf(body, chunkSize), NativeArena.read(HttpDataChunk.fromMemoryBuffer(chunk), chunkSize));
            long rest = arena.allocate(2000);
            assertEquals(0, readBody(id, rest, 2000, bytes, 0));
            assertEquals(2048 - chunkSize, NativeAccess.getInt(bytes));
            assertArrayEquals(Arrays.copyOfRange(body, chunkSize, 2048), NativeArena.read(rest, 2048 - chunkSize));
            respond(id, client);
        }
    }

    @Test
    void overlappedEntityBodyReadCompletesThroughThePort() {
        try (NativeArena arena = new NativeArena(); RawClient client = new RawClient(port)) {
            long buffer = arena.allocate(BUFFER);
            long bytes = arena.allocate(4);
            long port = server.io.CreateIoCompletionPort(server.queue, 0, 9, 0);
            client.send(post(5));
            assertEquals(0, receive(0, buffer, BUFFER, bytes));
            long id = HttpRequestV2.requestId(buffer);
            long body = arena.allocate(16);
            long ovl = arena.overlapped();
            assertEquals(WinError.ERROR_IO_PENDING, readBody(id, body, 16, 0, ovl), "no body bytes sent yet");
            client.send("ping\0");
            long entry = arena.allocate(OverlappedEntry.SIZE);
            assertTrue(server.io.GetQueuedCompletionStatusEx(port, entry, 1, bytes, 10_000, false));
            assertEquals(ovl, OverlappedEntry.overlapped(entry));
            assertEquals(5, Overlapped.internalHigh(ovl));
            assertEquals("ping\0", readAscii(body, 5));
            assertEquals(WinError.ERROR_HANDLE_EOF, readBody(id, body, 16, 0, ovl));
            respond(id, client);
            server.io.CloseHandle(port);
        }
    }

    @Test
    void chunkedRequestBodyArrivesDecoded() {
        try (NativeArena arena = new NativeArena(); RawClient client = new RawClient(port)) {
            long buffer = arena.allocate(BUFFER);
            long bytes = arena.allocate(4);
            client.send("POST /c HTTP/1.1\r\nHost: localhost:" + port + "\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "4\r\nWiki\r\n5\r\npedia\r\n0\r\n\r\n");
            assertEquals(0, receive(0, buffer, BUFFER, bytes));
            long id = HttpRequestV2.requestId(buffer);
            assertEquals(Http.HTTP_REQUEST_FLAG_MORE_ENTITY_BODY_EXISTS, HttpRequestV2.flags(buffer));
            long body = arena.allocate(64);
            StringBuilder all = new StringBuilder();
            int error;
            while ((error = readBody(id, body, 64, bytes, 0)) == 0) {
                all.append(readAscii(body, NativeAccess.getInt(bytes)));
            }
            assertEquals(WinError.ERROR_HANDLE_EOF, error);
            assertEquals("Wikipedia", all.toString());
            respond(id, client);
        }
    }

    @Test
    void continueIsSentWhenTheBodyIsFirstRead() throws Exception {
        try (NativeArena arena = new NativeArena(); RawClient client = new RawClient(port)) {
            long buffer = arena.allocate(BUFFER);
            long bytes = arena.allocate(4);
            client.send("PUT /e HTTP/1.1\r\nHost: localhost:" + port + "\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n");
            assertEquals(0, receive(0, buffer, BUFFER, bytes));
            long id = HttpRequestV2.requestId(buffer);
            client.socket.setSoTimeout(200);
            assertThrows(java.net.SocketTimeoutException.class, () -> client.socket.getInputStream().read(),
                    "100 Continue must wait for the first body read");
            client.socket.setSoTimeout(10_000);
            long body = arena.allocate(8);
            CompletableFuture<Integer> read = CompletableFuture.supplyAsync(() -> readBody(id, body, 8, bytes, 0));
            String interim = new String(client.readExactly(25), StandardCharsets.US_ASCII);
            assertEquals("HTTP/1.1 100 Continue\r\n\r\n", interim);
            client.send("abc");
            assertEquals(0, read.get(15, TimeUnit.SECONDS));
            assertEquals("abc", readAscii(body, 3));
            respond(id, client);
        }
    }

    @Test
    void largeBodiesStreamWithBackpressure() throws Exception {
        long size = 100L * 1024 * 1024;
        try (NativeArena arena = new NativeArena(); Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /big HTTP/1.1\r\nHost: localhost:" + port + "\r\nContent-Length: " + size + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            CompletableFuture<Void> upload = CompletableFuture.runAsync(() -> {
                byte[] block = new byte[64 * 1024];
                try {
                    for (long sent = 0; sent < size; sent += block.length) {
                        block[0] = (byte) (sent / block.length);
                        out.write(block);
                    }
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            long buffer = arena.allocate(BUFFER);
            long bytes = arena.allocate(4);
            assertEquals(0, receive(0, buffer, BUFFER, bytes));
            long id = HttpRequestV2.requestId(buffer);
            assertThrows(TimeoutException.class, () -> upload.get(300, TimeUnit.MILLISECONDS),
                    "the upload finished although nobody read the body: it was buffered whole");
            int chunk = 1024 * 1024;
            long body = arena.allocate(chunk);
            long total = 0;
            int error;
            while ((error = server.api.HttpReceiveRequestEntityBody(server.queue, id,
                    Http.HTTP_RECEIVE_REQUEST_ENTITY_BODY_FLAG_FILL_BUFFER, body, chunk, bytes, 0)) == 0) {
                int n = NativeAccess.getInt(bytes);
                if (total % (64 * 1024) == 0 && n > 0) {
                    assertEquals((byte) (total / (64 * 1024)), NativeAccess.getByte(body));
                }
                total += n;
            }
            assertEquals(WinError.ERROR_HANDLE_EOF, error);
            assertEquals(size, total);
            upload.get(15, TimeUnit.SECONDS);
            try (NativeArena responseArena = new NativeArena()) {
                long response = new ResponseBuilder(responseArena).body("done").build();
                assertEquals(0, server.api.HttpSendHttpResponse(server.queue, id, 0, response, 0, 0, 0, 0, 0, 0));
            }
            InputStream in = socket.getInputStream();
            socket.setSoTimeout(10_000);
            String head = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            assertEquals("HTTP/1.1 200", head);
        }
    }
}
