package io.netty.contrib.httpsys.nativeapi.emulator;

/**
 * An {@code HttpReceiveHttpRequest} waiting for a request: where to marshal it and how.
 *
 * @param io            the operation
 * @param flags         {@code HTTP_RECEIVE_REQUEST_FLAG_*}
 * @param buffer        the caller's {@code HTTP_REQUEST_V2} buffer
 * @param length        its length in bytes
 */
record ReceiveOp(PendingIo io, int flags, long buffer, int length) {
}
