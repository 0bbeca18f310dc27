package io.netty.contrib.httpsys;

/**
 * The owner of an {@code OVERLAPPED} slot: told on the event loop thread when the operation that used the slot
 * completed. The slot is back in the pool by then, so the owner may start its next operation at once.
 *
 * <p>An owner whose channel closed while the operation was pending still gets the completion (usually
 * {@code ERROR_OPERATION_ABORTED}) and must then only free the memory the operation used: this is the
 * stale-{@code OVERLAPPED} rule of OpenJDK's {@code PendingIoCache}, moved into the owner.
 */
interface CompletionHandler {

    /**
     * @param operation        the operation code given when the slot was acquired
     * @param error            the Win32 error of the operation ({@code 0} on success)
     * @param bytesTransferred {@code dwNumberOfBytesTransferred}
     */
    void completed(int operation, int error, int bytesTransferred);
}
