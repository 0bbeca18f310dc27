package io.netty.contrib.httpsys;

import io.netty.channel.IoHandle;

/**
 * An {@link IoHandle} of {@link HttpSysIoHandler}: a kernel handle (a request queue handle) whose asynchronous
 * operations complete on the event loop's completion port. Its operations report through the
 * {@link CompletionHandler}s they acquired slots for, not through {@link #handle}.
 */
interface HttpSysIoHandle extends IoHandle {

    /** The handle to associate with the loop's completion port, or {@code 0} for none. */
    long kernelHandle();

    /** Graceful: start no new operation, let the current ones end. Idempotent; may be called again. */
    @Override
    void close();

    /**
     * The event loop is being destroyed: end everything now (cancel every pending operation). Completions that
     * follow still reach their owners, which then only free memory. {@link #close()} came before.
     */
    void abort();
}
