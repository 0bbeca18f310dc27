package io.netty.contrib.httpsys.perf;

import io.netty.contrib.httpsys.HttpSys;
import io.netty.handler.ssl.SslProvider;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The matrix table divides like by like: an HTTPS row's httpsys/nio ratio is taken against the {@code nio} row,
 * whose TLS engine is the emulator's (the JDK's), never against {@code nio-openssl}, and the table says which
 * engine served each row.
 */
class PerfMatrixTableTest {

    @Test
    void httpsRatiosDivideTheEmulatorsJdkTlsByNiosJdkTls() {
        Scenario https = List.of(Scenario.values()).stream().filter(Scenario::tls).findFirst().orElseThrow();
        Map<Scenario, Map<ServerVariant, LoadResult>> medians = new EnumMap<>(Scenario.class);
        Map<ServerVariant, LoadResult> row = new EnumMap<>(ServerVariant.class);
        row.put(ServerVariant.HTTPSYS, result(https, 3_000));
        row.put(ServerVariant.NIO, result(https, 2_000));
        row.put(ServerVariant.NIO_OPENSSL, result(https, 6_000));
        medians.put(https, row);
        LoadOptions template = new LoadOptions(URI.create("https://127.0.0.1:8443/"), https, 50, Duration.ofSeconds(1), Duration.ofSeconds(1),
                Duration.ofSeconds(10), SslProvider.JDK, 0);

        String table = PerfMatrix.table(medians, List.of(ServerVariant.HTTPSYS, ServerVariant.NIO,
                ServerVariant.NIO_OPENSSL), template, 1);

        assertTrue(table.contains(PerfMatrix.tlsEngines(HttpSys.isEmulated())), table);
        assertTrue(PerfMatrix.tlsEngines(true).contains(
                "httpsys = JDK (the emulator's), nio = JDK, nio-openssl / epoll-openssl = OpenSSL"));
        assertTrue(PerfMatrix.tlsEngines(true).contains("divide JDK TLS by JDK TLS"));
        assertTrue(PerfMatrix.tlsEngines(false).contains("unlike engines"));
        assertTrue(table.contains("| 1.50 |"), "3,000 / 2,000 req/s, not / 6,000:\n" + table);
    }

    /** A run of {@code requests} requests in one second, each of 1 ms. */
    private static LoadResult result(Scenario scenario, int requests) {
        Histogram latency = new Histogram(3);
        latency.recordValueWithCount(1_000, requests);
        return new LoadResult(scenario, latency, 0, 1.0);
    }
}
