package io.netty.contrib.httpsys.perf.jmh;

import com.sun.jna.Library;
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

import java.util.concurrent.TimeUnit;

/**
 * What one native call costs in Java through JNA: direct mapping ({@code Native.register}) against interface
 * mapping ({@code Native.load}). httpapi.dll is absent off Windows, so both call the C library's {@code memcmp}
 * declared with the shape of {@code HttpReceiveHttpRequest} — {@code (long, long, int, long, int, long, long)
 * -> int}. {@code memcmp} reads only its first three arguments and compares zero bytes; the extra arguments are
 * passed and ignored, which the x64 calling conventions (caller cleans up) make safe on Linux and Windows.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class JnaCallBenchmark {

    private static final String LIBC = Platform.isWindows() ? "msvcrt" : "c";

    /** The interface-mapped form. */
    public interface CLibrary extends Library {
        int memcmp(long s1, long s2, long n, int flags, long buffer, int length, long overlapped);
    }

    /** The direct-mapped form. */
    static final class Direct {
        static {
            Native.register(Direct.class, NativeLibrary.getInstance(LIBC));
        }

        static native int memcmp(long s1, long s2, long n, int flags, long buffer, int length, long overlapped);

        private Direct() {
        }
    }

    private final CLibrary library = Native.load(LIBC, CLibrary.class);
    private long address = 4096;

    @Benchmark
    public int directMapped() {
        return Direct.memcmp(address, address, 0, 1, address, 4096, 0);
    }

    @Benchmark
    public int interfaceMapped() {
        return library.memcmp(address, address, 0, 1, address, 4096, 0);
    }
}
