package io.netty.contrib.httpsys.nativeapi.windows;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;

/**
 * What the advapi32 bindings (queue security, request authentication, account names) share: their exports are
 * registered from {@code advapi32.dll} together with {@code LocalFree} of {@code kernel32.dll}, which releases what
 * their conversions allocate ({@code ConvertStringSecurityDescriptorToSecurityDescriptorW},
 * {@code ConvertSidToStringSidW} and {@code ConvertStringSidToSidW} return {@code LocalAlloc} memory, as their
 * reference pages say), and the last error is JNA's per-thread copy, as {@link WindowsIoCompletion} explains.
 */
abstract class Advapi32Binding {

    private static boolean localFreeRegistered;

    /**
     * Registers a class's native methods from {@code advapi32.dll}, and {@code LocalFree} once.
     *
     * @throws UnsatisfiedLinkError when a DLL or one of the functions is missing (off Windows, always)
     */
    static synchronized void register(Class<?> advapi32Exports) {
        Native.register(advapi32Exports, NativeLibrary.getInstance("advapi32"));
        if (!localFreeRegistered) {
            Native.register(Kernel32.class, NativeLibrary.getInstance("kernel32"));
            localFreeRegistered = true;
        }
    }

    /** {@code HLOCAL LocalFree(HLOCAL)}: {@code 0} when freed; {@link #register} first. */
    static long free(long memory) {
        return Kernel32.LocalFree(memory);
    }

    /** {@code LocalFree} as {@code SecurityDescriptorApi} and {@code TokenApi} declare it. */
    public long LocalFree(long memory) {
        return free(memory);
    }

    /** The last error of this thread's last call through JNA. */
    public int GetLastError() {
        return Native.getLastError();
    }

    /** The {@code kernel32.dll} export; pointers as {@code long}. */
    private static final class Kernel32 {
        private Kernel32() {
        }

        static native long LocalFree(long memory);
    }
}
