package io.netty.contrib.httpsys.perf;

import io.netty.handler.ssl.SslProvider;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * One load run: where ({@code target}, loopback only), how ({@link Scenario}), how many virtual clients, and for
 * how long (warm-up, then the measured duration; the run always ends by itself).
 *
 * @param target         {@code http://127.0.0.1:8080/path}; the scheme must match the scenario
 * @param scenario       what the clients do between requests
 * @param clients        concurrent virtual clients, each with at most one request outstanding (closed loop)
 * @param warmup         traffic before measuring
 * @param duration       measured traffic
 * @param requestTimeout a request (including connect and handshake) that takes longer counts as an error
 * @param sslProvider    the client's TLS engine
 * @param threads        client event loops (0: Netty's default)
 */
public record LoadOptions(URI target, Scenario scenario, int clients, Duration warmup, Duration duration,
                          Duration requestTimeout, SslProvider sslProvider, int threads) {

    public LoadOptions {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(scenario, "scenario");
        if (clients <= 0) {
            throw new IllegalArgumentException("clients: " + clients);
        }
        if (duration.isNegative() || duration.isZero() || warmup.isNegative()) {
            throw new IllegalArgumentException("warmup " + warmup + " / duration " + duration);
        }
        String expected = scenario.tls() ? "https" : "http";
        if (!expected.equals(target.getScheme())) {
            throw new IllegalArgumentException(scenario.label() + " needs an " + expected + ":// target: " + target);
        }
        if (!Loopback.isLoopback(target.getHost())) {
            throw new IllegalArgumentException("the load generator only sends traffic to loopback: " + target);
        }
    }

    /** The same run for another target (and the scheme its scenario needs). */
    public LoadOptions withTarget(URI newTarget, Scenario newScenario) {
        return new LoadOptions(newTarget, newScenario, clients, warmup, duration, requestTimeout, sslProvider, threads);
    }

    /** The port of the target, with the scheme's default filled in. */
    public int port() {
        return target.getPort() != -1 ? target.getPort() : scenario.tls() ? 443 : 80;
    }

    /** The request target (path and query) sent in the request line. */
    public String requestUri() {
        String path = target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath();
        return target.getRawQuery() == null ? path : path + '?' + target.getRawQuery();
    }
}
