package io.netty.contrib.httpsys.nativeapi.emulator;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A TEST DOUBLE for {@code Negotiate} authentication, so that the path from challenge to identity runs in tests
 * off Windows. It is NOT security and not SPNEGO: the emulator has no Kerberos and no NTLM, and this double
 * accepts anyone who names an account.
 *
 * <p>Its one-leg "token" is the Base64 of {@code emulator-test:<user>} ({@code Authorization: Negotiate
 * ZW11bGF0b3ItdGVzdDphbGljZQ==} for {@code alice}), where {@code <user>} is an account of {@link EmulatedAccounts};
 * its mutual-authentication answer is {@code WWW-Authenticate: Negotiate <Base64 of emulator-test-mutual:<user>>}
 * on the response. Anything else fails as a token the package could not read ({@code SEC_E_INVALID_TOKEN}).
 */
final class NegotiateTestDouble {

    static final String TOKEN_PREFIX = "emulator-test:";
    static final String MUTUAL_PREFIX = "emulator-test-mutual:";

    private NegotiateTestDouble() {
    }

    /** The account the token names, or {@code null} when it is not a test-double token for a known account. */
    static EmulatedAccount accept(String token, EmulatedAccounts accounts) {
        String decoded = decode(token);
        if (decoded == null || !decoded.startsWith(TOKEN_PREFIX)) {
            return null;
        }
        return accounts.find(decoded.substring(TOKEN_PREFIX.length()));
    }

    /** The {@code WWW-Authenticate} value that completes the handshake for {@code account}. */
    static String mutualAuthentication(EmulatedAccount account) {
        return "Negotiate " + Base64.getEncoder().encodeToString(
                (MUTUAL_PREFIX + account.user).getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String base64) {
        try {
            return new String(Base64.getDecoder().decode(base64.trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }
}
