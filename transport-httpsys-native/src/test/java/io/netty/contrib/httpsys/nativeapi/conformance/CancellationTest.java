package io.netty.contrib.httpsys.nativeapi.conformance;

import io.netty.contrib.httpsys.nativeapi.HttpSysBackend;
import io.netty.contrib.httpsys.nativeapi.NtStatus;
import io.netty.contrib.httpsys.nativeapi.WinError;
import io.netty.contrib.httpsys.nativeapi.struct.HttpRequestV2;
import io.netty.contrib.httpsys.nativeapi.struct.Overlapped;
import io.netty.contrib.httpsys.nativeapi.struct.OverlappedEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.SocketException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Behaviours section 7 and the lifetime rules: CancelIoEx, HttpCancelHttpRequest, shutdown, close, disconnects.
 *
 * <p>How an {@code HttpWaitForDisconnectEx} ends. Documented: when the connection "is broken for any reason";
 * closing the queue handle ends what is pending on it. Not documented, so the emulator takes the conservative side:
 * whether {@code CancelIoEx} can cancel the wait (the emulator: no, {@code ERROR_NOT_FOUND}) and the status a reset
 * ends it with (the emulator: {@code STATUS_CONNECTION_RESET}); those two are asserted on the emulator only.
 */
@Timeout(60)
class CancellationTest extends ServerTestBase {

    private static final int BUFFER = 2048;
    /** STATUS_CONNECTION_RESET (ntstatus.h). */
    private static final int STATUS_CONNECTION_RESET = 0xC000020D;

    private int port;
    private long completionPort;

    @BeforeEach
    void setUp() {
        port = server.addLocalhostUrl("/");
        completionPort = server.io.CreateIoCompletionPort(server.queue, 0, 42, 0);
    }

    @AfterEach
    void tearDown() {
        server.io.CloseHandle(completionPort);
    }

    private int pendingReceive(long queue, long ovl) {
        return server.api.HttpReceiveHttpRequest(queue, 0, 0, arena.allocate(BUFFER), BUFFER, 0, ovl);
    }

    /** The next packet's OVERLAPPED, asserting its status. */
    private long nextCompletion(int expectedStatus) {
        long entry = arena.allocate(OverlappedEntry.SIZE);
        assertTrue(server.io.GetQueuedCompletionStatusEx(completionPort, entry, 1, arena.allocate(4), 10_000, false),
                "no completion: " + server.io.GetLastError());
        assertEquals(expectedStatus, NtStatus.statusOf(OverlappedEntry.internal(entry)));
        return OverlappedEntry.overlapped(entry);
    }

    @Test
    void cancelIoExCancelsOneOrAllPendingOperations() {
        long o1 = arena.overlapped();
        long o2 = arena.overlapped();
        long o3 = arena.overlapped();
        assertEquals(WinError.ERROR_IO_PENDING, pendingReceive(server.queue, o1));
        assertEquals(WinError.ERROR_IO_PENDING, pendingReceive(server.queue, o2));
        assertEquals(WinError.ERROR_IO_PENDING, pendingReceive(server.queue, o3));
        assertTrue(server.io.CancelIoEx(server.queue, o2));
        assertEquals(o2, nextCompletion(NtStatus.STATUS_CANCELLED));
        assertEquals(0, Overlapped.internalHigh(o2));
        assertEquals(NtStatus.STATUS_CANCELLED, NtStatus.statusOf(Overlapped.internal(o2)));
        assertEquals(WinError.ERROR_OPERATION_ABORTED,
                server.io.RtlNtStatusToDosError(NtStatus.statusOf(Overlapped.internal(o2))));
        assertTrue(server.io.CancelIoEx(server.queue, 0));
        long a = nextCompletion(NtStatus.STATUS_CANCELLED);
        long b = nextCompletion(NtStatus.STATUS_CANCELLED);
        assertTrue(a == o1 && b == o3 || a == o3 && b == o1);
        assertFalse(server.io.CancelIoEx(server.queue, 0));
        assertEquals(WinError.ERROR_NOT_FOUND, server.io.GetLastError());
        try (RawClient client = new RawClient(port)) {
            // A cancelled receive is never completed again: the request goes to a new receive.
            client.send(RawClient.simpleGet("/", port));
            long fresh = arena.overlapped();
            int error = pendingReceive(server.queue, fresh);
            if (error == WinError.ERROR_IO_PENDING) {
                assertEquals(fresh, nextCompletion(NtStatus.STATUS_SUCCESS));
            } else {
                assertEquals(0, error);
                assertEquals(fresh, nextCompletion(NtStatus.STATUS_SUCCESS));
            }
        }
    }

    @Test
    void shutdownAndCloseAbortPendingReceives() {
        long ovl = arena.overlapped();
        assertEquals(WinError.ERROR_IO_PENDING, pendingReceive(server.queue, ovl));
        assertEquals(0, server.api.HttpShutdownRequestQueue(server.queue));
        assertEquals(ovl, nextCompletion(NtStatus.STATUS_CANCELLED));
        // Documented: an invalid handle is ERROR_INVALID_PARAMETER here (not ERROR_INVALID_HANDLE).
        assertEquals(WinError.ERROR_INVALID_PARAMETER, server.api.HttpShutdownRequestQueue(0xbadL));

        long other = server.createQueue(null, 0);
        long otherPort = server.io.CreateIoCompletionPort(other, 0, 7, 0);
        long otherOvl = arena.overlapped();
        assertEquals(WinError.ERROR_IO_PENDING, pendingReceive(other, otherOvl));
        long third = server.createQueue(null, 0);
        long thirdOvl = arena.overlapped();
        assertEquals(WinError.ERROR_IO_PENDING, pendingReceive(third, thirdOvl));
        assertEquals(0, server.api.HttpCloseRequestQueue(third));
        assertEquals(NtStatus.STATUS_CANCELLED, NtStatus.statusOf(Overlapped.internal(thirdOvl)));
        assertEquals(NtStatus.STATUS_PENDING, NtStatus.statusOf(Overlapped.internal(otherOvl)),
                "closing one queue disturbed another");
        assertEquals(0, server.api.HttpCloseRequestQueue(other));
        assertEquals(NtStatus.STATUS_CANCELLED, NtStatus.statusOf(Overlapped.internal(otherOvl)));
        assertEquals(WinError.ERROR_INVALID_HANDLE, server.api.HttpCloseRequestQueue(other));
        server.io.CloseHandle(otherPort);
    }

    @Test
    void cancelHttpRequestDropsTheClient() {
        try (RawClient client = new RawClient(port)) {
            client.send(RawClient.simpleGet("/", port));
            long buffer = arena.allocate(BUFFER);
            assertEquals(0, server.api.HttpReceiveHttpRequest(server.queue, 0, 0, buffer, BUFFER, 0, 0));
            long id = HttpRequestV2.requestId(buffer);
            assertEquals(WinError.ERROR_CONNECTION_INVALID, server.api.HttpCancelHttpRequest(server.queue, 0xbadL, 0));
            assertEquals(0, server.api.HttpCancelHttpRequest(server.queue, id, 0));
            assertTrue(client.isClosedByServer());
            long response = new ResponseBuilder(arena).build();
            assertEquals(WinError.ERROR_CONNECTION_INVALID,
                    server.api.HttpSendHttpResponse(server.queue, id, 0, response, 0, 0, 0, 0, 0, 0));
        }
    }

    @Test
    void clientDisconnectCompletesWaitForDisconnectAndFailsLaterSends() {
        long buffer = arena.allocate(BUFFER);
        long id;
        long waitOvl = arena.overlapped();
        try (RawClient client = new RawClient(port)) {
            client.send(RawClient.simpleGet("/", port));
            assertEquals(0, server.api.HttpReceiveHttpRequest(server.queue, 0, 0, buffer, BUFFER, 0, 0));
            id = HttpRequestV2.requestId(buffer);
            assertEquals(WinError.ERROR_IO_PENDING, server.api.HttpWaitForDisconnectEx(server.queue,
                    HttpRequestV2.connectionId(buffer), 0, waitOvl));
        }
        assertEquals(waitOvl, nextCompletion(NtStatus.STATUS_SUCCESS));
        long response = new ResponseBuilder(arena).body("late").build();
        assertEquals(WinError.ERROR_CONNECTION_INVALID,
                server.api.HttpSendHttpResponse(server.queue, id, 0, response, 0, 0, 0, 0, 0, 0));
        if (HttpSysBackend.current().isEmulated()) {
            // The emulator forgets a closed connection's id; what Windows answers here is not documented.
            assertEquals(WinError.ERROR_CONNECTION_INVALID, server.api.HttpWaitForDisconnect(server.queue,
                    HttpRequestV2.connectionId(buffer), arena.overlapped()));
        }
    }

    @Test
    void waitSurvivesCancelIoExAndEndsWhenItsQueueHandleCloses() {
        long waitOvl = arena.overlapped();
        try (RawClient client = new RawClient(port)) {
            startWait(client, waitOvl);
            if (HttpSysBackend.current().isEmulated()) {
                assertFalse(server.io.CancelIoEx(server.queue, waitOvl));
                assertEquals(WinError.ERROR_NOT_FOUND, server.io.GetLastError());
                assertEquals(NtStatus.STATUS_PENDING, NtStatus.statusOf(Overlapped.internal(waitOvl)),
                        "CancelIoEx ended the disconnect wait");
            }
            // The client stays connected: only the handle's close ends the wait.
            assertEquals(0, server.api.HttpCloseRequestQueue(server.queue));
            assertEquals(NtStatus.STATUS_CANCELLED, nextCompletionStatus(waitOvl));
        }
    }

    @Test
    void clientResetEndsTheWait() throws SocketException {
        long waitOvl = arena.overlapped();
        try (RawClient client = new RawClient(port)) {
            startWait(client, waitOvl);
            client.socket.setSoLinger(true, 0);
        }
        int status = nextCompletionStatus(waitOvl);
        if (HttpSysBackend.current().isEmulated()) {
            assertEquals(STATUS_CONNECTION_RESET, status);
        } else {
            assertNotEquals(NtStatus.STATUS_CANCELLED, status, "a reset is a disconnect, not a cancellation");
        }
    }

    /** Receives the client's request and starts a disconnect wait on its connection. */
    private void startWait(RawClient client, long waitOvl) {
        client.send(RawClient.simpleGet("/", port));
        long buffer = arena.allocate(BUFFER);
        assertEquals(0, server.api.HttpReceiveHttpRequest(server.queue, 0, 0, buffer, BUFFER, 0, 0));
        assertEquals(WinError.ERROR_IO_PENDING, server.api.HttpWaitForDisconnectEx(server.queue,
                HttpRequestV2.connectionId(buffer), 0, waitOvl));
    }

    /** The status of the next packet, which must be the one of {@code overlapped}. */
    private int nextCompletionStatus(long overlapped) {
        long entry = arena.allocate(OverlappedEntry.SIZE);
        assertTrue(server.io.GetQueuedCompletionStatusEx(completionPort, entry, 1, arena.allocate(4), 10_000, false),
                "no completion: " + server.io.GetLastError());
        assertEquals(overlapped, OverlappedEntry.overlapped(entry));
        return NtStatus.statusOf(OverlappedEntry.internal(entry));
    }
}
