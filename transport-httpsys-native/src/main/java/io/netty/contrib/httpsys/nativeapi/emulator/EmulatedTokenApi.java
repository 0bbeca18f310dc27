package io.netty.contrib.httpsys.nativeapi.emulator;

import com.sun.jna.Native;
import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.TokenApi;
import io.netty.contrib.httpsys.nativeapi.WinError;
import io.netty.contrib.httpsys.nativeapi.WinNt;
import io.netty.contrib.httpsys.nativeapi.struct.SidAndAttributes;
import io.netty.contrib.httpsys.nativeapi.struct.TokenUser;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The emulated {@code advapi32.dll} token functions: they answer for the {@link EmulatedAccessToken}s the kernel
 * issued with authenticated requests, write the same {@code TOKEN_USER} and binary SID Windows writes, and look
 * SIDs up among the {@link EmulatedAccounts}. Strings from {@code ConvertSidToStringSidW} are native memory that
 * {@code LocalFree} frees; failures set the calling thread's last error.
 */
final class EmulatedTokenApi implements TokenApi {

    /** {@code SidTypeUser} of {@code SID_NAME_USE}. */
    private static final int SID_TYPE_USER = 1;
    private static final ThreadLocal<int[]> LAST_ERROR = ThreadLocal.withInitial(() -> new int[1]);

    private final Kernel kernel;
    private final Map<Long, Long> localAllocations = new ConcurrentHashMap<>();

    EmulatedTokenApi(Kernel kernel) {
        this.kernel = kernel;
    }

    private static boolean fail(int error) {
        LAST_ERROR.get()[0] = error;
        return false;
    }

    @Override
    public boolean GetTokenInformation(long tokenHandle, int tokenInformationClass, long tokenInformation,
                                       int tokenInformationLength, long returnLength) {
        EmulatedAccessToken token = kernel.handles().get(tokenHandle, EmulatedAccessToken.class);
        if (token == null) {
            return fail(WinError.ERROR_INVALID_HANDLE);
        }
        if (tokenInformationClass != WinNt.TokenUser || returnLength == 0) {
            return fail(WinError.ERROR_INVALID_PARAMETER);
        }
        int required = TokenUser.SIZE + token.account.sidLength();
        NativeAccess.putInt(returnLength, required);
        if (tokenInformation == 0 || tokenInformationLength < required) {
            return fail(WinError.ERROR_INSUFFICIENT_BUFFER);
        }
        long sid = tokenInformation + TokenUser.SIZE;
        token.account.writeSid(sid);
        SidAndAttributes.setSid(TokenUser.user(tokenInformation), sid);
        SidAndAttributes.setAttributes(TokenUser.user(tokenInformation), 0);
        return true;
    }

    @Override
    public boolean LookupAccountSidW(long systemName, long sid, long name, long nameLength,
                                     long referencedDomainName, long referencedDomainNameLength, long use) {
        String sidString = EmulatedAccount.sidString(sid);
        if (systemName != 0 || sidString == null || nameLength == 0 || referencedDomainNameLength == 0) {
            return fail(WinError.ERROR_INVALID_PARAMETER);
        }
        EmulatedAccount account = kernel.accounts().bySid(sidString);
        if (account == null) {
            return fail(WinError.ERROR_NONE_MAPPED);
        }
        int nameCapacity = NativeAccess.getInt(nameLength);
        int domainCapacity = NativeAccess.getInt(referencedDomainNameLength);
        if (name == 0 || nameCapacity <= account.user.length()
                || referencedDomainName == 0 || domainCapacity <= account.domain.length()) {
            // The sizes needed, with the NUL, as LookupAccountSidW reports them.
            NativeAccess.putInt(nameLength, account.user.length() + 1);
            NativeAccess.putInt(referencedDomainNameLength, account.domain.length() + 1);
            return fail(WinError.ERROR_INSUFFICIENT_BUFFER);
        }
        NativeAccess.putInt(nameLength, putWide(name, account.user));
        NativeAccess.putInt(referencedDomainNameLength, putWide(referencedDomainName, account.domain));
        if (use != 0) {
            NativeAccess.putInt(use, SID_TYPE_USER);
        }
        return true;
    }

    @Override
    public boolean ConvertSidToStringSidW(long sid, long stringSidOut) {
        String sidString = EmulatedAccount.sidString(sid);
        if (sidString == null || stringSidOut == 0) {
            return fail(WinError.ERROR_INVALID_PARAMETER);
        }
        long size = 2L * (sidString.length() + 1);
        long memory = Native.malloc(size);
        localAllocations.put(memory, size);
        putWide(memory, sidString);
        NativeAccess.putLong(stringSidOut, memory);
        return true;
    }

    @Override
    public long LocalFree(long memory) {
        if (memory == 0) {
            return 0;
        }
        if (localAllocations.remove(memory) == null) {
            LAST_ERROR.get()[0] = WinError.ERROR_INVALID_HANDLE;
            return memory;
        }
        Native.free(memory);
        return 0;
    }

    @Override
    public int GetLastError() {
        return LAST_ERROR.get()[0];
    }

    /** Writes {@code text} as UTF-16LE with a NUL; returns its length in characters without the NUL. */
    private static int putWide(long address, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_16LE);
        NativeAccess.copyMemory(bytes, 0, address, bytes.length);
        NativeAccess.putShort(address + bytes.length, (short) 0);
        return text.length();
    }
}
