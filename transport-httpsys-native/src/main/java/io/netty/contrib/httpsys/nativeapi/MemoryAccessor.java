package io.netty.contrib.httpsys.nativeapi;

import io.netty.util.internal.PlatformDependent;
import io.netty.util.internal.SystemPropertyUtil;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.ByteBuffer;
import java.util.Locale;

/**
 * How {@link NativeAccess} reaches native memory; chosen once per JVM, so that every call site sees one
 * implementation and the JIT inlines it.
 */
abstract class MemoryAccessor {

    /** The system property that selects the implementation. */
    static final String MEMORY_PROPERTY = "io.netty.contrib.httpsys.memory";

    private static final int FFM_FEATURE_RELEASE = 22;
    private static final String FOREIGN_ACCESSOR = "io.netty.contrib.httpsys.nativeapi.ForeignMemoryAccessor";

    abstract String name();

    /** Nothing where memory can be reached; see {@link NativeAccess#ensureAvailable()}. */
    void ensureAvailable() {
    }

    abstract byte getByte(long address);

    abstract void putByte(long address, byte value);

    abstract short getShort(long address);

    abstract void putShort(long address, short value);

    abstract int getInt(long address);

    abstract void putInt(long address, int value);

    abstract long getLong(long address);

    abstract void putLong(long address, long value);

    abstract void copyMemory(long source, long target, long length);

    abstract void copyMemory(long source, byte[] target, int targetIndex, long length);

    abstract void copyMemory(byte[] source, int sourceIndex, long target, long length);

    abstract void setMemory(long address, long length, byte value);

    abstract long directBufferAddress(ByteBuffer buffer);

    static MemoryAccessor select() {
        String choice = SystemPropertyUtil.get(MEMORY_PROPERTY, "auto").trim().toLowerCase(Locale.ROOT);
        switch (choice) {
            case "ffm":
                return isForeignAvailable() ? foreign() : new Unavailable("-D" + MEMORY_PROPERTY + "=ffm needs JDK "
                        + FFM_FEATURE_RELEASE + " or later and a jar built by one (this is JDK " + Runtime.version()
                        + (Runtime.version().feature() >= FFM_FEATURE_RELEASE ? ", and the jar lacks "
                        + "META-INF/versions/22" : "") + ")");
            case "unsafe":
                return unsafe("start the JVM with --sun-misc-unsafe-memory-access=allow, or leave "
                        + MEMORY_PROPERTY + " at auto");
            case "auto":
                // Unsafe where Netty has it (on JDK 25 the segment accesses cost a few per cent more CPU per
                // request, perf/RESULTS.md); java.lang.foreign where Netty has not (JDK 24+ by default).
                if (!PlatformDependent.hasUnsafe() && isForeignAvailable()) {
                    return foreign();
                }
                return unsafe(Runtime.version().feature() >= FFM_FEATURE_RELEASE
                        ? "this jar has no java.lang.foreign access (META-INF/versions/22, in a jar built by JDK 22+): "
                        + "use such a jar, or start the JVM with --sun-misc-unsafe-memory-access=allow"
                        : "java.lang.foreign needs JDK 22+: remove -Dio.netty.noUnsafe, or run on JDK 22+");
            default:
                return new Unavailable("-D" + MEMORY_PROPERTY + "=" + choice
                        + " is not a memory access: use auto, ffm or unsafe");
        }
    }

    /** Whether this JDK has {@code java.lang.foreign} (22+) and the jar has the class that uses it. */
    static boolean isForeignAvailable() {
        return Runtime.version().feature() >= FFM_FEATURE_RELEASE
                && MemoryAccessor.class.getClassLoader().getResource(
                        FOREIGN_ACCESSOR.replace('.', '/') + ".class") != null;
    }

    private static MemoryAccessor foreign() {
        try {
            Class<?> type = Class.forName(FOREIGN_ACCESSOR, true, MemoryAccessor.class.getClassLoader());
            return (MemoryAccessor) MethodHandles.lookup()
                    .findConstructor(type, MethodType.methodType(void.class)).invoke();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    private static MemoryAccessor unsafe(String otherwise) {
        if (PlatformDependent.hasUnsafe()) {
            return new UnsafeMemoryAccessor();
        }
        return new Unavailable("Netty cannot use sun.misc.Unsafe here ("
                + PlatformDependent.getUnsafeUnavailabilityCause() + "): " + otherwise);
    }

    /** Netty's {@code PlatformDependent}, that is {@code sun.misc.Unsafe}. */
    private static final class UnsafeMemoryAccessor extends MemoryAccessor {

        @Override
        String name() {
            return "unsafe";
        }

        @Override
        byte getByte(long address) {
            return PlatformDependent.getByte(address);
        }

        @Override
        void putByte(long address, byte value) {
            PlatformDependent.putByte(address, value);
        }

        @Override
        short getShort(long address) {
            return PlatformDependent.getShort(address);
        }

        @Override
        void putShort(long address, short value) {
            PlatformDependent.putShort(address, value);
        }

        @Override
        int getInt(long address) {
            return PlatformDependent.getInt(address);
        }

        @Override
        void putInt(long address, int value) {
            PlatformDependent.putInt(address, value);
        }

        @Override
        long getLong(long address) {
            return PlatformDependent.getLong(address);
        }

        @Override
        void putLong(long address, long value) {
            PlatformDependent.putLong(address, value);
        }

        @Override
        void copyMemory(long source, long target, long length) {
            PlatformDependent.copyMemory(source, target, length);
        }

        @Override
        void copyMemory(long source, byte[] target, int targetIndex, long length) {
            PlatformDependent.copyMemory(source, target, targetIndex, length);
        }

        @Override
        void copyMemory(byte[] source, int sourceIndex, long target, long length) {
            PlatformDependent.copyMemory(source, sourceIndex, target, length);
        }

        @Override
        void setMemory(long address, long length, byte value) {
            PlatformDependent.setMemory(address, length, value);
        }

        @Override
        long directBufferAddress(ByteBuffer buffer) {
            return PlatformDependent.directBufferAddress(buffer);
        }
    }

    /** Neither implementation can run: every access fails with the reason and what to do. */
    private static final class Unavailable extends MemoryAccessor {

        private final String reason;

        Unavailable(String reason) {
            this.reason = reason;
        }

        private UnsupportedOperationException fail() {
            return new UnsupportedOperationException("netty-httpsys cannot reach native memory: " + reason);
        }

        @Override
        String name() {
            return "unavailable: " + reason;
        }

        @Override
        void ensureAvailable() {
            throw fail();
        }

        @Override
        byte getByte(long address) {
            throw fail();
        }

        @Override
        void putByte(long address, byte value) {
            throw fail();
        }

        @Override
        short getShort(long address) {
            throw fail();
        }

        @Override
        void putShort(long address, short value) {
            throw fail();
        }

        @Override
        int getInt(long address) {
            throw fail();
        }

        @Override
        void putInt(long address, int value) {
            throw fail();
        }

        @Override
        long getLong(long address) {
            throw fail();
        }

        @Override
        void putLong(long address, long value) {
            throw fail();
        }

        @Override
        void copyMemory(long source, long target, long length) {
            throw fail();
        }

        @Override
        void copyMemory(long source, byte[] target, int targetIndex, long length) {
            throw fail();
        }

        @Override
        void copyMemory(byte[] source, int sourceIndex, long target, long length) {
            throw fail();
        }

        @Override
        void setMemory(long address, long length, byte value) {
            throw fail();
        }

        @Override
        long directBufferAddress(ByteBuffer buffer) {
            throw fail();
        }
    }
}
