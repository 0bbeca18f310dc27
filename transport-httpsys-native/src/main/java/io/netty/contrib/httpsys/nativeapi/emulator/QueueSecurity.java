package io.netty.contrib.httpsys.nativeapi.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Who may open an emulated request queue with {@code HTTP_CREATE_REQUEST_QUEUE_FLAG_OPEN_EXISTING}: the
 * discretionary ACL of the security descriptor given when the queue was created, or, when none was (a {@code NULL}
 * {@code SecurityAttributes}), the default of the creator's token, which grants its user and LocalSystem
 * ({@code SECURITY_ATTRIBUTES} reference: "If the value of this member is NULL, the object is assigned the default
 * security descriptor associated with the access token of the calling process"; a user token's default DACL
 * allows the user and SYSTEM). The caller is an {@link EmulatedIdentity}.
 *
 * <p>The emulator understands a small subset of SDDL and refuses the rest (with the reason in
 * {@link UnsupportedSddlException}) instead of guessing: {@code D:}, optionally {@code P}, then one or more ACEs
 * {@code (A;;GA;;;sid)} (allow) or {@code (D;;GA;;;sid)} (deny), where {@code sid} is {@code S-1-...} or one of the
 * aliases {@code WD} (Everyone), {@code BA} (Administrators), {@code SY} (LocalSystem), {@code OW} (the queue's
 * owner, its creator). No owner, group or system-ACL parts, no inheritance flags, no rights but {@code GA}.
 * ACEs are read in order and the first whose SID matches the caller decides; none matching denies, as an empty
 * DACL does. Identities have no groups, so {@code BA} and {@code SY} match only a caller whose SID is theirs.
 */
final class QueueSecurity {

    /** A {@code NULL} descriptor: the creator's token default. */
    static final QueueSecurity TOKEN_DEFAULT = new QueueSecurity("(token default)", null);

    private static final String EVERYONE = "S-1-1-0";
    private static final String LOCAL_SYSTEM = "S-1-5-18";
    private static final String OWNER = "OW";
    private static final Map<String, String> ALIASES = Map.of("WD", EVERYONE, "BA", "S-1-5-32-544",
            "SY", LOCAL_SYSTEM, OWNER, OWNER);

    private record Ace(boolean allow, String sid) {
    }

    private final String sddl;
    private final List<Ace> aces;

    private QueueSecurity(String sddl, List<Ace> aces) {
        this.sddl = sddl;
        this.aces = aces;
    }

    /** Parses {@code sddl}, refusing anything outside the subset this class describes. */
    static QueueSecurity parse(String sddl) throws UnsupportedSddlException {
        String rest;
        if (sddl.startsWith("D:P(")) {
            rest = sddl.substring(3);
        } else if (sddl.startsWith("D:(")) {
            rest = sddl.substring(2);
        } else {
            throw new UnsupportedSddlException(sddl, "it must start with D: (a DACL, optionally P) and an ACE");
        }
        List<Ace> aces = new ArrayList<>();
        while (!rest.isEmpty()) {
            int end = rest.indexOf(')');
            if (rest.charAt(0) != '(' || end < 0) {
                throw new UnsupportedSddlException(sddl, "expected an ACE in parentheses at '" + rest + "'");
            }
            aces.add(ace(sddl, rest.substring(1, end)));
            rest = rest.substring(end + 1);
        }
        return new QueueSecurity(sddl, List.copyOf(aces));
    }

    private static Ace ace(String sddl, String ace) throws UnsupportedSddlException {
        String[] fields = ace.split(";", -1);
        if (fields.length != 6) {
            throw new UnsupportedSddlException(sddl, "the ACE (" + ace + ") must have six fields: type;;GA;;;sid");
        }
        if (!fields[0].equals("A") && !fields[0].equals("D")) {
            throw new UnsupportedSddlException(sddl, "ACE type " + fields[0] + " is not A (allow) or D (deny)");
        }
        if (!fields[1].isEmpty() || !fields[3].isEmpty() || !fields[4].isEmpty()) {
            throw new UnsupportedSddlException(sddl, "the ACE (" + ace + ") has flags or object GUIDs");
        }
        if (!fields[2].equals("GA")) {
            throw new UnsupportedSddlException(sddl, "rights " + fields[2] + " are not GA (generic all)");
        }
        String sid = ALIASES.get(fields[5]);
        if (sid == null) {
            if (!EmulatedIdentity.isSid(fields[5])) {
                throw new UnsupportedSddlException(sddl, "trustee " + fields[5] + " is not S-1-... or WD, BA, SY, OW");
            }
            sid = fields[5];
        }
        return new Ace(fields[0].equals("A"), sid);
    }

    /** Whether {@code caller} may open a queue that {@code owner} created with this security. */
    boolean allows(String caller, String owner) {
        if (aces == null) {
            return caller.equals(owner) || caller.equals(LOCAL_SYSTEM);
        }
        for (Ace ace : aces) {
            boolean matches = ace.sid.equals(EVERYONE) || ace.sid.equals(caller)
                    || ace.sid.equals(OWNER) && caller.equals(owner);
            if (matches) {
                return ace.allow;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return sddl;
    }

    /** A security descriptor string outside the emulator's subset of SDDL; the message says what and why. */
    static final class UnsupportedSddlException extends Exception {
        private static final long serialVersionUID = 1L;

        UnsupportedSddlException(String sddl, String reason) {
            super("the emulator does not accept the security descriptor '" + sddl + "': " + reason
                    + ". It understands D: or D:P followed by (A;;GA;;;sid) and (D;;GA;;;sid) ACEs, sid being "
                    + "S-1-... or WD, BA, SY, OW");
        }
    }
}
