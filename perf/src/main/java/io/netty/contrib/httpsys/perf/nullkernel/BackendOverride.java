package io.netty.contrib.httpsys.perf.nullkernel;

import io.netty.contrib.httpsys.nativeapi.HttpApi;
import io.netty.contrib.httpsys.nativeapi.HttpSysBackend;
import io.netty.contrib.httpsys.nativeapi.IoCompletion;
import sun.misc.Unsafe;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;

/**
 * Makes {@link HttpSysBackend#current()} return a {@link NullKernel} for the rest of this JVM. HttpSysBackend
 * has no public way to supply other functions (its choice is native or emulator), so this replaces its
 * holder's value reflectively; it must run before any transport object exists, which is why the benchmark
 * calls it first thing in its forked JVM. A public seam in HttpSysBackend (for example a backend built from a
 * given HttpApi and IoCompletion) would replace this class.
 */
public final class BackendOverride {

    private BackendOverride() {
    }

    /** Installs {@code kernel} as the backend of this JVM. */
    public static void install(NullKernel kernel) {
        try {
            Constructor<HttpSysBackend> constructor = HttpSysBackend.class.getDeclaredConstructor(String.class,
                    HttpApi.class, IoCompletion.class);
            constructor.setAccessible(true);
            HttpSysBackend backend = constructor.newInstance("null-kernel", kernel, kernel);
            Class<?> holder = Class.forName(HttpSysBackend.class.getName() + "$Holder");
            Field current = holder.getDeclaredField("CURRENT");
            Field theUnsafe = Unsafe.class.getDeclaredField("theUnsafe");
            theUnsafe.setAccessible(true);
            Unsafe unsafe = (Unsafe) theUnsafe.get(null);
            unsafe.ensureClassInitialized(holder);
            unsafe.putObjectVolatile(unsafe.staticFieldBase(current), unsafe.staticFieldOffset(current), backend);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("HttpSysBackend changed shape; cannot install the null kernel", e);
        }
        if (HttpSysBackend.current().httpApi() != kernel) {
            throw new IllegalStateException("the null kernel did not take effect");
        }
    }
}
