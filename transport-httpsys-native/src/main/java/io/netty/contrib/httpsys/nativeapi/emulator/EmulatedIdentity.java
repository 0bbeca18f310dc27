package io.netty.contrib.httpsys.nativeapi.emulator;

import io.netty.util.internal.SystemPropertyUtil;

import java.util.regex.Pattern;

/**
 * Who the emulator thinks is calling: the user SID of the emulated process token, which
 * {@code HttpCreateRequestQueue} records as a new queue's owner and checks against the queue's security
 * descriptor when another handle opens it ({@code QueueSecurity}). The process's user is
 * {@value #USER_PROPERTY} (default {@value #DEFAULT_USER}); a thread may act as another user for a while with
 * {@link #impersonate}, as a Windows thread does with {@code ImpersonateLoggedOnUser}, which is how a test plays
 * "another account's process" against a queue in the same JVM. The emulated identity has no group memberships.
 */
public final class EmulatedIdentity {

    /** The user SID of the emulated process, {@code S-1-...}. */
    public static final String USER_PROPERTY = "io.netty.contrib.httpsys.emulator.user";
    /** A local account's SID, as a machine's first user gets. */
    public static final String DEFAULT_USER = "S-1-5-21-1000000000-1000000000-1000000000-1000";

    private static final Pattern SID = Pattern.compile("S-1-\\d+(-\\d+)+");
    private static final ThreadLocal<String> IMPERSONATED = new ThreadLocal<>();

    private EmulatedIdentity() {
    }

    /** The calling thread's user SID: the one it impersonates, else the process's. */
    public static String current() {
        String impersonated = IMPERSONATED.get();
        return impersonated != null ? impersonated : SystemPropertyUtil.get(USER_PROPERTY, DEFAULT_USER);
    }

    /** Whether {@code sid} is written as a SID string, {@code S-1-} followed by numbers. */
    static boolean isSid(String sid) {
        return SID.matcher(sid).matches();
    }

    /**
     * Makes the calling thread act as {@code sid} until the returned impersonation is closed (which restores what
     * it acted as before).
     */
    public static Impersonation impersonate(String sid) {
        if (!isSid(sid)) {
            throw new IllegalArgumentException("not a SID string (S-1-...): " + sid);
        }
        Impersonation impersonation = new Impersonation(IMPERSONATED.get());
        IMPERSONATED.set(sid);
        return impersonation;
    }

    /** A thread's impersonation; {@link #close()} reverts it, on the thread that started it. */
    public static final class Impersonation implements AutoCloseable {
        private final String previous;

        private Impersonation(String previous) {
            this.previous = previous;
        }

        @Override
        public void close() {
            if (previous == null) {
                IMPERSONATED.remove();
            } else {
                IMPERSONATED.set(previous);
            }
        }
    }
}
