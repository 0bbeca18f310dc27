package io.netty.contrib.httpsys.nativeapi.windows;

import com.sun.jna.WString;
import io.netty.contrib.httpsys.nativeapi.SecurityDescriptorApi;

/**
 * {@link SecurityDescriptorApi} bound to the real {@code advapi32.dll} and {@code kernel32.dll} through JNA direct
 * mapping, on every JDK: a server converts one descriptor when it binds, so the FFM binding's lower call cost buys
 * nothing here. Registered on first use, so a server that keeps HTTP.SYS's default queue security never loads it.
 *
 * <p>{@code LocalFree} and the last error: as {@code Advapi32Binding} explains.
 */
public final class WindowsSecurityDescriptorApi extends Advapi32Binding implements SecurityDescriptorApi {

    private WindowsSecurityDescriptorApi() {
    }

    /**
     * The binding, registered on first call.
     *
     * @throws UnsatisfiedLinkError when a DLL or one of the functions is missing (off Windows, always)
     */
    public static SecurityDescriptorApi get() {
        return Holder.INSTANCE;
    }

    @Override
    public boolean ConvertStringSecurityDescriptorToSecurityDescriptorW(String stringSecurityDescriptor,
                                                                        int revision, long securityDescriptorOut,
                                                                        long securityDescriptorSizeOut) {
        return Advapi32.ConvertStringSecurityDescriptorToSecurityDescriptorW(new WString(stringSecurityDescriptor),
                revision, securityDescriptorOut, securityDescriptorSizeOut) != 0;
    }

    private static final class Holder {
        static final WindowsSecurityDescriptorApi INSTANCE = load();

        private static WindowsSecurityDescriptorApi load() {
            register(Advapi32.class);
            return new WindowsSecurityDescriptorApi();
        }
    }

    /** The {@code advapi32.dll} export; pointers as {@code long}, {@code BOOL} as {@code int}. */
    private static final class Advapi32 {
        private Advapi32() {
        }

        /**
         * {@code BOOL ConvertStringSecurityDescriptorToSecurityDescriptorW(LPCWSTR, DWORD, PSECURITY_DESCRIPTOR*,
         * PULONG)}.
         */
        static native int ConvertStringSecurityDescriptorToSecurityDescriptorW(WString stringSecurityDescriptor,
                                                                               int revision,
                                                                               long securityDescriptorOut,
                                                                               long securityDescriptorSizeOut);
    }
}
