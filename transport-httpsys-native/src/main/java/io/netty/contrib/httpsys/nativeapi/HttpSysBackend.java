package io.netty.contrib.httpsys.nativeapi;

import io.netty.contrib.httpsys.nativeapi.emulator.Emulator;
import io.netty.contrib.httpsys.nativeapi.windows.WindowsHttpSys;
import io.netty.contrib.httpsys.nativeapi.windows.WindowsTokenApi;
import io.netty.util.internal.PlatformDependent;
import io.netty.util.internal.SystemPropertyUtil;
import io.netty.util.internal.logging.InternalLogger;
import io.netty.util.internal.logging.InternalLoggerFactory;

import java.util.Locale;

/**
 * The pair of {@link HttpApi} and {@link IoCompletion} this JVM talks to: the real {@code httpapi.dll} and
 * {@code kernel32.dll} on Windows, or the user-mode emulator elsewhere.
 *
 * <p>Chosen once by the system property {@value #BACKEND_PROPERTY}: {@code native} (fail unless the real
 * DLL loads), {@code emulator} (always the emulator), or {@code auto} (the default: native on Windows, the
 * emulator elsewhere, with one WARN line saying so).
 */
public final class HttpSysBackend {

    /** The system property that selects the backend. */
    public static final String BACKEND_PROPERTY = "io.netty.contrib.httpsys.backend";

    private static final InternalLogger logger = InternalLoggerFactory.getInstance(HttpSysBackend.class);

    private static volatile HttpSysBackend current;

    private final String name;
    private final HttpApi httpApi;
    private final IoCompletion ioCompletion;

    private HttpSysBackend(String name, HttpApi httpApi, IoCompletion ioCompletion) {
        this.name = name;
        this.httpApi = httpApi;
        this.ioCompletion = ioCompletion;
    }

    /** The backend selected for this JVM, chosen on first use unless {@link #install} chose it before. */
    public static HttpSysBackend current() {
        HttpSysBackend backend = current;
        if (backend == null) {
            synchronized (HttpSysBackend.class) {
                backend = current;
                if (backend == null) {
                    backend = select();
                    current = backend;
                }
            }
        }
        return backend;
    }

    /**
     * Makes this JVM use the given functions instead of the kernel or the emulator: for benchmarks and tests that
     * put a kernel of their own (a null kernel, a fault injector) under the transport. Must be called before
     * anything has asked for {@link #current()}, because event loops and channels keep the functions they got.
     *
     * @throws IllegalStateException when the backend of this JVM was already chosen
     */
    public static synchronized void install(String name, HttpApi httpApi, IoCompletion ioCompletion) {
        if (current != null) {
            throw new IllegalStateException("the HTTP.SYS backend of this JVM is already chosen (" + current.name
                    + "): install a backend of your own before any transport object exists");
        }
        current = new HttpSysBackend(name, httpApi, ioCompletion);
    }

    /** {@code "native"}, {@code "emulator"}, or the name given to {@link #install}. */
    public String name() {
        return name;
    }

    /** Whether this is the user-mode emulator rather than the Windows kernel. */
    public boolean isEmulated() {
        return "emulator".equals(name);
    }

    /** The HTTP Server API functions. */
    public HttpApi httpApi() {
        return httpApi;
    }

    /** The I/O completion port functions; they share one handle space with {@link #httpApi()}. */
    public IoCompletion ioCompletion() {
        return ioCompletion;
    }

    /**
     * The token functions of this backend, for the access tokens of authenticated requests: {@code advapi32.dll}
     * (bound on this first call) for {@code native}, the emulator's for {@code emulator}.
     *
     * @throws UnsupportedOperationException for a backend given to {@link #install}, which issues no tokens
     */
    public TokenApi tokenApi() {
        switch (name) {
            case "native":
                return WindowsTokenApi.get();
            case "emulator":
                return Emulator.get().tokenApi();
            default:
                throw new UnsupportedOperationException("the installed HTTP.SYS backend " + name
                        + " has no access token functions");
        }
    }

    private static HttpSysBackend select() {
        String choice = SystemPropertyUtil.get(BACKEND_PROPERTY, "auto").trim().toLowerCase(Locale.ROOT);
        switch (choice) {
            case "native":
                return nativeBackend();
            case "emulator":
                return emulatorBackend();
            case "auto":
                if (PlatformDependent.isWindows()) {
                    return nativeBackend();
                }
                logger.warn("HTTP.SYS exists only on Windows: running on the user-mode HTTP.SYS emulator "
                        + "(set -D{}=native on Windows to require the kernel)", BACKEND_PROPERTY);
                return emulatorBackend();
            default:
                throw new IllegalStateException("-D" + BACKEND_PROPERTY + "=" + choice
                        + " is not a backend: use auto, native or emulator");
        }
    }

    private static HttpSysBackend nativeBackend() {
        WindowsHttpSys.ensureAvailability();
        return new HttpSysBackend("native", WindowsHttpSys.httpApi(), WindowsHttpSys.ioCompletion());
    }

    private static HttpSysBackend emulatorBackend() {
        Emulator emulator = Emulator.get();
        return new HttpSysBackend("emulator", emulator.httpApi(), emulator.ioCompletion());
    }
}
