package io.netty.contrib.httpsys.nativeapi.conformance;

import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.NativeMemory;
import io.netty.contrib.httpsys.nativeapi.struct.Overlapped;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Native allocations of one test, freed together. Buffers handed to the API can carry guard bytes after their
 * usable length, so a test can prove nothing was written past it.
 */
final class NativeArena implements AutoCloseable {

    static final int GUARD = 64;
    private static final byte GUARD_BYTE = (byte) 0xA5;

    private record Block(long address, long size) {
    }

    private final List<Block> blocks = new ArrayList<>();

    long allocate(long size) {
        long address = NativeMemory.allocate(size);
        blocks.add(new Block(address, size));
        return address;
    }

    /** {@code length} usable bytes filled with 0xCC (as Wine's tests do) followed by guard bytes. */
    long guarded(int length) {
        long address = allocate(length + GUARD);
        NativeAccess.setMemory(address, length, (byte) 0xCC);
        NativeAccess.setMemory(address + length, GUARD, GUARD_BYTE);
        return address;
    }

    /** Asserts the guard bytes after {@code length} usable bytes at {@code address} are intact. */
    static void assertGuardIntact(long address, int length) {
        for (int i = 0; i < GUARD; i++) {
            assertEquals(GUARD_BYTE, NativeAccess.getByte(address + length + i),
                    "byte " + i + " past the end of the buffer was written");
        }
    }

    /** Asserts bytes {@code [from, to)} of a {@link #guarded} buffer still hold their 0xCC fill. */
    static void assertUntouched(long address, int from, int to) {
        for (int i = from; i < to; i++) {
            assertEquals((byte) 0xCC, NativeAccess.getByte(address + i), "byte " + i + " was written");
        }
    }

    long overlapped() {
        long ovl = allocate(Overlapped.SIZE);
        Overlapped.clear(ovl);
        return ovl;
    }

    /** The bytes of {@code text} (ASCII), not NUL-terminated. */
    long ascii(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        long address = allocate(Math.max(1, bytes.length));
        NativeAccess.copyMemory(bytes, 0, address, bytes.length);
        return address;
    }

    static byte[] read(long address, int length) {
        byte[] bytes = new byte[length];
        NativeAccess.copyMemory(address, bytes, 0, length);
        return bytes;
    }

    static String readAscii(long address, int length) {
        return new String(read(address, length), StandardCharsets.US_ASCII);
    }

    @Override
    public void close() {
        for (Block block : blocks) {
            NativeMemory.free(block.address(), block.size());
        }
        blocks.clear();
    }
}
