package io.netty.contrib.httpsys.nativeapi;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;

/**
 * {@link MemoryAccessor} over {@code java.lang.foreign}: one segment spanning the address space (from
 * {@code MemorySegment.NULL}, a restricted method like the FFM binding's downcalls), read and written with the
 * unaligned layouts in the platform's byte order. Loaded by name on JDK 22 and later.
 */
final class ForeignMemoryAccessor extends MemoryAccessor {

    @SuppressWarnings("restricted") // a segment over all memory is what this class is for
    private static final MemorySegment ALL = MemorySegment.NULL.reinterpret(Long.MAX_VALUE);

    @Override
    String name() {
        return "ffm";
    }

    @Override
    byte getByte(long address) {
        return ALL.get(ValueLayout.JAVA_BYTE, address);
    }

    @Override
    void putByte(long address, byte value) {
        ALL.set(ValueLayout.JAVA_BYTE, address, value);
    }

    @Override
    short getShort(long address) {
        return ALL.get(ValueLayout.JAVA_SHORT_UNALIGNED, address);
    }

    @Override
    void putShort(long address, short value) {
        ALL.set(ValueLayout.JAVA_SHORT_UNALIGNED, address, value);
    }

    @Override
    int getInt(long address) {
        return ALL.get(ValueLayout.JAVA_INT_UNALIGNED, address);
    }

    @Override
    void putInt(long address, int value) {
        ALL.set(ValueLayout.JAVA_INT_UNALIGNED, address, value);
    }

    @Override
    long getLong(long address) {
        return ALL.get(ValueLayout.JAVA_LONG_UNALIGNED, address);
    }

    @Override
    void putLong(long address, long value) {
        ALL.set(ValueLayout.JAVA_LONG_UNALIGNED, address, value);
    }

    @Override
    void copyMemory(long source, long target, long length) {
        MemorySegment.copy(ALL, source, ALL, target, length);
    }

    @Override
    void copyMemory(long source, byte[] target, int targetIndex, long length) {
        MemorySegment.copy(ALL, ValueLayout.JAVA_BYTE, source, target, targetIndex, Math.toIntExact(length));
    }

    @Override
    void copyMemory(byte[] source, int sourceIndex, long target, long length) {
        MemorySegment.copy(source, sourceIndex, ALL, ValueLayout.JAVA_BYTE, target, Math.toIntExact(length));
    }

    @Override
    void setMemory(long address, long length, byte value) {
        ALL.asSlice(address, length).fill(value);
    }

    @Override
    long directBufferAddress(ByteBuffer buffer) {
        // A buffer's segment starts at its position.
        return MemorySegment.ofBuffer(buffer).address() - buffer.position();
    }
}
