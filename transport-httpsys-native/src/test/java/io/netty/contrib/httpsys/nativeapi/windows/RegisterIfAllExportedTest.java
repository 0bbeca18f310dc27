package io.netty.contrib.httpsys.nativeapi.windows;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The optional-export probe of {@link WindowsHttpApi}, exercised against the C library so that it runs where
 * there is no {@code httpapi.dll}: the same JNA code paths decide whether a Windows too old for
 * {@code HttpDelegateRequestEx} loads cleanly.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class RegisterIfAllExportedTest {

    private static final NativeLibrary LIBC = NativeLibrary.getInstance(Platform.C_LIBRARY_NAME);

    @Test
    void registersAClassWhoseFunctionsAllExist() {
        assertTrue(WindowsHttpApi.registerIfAllExported(AllExported.class, LIBC));
        assertEquals(ProcessHandle.current().pid(), AllExported.getpid());
    }

    @Test
    void skipsAClassWithAMissingFunctionWithoutThrowingOrRegisteringAnyOfIt() {
        assertFalse(WindowsHttpApi.registerIfAllExported(OneMissing.class, LIBC));
        // Not even the present function was bound: calling it fails like any unregistered native method.
        assertThrows(UnsatisfiedLinkError.class, OneMissing::getppid);
    }

    @Test
    void jnaRegisterItselfThrowsOnAMissingFunction() {
        // The JNA behaviour the probe exists for: one missing symbol fails the whole Native.register call.
        assertThrows(UnsatisfiedLinkError.class, () -> Native.register(Unprobed.class, LIBC));
    }

    private static final class AllExported {
        static native int getpid();
    }

    private static final class OneMissing {
        static native int getppid();

        static native int netty_httpsys_no_such_export();
    }

    private static final class Unprobed {
        static native int netty_httpsys_no_such_export_either();
    }
}
