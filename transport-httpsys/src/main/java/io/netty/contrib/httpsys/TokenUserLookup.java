package io.netty.contrib.httpsys;

import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.NativeMemory;
import io.netty.contrib.httpsys.nativeapi.TokenApi;
import io.netty.contrib.httpsys.nativeapi.WinError;
import io.netty.contrib.httpsys.nativeapi.WinNt;
import io.netty.contrib.httpsys.nativeapi.struct.TokenUser;

/**
 * Who an access token belongs to: its user's SID ({@code GetTokenInformation(TokenUser)}), in string form
 * ({@code ConvertSidToStringSidW}), and the account name ({@code LookupAccountSidW}) as Windows writes it,
 * domain, backslash, user. Each buffer is sized by asking first, as the functions document.
 */
final class TokenUserLookup {

    /** An account or domain name's most characters (with the NUL); longer ones are asked for. */
    private static final int NAME_CHARS = 256;

    /** The user's SID string and account name; the name is {@code null} when no account has the SID. */
    record User(String sid, String accountName) {
    }

    private TokenUserLookup() {
    }

    /**
     * Looks up the user of {@code token}.
     *
     * @throws IllegalStateException when the token cannot be read (closed, or not a token)
     */
    static User lookup(TokenApi api, long token) {
        long lengthOut = NativeMemory.allocate(Integer.BYTES);
        try {
            NativeAccess.putInt(lengthOut, 0);
            if (api.GetTokenInformation(token, WinNt.TokenUser, 0, 0, lengthOut)
                    || api.GetLastError() != WinError.ERROR_INSUFFICIENT_BUFFER) {
                throw failure("GetTokenInformation(TokenUser)", api.GetLastError());
            }
            int size = NativeAccess.getInt(lengthOut);
            long tokenUser = NativeMemory.allocate(size);
            try {
                if (!api.GetTokenInformation(token, WinNt.TokenUser, tokenUser, size, lengthOut)) {
                    throw failure("GetTokenInformation(TokenUser)", api.GetLastError());
                }
                long sid = TokenUser.userSid(tokenUser);
                return new User(sidString(api, sid), accountName(api, sid));
            } finally {
                NativeMemory.free(tokenUser, size);
            }
        } finally {
            NativeMemory.free(lengthOut, Integer.BYTES);
        }
    }

    private static String sidString(TokenApi api, long sid) {
        long out = NativeMemory.allocate(Long.BYTES);
        try {
            if (!api.ConvertSidToStringSidW(sid, out)) {
                throw failure("ConvertSidToStringSidW", api.GetLastError());
            }
            long string = NativeAccess.getLong(out);
            try {
                return NativeAccess.getUtf16String(string);
            } finally {
                api.LocalFree(string);
            }
        } finally {
            NativeMemory.free(out, Long.BYTES);
        }
    }

    /** <code>DOMAIN&#92;user</code>, or {@code null} when the SID maps to no account (an unreachable domain, say). */
    private static String accountName(TokenApi api, long sid) {
        int nameChars = NAME_CHARS;
        int domainChars = NAME_CHARS;
        for (int attempt = 0; attempt < 2; attempt++) {
            long lengths = NativeMemory.allocate(3 * Integer.BYTES);
            long nameSize = 2L * nameChars;
            long domainSize = 2L * domainChars;
            long name = NativeMemory.allocate(nameSize);
            long domain = NativeMemory.allocate(domainSize);
            try {
                NativeAccess.putInt(lengths, nameChars);
                NativeAccess.putInt(lengths + Integer.BYTES, domainChars);
                if (api.LookupAccountSidW(0, sid, name, lengths, domain, lengths + Integer.BYTES,
                        lengths + 2 * Integer.BYTES)) {
                    // On success the lengths are the characters written, without their NULs.
                    String user = NativeAccess.getUtf16String(name, 2 * NativeAccess.getInt(lengths));
                    String domainName = NativeAccess.getUtf16String(domain,
                            2 * NativeAccess.getInt(lengths + Integer.BYTES));
                    return domainName.isEmpty() ? user : domainName + '\\' + user;
                }
                if (api.GetLastError() != WinError.ERROR_INSUFFICIENT_BUFFER) {
                    return null;
                }
                // The sizes needed, with their NULs.
                nameChars = NativeAccess.getInt(lengths);
                domainChars = NativeAccess.getInt(lengths + Integer.BYTES);
            } finally {
                NativeMemory.free(lengths, 3 * Integer.BYTES);
                NativeMemory.free(name, nameSize);
                NativeMemory.free(domain, domainSize);
            }
        }
        return null;
    }

    private static IllegalStateException failure(String call, int error) {
        return new IllegalStateException(call + " failed: " + WinError.nameOf(error) + " (" + error + ")");
    }
}
