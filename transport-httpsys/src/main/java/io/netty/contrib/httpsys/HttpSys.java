package io.netty.contrib.httpsys;

import io.netty.contrib.httpsys.nativeapi.HttpSysBackend;
import io.netty.contrib.httpsys.nativeapi.windows.WindowsHttpSys;

/**
 * Tells whether the Windows kernel's HTTP.SYS can be used, like {@code io.netty.channel.epoll.Epoll} does for
 * epoll, and which backend this JVM will actually run the transport on.
 *
 * <p>{@link #isAvailable()}, {@link #ensureAvailability()} and {@link #unavailabilityCause()} speak of the
 * <em>native</em> backend only: {@code httpapi.dll} on Windows x64, initialized with
 * {@code HttpInitialize(HTTPAPI_VERSION_2, ...)}. They say {@code false} on every other OS.
 *
 * <p>The transport still runs there: on the user-mode HTTP.SYS emulator, which implements the same native
 * interfaces over loopback sockets and writes and reads the same {@code HTTP_REQUEST_V2} /
 * {@code HTTP_RESPONSE_V2} structures in native memory, so applications and the transport itself can be
 * developed and tested off Windows. The emulator is for development and tests, not production: it reproduces
 * HTTP.SYS's behaviour, not its performance. {@link #isEmulated()} and {@link #backendName()} tell
 * which backend is in use; the system property {@value HttpSysBackend#BACKEND_PROPERTY} chooses it:
 * {@code auto} (the default: native on Windows, the emulator elsewhere), {@code native} (fail unless
 * HTTP.SYS is available) or {@code emulator}.
 */
public final class HttpSys {

    private HttpSys() {
    }

    /** Whether the native HTTP.SYS backend ({@code httpapi.dll}) is available in this JVM. */
    public static boolean isAvailable() {
        return WindowsHttpSys.isAvailable();
    }

    /**
     * Throws {@link UnsatisfiedLinkError}, caused by {@link #unavailabilityCause()}, unless the native HTTP.SYS
     * backend is available.
     */
    public static void ensureAvailability() {
        WindowsHttpSys.ensureAvailability();
    }

    /** Why the native HTTP.SYS backend is unavailable, or {@code null} when it is available. */
    public static Throwable unavailabilityCause() {
        return WindowsHttpSys.unavailabilityCause();
    }

    /**
     * Whether this JVM runs the transport on the user-mode emulator rather than the kernel. Selects the backend
     * on first use and throws an {@link Error} if the selected backend cannot start (for example
     * {@code -D}{@value HttpSysBackend#BACKEND_PROPERTY}{@code =native} where {@link #isAvailable()} is
     * {@code false}: the cause is the {@link UnsatisfiedLinkError} of {@link #ensureAvailability()}).
     */
    public static boolean isEmulated() {
        return HttpSysBackend.current().isEmulated();
    }

    /** {@code "native"} or {@code "emulator"}: the backend this JVM runs the transport on. */
    public static String backendName() {
        return HttpSysBackend.current().name();
    }
}
