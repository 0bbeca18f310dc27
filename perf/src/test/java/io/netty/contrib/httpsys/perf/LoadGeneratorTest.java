package io.netty.contrib.httpsys.perf;

import io.netty.contrib.httpsys.examples.HelloWorldHandler;
import io.netty.contrib.httpsys.examples.ServerTransport;
import io.netty.handler.ssl.SslProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.URI;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Short, tiny load runs against the NIO hello server: every scenario completes requests without errors. */
class LoadGeneratorTest {

    @ParameterizedTest
    @EnumSource(Scenario.class)
    void everyScenarioCompletesRequestsWithoutErrors(Scenario scenario) throws Exception {
        String[] args = scenario.tls()
                ? new String[] {"--transport", "nio", "--port", "0", "--threads", "1", "--tls"}
                : new String[] {"--transport", "nio", "--port", "0", "--threads", "1"};
        try (ServerTransport server = ServerTransport.fromArgs(args)) {
            server.bind(new HelloWorldHandler());
            // No warm-up, and time for a cold JVM's first TLS handshakes on a busy 2-core machine.
            Duration duration = Duration.ofMillis(scenario.tls() ? 3000 : 1000);
            LoadOptions options = new LoadOptions(server.uri(), scenario, 4, Duration.ZERO, duration,
                    Duration.ofSeconds(10), SslProvider.JDK, 1);

            LoadResult result = LoadGenerator.run(options);

            assertEquals(0, result.errors(), result.summary());
            assertTrue(result.requests() > 0, result.summary());
            assertTrue(result.latencyMillis(50) > 0, result.summary());
            assertTrue(result.latencyMillis(99) >= result.latencyMillis(50), result.summary());
        }
    }

    @Test
    void errorsAreCountedWhenNothingListens() throws Exception {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        LoadOptions options = new LoadOptions(URI.create("http://127.0.0.1:" + port + "/"), Scenario.HTTP_KEEPALIVE,
                2, Duration.ZERO, Duration.ofMillis(300), Duration.ofSeconds(1), SslProvider.JDK, 1);

        LoadResult result = LoadGenerator.run(options);

        assertEquals(0, result.requests());
        assertTrue(result.errors() > 0, result.summary());
    }

    @Test
    void onlyLoopbackTargetsWithTheScenariosScheme() {
        assertThrows(IllegalArgumentException.class, () -> LoadGenerator.parse("--url", "http://192.0.2.1:80/"));
        assertThrows(IllegalArgumentException.class,
                () -> LoadGenerator.parse("--url", "http://127.0.0.1:80/", "--scenario", "https-full"));
        LoadOptions options = LoadGenerator.parse("--url", "https://localhost:8443/a?b=c", "--clients", "7",
                "--duration", "1.5");
        assertEquals(Scenario.HTTPS_KEEPALIVE, options.scenario());
        assertEquals(7, options.clients());
        assertEquals(Duration.ofMillis(1500), options.duration());
        assertEquals("/a?b=c", options.requestUri());
        assertEquals(8443, options.port());
    }
}
