package io.netty.contrib.httpsys.nativeapi.windows;

import io.netty.contrib.httpsys.nativeapi.HttpApi;
import io.netty.contrib.httpsys.nativeapi.IoCompletion;
import io.netty.util.internal.SystemPropertyUtil;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Locale;

/**
 * Which binding of {@code httpapi.dll} and {@code kernel32.dll} the native backend uses: {@code java.lang.foreign}
 * ({@code ForeignHttpApi}, {@code ForeignIoCompletion}: a downcall costs a fraction of a JNI call) on JDK 22 and
 * later, JNA direct mapping ({@link WindowsHttpApi}, {@link WindowsIoCompletion}) on JDK 17 to 21.
 *
 * <p>The FFM classes are compiled with {@code --release 22} into the jar's {@code META-INF/versions/22} (a
 * multi-release jar), so this class, compiled for 17, reaches them by name and only on JDK 22 or later. The
 * system property {@value #BINDING_PROPERTY} chooses: {@code auto} (the default: FFM where the JDK and the jar
 * have it, else JNA), {@code jna}, or {@code ffm} (fail unless FFM links).
 */
final class WindowsBinding {

    /** The system property that selects the binding. */
    static final String BINDING_PROPERTY = "io.netty.contrib.httpsys.binding";

    static final String JNA = "jna";
    static final String FFM = "ffm";

    private static final int FFM_FEATURE_RELEASE = 22;
    private static final String FOREIGN_HTTP_API = "io.netty.contrib.httpsys.nativeapi.windows.ForeignHttpApi";
    private static final String FOREIGN_IO_COMPLETION =
            "io.netty.contrib.httpsys.nativeapi.windows.ForeignIoCompletion";

    private final String name;
    private final HttpApi httpApi;
    private final IoCompletion ioCompletion;

    private WindowsBinding(String name, HttpApi httpApi, IoCompletion ioCompletion) {
        this.name = name;
        this.httpApi = httpApi;
        this.ioCompletion = ioCompletion;
    }

    /**
     * Links the binding {@value #BINDING_PROPERTY} selects.
     *
     * @throws LinkageError when a DLL or a required function is missing, or {@code ffm} was asked for where it
     *         cannot run
     */
    static WindowsBinding load() {
        String choice = SystemPropertyUtil.get(BINDING_PROPERTY, "auto").trim().toLowerCase(Locale.ROOT);
        switch (choice) {
            case JNA:
                return jna();
            case FFM:
                return foreign();
            case "auto":
                return isForeignAvailable() ? foreign() : jna();
            default:
                throw new IllegalArgumentException("-D" + BINDING_PROPERTY + "=" + choice
                        + " is not a binding: use auto, jna or ffm");
        }
    }

    /** Whether this JDK has {@code java.lang.foreign} (22+) and the FFM classes are on the class path. */
    static boolean isForeignAvailable() {
        return Runtime.version().feature() >= FFM_FEATURE_RELEASE
                && WindowsBinding.class.getClassLoader().getResource(
                        FOREIGN_HTTP_API.replace('.', '/') + ".class") != null;
    }

    private static WindowsBinding jna() {
        return new WindowsBinding(JNA, WindowsHttpApi.load(), WindowsIoCompletion.load());
    }

    private static WindowsBinding foreign() {
        if (Runtime.version().feature() < FFM_FEATURE_RELEASE) {
            throw new UnsupportedOperationException("-D" + BINDING_PROPERTY + "=ffm needs JDK "
                    + FFM_FEATURE_RELEASE + " or later (this is " + Runtime.version() + ")");
        }
        return new WindowsBinding(FFM, (HttpApi) loadForeign(FOREIGN_HTTP_API, HttpApi.class),
                (IoCompletion) loadForeign(FOREIGN_IO_COMPLETION, IoCompletion.class));
    }

    private static Object loadForeign(String className, Class<?> type) {
        try {
            Class<?> binding = Class.forName(className, true, WindowsBinding.class.getClassLoader());
            return MethodHandles.lookup().findStatic(binding, "load", MethodType.methodType(type)).invoke();
        } catch (ClassNotFoundException e) {
            throw (NoClassDefFoundError) new NoClassDefFoundError(className + " is not on the class path: the "
                    + "FFM binding is in the jar's META-INF/versions/22, built only by a JDK 22+ build")
                    .initCause(e);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** {@code "jna"} or {@code "ffm"}. */
    String name() {
        return name;
    }

    HttpApi httpApi() {
        return httpApi;
    }

    IoCompletion ioCompletion() {
        return ioCompletion;
    }
}
