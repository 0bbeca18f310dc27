package io.netty.contrib.httpsys.nativeapi;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Reads and writes native memory by address: the struct flyweights, the receive buffers and everything else the
 * kernel (or the emulator) shares with the transport. Where Netty may use {@code sun.misc.Unsafe} this is Netty's
 * {@code PlatformDependent}; where it may not (JDK 24 and later unless the JVM is started with
 * {@code --sun-misc-unsafe-memory-access=allow}, JEP 498, or with {@code -Dio.netty.noUnsafe=true}) it is
 * {@code java.lang.foreign} on JDK 22 and later, a segment over the whole address space, as the FFM binding uses.
 * Without it the transport could not run on JDK 24+ by default.
 *
 * <p>The system property {@value MemoryAccessor#MEMORY_PROPERTY} chooses: {@code auto} (the default, as above),
 * {@code ffm} or {@code unsafe}. Where the choice cannot run, every method throws an
 * {@link UnsupportedOperationException} that says what to do. Values are in the platform's byte order; addresses
 * need no alignment.
 */
public final class NativeAccess {

    private static final MemoryAccessor ACCESSOR = MemoryAccessor.select();

    private NativeAccess() {
    }

    /**
     * Throws the {@link UnsupportedOperationException} every access would throw where native memory cannot be
     * reached (saying what to do), so that a transport fails when it is created rather than deep inside its start.
     */
    public static void ensureAvailable() {
        ACCESSOR.ensureAvailable();
    }

    /** {@code "ffm"} or {@code "unsafe"}, or {@code "unavailable"} with the reason. */
    public static String name() {
        return ACCESSOR.name();
    }

    public static byte getByte(long address) {
        return ACCESSOR.getByte(address);
    }

    public static void putByte(long address, byte value) {
        ACCESSOR.putByte(address, value);
    }

    public static short getShort(long address) {
        return ACCESSOR.getShort(address);
    }

    public static void putShort(long address, short value) {
        ACCESSOR.putShort(address, value);
    }

    public static int getInt(long address) {
        return ACCESSOR.getInt(address);
    }

    public static void putInt(long address, int value) {
        ACCESSOR.putInt(address, value);
    }

    public static long getLong(long address) {
        return ACCESSOR.getLong(address);
    }

    public static void putLong(long address, long value) {
        ACCESSOR.putLong(address, value);
    }

    /** Copies {@code length} bytes from {@code source} to {@code target}. */
    public static void copyMemory(long source, long target, long length) {
        ACCESSOR.copyMemory(source, target, length);
    }

    /** Copies {@code length} bytes from {@code source} into {@code target} from {@code targetIndex}. */
    public static void copyMemory(long source, byte[] target, int targetIndex, long length) {
        ACCESSOR.copyMemory(source, target, targetIndex, length);
    }

    /** Copies {@code length} bytes of {@code source} from {@code sourceIndex} to {@code target}. */
    public static void copyMemory(byte[] source, int sourceIndex, long target, long length) {
        ACCESSOR.copyMemory(source, sourceIndex, target, length);
    }

    /** Sets {@code length} bytes from {@code address} to {@code value}. */
    public static void setMemory(long address, long length, byte value) {
        ACCESSOR.setMemory(address, length, value);
    }

    /**
     * The NUL-terminated UTF-16LE string at {@code address} (a {@code PCWSTR}), or {@code null} for {@code NULL}.
     * (JNA's {@code Pointer.getWideString} reads {@code wchar_t}, four bytes off Windows, so it cannot serve the
     * emulator.)
     */
    public static String getUtf16String(long address) {
        if (address == 0) {
            return null;
        }
        int length = 0;
        while (getShort(address + length) != 0) {
            length += 2;
        }
        return getUtf16String(address, length);
    }

    /**
     * The {@code byteLength} bytes at {@code address} as UTF-16LE (a counted string, as the HTTP Server API's
     * structures give them), or {@code null} for {@code NULL}.
     */
    public static String getUtf16String(long address, int byteLength) {
        if (address == 0) {
            return null;
        }
        byte[] bytes = new byte[byteLength];
        copyMemory(address, bytes, 0, byteLength);
        return new String(bytes, StandardCharsets.UTF_16LE);
    }

    /** The address of a direct buffer's first byte (index 0, whatever its position). */
    public static long directBufferAddress(ByteBuffer buffer) {
        return ACCESSOR.directBufferAddress(buffer);
    }
}
