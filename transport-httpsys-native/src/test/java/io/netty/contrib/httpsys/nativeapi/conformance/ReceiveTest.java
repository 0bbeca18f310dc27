package io.netty.contrib.httpsys.nativeapi.conformance;

import io.netty.contrib.httpsys.nativeapi.Http;
import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.NtStatus;
import io.netty.contrib.httpsys.nativeapi.WinError;
import io.netty.contrib.httpsys.nativeapi.struct.HttpCookedUrl;
import io.netty.contrib.httpsys.nativeapi.struct.HttpKnownHeader;
import io.netty.contrib.httpsys.nativeapi.struct.HttpRequestHeaders;
import io.netty.contrib.httpsys.nativeapi.struct.HttpRequestV2;
import io.netty.contrib.httpsys.nativeapi.struct.HttpTransportAddress;
import io.netty.contrib.httpsys.nativeapi.struct.HttpUnknownHeader;
import io.netty.contrib.httpsys.nativeapi.struct.HttpVersion;
import io.netty.contrib.httpsys.nativeapi.struct.Overlapped;
import io.netty.contrib.httpsys.nativeapi.struct.OverlappedEntry;
import io.netty.contrib.httpsys.nativeapi.struct.SockaddrIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.netty.contrib.httpsys.nativeapi.conformance.NativeArena.readAscii;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Behaviours section 3: receiving requests (Wine's test_v2_server, test_v1_multiple_requests, test_v1_short_buffer). */
@Timeout(60)
class ReceiveTest extends ServerTestBase {

    private static final int V1_SIZE = HttpRequestV2.REQUEST_INFO_COUNT;
    private static final int BUFFER = 2048;

    private int port;

    @BeforeEach
    void setUp() {
        port = server.addLocalhostUrl("/");
    }

    private int receive(long requestId, long buffer, int length, long bytesOut, long ovl) {
        return server.api.HttpReceiveHttpRequest(server.queue, requestId, 0, buffer, length, bytesOut, ovl);
    }

    private void respond(long requestId, RawClient client) {
        try (NativeArena arena = new NativeArena()) {
            long response = new ResponseBuilder(arena).status(418, "I'm a teapot").build();
            assertEquals(0, server.api.HttpSendHttpResponse(server.queue, requestId, 0, response, 0, 0, 0, 0, 0, 0));
        }
        assertTrue(client.readResponse().startsWith("HTTP/1.1 418 I'm a teapot\r\n"));
    }

    private long port() {
        long port = server.io.CreateIoCompletionPort(server.queue, 0, 123, 0);
        assertNotEquals(0, port);
        return port;
    }

    /** Waits up to {@code ms} for one packet and returns its OVERLAPPED, or 0 on timeout (asserting 258). */
    private long dequeue(NativeArena arena, long port, int ms) {
        long entry = arena.allocate(OverlappedEntry.SIZE);
        long removed = arena.allocate(4);
        if (!server.io.GetQueuedCompletionStatusEx(port, entry, 1, removed, ms, false)) {
            assertEquals(WinError.WAIT_TIMEOUT, server.io.GetLastError());
            return 0;
        }
        return OverlappedEntry.overlapped(entry);
    }

    @Test
    void invalidHandleAndBogusIds() {
        try (NativeArena arena = new NativeArena()) {
            long buffer = arena.allocate(BUFFER);
            long ovl = arena.overlapped();
            assertEquals(WinError.ERROR_INVALID_HANDLE,
                    server.api.HttpReceiveHttpRequest(0, 0, 0, buffer, BUFFER, arena.allocate(4), 0));
            assertEquals(WinError.ERROR_INVALID_HANDLE, server.api.HttpReceiveHttpRequest(0, 0, 0, buffer, BUFFER, 0, ovl));
            assertEquals(WinError.ERROR_CONNECTION_INVALID, receive(0xdeadbeefL, buffer, BUFFER, 0, ovl));
        }
    }

    @Test
    void overlappedReceiveIsPendingUntilARequestArrives() {
        try (NativeArena arena = new NativeArena(); RawClient client = new RawClient(port)) {
            long buffer = arena.allocate(BUFFER);
            long ovl = arena.overlapped();
            long port = port();
            assertEquals(WinError.ERROR_IO_PENDING, receive(0, buffer, BUFFER, 0, ovl));
            assertEquals(NtStatus.STATUS_PENDING, NtStatus.statusOf(Overlapped.internal(ovl)));
            assertEquals(0, dequeue(arena, port, 0));
            String request = RawClient.simpleGet("/foobar", this.port);
            client.send(request);
            assertEquals(ovl, dequeue(arena, port, 10_000));
            assertEquals(NtStatus.STATUS_SUCCESS, NtStatus.statusOf(Overlapped.internal(ovl)));
            assertTrue(Overlapped.internalHigh(ovl) > V1_SIZE);
            assertEquals(0, dequeue(arena, port, 0), "exactly one packet per request");
            respond(HttpRequestV2.requestId(buffer), client);
            server.io.CloseHandle(port);
        }
    }

    @Test
    void requestContentsMatchWindows() {
        try (NativeArena arena = new NativeArena(); RawClient client = new RawClient(port)) {
            long buffer = arena.guarded(BUFFER);
            long bytes = arena.allocate(4);
            String request = RawClient.simpleGet("/foobar", port);
            client.send(request);
            assertEquals(0, receive(0, buffer, BUFFER, bytes, 0));
            NativeArena.assertGuardIntact(buffer, BUFFER);
            assertTrue(NativeAccess.getInt(bytes) > V1_SIZE);
            assertEquals(0, HttpRequestV2.flags(buffer));
            assertNotEquals(0, HttpRequestV2.connectionId(buffer));
            assertNotEquals(0, HttpRequestV2.requestId(buffer));
            assertEquals(0xdeadbeefL, HttpRequestV2.urlContext(buffer));
            assertEquals(HttpVersion.pack(1, 1), HttpRequestV2.version(buffer));
            assertEquals(Http.HttpVerbGET, HttpRequestV2.verb(buffer));
            assertEquals(0, HttpRequestV2.unknownVerbLength(buffer));
            assertEquals(0, HttpRequestV2.unknownVerb(buffer));
            assertEquals(7, HttpRequestV2.rawUrlLength(buffer));
            assertEquals("/foobar\0", readAscii(HttpRequestV2.rawUrl(buffer), 8));
            long cooked = HttpRequestV2.cookedUrl(buffer);
            assertEquals(58, HttpCookedUrl.fullUrlLength(cooked));
            assertEquals(30, HttpCookedUrl.hostLength(cooked));
            assertEquals(14, HttpCookedUrl.absPathLength(cooked));
            assertEquals(0, HttpCookedUrl.queryStringLength(cooked));
            long full = HttpCookedUrl.fullUrl(cooked);
            assertEquals("http://localhost:" + port + "/foobar\0", NativeAccess.getUtf16String(full, 60));
            assertEquals(full + 14, HttpCookedUrl.host(cooked));
            assertEquals(full + 44, HttpCookedUrl.absPath(cooked));
            assertEquals(0, HttpCookedUrl.queryString(cooked));
            long address = HttpRequestV2.address(buffer);
            InetSocketAddress remote = SockaddrIn.toInetSocketAddress(HttpTransportAddress.remoteAddress(address));
            assertEquals(client.socket.getLocalSocketAddress(), remote);
            long local = HttpTransportAddress.localAddress(address);
            assertEquals(2 /* AF_INET */, SockaddrIn.sinFamily(local));
            assertEquals(port, SockaddrIn.sinPort(local));
            assertEquals("/127.0.0.1", SockaddrIn.sinAddr(local).toString());
            long headers = HttpRequestV2.headers(buffer);
            assertEquals(0, HttpRequestHeaders.unknownHeaderCount(headers));
            assertEquals(0, HttpRequestHeaders.unknownHeaders(headers));
            for (int id = 0; id < Http.HttpHeaderRequestMaximum; id++) {
                long header = HttpRequestHeaders.knownHeader(headers, id);
                String expected = id == Http.HttpHeaderConnection ? "keep-alive"
                        : id == Http.HttpHeaderHost ? "localhost:" + port
                        : id == Http.HttpHeaderUserAgent ? "WINE" : null;
                if (expected == null) {
                    assertEquals(0, HttpKnownHeader.rawValueLength(header), "header " + id);
                    assertEquals(0, HttpKnownHeader.rawValue(header), "header " + id);
                } else {
                    assertEquals(expected.length(), HttpKnownHeader.rawValueLength(header));
                    assertEquals(expected + "\0", readAscii(HttpKnownHeader.rawValue(header), expected.length() + 1));
                }
            }
            assertEquals(request.length(), HttpRequestV2.bytesReceived(buffer));
            assertEquals(0, HttpRequestV2.entityChunkCount(buffer));
            assertEquals(0, HttpRequestV2.entityChunks(buffer));
            assertEquals(0, HttpRequestV2.sslInfo(buffer));
            assertEquals(0, HttpRequestV2.requestInfoCount(buffer));
            assertEquals(0, HttpRequestV2.requestInfo(buffer));
            long requestId = HttpRequestV2.requestId(buffer);
            respond(requestId, client);
            assertEquals(WinError.ERROR_CONNECTION_INVALID, receive(requestId, buffer, BUFFER, 0, arena.overlapped()));
        }
    }

    @Test
    void queryStringAndAbsoluteFormAndUnknownTokens() {
        try (NativeArena arena = new NativeArena(); RawClient client = new RawClient(port)) {
            long buffer = arena.allocate(BUFFER);
            client.send("GET /foobar?a=b HTTP/1.1\r\nHost: localhost:" + port + "\r\nConnection: keep-alive\r\n\r\n");
            assertEquals(0, receive(0, buffer, BUFFER, 0, 0));
            assertEquals(11, HttpRequestV2.rawUrlLength(buffer));
            long cooked = HttpRequestV2.cookedUrl(buffer);
            assertEquals(66, HttpCookedUrl.fullUrlLength(cooked));
            assertEquals(30, HttpCookedUrl.hostLength(cooked));
            assertEquals(14, HttpCookedUrl.absPathLength(cooked));
            assertEquals(8, HttpCookedUrl.queryStringLength(cooked));
            assertEquals(HttpCookedUrl.fullUrl(cooked) + 58, HttpCookedUrl.queryString(cooked));
            respond(HttpRequestV2.requestId(buffer), client);

            client.send("GET http://localhost:" + port + "/ HTTP/1.1\r\nHost: ignored\r\nConnection: keep-alive\r\n\r\n");
            assertEquals(0, receive(0, buffer, BUFFER, 0, 0));
            assertEquals(23, HttpRequestV2.rawUrlLength(buffer));
            cooked = HttpRequestV2.cookedUrl(buffer);
            assertEquals(46, HttpCookedUrl.fullUrlLength(cooked));
            assertEquals(30, HttpCookedUrl.hostLength(cooked));
            assertEquals(2, HttpCookedUrl.absPathLength(cooked));
            respond(HttpRequestV2.requestId(buffer), client);

            client.send("xyzzy / HTTP/1.1\r\nHost: localhost:" + port + "\r\nConnection: keep-alive\r\nQux: foo baz \r\n\r\n");
            assertEquals(0, receive(0, buffer, BUFFER, 0, 0));
            assertEquals(Http.HttpVerbUnknown, HttpRequestV2.verb(buffer));
            assertEquals(5, HttpRequestV2.unknownVerbLength(buffer));
            assertEquals("xyzzy\0", readAscii(HttpRequestV2.unknownVerb(buffer), 6));
            long headers = HttpRequestV2.headers(buffer);
            assertEquals(1, HttpRequestHeaders.unknownHeaderCount(headers));
            long qux = HttpUnknownHeader.at(HttpRequestHeaders.unknownHeaders(headers), 0);
            assertEquals(3, HttpUnknownHeader.nameLength(qux));
            assertEquals("Qux", readAscii(HttpUnknownHeader.name(qux), 3));
            assertEquals(7, HttpUnknownHeader.rawValueLength(qux));
            assertEquals("foo baz\0", readAscii(HttpUnknownHeader.rawValue(qux), 8));
            respond(HttpRequestV2.requestId(buffer), client);
        }
    }

    @Test
    void requestsWaitingBeforeAnyReceiveAreReturnedBySynchronousReceive() throws Exception {
        try (NativeArena arena = new NativeArena(); RawClient client = new RawClient(port)) {
            long buffer = arena.allocate(BUFFER);
            CompletableFuture<Integer> blocked = CompletableFuture.supplyAsync(() -> receive(0, buffer, BUFFER, 0, 0));
            client.send(RawClient.simpleGet("/sync", port));
            assertEquals(0, blocked.get(15, TimeUnit.SECONDS));
            respond(HttpRequestV2.requestId(buffer), client);
        }
    }

    @Test
    void oneRequestCompletesOnlyTheFirstReceivePosted() {
        try (NativeArena arena = new NativeArena(); RawClient c1 = new RawClient(port); RawClient c2 = new RawClient(port)) {
            long port = port();
            long b1 = arena.allocate(BUFFER);
            long b2 = arena.allocate(BUFFER);
            long o1 = arena.overlapped();
            long o2 = arena.overlapped();
            assertEquals(WinError.ERROR_IO_PENDING, receive(0, b1, BUFFER, 0, o1));
            assertEquals(WinError.ERROR_IO_PENDING, receive(0, b2, BUFFER, 0, o2));
            c1.send(RawClient.simpleGet("/a", this.port));
            assertEquals(o1, dequeue(arena, port, 10_000));
            assertEquals(0, dequeue(arena, port, 100));
            c2.send(RawClient.simpleGet("/b", this.port));
            assertEquals(o2, dequeue(arena, port, 10_000));
            assertNotEquals(HttpRequestV2.connectionId(b1), HttpRequestV2.connectionId(b2));
            assertNotEquals(HttpRequestV2.requestId(b1), HttpRequestV2.requestId(b2));
            respond(HttpRequestV2.requestId(b1), c1);
            respond(HttpRequestV2.requestId(b2), c2);
            server.io.CloseHandle(port);
        }
    }

    @Test
    void pipelinedRequestsAreDeliveredOneAfterTheOther() {
        try (NativeArena arena = new NativeArena(); RawClient client = new RawClient(port)) {
            long port = port();
            long b1 = arena.allocate(BUFFER);
            long b2 = arena.allocate(BUFFER);
            long o1 = arena.overlapped();
            long o2 = arena.overlapped();
            assertEquals(WinError.ERROR_IO_PENDING, receive(0, b1, BUFFER, 0, o1));
            assertEquals(WinError.ERROR_IO_PENDING, receive(0, b2, BUFFER, 0, o2));
            String request = RawClient.simpleGet("/p", this.port);
            client.send(request + request);
            assertEquals(o1, dequeue(arena, port, 10_000));
            assertEquals(0, dequeue(arena, port, 100), "second request delivered before the first was answered");
            long response = new ResponseBuilder(arena).status(418, "I'm a teapot").build();
            long sendOvl = arena.overlapped();
            assertEquals(0, server.api.HttpSendHttpResponse(server.queue, HttpRequestV2.requestId(b1), 0, response,
                    0, 0, 0, 0, sendOvl, 0));
            long first = dequeue(arena, port, 10_000);
            long second = dequeue(arena, port, 10_000);
            assertTrue(first == sendOvl && second == o2 || first == o2 && second == sendOvl);
            assertEquals(HttpRequestV2.connectionId(b1), HttpRequestV2.connectionId(b2));
            assertNotEquals(HttpRequestV2.requestId(b1), HttpRequestV2.requestId(b2));
            client.readResponse();
            respond(HttpRequestV2.requestId(b2), client);
            server.io.CloseHandle(port);
        }
    }

    @Test
    void shortBufferBindsTheRequestToItsId() {
        try (NativeArena arena = new NativeArena(); RawClient client = new RawClient(port)) {
            long buffer = arena.guarded(BUFFER);
            long bytes = arena.allocate(4);
            client.send(RawClient.simpleGet("/foobar", port));
            assertEquals(WinError.ERROR_INSUFFICIENT_BUFFER, receive(0, buffer, V1_SIZE - 1, bytes, 0));
            // Synchronous: waits for the request.
            assertEquals(WinError.ERROR_MORE_DATA, receive(0, buffer, V1_SIZE, bytes, 0));
            NativeArena.assertUntouched(buffer, V1_SIZE, BUFFER);
            int required = NativeAccess.getInt(bytes);
            assertTrue(required > V1_SIZE);
            long requestId = HttpRequestV2.requestId(buffer);
            assertNotEquals(0, requestId);
            assertNotEquals(0, HttpRequestV2.connectionId(buffer));
            assertEquals(0, HttpRequestV2.version(buffer));
            assertEquals(0, HttpRequestV2.bytesReceived(buffer));

            long other = arena.allocate(BUFFER);
            long ovl = arena.overlapped();
            assertEquals(WinError.ERROR_IO_PENDING, receive(0, other, BUFFER, 0, ovl),
                    "a request bound to its id is not returned to HTTP_NULL_ID receives");
            NativeAccess.setMemory(buffer, BUFFER, (byte) 0xCC);
            assertEquals(WinError.ERROR_MORE_DATA, receive(requestId, buffer, required - 1, bytes, 0));
            NativeArena.assertUntouched(buffer, required - 1, BUFFER);
            assertEquals(0, receive(requestId, buffer, required, bytes, 0));
            assertEquals(requestId, HttpRequestV2.requestId(buffer));
            assertEquals(NtStatus.STATUS_PENDING, NtStatus.statusOf(Overlapped.internal(ovl)));
            assertTrue(server.io.CancelIoEx(server.queue, 0));
            assertEquals(NtStatus.STATUS_CANCELLED, NtStatus.statusOf(Overlapped.internal(ovl)));
            respond(requestId, client);
        }
    }

    @Test
    void aPendingReceiveWithAShortBufferCompletesWithBufferOverflowAndTheSizeNeeded() {
        try (NativeArena arena = new NativeArena(); RawClient client = new RawClient(port)) {
            long port = port();
            long buffer = arena.guarded(V1_SIZE);
            long ovl = arena.overlapped();
            assertEquals(WinError.ERROR_IO_PENDING, receive(0, buffer, V1_SIZE, 0, ovl));
            client.send(RawClient.simpleGet("/overflow", this.port));
            long entry = arena.allocate(OverlappedEntry.SIZE);
            assertTrue(server.io.GetQueuedCompletionStatusEx(port, entry, 1, arena.allocate(4), 10_000, false));
            assertEquals(ovl, OverlappedEntry.overlapped(entry));
            int status = NtStatus.statusOf(OverlappedEntry.internal(entry));
            assertEquals(WinError.ERROR_MORE_DATA, server.io.RtlNtStatusToDosError(status));
            int required = OverlappedEntry.numberOfBytesTransferred(entry);
            assertTrue(required > V1_SIZE);
            NativeArena.assertGuardIntact(buffer, V1_SIZE);
            long requestId = HttpRequestV2.requestId(buffer);
            long full = arena.allocate(required);
            assertEquals(0, receive(requestId, full, required, 0, 0));
            assertEquals(9, HttpRequestV2.rawUrlLength(full));
            respond(requestId, client);
            server.io.CloseHandle(port);
        }
    }
}
