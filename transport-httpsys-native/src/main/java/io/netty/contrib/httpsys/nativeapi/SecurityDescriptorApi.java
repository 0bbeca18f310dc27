package io.netty.contrib.httpsys.nativeapi;

import io.netty.contrib.httpsys.nativeapi.emulator.EmulatedSecurityDescriptorApi;
import io.netty.contrib.httpsys.nativeapi.windows.WindowsSecurityDescriptorApi;
import io.netty.util.internal.PlatformDependent;

/**
 * The {@code advapi32.dll} function that turns a security descriptor string (SDDL, such as
 * {@code D:(A;;GA;;;WD)}) into the binary descriptor {@code SECURITY_ATTRIBUTES} points to, and
 * {@code kernel32.dll}'s {@code LocalFree} that releases it: what a server needs to say who may open its named
 * request queue ({@code HttpCreateRequestQueue}'s {@code SecurityAttributes}).
 *
 * <p>Mapped like {@link IoCompletion}: pointers are {@code long} addresses, {@code DWORD} is {@code int}; failure
 * is {@code false} with the reason in {@link #GetLastError()}, read right after the failed call on the same thread.
 */
public interface SecurityDescriptorApi {

    /**
     * The functions that go with {@link HttpSysBackend#current()}: Windows' own when the backend is the kernel, the
     * emulator's otherwise (the emulator, or a backend a test installed).
     */
    static SecurityDescriptorApi current() {
        return PlatformDependent.isWindows() && "native".equals(HttpSysBackend.current().name())
                ? WindowsSecurityDescriptorApi.get() : EmulatedSecurityDescriptorApi.get();
    }

    /**
     * {@code ConvertStringSecurityDescriptorToSecurityDescriptorW(LPCWSTR StringSecurityDescriptor,
     * DWORD StringSDRevision, PSECURITY_DESCRIPTOR *SecurityDescriptor, PULONG SecurityDescriptorSize)}:
     * {@code *securityDescriptorOut} receives a self-relative descriptor that the caller frees with
     * {@link #LocalFree}; {@code securityDescriptorSizeOut} may be {@code 0}. {@code revision} is
     * {@link Sddl#SDDL_REVISION_1}.
     */
    boolean ConvertStringSecurityDescriptorToSecurityDescriptorW(String stringSecurityDescriptor, int revision,
                                                                 long securityDescriptorOut,
                                                                 long securityDescriptorSizeOut);

    /** {@code LocalFree(HLOCAL)}: {@code 0} on success, else the memory it was given. */
    long LocalFree(long memory);

    /** {@code GetLastError()}: the calling thread's last error, set by the failed call before it. */
    int GetLastError();
}
