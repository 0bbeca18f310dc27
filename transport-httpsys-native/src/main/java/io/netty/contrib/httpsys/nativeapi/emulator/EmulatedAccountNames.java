package io.netty.contrib.httpsys.nativeapi.emulator;

import io.netty.contrib.httpsys.nativeapi.AccountNames;
import io.netty.contrib.httpsys.nativeapi.SidStrings;
import io.netty.util.internal.SystemPropertyUtil;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The emulator's {@link AccountNames}: there is no Windows account database off Windows, so names resolve through
 * this fixed table: the well-known accounts with their real SIDs, and the user running the JVM as the emulated
 * process's user.
 *
 * <table>
 *   <caption>Accounts the emulator knows</caption>
 *   <tr><th>name</th><th>SID (SDDL alias)</th></tr>
 *   <tr><td>{@code Everyone}</td><td>{@code S-1-1-0} ({@code WD})</td></tr>
 *   <tr><td>{@code NT AUTHORITY\SYSTEM}</td><td>{@code S-1-5-18} ({@code SY})</td></tr>
 *   <tr><td>{@code NT AUTHORITY\LOCAL SERVICE}</td><td>{@code S-1-5-19} ({@code LS})</td></tr>
 *   <tr><td>{@code NT AUTHORITY\NETWORK SERVICE}</td><td>{@code S-1-5-20} ({@code NS})</td></tr>
 *   <tr><td>{@code NT AUTHORITY\Authenticated Users}</td><td>{@code S-1-5-11} ({@code AU})</td></tr>
 *   <tr><td>{@code BUILTIN\Administrators}</td><td>{@code S-1-5-32-544} ({@code BA})</td></tr>
 *   <tr><td>{@code BUILTIN\Users}</td><td>{@code S-1-5-32-545} ({@code BU})</td></tr>
 *   <tr><td><code>DOMAIN&#92;user</code>: the emulated machine's domain ({@code EmulatedAccounts.domain()},
 *       {@code EMULATOR} by default) and {@code user.name}</td>
 *       <td>the emulated process's user, {@link EmulatedIdentity#current()} (the SID queue security checks)</td></tr>
 * </table>
 *
 * <p>A name matches with or without its domain, ignoring case, as {@code LookupAccountNameW} accepts
 * {@code Everyone} and {@code NETWORK SERVICE}. Everyone has no domain, so it reads {@code \Everyone}, as in
 * netsh's listing.
 */
public final class EmulatedAccountNames implements AccountNames {

    private static final EmulatedAccountNames INSTANCE = new EmulatedAccountNames();

    /** The well-known accounts: full name to {@code S-1-...} SID, in the table's order. */
    private final Map<String, String> sids = new LinkedHashMap<>();

    private EmulatedAccountNames() {
        sids.put("\\Everyone", "S-1-1-0");
        sids.put("NT AUTHORITY\\SYSTEM", "S-1-5-18");
        sids.put("NT AUTHORITY\\LOCAL SERVICE", "S-1-5-19");
        sids.put("NT AUTHORITY\\NETWORK SERVICE", "S-1-5-20");
        sids.put("NT AUTHORITY\\Authenticated Users", "S-1-5-11");
        sids.put("BUILTIN\\Administrators", "S-1-5-32-544");
        sids.put("BUILTIN\\Users", "S-1-5-32-545");
    }

    /** The table. */
    public static EmulatedAccountNames get() {
        return INSTANCE;
    }

    /** The emulator's name of the user running this JVM: {@code DOMAIN&#92;user}. */
    public static String currentUser() {
        return EmulatedAccounts.domain() + '\\' + SystemPropertyUtil.get("user.name", "user");
    }

    /** The well-known accounts and, read now, the current user (its SID may be set by a property). */
    private Map<String, String> table() {
        Map<String, String> table = new LinkedHashMap<>(sids);
        table.put(currentUser(), EmulatedIdentity.current());
        return table;
    }

    @Override
    public String sddlSid(String accountName) {
        String wanted = accountName.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, String> entry : table().entrySet()) {
            String name = entry.getKey().toLowerCase(Locale.ROOT);
            if (name.equals(wanted) || name.substring(name.indexOf('\\') + 1).equals(wanted)) {
                return SidStrings.alias(entry.getValue());
            }
        }
        return null;
    }

    @Override
    public String accountName(String sid) {
        String full = SidStrings.expand(sid);
        for (Map.Entry<String, String> entry : table().entrySet()) {
            if (entry.getValue().equalsIgnoreCase(full)) {
                return entry.getKey();
            }
        }
        return null;
    }
}
