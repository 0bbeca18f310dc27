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
 * How an {@code HttpWaitForDisconnectEx} ends. Documented: when the connection "is broken for any reason"; closing
 * the queue handle ends what is pending on it. Not documented, so the emulator takes the conservative side: whether
 * {@code CancelIoEx} can cancel the wait (the emulator: no, {@code ERROR_NOT_FOUND}) and the status a reset ends it
 * with (the emulator: {@code STATUS_CONNECTION_RESET}); those two are asserted on the emulator only.
 */
@Timeout(60)
class DisconnectWaitTest extends ServerTestBase {

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
