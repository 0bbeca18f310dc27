package io.netty.contrib.httpsys.nativeapi.windows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WindowsHttpSysTest {

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void unavailableOffWindowsWithoutTryingToLoadTheDll() {
        assertFalse(WindowsHttpSys.isAvailable());
        Throwable cause = WindowsHttpSys.unavailabilityCause();
        // The platform check's own exception, not JNA's "Unable to load library 'httpapi'": nothing was loaded.
        assertInstanceOf(UnsupportedOperationException.class, cause);
        assertEquals("HTTP.SYS exists only on Windows (os.name=" + System.getProperty("os.name") + ")",
                cause.getMessage());
        assertNull(cause.getCause());
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void ensureAvailabilityThrowsUnsatisfiedLinkErrorWithTheCause() {
        UnsatisfiedLinkError error = assertThrows(UnsatisfiedLinkError.class, WindowsHttpSys::ensureAvailability);
        assertSame(WindowsHttpSys.unavailabilityCause(), error.getCause());
        assertTrue(error.getMessage().contains("only on Windows"), error.getMessage());
        assertThrows(UnsatisfiedLinkError.class, WindowsHttpSys::httpApi);
        assertThrows(UnsatisfiedLinkError.class, WindowsHttpSys::ioCompletion);
    }

    @Test
    void platformCheckAcceptsOnlyWindowsX64() {
        assertNull(WindowsHttpSys.platformMismatch("Windows Server 2022", "x86_64"));
        assertNull(WindowsHttpSys.platformMismatch("Windows 11", "x86_64"));
        assertTrue(WindowsHttpSys.platformMismatch("Linux", "x86_64").getMessage()
                .contains("HTTP.SYS exists only on Windows (os.name=Linux)"));
        assertTrue(WindowsHttpSys.platformMismatch("Mac OS X", "aarch_64").getMessage().contains("only on Windows"));
        assertTrue(WindowsHttpSys.platformMismatch("Darwin", "x86_64").getMessage().contains("only on Windows"));
        assertTrue(WindowsHttpSys.platformMismatch("Windows 11", "aarch_64").getMessage()
                .contains("only x64 Windows"));
        assertTrue(WindowsHttpSys.platformMismatch("Windows 10", "x86_32").getMessage()
                .contains("os.arch=x86_32"));
    }
}
