package io.netty.contrib.httpsys.config;

import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.NativeMemory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The native memory of one configuration call: structs, strings and answers, all freed together on close. */
final class NativeScratch implements AutoCloseable {

    private final List<long[]> allocations = new ArrayList<>();

    /** {@code size} zeroed bytes. */
    long allocate(int size) {
        long address = NativeMemory.allocate(size);
        allocations.add(new long[] {address, size});
        return address;
    }

    /** {@code text} as a NUL-terminated UTF-16LE string, or {@code NULL} for {@code null}. */
    long wide(String text) {
        if (text == null) {
            return 0;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_16LE);
        long address = allocate(bytes.length + 2);
        NativeAccess.copyMemory(bytes, 0, address, bytes.length);
        return address;
    }

    /** {@code bytes} copied into native memory. */
    long copy(byte[] bytes) {
        long address = allocate(Math.max(1, bytes.length));
        NativeAccess.copyMemory(bytes, 0, address, bytes.length);
        return address;
    }

    /** {@code length} bytes at {@code address}. */
    static byte[] read(long address, int length) {
        byte[] bytes = new byte[length];
        NativeAccess.copyMemory(address, bytes, 0, length);
        return bytes;
    }

    @Override
    public void close() {
        for (long[] allocation : allocations) {
            NativeMemory.free(allocation[0], allocation[1]);
        }
        allocations.clear();
    }
}
