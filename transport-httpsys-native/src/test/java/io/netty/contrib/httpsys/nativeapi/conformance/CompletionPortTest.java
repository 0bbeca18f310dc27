package io.netty.contrib.httpsys.nativeapi.conformance;

import io.netty.contrib.httpsys.nativeapi.Http;
import io.netty.contrib.httpsys.nativeapi.IoCompletion;
import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.NtStatus;
import io.netty.contrib.httpsys.nativeapi.WinBase;
import io.netty.contrib.httpsys.nativeapi.WinError;
import io.netty.contrib.httpsys.nativeapi.struct.HttpRequestV2;
import io.netty.contrib.httpsys.nativeapi.struct.Overlapped;
import io.netty.contrib.httpsys.nativeapi.struct.OverlappedEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Behaviours section 7: completion ports (Wine's test_v2_completion_port, plus batching and skip-on-success). */
@Timeout(60)
class CompletionPortTest extends ServerTestBase {

    private static final int BUFFER = 2048;

    private IoCompletion io;
    private long entries;
    private long removed;

    @BeforeEach
    void setUp() {
        io = server.io;
        entries = arena.allocate(OverlappedEntry.SIZE * 8L);
        removed = arena.allocate(4);
    }

    /** Dequeues up to {@code count}; returns how many, 0 after asserting WAIT_TIMEOUT. */
    private int dequeue(long port, int count, int ms) {
        if (!io.GetQueuedCompletionStatusEx(port, entries, count, removed, ms, false)) {
            assertEquals(WinError.WAIT_TIMEOUT, io.GetLastError());
            return 0;
        }
        return NativeAccess.getInt(removed);
    }

    private long entry(int index) {
        return entries + (long) index * OverlappedEntry.SIZE;
    }

    @Test
    void aRequestProducesExactlyOnePacketAndASynchronousSendStillPostsOne() {
        long port = io.CreateIoCompletionPort(server.queue, 0, 123, 0);
        assertNotEquals(0, port);
        assertEquals(0, dequeue(port, 1, 0));
        long buffer = arena.allocate(BUFFER);
        long ovl = arena.overlapped();
        assertEquals(WinError.ERROR_IO_PENDING,
                server.api.HttpReceiveHttpRequest(server.queue, 0, 0, buffer, BUFFER, 0, ovl));
        int tcpPort = server.addLocalhostUrl("/");
        try (RawClient client = new RawClient(tcpPort)) {
            assertEquals(0, dequeue(port, 1, 0));
            client.send(RawClient.simpleGet("/", tcpPort));
            assertEquals(1, dequeue(port, 8, 10_000));
            assertEquals(ovl, OverlappedEntry.overlapped(entry(0)));
            assertEquals(123, OverlappedEntry.completionKey(entry(0)));
            assertTrue(OverlappedEntry.numberOfBytesTransferred(entry(0)) > HttpRequestV2.REQUEST_INFO_COUNT);
            assertEquals(0, dequeue(port, 1, 0));

            long response = new ResponseBuilder(arena).status(418, "I'm a teapot").build();
            assertEquals(0, server.api.HttpSendHttpResponse(server.queue, HttpRequestV2.requestId(buffer), 0,
                    response, 0, 0, 0, 0, ovl, 0));
            assertEquals(1, dequeue(port, 8, 10_000));
            assertEquals(ovl, OverlappedEntry.overlapped(entry(0)));
            assertEquals(123, OverlappedEntry.completionKey(entry(0)));
            int bytes = OverlappedEntry.numberOfBytesTransferred(entry(0));
            assertEquals(bytes, Overlapped.internalHigh(ovl));
            assertEquals(bytes, client.readResponse().length());
        }
        assertTrue(io.CloseHandle(port));
    }

    @Test
    void skipCompletionPortOnSuccessSuppressesPacketsOfSynchronousSuccess() {
        long port = io.CreateIoCompletionPort(server.queue, 0, 1, 0);
        assertTrue(io.SetFileCompletionNotificationModes(server.queue, (byte) WinBase.FILE_SKIP_COMPLETION_PORT_ON_SUCCESS));
        int tcpPort = server.addLocalhostUrl("/");
        try (RawClient client = new RawClient(tcpPort)) {
            client.send(RawClient.simpleGet("/", tcpPort));
            long buffer = arena.allocate(BUFFER);
            // Synchronous: waits for the request; the one after it uses an OVERLAPPED and succeeds at once.
            assertEquals(0, server.api.HttpReceiveHttpRequest(server.queue, 0, 0, buffer, BUFFER, 0, 0));
            long ovl = arena.overlapped();
            long response = new ResponseBuilder(arena).build();
            long bytes = arena.allocate(4);
            assertEquals(0, server.api.HttpSendHttpResponse(server.queue, HttpRequestV2.requestId(buffer), 0,
                    response, 0, bytes, 0, 0, ovl, 0));
            assertEquals(0, dequeue(port, 1, 100), "a packet was posted for a synchronous success");
            assertEquals(NativeAccess.getInt(bytes), client.readResponse().length());
        }
        io.CloseHandle(port);
    }

    @Test
    void postedPacketsComeBackInBatchesInOrder() {
        long port = io.CreateIoCompletionPort(IoCompletion.INVALID_HANDLE_VALUE, 0, 0, 0);
        assertNotEquals(0, port);
        for (int i = 1; i <= 5; i++) {
            assertTrue(io.PostQueuedCompletionStatus(port, i * 10, i, 0x1000L * i));
        }
        assertEquals(3, dequeue(port, 3, 0));
        for (int i = 0; i < 3; i++) {
            assertEquals(i + 1, OverlappedEntry.completionKey(entry(i)));
            assertEquals(0x1000L * (i + 1), OverlappedEntry.overlapped(entry(i)));
            assertEquals((i + 1) * 10, OverlappedEntry.numberOfBytesTransferred(entry(i)));
            assertEquals(NtStatus.STATUS_SUCCESS, NtStatus.statusOf(OverlappedEntry.internal(entry(i))));
        }
        assertEquals(2, dequeue(port, 8, 0));
        assertEquals(0, dequeue(port, 8, 50));
        assertTrue(io.CloseHandle(port));
        assertFalse(io.GetQueuedCompletionStatusEx(port, entries, 1, removed, 0, false));
        assertEquals(WinError.ERROR_INVALID_HANDLE, io.GetLastError());
    }

    @Test
    void aWaitingThreadWakesForAPostedPacket() throws Exception {
        long port = io.CreateIoCompletionPort(IoCompletion.INVALID_HANDLE_VALUE, 0, 0, 0);
        long threadEntries = arena.allocate(OverlappedEntry.SIZE);
        long threadRemoved = arena.allocate(4);
        CompletableFuture<Boolean> waiter = CompletableFuture.supplyAsync(() ->
                io.GetQueuedCompletionStatusEx(port, threadEntries, 1, threadRemoved, WinBase.INFINITE, false));
        assertTrue(io.PostQueuedCompletionStatus(port, 0, 77, 0));
        assertTrue(waiter.get(15, TimeUnit.SECONDS));
        assertEquals(77, OverlappedEntry.completionKey(threadEntries));
        io.CloseHandle(port);
    }

    @Test
    void aHandleBelongsToOnePortAndOpenExistingHandlesHaveTheirOwn() {
        long port1 = io.CreateIoCompletionPort(IoCompletion.INVALID_HANDLE_VALUE, 0, 0, 0);
        long port2 = io.CreateIoCompletionPort(IoCompletion.INVALID_HANDLE_VALUE, 0, 0, 0);
        long named = server.createQueue("emucore-cp-" + System.nanoTime(), 0);
        assertEquals(port1, io.CreateIoCompletionPort(named, port1, 1, 0));
        assertEquals(0, io.CreateIoCompletionPort(named, port2, 2, 0));
        assertEquals(WinError.ERROR_INVALID_PARAMETER, io.GetLastError());
        assertEquals(0, server.api.HttpCloseRequestQueue(named));
        io.CloseHandle(port1);
        io.CloseHandle(port2);
    }

    @Test
    void ntStatusTranslation() {
        assertEquals(WinError.NO_ERROR, io.RtlNtStatusToDosError(NtStatus.STATUS_SUCCESS));
        assertEquals(WinError.ERROR_OPERATION_ABORTED, io.RtlNtStatusToDosError(NtStatus.STATUS_CANCELLED));
        assertEquals(WinError.ERROR_HANDLE_EOF, io.RtlNtStatusToDosError(0xC0000011));
        assertEquals(WinError.ERROR_MORE_DATA, io.RtlNtStatusToDosError(0x80000005));
        assertEquals(WinError.ERROR_CONNECTION_INVALID, io.RtlNtStatusToDosError(0xC000023A));
        assertEquals(WinError.ERROR_NETNAME_DELETED, io.RtlNtStatusToDosError(0xC000020C));
        assertEquals(WinError.ERROR_INVALID_PARAMETER, io.RtlNtStatusToDosError(0xC000000D));
    }

    @Test
    void aRequestApiCallOnAnUnknownHandleFails() {
        long buffer = arena.allocate(BUFFER);
        assertEquals(WinError.ERROR_INVALID_HANDLE, server.api.HttpReceiveHttpRequest(0x1234, Http.HTTP_NULL_ID, 0,
                buffer, BUFFER, 0, 0));
    }
}
