package io.netty.contrib.httpsys.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A URL reservation ({@code netsh http add urlacl}): a URL prefix and the security descriptor (SDDL) saying who may
 * listen on it and who may delegate parts of it.
 *
 * @param url                the URL prefix, as stored
 * @param securityDescriptor the SDDL, such as {@code D:(A;;GX;;;S-1-5-21-...)}
 */
public record UrlReservation(String url, String securityDescriptor) {

    // An allowed ACE: (A;flags;rights;object guid;inherit guid;sid).
    private static final Pattern ALLOWED_ACE = Pattern.compile("\\(A;[^;]*;([^;]*);[^;]*;[^;]*;([^)]*)\\)");
    // winnt.h access masks, for rights written as numbers rather than GA / GX / GW.
    private static final long GENERIC_ALL = 0x10000000L;
    private static final long GENERIC_EXECUTE = 0x20000000L;
    private static final long GENERIC_WRITE = 0x40000000L;

    /**
     * One account of the reservation: may it register the URL (listen) or reserve parts of it for others
     * (delegate).
     *
     * @param sid      the account's SID as the SDDL writes it ({@code S-1-...} or an alias such as {@code WD})
     * @param listen   whether the rights include {@code GX} ({@code GENERIC_EXECUTE}, register) or {@code GA}
     * @param delegate whether the rights include {@code GW} ({@code GENERIC_WRITE}, delegate) or {@code GA}
     */
    public record Ace(String sid, boolean listen, boolean delegate) {
    }

    public UrlReservation {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(securityDescriptor, "securityDescriptor");
    }

    /**
     * The allowed ACEs of the SDDL, in order. Microsoft's page of {@code HTTP_SERVICE_CONFIG_URLACL_PARAM}: the
     * rights are {@code GA} (both), {@code GX} ({@code HTTP_ALLOW_REGISTER_URL}) or {@code GW}
     * ({@code HTTP_ALLOW_DELEGATE_URL}).
     */
    public List<Ace> aces() {
        List<Ace> aces = new ArrayList<>();
        Matcher ace = ALLOWED_ACE.matcher(securityDescriptor);
        while (ace.find()) {
            long rights = rights(ace.group(1));
            boolean all = (rights & GENERIC_ALL) != 0;
            aces.add(new Ace(ace.group(2), all || (rights & GENERIC_EXECUTE) != 0,
                    all || (rights & GENERIC_WRITE) != 0));
        }
        return aces;
    }

    /**
     * The SDDL {@code netsh http add urlacl user=... listen=... delegate=...} writes for one account:
     * {@code D:(A;;GX;;;sid)} to listen, {@code GW} to delegate, {@code GA} for both (the rights of Microsoft's
     * {@code HTTP_SERVICE_CONFIG_URLACL_PARAM} page). netsh's own listings agree: {@code user=Everyone listen=yes}
     * shows {@code D:(A;;GX;;;WD)} (Watson's README), {@code listen=yes delegate=yes} shows {@code D:(A;;GA;;;WD)}
     * (gcardi/HTTP.SYS's README); {@code GW} alone follows from the page, no listing of it was found.
     *
     * @throws IllegalArgumentException when neither right is asked for
     */
    public static String securityDescriptor(String sid, boolean listen, boolean delegate) {
        if (!listen && !delegate) {
            throw new IllegalArgumentException("a reservation must allow listen, delegate or both");
        }
        String rights = listen && delegate ? "GA" : listen ? "GX" : "GW";
        return "D:(A;;" + rights + ";;;" + sid + ")";
    }

    private static long rights(String text) {
        String rights = text.toUpperCase(Locale.ROOT);
        if (rights.startsWith("0X")) {
            try {
                return Long.parseLong(rights.substring(2), 16);
            } catch (NumberFormatException notHex) {
                return 0;
            }
        }
        long mask = 0;
        for (int i = 0; i + 1 < rights.length(); i += 2) {
            switch (rights.substring(i, i + 2)) {
                case "GA" -> mask |= GENERIC_ALL;
                case "GX" -> mask |= GENERIC_EXECUTE;
                case "GW" -> mask |= GENERIC_WRITE;
                default -> {
                }
            }
        }
        return mask;
    }
}
