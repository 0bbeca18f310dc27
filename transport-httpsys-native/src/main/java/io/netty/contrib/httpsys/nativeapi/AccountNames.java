package io.netty.contrib.httpsys.nativeapi;

/**
 * Account names and security identifiers, as {@code netsh http add urlacl user=...} turns a name into the SID of a
 * URL reservation's SDDL and {@code netsh http show urlacl} turns the SID back into the {@code User:} it prints.
 * On Windows: {@code LookupAccountNameW}, {@code ConvertSidToStringSidW}, {@code ConvertStringSidToSidW} and
 * {@code LookupAccountSidW} of {@code advapi32.dll}; under the emulator: a small fixed table
 * ({@code EmulatedAccountNames}). {@link HttpSysAccounts#current()} picks the one of this JVM's backend.
 */
public interface AccountNames {

    /**
     * The SID of {@code accountName} ({@code DOMAIN&#92;user}, a bare name, or a well-known name such as
     * {@code Everyone}) as a security descriptor string writes it: the SDDL alias of a well-known SID
     * ({@code WD} for Everyone, see {@link SidStrings}), else {@code S-1-...}; {@code null} when no account has
     * that name ({@code ERROR_NONE_MAPPED}).
     *
     * @throws HttpSysException when the lookup fails otherwise
     */
    String sddlSid(String accountName) throws HttpSysException;

    /**
     * The {@code DOMAIN\name} of {@code sid} (an {@code S-1-...} string or an SDDL alias), as netsh prints it
     * (a well-known SID without a domain reads {@code \Everyone}), or {@code null} when no account has it.
     */
    String accountName(String sid);
}
