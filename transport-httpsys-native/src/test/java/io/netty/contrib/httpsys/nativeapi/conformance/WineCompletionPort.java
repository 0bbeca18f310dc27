package io.netty.contrib.httpsys.nativeapi.conformance;

import io.netty.contrib.httpsys.nativeapi.IoCompletion;
import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.NtStatus;
import io.netty.contrib.httpsys.nativeapi.WinError;
import io.netty.contrib.httpsys.nativeapi.struct.OverlappedEntry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A completion port associated with one request queue, read one packet at a time the way Wine's tests call
 * {@code GetQueuedCompletionStatus}. It stands in for Wine's {@code WaitForSingleObject(ovl.hEvent, ms)} and
 * {@code GetOverlappedResult}: waiting on the port with a timeout is the only synchronisation the suite uses.
 */
final class WineCompletionPort implements AutoCloseable {

    /** Generous upper bound for something that must happen (Wine waits 100 ms or 1 s). */
    static final int ARRIVES_MS = 5000;

    /** How long "nothing else happened" is watched (Wine's {@code WaitForSingleObject(..., 100)}). */
    static final int QUIET_MS = 100;

    /** One dequeued {@code OVERLAPPED_ENTRY}, with its NTSTATUS mapped to a Win32 error. */
    record Packet(long key, long overlapped, int status, int error, int bytes) {
    }

    private final IoCompletion io;
    private final long handle;
    private final long entry;
    private final long removed;

    WineCompletionPort(IoCompletion io, NativeArena arena, long queue, long key) {
        this.io = io;
        handle = io.CreateIoCompletionPort(queue, 0, key, 0);
        assertNotEquals(0, handle, "CreateIoCompletionPort failed: " + io.GetLastError());
        entry = arena.allocate(OverlappedEntry.SIZE);
        removed = arena.allocate(4);
    }

    /** The next packet within {@code ms}, or {@code null} when GetQueuedCompletionStatusEx timed out (258). */
    Packet poll(int ms) {
        if (!io.GetQueuedCompletionStatusEx(handle, entry, 1, removed, ms, false)) {
            assertEquals(WinError.WAIT_TIMEOUT, io.GetLastError(), "GetQueuedCompletionStatusEx");
            return null;
        }
        assertEquals(1, NativeAccess.getInt(removed));
        int status = NtStatus.statusOf(OverlappedEntry.internal(entry));
        return new Packet(OverlappedEntry.completionKey(entry), OverlappedEntry.overlapped(entry), status,
                io.RtlNtStatusToDosError(status), OverlappedEntry.numberOfBytesTransferred(entry));
    }

    /** The packet of {@code overlapped}, which must be the next one and arrive in time. */
    Packet take(long overlapped) {
        Packet packet = poll(ARRIVES_MS);
        assertNotNull(packet, "no completion packet within " + ARRIVES_MS + " ms");
        assertEquals(overlapped, packet.overlapped(), "completion of another OVERLAPPED");
        return packet;
    }

    /** The OVERLAPPEDs of the next two packets, both successful, in the order they came. */
    Long[] take2() {
        Long[] overlapped = new Long[2];
        for (int i = 0; i < 2; i++) {
            Packet packet = poll(ARRIVES_MS);
            assertNotNull(packet, "no completion packet within " + ARRIVES_MS + " ms");
            assertEquals(0, packet.error(), "status of packet " + i);
            overlapped[i] = packet.overlapped();
        }
        return overlapped;
    }

    /** Asserts that no packet is queued now (Wine's {@code GetQueuedCompletionStatus(port, ..., 0)} failing with 258). */
    void assertEmpty() {
        assertNull(poll(0), "unexpected completion packet");
    }

    /** Asserts that no packet arrives for {@value #QUIET_MS} ms. */
    void assertQuiet() {
        assertNull(poll(QUIET_MS), "unexpected completion packet");
    }

    @Override
    public void close() {
        assertTrue(io.CloseHandle(handle), "CloseHandle(port)");
    }
}
