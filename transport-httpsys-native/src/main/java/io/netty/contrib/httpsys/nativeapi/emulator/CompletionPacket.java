package io.netty.contrib.httpsys.nativeapi.emulator;

/**
 * One I/O completion packet as {@code GetQueuedCompletionStatusEx} hands it out in an {@code OVERLAPPED_ENTRY}.
 *
 * @param completionKey the key the handle was associated with (or the one given to PostQueuedCompletionStatus)
 * @param overlapped    the caller's {@code OVERLAPPED} address
 * @param bytes         {@code dwNumberOfBytesTransferred}
 * @param status        the NTSTATUS, as {@code OVERLAPPED_ENTRY.Internal} carries it
 */
record CompletionPacket(long completionKey, long overlapped, int bytes, int status) {
}
