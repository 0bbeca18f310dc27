package io.netty.contrib.httpsys.nativeapi;

import io.netty.util.internal.PlatformDependent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link NativeAccess} against a direct {@link ByteBuffer} over the same memory: every width at unaligned
 * addresses in the platform's byte order, each copy direction, fills, and a buffer's base address. The JVM picks one
 * implementation, so this runs the {@code sun.misc.Unsafe} one on JDK 17 and the {@code java.lang.foreign} one on
 * the JDK 25 tier, whose JVMs do not allow {@code sun.misc.Unsafe}.
 */
class NativeAccessTest {

    private static final int SIZE = 64;

    private ByteBuffer buffer;
    private long base;

    @BeforeEach
    void allocate() {
        buffer = ByteBuffer.allocateDirect(SIZE).order(ByteOrder.nativeOrder());
        base = NativeAccess.directBufferAddress(buffer);
    }

    @Test
    void theImplementationIsTheOneThisJdkShouldUse() {
        String expected = !PlatformDependent.hasUnsafe() && MemoryAccessor.isForeignAvailable() ? "ffm" : "unsafe";
        assertEquals(expected, NativeAccess.name());
    }

    @Test
    void readsWhatTheBufferWroteAndTheBufferReadsWhatItWroteAtUnalignedAddresses() {
        buffer.put(1, (byte) 0x81).putShort(3, (short) 0x8234).putInt(7, 0x89abcdef).putLong(13, 0x0123456789abcdefL);
        assertEquals((byte) 0x81, NativeAccess.getByte(base + 1));
        assertEquals((short) 0x8234, NativeAccess.getShort(base + 3));
        assertEquals(0x89abcdef, NativeAccess.getInt(base + 7));
        assertEquals(0x0123456789abcdefL, NativeAccess.getLong(base + 13));

        NativeAccess.putByte(base + 31, (byte) -2);
        NativeAccess.putShort(base + 33, (short) -3);
        NativeAccess.putInt(base + 37, -4);
        NativeAccess.putLong(base + 43, -5L);
        assertEquals((byte) -2, buffer.get(31));
        assertEquals((short) -3, buffer.getShort(33));
        assertEquals(-4, buffer.getInt(37));
        assertEquals(-5L, buffer.getLong(43));
    }

    @Test
    void copiesBetweenArraysAndMemoryAndWithinMemory() {
        byte[] source = {1, 2, 3, 4, 5, 6, 7};
        NativeAccess.copyMemory(source, 2, base + 5, 4);
        assertArrayEquals(new byte[] {0, 3, 4, 5, 6, 0}, bytesAt(4, 6));

        byte[] target = new byte[8];
        NativeAccess.copyMemory(base + 5, target, 3, 4);
        assertArrayEquals(new byte[] {0, 0, 0, 3, 4, 5, 6, 0}, target);

        NativeAccess.copyMemory(base + 5, base + 21, 4);
        assertArrayEquals(new byte[] {3, 4, 5, 6}, bytesAt(21, 4));
    }

    @Test
    void fillsExactlyTheRangeAsked() {
        NativeAccess.setMemory(base + 10, 5, (byte) 0x7f);
        assertArrayEquals(new byte[] {0, 0x7f, 0x7f, 0x7f, 0x7f, 0x7f, 0}, bytesAt(9, 7));
    }

    @Test
    void aBuffersAddressIsItsFirstByteWhateverItsPosition() {
        buffer.put(0, (byte) 42).position(17);
        assertEquals(base, NativeAccess.directBufferAddress(buffer));
        assertEquals(42, NativeAccess.getByte(NativeAccess.directBufferAddress(buffer)));
    }

    @Test
    void readsUtf16StringsToTheirNulOrTheirCountedLength() {
        byte[] text = "Ünïcode".getBytes(StandardCharsets.UTF_16LE);
        buffer.put(6, text);
        assertEquals("Ünïcode", NativeAccess.getUtf16String(base + 6));
        assertEquals("Ünï", NativeAccess.getUtf16String(base + 6, 6));
        assertEquals("", NativeAccess.getUtf16String(base + 6 + text.length));
        assertNull(NativeAccess.getUtf16String(0));
        assertNull(NativeAccess.getUtf16String(0, 4));
    }

    @Test
    void anAccessThatCannotRunSaysWhatToDo() {
        String previous = System.getProperty(MemoryAccessor.MEMORY_PROPERTY);
        try {
            System.setProperty(MemoryAccessor.MEMORY_PROPERTY, "nonsense");
            MemoryAccessor nonsense = MemoryAccessor.select();
            UnsupportedOperationException wrong = assertThrows(UnsupportedOperationException.class,
                    nonsense::ensureAvailable);
            assertTrue(wrong.getMessage().endsWith("-Dio.netty.contrib.httpsys.memory=nonsense is not a memory "
                    + "access: use auto, ffm or unsafe"), wrong.getMessage());
            assertThrows(UnsupportedOperationException.class, () -> nonsense.getInt(base));
            if (!MemoryAccessor.isForeignAvailable()) {
                System.setProperty(MemoryAccessor.MEMORY_PROPERTY, "ffm");
                MemoryAccessor ffm = MemoryAccessor.select();
                UnsupportedOperationException refused = assertThrows(UnsupportedOperationException.class,
                        () -> ffm.getLong(base));
                assertTrue(refused.getMessage().startsWith("netty-httpsys cannot reach native memory: "
                        + "-Dio.netty.contrib.httpsys.memory=ffm needs JDK 22 or later"), refused.getMessage());
            }
        } finally {
            if (previous == null) {
                System.clearProperty(MemoryAccessor.MEMORY_PROPERTY);
            } else {
                System.setProperty(MemoryAccessor.MEMORY_PROPERTY, previous);
            }
        }
    }

    private byte[] bytesAt(int index, int length) {
        byte[] bytes = new byte[length];
        buffer.get(index, bytes);
        return bytes;
    }
}
