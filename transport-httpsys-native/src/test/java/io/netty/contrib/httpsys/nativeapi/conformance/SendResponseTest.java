package io.netty.contrib.httpsys.nativeapi.conformance;

import io.netty.contrib.httpsys.nativeapi.Http;
import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.WinBase;
import io.netty.contrib.httpsys.nativeapi.WinError;
import io.netty.contrib.httpsys.nativeapi.struct.HttpRequestV2;
import io.netty.contrib.httpsys.nativeapi.struct.Overlapped;
import io.netty.contrib.httpsys.nativeapi.struct.OverlappedEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Behaviours section 5: sending responses (Wine's test_v1_entity_body, test_v2_server; DESIGN's file chunks). */
@Timeout(60)
class SendResponseTest extends ServerTestBase {

    private static final int BUFFER = 4096;

    private int port;

    @BeforeEach
    void setUp() {
        port = server.addLocalhostUrl("/");
    }

    private long receive(RawClient client, String request) {
        client.send(request);
        long buffer = arena.allocate(BUFFER);
        assertEquals(0, server.api.HttpReceiveHttpRequest(server.queue, 0, 0, buffer, BUFFER, 0, 0));
        return HttpRequestV2.requestId(buffer);
    }

    private int send(long requestId, int flags, long response, long bytesSent, long ovl) {
        return server.api.HttpSendHttpResponse(server.queue, requestId, flags, response, 0, bytesSent, 0, 0, ovl, 0);
    }

    @Test
    void overlappedSendCompletesSynchronouslyWithTheBytesTheClientReceives() {
        try (RawClient client = new RawClient(port)) {
            long id = receive(client, RawClient.simpleGet("/", port));
            long response = new ResponseBuilder(arena).status(418, "I'm a teapot")
                    .known(Http.HttpHeaderRetryAfter, "120").build();
            long ovl = arena.overlapped();
            assertEquals(WinError.ERROR_CONNECTION_INVALID, send(0xdeadbeefL, 0, response, 0, ovl));
            assertEquals(0, send(id, 0, response, 0, ovl));
            int sent = (int) Overlapped.internalHigh(ovl);
            String wire = new String(client.readExactly(sent), StandardCharsets.ISO_8859_1);
            assertTrue(wire.startsWith("HTTP/1.1 418 I'm a teapot\r\n"), wire);
            assertTrue(wire.contains("\r\nRetry-After: 120\r\n"), wire);
            assertTrue(wire.contains("\r\nDate: "), wire);
            assertTrue(wire.endsWith("\r\n\r\n"), wire);
        }
    }

    @Test
    void kernelAddsContentLengthAndItsOwnDate() {
        try (RawClient client = new RawClient(port)) {
            long id = receive(client, RawClient.simpleGet("/", port));
            long response = new ResponseBuilder(arena).status(418, "I'm a teapot").body("pong", "pang").build();
            long bytes = arena.allocate(4);
            assertEquals(0, send(id, 0, response, bytes, 0));
            String wire = client.readResponse();
            assertEquals(wire.length(), NativeAccess.getInt(bytes));
            assertTrue(wire.contains("\r\nContent-Length: 8\r\n"), wire);
            assertTrue(wire.endsWith("\r\n\r\npongpang"), wire);

            id = receive(client, RawClient.simpleGet("/", port));
            response = new ResponseBuilder(arena).status(418, "I'm a teapot").body("pong", "pang")
                    .known(Http.HttpHeaderContentLength, "6").known(Http.HttpHeaderDate, "yesteryear").build();
            assertEquals(0, send(id, 0, response, 0, 0));
            String head = new String(client.readExactly(wire.length()), StandardCharsets.ISO_8859_1);
            assertTrue(head.contains("\r\nContent-Length: 6\r\n"), head);
            assertFalse(head.contains("yesteryear"), head);
            assertTrue(head.contains("\r\nDate: "), head);
            assertTrue(head.endsWith("\r\n\r\npongpang"), "all 8 body bytes are sent: " + head);
        }
    }

    @Test
    void moreDataStreamsTheBodyWithoutFraming() {
        try (RawClient client = new RawClient(port)) {
            long id = receive(client, RawClient.simpleGet("/", port));
            long response = new ResponseBuilder(arena).status(418, "I'm a teapot").body("pong", "pang").build();
            assertEquals(0, send(id, Http.HTTP_SEND_RESPONSE_FLAG_MORE_DATA, response, 0, 0));
            assertEquals(0, server.api.HttpSendResponseEntityBody(server.queue, id, Http.HTTP_SEND_RESPONSE_FLAG_MORE_DATA,
                    (short) 0, 0, 0, 0, 0, 0, 0));
            long bytes = arena.allocate(4);
            assertEquals(0, server.api.HttpSendResponseEntityBody(server.queue, id, 0, (short) 2,
                    ResponseBuilder.memoryChunks(arena, "foo", "bar"), bytes, 0, 0, 0, 0));
            assertEquals(6, NativeAccess.getInt(bytes));
            String wire = client.readHead();
            assertFalse(wire.toLowerCase().contains("content-length"), wire);
            assertTrue(wire.contains("\r\nDate: "), wire);
            assertEquals("pongpangfoobar", new String(client.readExactly(14), StandardCharsets.ISO_8859_1));
            assertEquals(WinError.ERROR_CONNECTION_INVALID, server.api.HttpReceiveHttpRequest(server.queue, id, 0,
                    arena.allocate(BUFFER), BUFFER, 0, 0));
            assertEquals(WinError.ERROR_CONNECTION_INVALID, server.api.HttpSendResponseEntityBody(server.queue, id, 0,
                    (short) 0, 0, 0, 0, 0, 0, 0));
            // Keep-alive: the next request on the same connection is served.
            long next = receive(client, RawClient.simpleGet("/again", port));
            assertNotEquals(id, next);
            assertEquals(0, send(next, 0, new ResponseBuilder(arena).body("ok").build(), 0, 0));
            assertTrue(client.readResponse().endsWith("ok"));
        }
    }

    @Test
    void headResponsesCarryNoBody() {
        try (RawClient client = new RawClient(port)) {
            long id = receive(client, "HEAD / HTTP/1.1\r\nHost: localhost:" + port + "\r\n\r\n");
            assertEquals(0, send(id, 0, new ResponseBuilder(arena).body("hello").build(), 0, 0));
            String head = client.readHead();
            assertTrue(head.contains("\r\nContent-Length: 5\r\n"), head);
            long next = receive(client, RawClient.simpleGet("/", port));
            assertEquals(0, send(next, 0, new ResponseBuilder(arena).status(204, "No Content").build(), 0, 0));
            assertTrue(client.readResponse().startsWith("HTTP/1.1 204"), "HEAD's body bytes leaked into the next response");
        }
    }

    @Test
    void http10AndConnectionCloseEndTheConnection() {
        try (RawClient client = new RawClient(port)) {
            long id = receive(client, "GET / HTTP/1.0\r\nHost: localhost:" + port + "\r\n\r\n");
            assertEquals(0, send(id, 0, new ResponseBuilder(arena).body("x").build(), 0, 0));
            assertTrue(client.readResponse(true).endsWith("x"));
            assertTrue(client.endsGracefully());
        }
        try (RawClient client = new RawClient(port)) {
            long id = receive(client, "GET / HTTP/1.1\r\nHost: localhost:" + port + "\r\nConnection: close\r\n\r\n");
            assertEquals(0, send(id, 0, new ResponseBuilder(arena).body("y").build(), 0, 0));
            String wire = client.readResponse(true);
            assertTrue(wire.contains("Connection: close"), wire);
        }
        try (RawClient client = new RawClient(port)) {
            long id = receive(client, RawClient.simpleGet("/", port));
            assertEquals(0, send(id, Http.HTTP_SEND_RESPONSE_FLAG_DISCONNECT, new ResponseBuilder(arena).body("z").build(), 0, 0));
            assertTrue(client.readResponse(true).endsWith("z"));
            assertTrue(client.endsGracefully());
        }
    }

    @Test
    void fileChunksSendByteRangesAndToEndOfFile(@TempDir Path dir) throws IOException {
        byte[] content = new byte[300_000];
        new Random(7).nextBytes(content);
        Path file = dir.resolve("data.bin");
        Files.write(file, content);
        long handle = server.io.CreateFileW(file.toString(), WinBase.GENERIC_READ, WinBase.FILE_SHARE_READ, 0,
                WinBase.OPEN_EXISTING, WinBase.FILE_ATTRIBUTE_NORMAL, 0);
        assertNotEquals(-1L, handle);
        long size = arena.allocate(8);
        assertTrue(server.io.GetFileSizeEx(handle, size));
        assertEquals(content.length, NativeAccess.getLong(size));
        long port = server.io.CreateIoCompletionPort(server.queue, 0, 5, 0);
        try (RawClient client = new RawClient(this.port)) {
            long id = receive(client, RawClient.simpleGet("/file", this.port));
            long response = new ResponseBuilder(arena).file(handle, 10, 1000)
                    .file(handle, 200_000, Http.HTTP_BYTE_RANGE_TO_EOF).build();
            long ovl = arena.overlapped();
            int error = send(id, 0, response, 0, ovl);
            assertTrue(error == 0 || error == WinError.ERROR_IO_PENDING, "send: " + error);
            long entry = arena.allocate(OverlappedEntry.SIZE);
            assertTrue(server.io.GetQueuedCompletionStatusEx(port, entry, 1, arena.allocate(4), 10_000, false));
            assertEquals(ovl, OverlappedEntry.overlapped(entry));
            assertEquals(0, OverlappedEntry.internal(entry), "send status");
            String head = client.readHead();
            assertTrue(head.contains("Content-Length: 101000\r\n"), head);
            byte[] body = client.readExactly(101_000);
            byte[] expected = new byte[101_000];
            System.arraycopy(content, 10, expected, 0, 1000);
            System.arraycopy(content, 200_000, expected, 1000, 100_000);
            assertArrayEquals(expected, body);
            assertEquals(head.length() + 101_000, OverlappedEntry.numberOfBytesTransferred(entry));
        } finally {
            assertTrue(server.io.CloseHandle(handle));
            server.io.CloseHandle(port);
        }
    }

    @Test
    void createFileReportsMissingFiles(@TempDir Path dir) {
        long handle = server.io.CreateFileW(dir.resolve("missing").toString(), WinBase.GENERIC_READ,
                WinBase.FILE_SHARE_READ, 0, WinBase.OPEN_EXISTING, 0, 0);
        assertEquals(-1L, handle);
        assertEquals(WinError.ERROR_FILE_NOT_FOUND, server.io.GetLastError());
    }
}
