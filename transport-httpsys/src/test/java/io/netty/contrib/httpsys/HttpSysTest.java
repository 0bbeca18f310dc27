package io.netty.contrib.httpsys;

import io.netty.contrib.httpsys.nativeapi.HttpSysBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class HttpSysTest {

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void nativeBackendIsUnavailableOffWindowsAndSaysWhy() {
        assertFalse(HttpSys.isAvailable());
        Throwable cause = HttpSys.unavailabilityCause();
        assertTrue(cause.getMessage().contains("HTTP.SYS exists only on Windows"), cause.getMessage());
        UnsatisfiedLinkError error = assertThrows(UnsatisfiedLinkError.class, HttpSys::ensureAvailability);
        assertSame(cause, error.getCause());
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void autoSelectsTheEmulatorOffWindows() {
        String choice = System.getProperty(HttpSysBackend.BACKEND_PROPERTY, "auto");
        assumeTrue(choice.isEmpty() || "auto".equals(choice), "backend forced to " + choice);
        assertTrue(HttpSys.isEmulated());
        assertEquals("emulator", HttpSys.backendName());
    }

    @Test
    @EnabledOnOs(OS.WINDOWS)
    void nativeBackendOnWindowsWhenRequired() {
        assumeTrue("native".equals(System.getProperty(HttpSysBackend.BACKEND_PROPERTY)), "backend not forced");
        assertTrue(HttpSys.isAvailable(), () -> String.valueOf(HttpSys.unavailabilityCause()));
        assertNull(HttpSys.unavailabilityCause());
        assertFalse(HttpSys.isEmulated());
        assertEquals("native", HttpSys.backendName());
    }
}
