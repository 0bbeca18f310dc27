package io.netty.contrib.httpsys.nativeapi.conformance;

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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What an overlapped call that ends at once leaves behind, per kind of result. The I/O manager writes the
 * {@code IO_STATUS_BLOCK} ({@code OVERLAPPED.Internal} / {@code InternalHigh}) for a success or a warning and queues
 * a packet unless the handle is in {@code FILE_SKIP_COMPLETION_PORT_ON_SUCCESS} mode, which "skip[s] queuing to the
 * completion port when the IRP is completed synchronously with a non-error status" (WDK, {@code FILE_OBJECT},
 * {@code FO_SKIP_COMPLETION_PORT}); for an error it writes and queues nothing (Wine {@code server/async.c},
 * {@code async_set_result}). {@code ERROR_MORE_DATA} is the warning {@code STATUS_BUFFER_OVERFLOW}: it is treated
 * like a success, with the size needed as its byte count.
 *
 * <p>Runs on the emulator and, with {@code -Dio.netty.contrib.httpsys.backend=native}, on the Windows kernel.
 */
@Timeout(60)
class InlineResultsTest extends ServerTestBase {

    private static final int SHORT = 1024;
    private static final String BIG_HEADER = "x".repeat(6000);

    private IoCompletion io;
    private long entries;
    private long removed;

    @BeforeEach
    void setUp() {
        io = server.io;
        entries = arena.allocate(OverlappedEntry.SIZE * 4L);
        removed = arena.allocate(4);
    }

    private int dequeue(long port, int ms) {
        if (!io.GetQueuedCompletionStatusEx(port, entries, 4, removed, ms, false)) {
            assertEquals(WinError.WAIT_TIMEOUT, io.GetLastError());
            return 0;
        }
        return NativeAccess.getInt(removed);
    }

    /** Sends a request too large for {@link #SHORT} and binds it to its id with a synchronous receive. */
    private long bindLargeRequest(RawClient client, int tcpPort, long buffer, long bytes) {
        client.send("GET /big HTTP/1.1\r\nHost: localhost:" + tcpPort + "\r\nX-Big: " + BIG_HEADER + "\r\n\r\n");
        assertEquals(WinError.ERROR_MORE_DATA,
                server.api.HttpReceiveHttpRequest(server.queue, 0, 0, buffer, SHORT, bytes, 0));
        assertTrue(NativeAccess.getInt(bytes) > BIG_HEADER.length());
        return HttpRequestV2.requestId(buffer);
    }

    @Test
    void anImmediateMoreDataWritesTheSizeNeededAndPostsNoPacketInSkipMode() {
        long port = io.CreateIoCompletionPort(server.queue, 0, 7, 0);
        assertNotEquals(0, port);
        assertTrue(io.SetFileCompletionNotificationModes(server.queue,
                (byte) WinBase.FILE_SKIP_COMPLETION_PORT_ON_SUCCESS));
        int tcpPort = server.addLocalhostUrl("/");
        try (RawClient client = new RawClient(tcpPort)) {
            long buffer = arena.allocate(SHORT);
            long bytes = arena.allocate(4);
            long requestId = bindLargeRequest(client, tcpPort, buffer, bytes);
            int needed = NativeAccess.getInt(bytes);

            long ovl = arena.overlapped();
            assertEquals(WinError.ERROR_MORE_DATA,
                    server.api.HttpReceiveHttpRequest(server.queue, requestId, 0, buffer, SHORT, 0, ovl));
            assertEquals(NtStatus.STATUS_BUFFER_OVERFLOW, NtStatus.statusOf(Overlapped.internal(ovl)));
            assertEquals(needed, Overlapped.internalHigh(ovl), "the size needed, where pBytesReturned is NULL");
            assertEquals(0, dequeue(port, 200), "a packet was queued for an immediate ERROR_MORE_DATA");

            long full = arena.allocate(needed);
            long ovl2 = arena.overlapped();
            assertEquals(WinError.NO_ERROR,
                    server.api.HttpReceiveHttpRequest(server.queue, requestId, 0, full, needed, 0, ovl2));
            assertEquals(NtStatus.STATUS_SUCCESS, NtStatus.statusOf(Overlapped.internal(ovl2)));
            assertEquals(needed, Overlapped.internalHigh(ovl2));
            assertEquals(0, dequeue(port, 0));
        }
        io.CloseHandle(port);
    }

    @Test
    void anImmediateMoreDataStillPostsAPacketWithoutSkipMode() {
        long port = io.CreateIoCompletionPort(server.queue, 0, 9, 0);
        int tcpPort = server.addLocalhostUrl("/");
        try (RawClient client = new RawClient(tcpPort)) {
            long buffer = arena.allocate(SHORT);
            long bytes = arena.allocate(4);
            long requestId = bindLargeRequest(client, tcpPort, buffer, bytes);

            long ovl = arena.overlapped();
            assertEquals(WinError.ERROR_MORE_DATA,
                    server.api.HttpReceiveHttpRequest(server.queue, requestId, 0, buffer, SHORT, 0, ovl));
            assertEquals(1, dequeue(port, 10_000));
            assertEquals(ovl, OverlappedEntry.overlapped(entries));
            assertEquals(9, OverlappedEntry.completionKey(entries));
            assertEquals(NtStatus.STATUS_BUFFER_OVERFLOW, NtStatus.statusOf(OverlappedEntry.internal(entries)));
            assertEquals(NativeAccess.getInt(bytes), OverlappedEntry.numberOfBytesTransferred(entries));
        }
        io.CloseHandle(port);
    }

    @Test
    void anImmediateErrorWritesNothingAndPostsNothing() {
        long port = io.CreateIoCompletionPort(server.queue, 0, 5, 0);
        int tcpPort = server.addLocalhostUrl("/");
        try (RawClient client = new RawClient(tcpPort)) {
            client.send(RawClient.simpleGet("/", tcpPort));
            long buffer = arena.allocate(4096);
            assertEquals(WinError.NO_ERROR,
                    server.api.HttpReceiveHttpRequest(server.queue, 0, 0, buffer, 4096, 0, 0));
            long requestId = HttpRequestV2.requestId(buffer);

            // A GET has no body: the body read ends at once with ERROR_HANDLE_EOF, an error status.
            long ovl = arena.overlapped();
            Overlapped.setInternal(ovl, 0x1234);
            Overlapped.setInternalHigh(ovl, 0x5678);
            assertEquals(WinError.ERROR_HANDLE_EOF, server.api.HttpReceiveRequestEntityBody(server.queue, requestId,
                    0, arena.allocate(64), 64, 0, ovl));
            assertEquals(0x1234, Overlapped.internal(ovl));
            assertEquals(0x5678, Overlapped.internalHigh(ovl));
            assertEquals(0, dequeue(port, 200), "a packet was queued for an immediate error");
        }
        io.CloseHandle(port);
    }
}
