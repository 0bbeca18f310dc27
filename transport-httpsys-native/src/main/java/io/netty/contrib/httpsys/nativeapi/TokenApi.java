package io.netty.contrib.httpsys.nativeapi;

/**
 * The {@code advapi32.dll} functions (and {@code kernel32.dll}'s {@code LocalFree}) that tell whose access token
 * HTTP.SYS handed over with an authenticated request ({@code HTTP_REQUEST_AUTH_INFO.AccessToken}): the user's SID
 * ({@code GetTokenInformation(TokenUser)}), its account name and domain ({@code LookupAccountSidW}) and its string
 * form ({@code ConvertSidToStringSidW}). No request pays for them: they run only when an application asks who
 * the user is. The token itself is closed with {@link IoCompletion#CloseHandle}.
 *
 * <p>Mapped like {@link IoCompletion}: handles and pointers are {@code long} addresses, {@code DWORD} is
 * {@code int}; failure is {@code false} (or a non-zero {@code LocalFree} result) with the reason in
 * {@link #GetLastError()}, read right after the failed call on the same thread.
 */
public interface TokenApi {

    /**
     * {@code GetTokenInformation(HANDLE TokenHandle, TOKEN_INFORMATION_CLASS, LPVOID TokenInformation,
     * DWORD TokenInformationLength, PDWORD ReturnLength)}: with {@link WinNt#TokenUser} a
     * {@code TOKEN_USER} followed by the SID it points to. A buffer that is too small fails with
     * {@code ERROR_INSUFFICIENT_BUFFER} and the size needed in {@code *returnLength}.
     */
    boolean GetTokenInformation(long tokenHandle, int tokenInformationClass, long tokenInformation,
                                int tokenInformationLength, long returnLength);

    /**
     * {@code LookupAccountSidW(LPCWSTR lpSystemName, PSID Sid, LPWSTR Name, LPDWORD cchName,
     * LPWSTR ReferencedDomainName, LPDWORD cchReferencedDomainName, PSID_NAME_USE peUse)}; {@code systemName}
     * {@code 0} looks on the local machine. Lengths are in characters: in, the buffer's; out, the name's without
     * its NUL, or the size needed (with the NUL) and {@code ERROR_INSUFFICIENT_BUFFER}.
     */
    boolean LookupAccountSidW(long systemName, long sid, long name, long nameLength, long referencedDomainName,
                              long referencedDomainNameLength, long use);

    /**
     * {@code ConvertSidToStringSidW(PSID Sid, LPWSTR *StringSid)}: {@code *stringSidOut} receives a
     * NUL-terminated {@code "S-1-5-21-..."} that the caller frees with {@link #LocalFree}.
     */
    boolean ConvertSidToStringSidW(long sid, long stringSidOut);

    /** {@code LocalFree(HLOCAL)}: {@code 0} on success, else the memory it was given. */
    long LocalFree(long memory);

    /** {@code GetLastError()}: the calling thread's last error, set by the failed call before it. */
    int GetLastError();
}
