package io.netty.contrib.httpsys.nativeapi.windows;

import io.netty.contrib.httpsys.nativeapi.TokenApi;

/**
 * {@link TokenApi} bound to the real {@code advapi32.dll} and {@code kernel32.dll} through JNA direct mapping,
 * on every JDK: these calls run only when an application asks who a request's user is, so the FFM binding's
 * lower call cost buys nothing here. Registered on first use, so a server without authentication never loads
 * {@code advapi32.dll} through JNA.
 *
 * <p>{@code LocalFree} and the last error: as {@code Advapi32Binding} explains.
 */
public final class WindowsTokenApi extends Advapi32Binding implements TokenApi {

    private WindowsTokenApi() {
    }

    /**
     * The binding, registered on first call.
     *
     * @throws UnsatisfiedLinkError when a DLL or one of the functions is missing (off Windows, always)
     */
    public static TokenApi get() {
        return Holder.INSTANCE;
    }

    @Override
    public boolean GetTokenInformation(long tokenHandle, int tokenInformationClass, long tokenInformation,
                                       int tokenInformationLength, long returnLength) {
        return Advapi32.GetTokenInformation(tokenHandle, tokenInformationClass, tokenInformation,
                tokenInformationLength, returnLength) != 0;
    }

    @Override
    public boolean LookupAccountSidW(long systemName, long sid, long name, long nameLength,
                                     long referencedDomainName, long referencedDomainNameLength, long use) {
        return Advapi32.LookupAccountSidW(systemName, sid, name, nameLength, referencedDomainName,
                referencedDomainNameLength, use) != 0;
    }

    @Override
    public boolean ConvertSidToStringSidW(long sid, long stringSidOut) {
        return Advapi32.ConvertSidToStringSidW(sid, stringSidOut) != 0;
    }

    private static final class Holder {
        static final WindowsTokenApi INSTANCE = load();

        private static WindowsTokenApi load() {
            register(Advapi32.class);
            return new WindowsTokenApi();
        }
    }

    /** The {@code advapi32.dll} exports; pointers and handles as {@code long}, {@code BOOL} as {@code int}. */
    private static final class Advapi32 {
        private Advapi32() {
        }

        /** {@code BOOL GetTokenInformation(HANDLE, TOKEN_INFORMATION_CLASS, LPVOID, DWORD, PDWORD)}. */
        static native int GetTokenInformation(long tokenHandle, int tokenInformationClass, long tokenInformation,
                                              int tokenInformationLength, long returnLength);

        /** {@code BOOL LookupAccountSidW(LPCWSTR, PSID, LPWSTR, LPDWORD, LPWSTR, LPDWORD, PSID_NAME_USE)}. */
        static native int LookupAccountSidW(long systemName, long sid, long name, long nameLength,
                                            long referencedDomainName, long referencedDomainNameLength, long use);

        /** {@code BOOL ConvertSidToStringSidW(PSID, LPWSTR *)}. */
        static native int ConvertSidToStringSidW(long sid, long stringSidOut);
    }
}
