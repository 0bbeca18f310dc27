package io.netty.contrib.httpsys.perf.jmh;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.concurrent.TimeUnit;

/**
 * What one native call with {@code HttpReceiveHttpRequest}'s shape — {@code (long, long, int, long, int, long,
 * long) -> int}, the descriptor the transport's FFM binding uses — costs through JNA direct mapping (the binding on
 * JDK 17 to 21) and through {@code java.lang.foreign} (JDK 22 and later); plus FFM with
 * {@link Linker.Option#critical} for reference, which the binding does not use (a critical call may not block,
 * and {@code GetQueuedCompletionStatusEx} does).
 *
 * <p>httpapi.dll is absent off Windows, so all three call the C library's {@code abs} declared with that shape:
 * {@code abs} reads only the low 32 bits of its first argument and does no memory access, so the time is the
 * call's own; the other arguments are passed and ignored, which the x64 calling conventions (caller cleans up)
 * make safe on Linux and Windows. Compiled only by a JDK 22+ build (perf's {@code ffm} profile).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
@SuppressWarnings("restricted")
public class ForeignCallBenchmark {

    private static final String LIBC = Platform.isWindows() ? "msvcrt" : "c";
    private static final FunctionDescriptor RECEIVE_SHAPE = FunctionDescriptor.of(ValueLayout.JAVA_INT,
            ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG,
            ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG);
    private static final MemorySegment ABS = (Platform.isWindows()
            ? SymbolLookup.libraryLookup(LIBC, Arena.global()) : Linker.nativeLinker().defaultLookup())
            .find("abs").orElseThrow();
    private static final MethodHandle FOREIGN = Linker.nativeLinker().downcallHandle(ABS, RECEIVE_SHAPE);
    private static final MethodHandle FOREIGN_CRITICAL = Linker.nativeLinker().downcallHandle(ABS, RECEIVE_SHAPE,
            Linker.Option.critical(false));

    /** The direct-mapped form, as {@code WindowsHttpApi} binds httpapi.dll. */
    static final class Direct {
        static {
            Native.register(Direct.class, NativeLibrary.getInstance(LIBC));
        }

        static native int abs(long requestQueueHandle, long requestId, int flags, long requestBuffer,
                              int requestBufferLength, long bytesReturned, long overlapped);

        private Direct() {
        }
    }

    private long handle = -7;
    private long address = 4096;

    @Benchmark
    public int jnaDirect() {
        return Direct.abs(handle, 0, 1, address, 4096, 0, address);
    }

    @Benchmark
    public int foreign() throws Throwable {
        return (int) FOREIGN.invokeExact(handle, 0L, 1, address, 4096, 0L, address);
    }

    @Benchmark
    public int foreignCritical() throws Throwable {
        return (int) FOREIGN_CRITICAL.invokeExact(handle, 0L, 1, address, 4096, 0L, address);
    }
}
