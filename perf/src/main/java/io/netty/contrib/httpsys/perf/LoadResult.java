package io.netty.contrib.httpsys.perf;

import org.HdrHistogram.Histogram;

import java.util.Locale;

/**
 * What one measured load run produced (warm-up excluded).
 *
 * @param scenario          the scenario run
 * @param latencyMicros     time from the start of a request (its connect, for a new connection) to the last byte
 *                          of its response, of every successful request, in microseconds
 * @param errors            failed connects, handshakes, timeouts, resets and non-2xx/3xx answers
 * @param seconds           the measured time
 */
public record LoadResult(Scenario scenario, Histogram latencyMicros, long errors, double seconds) {

    /** Successful requests. */
    public long requests() {
        return latencyMicros.getTotalCount();
    }

    /** Successful requests per second. */
    public double requestsPerSecond() {
        return requests() / seconds;
    }

    /** The latency at {@code percentile} (e.g. 95.0) in milliseconds, or NaN without requests. */
    public double latencyMillis(double percentile) {
        return requests() == 0 ? Double.NaN : latencyMicros.getValueAtPercentile(percentile) / 1000.0;
    }

    /** One line for people: requests/s, p50/p95/p99 and errors. */
    public String summary() {
        return String.format(Locale.ROOT, "%-16s %10.0f req/s  p50 %7.2f ms  p95 %7.2f ms  p99 %7.2f ms  "
                        + "requests %d  errors %d", scenario.label(), requestsPerSecond(), latencyMillis(50),
                latencyMillis(95), latencyMillis(99), requests(), errors);
    }
}
