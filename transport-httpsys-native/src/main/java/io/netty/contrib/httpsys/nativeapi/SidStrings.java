package io.netty.contrib.httpsys.nativeapi;

import java.util.Locale;
import java.util.Map;

/**
 * The SDDL aliases of well-known SIDs ("SID Strings", Microsoft's Security Descriptor Definition Language
 * reference: {@code WD} is {@code S-1-1-0}, Everyone; {@code NS} is {@code S-1-5-20}, NETWORK SERVICE; ...).
 * {@code ConvertSidToStringSidW} always answers {@code S-1-...}, while a security descriptor string written by
 * Windows (and so what {@code netsh http show urlacl} prints, such as {@code D:(A;;GX;;;WD)} for
 * {@code user=Everyone}) uses the alias where there is one: the SDDL this library writes does the same.
 */
public final class SidStrings {

    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("S-1-1-0", "WD"),
            Map.entry("S-1-5-4", "IU"),
            Map.entry("S-1-5-7", "AN"),
            Map.entry("S-1-5-11", "AU"),
            Map.entry("S-1-5-18", "SY"),
            Map.entry("S-1-5-19", "LS"),
            Map.entry("S-1-5-20", "NS"),
            Map.entry("S-1-5-32-544", "BA"),
            Map.entry("S-1-5-32-545", "BU"),
            Map.entry("S-1-5-32-546", "BG"));

    private SidStrings() {
    }

    /** {@code sid}'s SDDL alias where it has one, else {@code sid} itself. */
    public static String alias(String sid) {
        return ALIASES.getOrDefault(sid.toUpperCase(Locale.ROOT), sid);
    }

    /** The {@code S-1-...} form of {@code sid}, which may be an SDDL alias of this table. */
    public static String expand(String sid) {
        for (Map.Entry<String, String> entry : ALIASES.entrySet()) {
            if (entry.getValue().equalsIgnoreCase(sid)) {
                return entry.getKey();
            }
        }
        return sid;
    }
}
