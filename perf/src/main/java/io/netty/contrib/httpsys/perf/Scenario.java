package io.netty.contrib.httpsys.perf;

import java.util.Locale;

/**
 * The five client behaviours of the seed's benchmark (Janczuk, 2012): how a virtual client uses connections
 * and TLS sessions between requests.
 */
public enum Scenario {
    /** HTTP, one connection per client for the whole run. */
    HTTP_KEEPALIVE(false, true, false),
    /** HTTP, {@code Connection: close}: a new TCP connection per request. */
    HTTP_CLOSE(false, false, false),
    /** HTTPS, one connection (one handshake) per client for the whole run. */
    HTTPS_KEEPALIVE(true, true, true),
    /** HTTPS, a new connection per request, resuming the previous TLS session (abbreviated handshake). */
    HTTPS_RECONNECT(true, false, true),
    /** HTTPS, a new connection per request with a full TLS handshake each time (no session resumption). */
    HTTPS_FULL(true, false, false);

    private final boolean tls;
    private final boolean keepAlive;
    private final boolean resumeSessions;

    Scenario(boolean tls, boolean keepAlive, boolean resumeSessions) {
        this.tls = tls;
        this.keepAlive = keepAlive;
        this.resumeSessions = resumeSessions;
    }

    /** Whether the scenario speaks HTTPS. */
    public boolean tls() {
        return tls;
    }

    /** Whether a client keeps its connection between requests. */
    public boolean keepAlive() {
        return keepAlive;
    }

    /** Whether new connections may resume an earlier TLS session. */
    public boolean resumeSessions() {
        return resumeSessions;
    }

    /** The command-line name, e.g. {@code https-reconnect}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The scenario named {@code label} ({@code http-keepalive}, ..., case-insensitive, '_' or '-'). */
    public static Scenario parse(String label) {
        try {
            return valueOf(label.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown scenario " + label
                    + ": use http-keepalive, http-close, https-keepalive, https-reconnect or https-full", e);
        }
    }
}
