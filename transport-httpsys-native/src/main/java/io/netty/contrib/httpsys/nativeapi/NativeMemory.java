package io.netty.contrib.httpsys.nativeapi;

import com.sun.jna.Native;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counted native memory outside the Java heap, for structures whose address is handed to the kernel
 * (receive buffers, {@code OVERLAPPED}s, response structs). Every allocation of the transport and of the
 * emulator goes through here, so tests can assert that none outlives a server's shutdown.
 */
public final class NativeMemory {

    private static final AtomicLong OUTSTANDING_ALLOCATIONS = new AtomicLong();
    private static final AtomicLong OUTSTANDING_BYTES = new AtomicLong();
    private static final LongAdder TOTAL_ALLOCATIONS = new LongAdder();

    private NativeMemory() {
    }

    /**
     * Allocates {@code size} bytes, zero-filled and aligned to at least 8 bytes (malloc's alignment, which
     * satisfies every HTTP Server API struct), and returns their address.
     *
     * @throws OutOfMemoryError when the allocation fails
     */
    public static long allocate(long size) {
        if (size <= 0) {
            throw new IllegalArgumentException("size must be positive: " + size);
        }
        long address = Native.malloc(size);
        if (address == 0) {
            throw new OutOfMemoryError("native allocation of " + size + " bytes failed");
        }
        NativeAccess.setMemory(address, size, (byte) 0);
        OUTSTANDING_ALLOCATIONS.incrementAndGet();
        OUTSTANDING_BYTES.addAndGet(size);
        TOTAL_ALLOCATIONS.increment();
        return address;
    }

    /** Frees memory from {@link #allocate(long)}; {@code size} must be the size it was allocated with. */
    public static void free(long address, long size) {
        if (address == 0) {
            return;
        }
        Native.free(address);
        OUTSTANDING_ALLOCATIONS.decrementAndGet();
        OUTSTANDING_BYTES.addAndGet(-size);
    }

    /** Allocations not yet freed. */
    public static long outstandingAllocations() {
        return OUTSTANDING_ALLOCATIONS.get();
    }

    /** Bytes allocated and not yet freed. */
    public static long outstandingBytes() {
        return OUTSTANDING_BYTES.get();
    }

    /** Allocations made since the JVM started, for measuring allocations per request. */
    public static long totalAllocations() {
        return TOTAL_ALLOCATIONS.sum();
    }
}
