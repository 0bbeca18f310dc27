package io.netty.contrib.httpsys.nativeapi.windows;

import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.NativeMemory;
import io.netty.contrib.httpsys.nativeapi.Sddl;
import io.netty.contrib.httpsys.nativeapi.SecurityDescriptorApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The advapi32 binding converts SDDL as Windows does, and its descriptors go back with {@code LocalFree}. */
@EnabledOnOs(value = OS.WINDOWS, architectures = "amd64")
class WindowsSecurityDescriptorApiTest {

    private final SecurityDescriptorApi api = WindowsSecurityDescriptorApi.get();

    @Test
    void aDescriptorStringConvertsAndIsFreed() {
        long out = NativeMemory.allocate(Long.BYTES + Integer.BYTES);
        try {
            assertTrue(api.ConvertStringSecurityDescriptorToSecurityDescriptorW("D:(A;;GA;;;OW)(A;;GA;;;WD)",
                    Sddl.SDDL_REVISION_1, out, out + Long.BYTES), "error " + api.GetLastError());
            long descriptor = NativeAccess.getLong(out);
            assertNotEquals(0, descriptor);
            // A self-relative SECURITY_DESCRIPTOR: 20 bytes of header and the ACL behind it.
            assertTrue(NativeAccess.getInt(out + Long.BYTES) > 20);
            assertEquals(0, api.LocalFree(descriptor));
        } finally {
            NativeMemory.free(out, Long.BYTES + Integer.BYTES);
        }
    }

    @Test
    void aStringThatIsNotSddlFailsWithAnError() {
        long out = NativeMemory.allocate(Long.BYTES);
        try {
            assertFalse(api.ConvertStringSecurityDescriptorToSecurityDescriptorW("everyone may attach",
                    Sddl.SDDL_REVISION_1, out, 0));
            assertNotEquals(0, api.GetLastError());
        } finally {
            NativeMemory.free(out, Long.BYTES);
        }
    }
}
