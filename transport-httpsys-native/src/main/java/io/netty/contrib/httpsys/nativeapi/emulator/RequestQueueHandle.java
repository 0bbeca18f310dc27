package io.netty.contrib.httpsys.nativeapi.emulator;

/**
 * One {@code HANDLE} to a request queue. {@code HttpCreateRequestQueue} with
 * {@code HTTP_CREATE_REQUEST_QUEUE_FLAG_OPEN_EXISTING} gives further handles to the same named queue; each can be
 * associated with its own completion port and key, so completions of operations issued on a handle arrive on
 * that handle's port.
 */
final class RequestQueueHandle extends KernelHandle {

    final RequestQueue queue;
    /** The {@code HANDLE} value the caller holds. */
    final long value;

    RequestQueueHandle(RequestQueue queue, long value) {
        this.queue = queue;
        this.value = value;
    }
}
