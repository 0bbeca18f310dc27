package io.netty.contrib.httpsys.nativeapi.windows;

import com.sun.jna.Native;
import com.sun.jna.WString;
import io.netty.contrib.httpsys.nativeapi.AccountNames;
import io.netty.contrib.httpsys.nativeapi.HttpSysException;
import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.NativeMemory;
import io.netty.contrib.httpsys.nativeapi.SidStrings;
import io.netty.contrib.httpsys.nativeapi.WinError;

/**
 * {@link AccountNames} bound to {@code advapi32.dll} through JNA direct mapping: {@code LookupAccountNameW} then
 * {@code ConvertSidToStringSidW} for a name (what {@code netsh http add urlacl user=} does before it writes the
 * SDDL), {@code ConvertStringSidToSidW} then {@code LookupAccountSidW} for the {@code User:} lines of a listing.
 * The strings the two conversions allocate are released with {@code LocalFree}, as their reference pages say.
 *
 * <p>These bindings are separate from the ones of request authentication and queue security (other classes bind
 * other advapi32 functions) so that each feature links only what it calls. Last error: as in
 * {@code WindowsIoCompletion}, JNA's direct dispatcher keeps the thread's last error ({@link Native#getLastError}).
 */
public final class WindowsAccountNames implements AccountNames {

    /** {@code SID_NAME_USE} is an enum: one {@code DWORD}. */
    private static final int DWORD = 4;
    /** A first guess for a name or domain, in UTF-16 code units; the functions say when it is too small. */
    private static final int NAME_CHARS = 256;
    /** {@code SECURITY_MAX_SID_SIZE} in {@code winnt.h}. */
    private static final int SECURITY_MAX_SID_SIZE = 68;

    private static volatile WindowsAccountNames instance;

    private WindowsAccountNames() {
    }

    /**
     * The binding, registered on first use.
     *
     * @throws UnsatisfiedLinkError off Windows, or when a function is missing
     */
    public static synchronized AccountNames load() {
        if (instance == null) {
            Advapi32Binding.register(Advapi32.class);
            instance = new WindowsAccountNames();
        }
        return instance;
    }

    @Override
    public String sddlSid(String accountName) throws HttpSysException {
        int sidSize = SECURITY_MAX_SID_SIZE;
        int domainChars = NAME_CHARS;
        while (true) {
            long sid = NativeMemory.allocate(sidSize);
            long domain = NativeMemory.allocate(2L * domainChars);
            long sizes = NativeMemory.allocate(3 * DWORD);
            int neededSid;
            int neededDomain;
            try {
                NativeAccess.putInt(sizes, sidSize);
                NativeAccess.putInt(sizes + DWORD, domainChars);
                if (Advapi32.LookupAccountNameW(0, new WString(accountName), sid, sizes, domain, sizes + DWORD,
                        sizes + 2 * DWORD) != 0) {
                    return SidStrings.alias(stringSid(sid));
                }
                int error = Native.getLastError();
                if (error == WinError.ERROR_NONE_MAPPED) {
                    return null;
                }
                if (error != WinError.ERROR_INSUFFICIENT_BUFFER) {
                    throw HttpSysException.of("LookupAccountNameW", error);
                }
                // The function wrote the sizes it needs.
                neededSid = NativeAccess.getInt(sizes);
                neededDomain = NativeAccess.getInt(sizes + DWORD);
            } finally {
                NativeMemory.free(sizes, 3 * DWORD);
                NativeMemory.free(domain, 2L * domainChars);
                NativeMemory.free(sid, sidSize);
            }
            sidSize = Math.max(sidSize, neededSid);
            domainChars = Math.max(domainChars, neededDomain) + 1;
        }
    }

    @Override
    public String accountName(String sid) {
        long sidOut = NativeMemory.allocate(8);
        try {
            // ConvertStringSidToSidW takes S-1-... and the SDDL aliases alike ("BA", "WD").
            if (Advapi32.ConvertStringSidToSidW(new WString(sid), sidOut) == 0) {
                return null;
            }
            long binarySid = NativeAccess.getLong(sidOut);
            try {
                return lookupSid(binarySid);
            } finally {
                Advapi32Binding.free(binarySid);
            }
        } finally {
            NativeMemory.free(sidOut, 8);
        }
    }

    private static String lookupSid(long sid) {
        int nameChars = NAME_CHARS;
        int domainChars = NAME_CHARS;
        while (true) {
            long name = NativeMemory.allocate(2L * nameChars);
            long domain = NativeMemory.allocate(2L * domainChars);
            long sizes = NativeMemory.allocate(3 * DWORD);
            int neededName;
            int neededDomain;
            try {
                NativeAccess.putInt(sizes, nameChars);
                NativeAccess.putInt(sizes + DWORD, domainChars);
                if (Advapi32.LookupAccountSidW(0, sid, name, sizes, domain, sizes + DWORD, sizes + 2 * DWORD) != 0) {
                    return NativeAccess.getUtf16String(domain) + '\\' + NativeAccess.getUtf16String(name);
                }
                if (Native.getLastError() != WinError.ERROR_INSUFFICIENT_BUFFER) {
                    return null;
                }
                neededName = NativeAccess.getInt(sizes);
                neededDomain = NativeAccess.getInt(sizes + DWORD);
            } finally {
                NativeMemory.free(sizes, 3 * DWORD);
                NativeMemory.free(domain, 2L * domainChars);
                NativeMemory.free(name, 2L * nameChars);
            }
            nameChars = Math.max(nameChars, neededName) + 1;
            domainChars = Math.max(domainChars, neededDomain) + 1;
        }
    }

    private static String stringSid(long sid) throws HttpSysException {
        long out = NativeMemory.allocate(8);
        try {
            if (Advapi32.ConvertSidToStringSidW(sid, out) == 0) {
                throw HttpSysException.of("ConvertSidToStringSidW", Native.getLastError());
            }
            long text = NativeAccess.getLong(out);
            try {
                return NativeAccess.getUtf16String(text);
            } finally {
                Advapi32Binding.free(text);
            }
        } finally {
            NativeMemory.free(out, 8);
        }
    }

    /** {@code advapi32.dll}; {@code BOOL} results as {@code int}. */
    private static final class Advapi32 {
        private Advapi32() {
        }

        static native int LookupAccountNameW(long systemName, WString accountName, long sid, long sidSize,
                                             long referencedDomainName, long referencedDomainNameChars,
                                             long sidNameUse);

        static native int LookupAccountSidW(long systemName, long sid, long name, long nameChars,
                                            long referencedDomainName, long referencedDomainNameChars,
                                            long sidNameUse);

        static native int ConvertSidToStringSidW(long sid, long stringSidOut);

        static native int ConvertStringSidToSidW(WString stringSid, long sidOut);
    }
}
