package io.netty.contrib.httpsys.nativeapi.windows;

import io.netty.contrib.httpsys.nativeapi.Http;
import io.netty.contrib.httpsys.nativeapi.HttpApi;
import io.netty.contrib.httpsys.nativeapi.HttpSysException;
import io.netty.contrib.httpsys.nativeapi.IoCompletion;
import io.netty.util.internal.PlatformDependent;
import io.netty.util.internal.SystemPropertyUtil;

import java.util.Locale;

/**
 * The native backend's availability, decided once per JVM like Netty's {@code Epoll}: on Windows x64 it binds
 * {@code httpapi.dll} and {@code kernel32.dll} (through {@link WindowsBinding}: FFM on JDK 22+, else JNA) and calls
 * {@code HttpInitialize(HTTPAPI_VERSION_2, HTTP_INITIALIZE_SERVER | HTTP_INITIALIZE_CONFIG, NULL)}; anywhere
 * else it records why not, without touching JNA.
 *
 * <p>{@code HttpInitialize} is reference counted per process; the JVM keeps its one reference for its lifetime
 * (there is no safe moment to call {@code HttpTerminate} while any server of this JVM might still run), and
 * process exit releases it.
 *
 * <p>x64 only: the struct layouts of the transport are checked against x64 ABI data, and nothing checks them
 * for ARM64 or x86.
 */
public final class WindowsHttpSys {

    private static final HttpApi HTTP_API;
    private static final IoCompletion IO_COMPLETION;
    private static final String BINDING;
    private static final Throwable UNAVAILABILITY_CAUSE;

    static {
        HttpApi httpApi = null;
        IoCompletion ioCompletion = null;
        String bindingName = null;
        Throwable cause = platformMismatch(SystemPropertyUtil.get("os.name", ""), PlatformDependent.normalizedArch());
        if (cause == null) {
            try {
                WindowsBinding binding = WindowsBinding.load();
                HttpSysException.check(binding.httpApi().HttpInitialize(Http.HTTPAPI_VERSION_2,
                        Http.HTTP_INITIALIZE_SERVER | Http.HTTP_INITIALIZE_CONFIG, 0), "HttpInitialize");
                httpApi = binding.httpApi();
                ioCompletion = binding.ioCompletion();
                bindingName = binding.name();
            } catch (Exception | LinkageError e) {
                cause = e;
            }
        }
        HTTP_API = httpApi;
        IO_COMPLETION = ioCompletion;
        BINDING = bindingName;
        UNAVAILABILITY_CAUSE = cause;
    }

    private WindowsHttpSys() {
    }

    /**
     * Why the native backend cannot run on {@code osName} / {@code normalizedArch} (Netty's
     * {@link PlatformDependent#normalizedArch()} spelling), or {@code null} when it may try.
     */
    static Throwable platformMismatch(String osName, String normalizedArch) {
        if (!osName.toLowerCase(Locale.ROOT).startsWith("windows")) {
            return new UnsupportedOperationException("HTTP.SYS exists only on Windows (os.name=" + osName + ")");
        }
        if (!"x86_64".equals(normalizedArch)) {
            return new UnsupportedOperationException("the HTTP.SYS binding supports only x64 Windows, whose struct "
                    + "layouts it was verified against (os.arch=" + normalizedArch + ")");
        }
        return null;
    }

    /**
     * Throws {@link UnsatisfiedLinkError}, caused by {@link #unavailabilityCause()}, unless the native backend
     * is available.
     */
    public static void ensureAvailability() {
        if (UNAVAILABILITY_CAUSE != null) {
            throw (UnsatisfiedLinkError) new UnsatisfiedLinkError(
                    "failed to load the HTTP.SYS binding (httpapi.dll): " + UNAVAILABILITY_CAUSE.getMessage())
                    .initCause(UNAVAILABILITY_CAUSE);
        }
    }

    /** Whether {@code httpapi.dll} is bound and initialized. */
    public static boolean isAvailable() {
        return UNAVAILABILITY_CAUSE == null;
    }

    /**
     * How the DLLs are bound: {@code "ffm"} ({@code java.lang.foreign}, JDK 22 and later) or {@code "jna"}
     * (JDK 17 to 21, or {@code -Dio.netty.contrib.httpsys.binding=jna}); {@code null} when unavailable.
     */
    public static String binding() {
        return BINDING;
    }

    /** Why the native backend is unavailable, or {@code null} when it is available. */
    public static Throwable unavailabilityCause() {
        return UNAVAILABILITY_CAUSE;
    }

    /** The bound {@code httpapi.dll}; throws like {@link #ensureAvailability()} when unavailable. */
    public static HttpApi httpApi() {
        ensureAvailability();
        return HTTP_API;
    }

    /** The bound {@code kernel32.dll} completion port functions; throws like {@link #ensureAvailability()}. */
    public static IoCompletion ioCompletion() {
        ensureAvailability();
        return IO_COMPLETION;
    }
}
