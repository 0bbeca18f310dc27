package io.netty.contrib.httpsys.nativeapi.emulator;

/**
 * An {@code HttpReceiveRequestEntityBody} waiting for body bytes.
 *
 * @param io         the operation
 * @param buffer     the caller's buffer
 * @param length     its length
 * @param fillBuffer {@code HTTP_RECEIVE_REQUEST_ENTITY_BODY_FLAG_FILL_BUFFER}: wait until the buffer is full or
 *                   the body ends
 */
record BodyRead(PendingIo io, long buffer, int length, boolean fillBuffer) {
}
