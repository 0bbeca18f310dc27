package io.netty.contrib.httpsys.perf;

import io.netty.contrib.httpsys.HttpSys;
import io.netty.contrib.httpsys.examples.CommandLine;
import io.netty.contrib.httpsys.examples.HelloWorldHandler;
import io.netty.contrib.httpsys.examples.ServerTransport;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslProvider;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The seed's matrix in one command: the hello example on each {@link ServerVariant} (started in this JVM through
 * {@link ServerTransport}, the examples' A/B switch), each {@link Scenario} {@code --runs} times with the
 * {@link LoadGenerator}, and one table of medians with the ratio httpsys/nio per scenario.
 *
 * <p>Options: {@code --variants httpsys,nio,nio-openssl} (also httpsys-cache, epoll-openssl),
 * {@code --scenarios} (all five), {@code --runs 3}, {@code --clients 50}, {@code --warmup 2}, {@code --duration 5}
 * (seconds), {@code --server-warmup 5} (seconds of unrecorded load on each new server, for the JIT),
 * {@code --client-ssl-provider openssl|jdk} (openssl when available), {@code --http-port} / {@code --https-port}
 * (ports of the httpsys variants; 0: free ports; on Windows the ports prepared with {@link WindowsSetup}'s
 * commands), {@code --server-threads}, {@code --client-threads}.
 */
public final class PerfMatrix {

    private PerfMatrix() {
    }

    static final CommandLine COMMAND_LINE = new CommandLine(PerfMatrix.class.getSimpleName(),
            "the hello server on each variant against each scenario; one table of medians")
            .option("variants", "LIST", "httpsys, httpsys-cache, nio, nio-openssl, epoll-openssl "
                    + "(default httpsys,nio,nio-openssl)")
            .option("scenarios", "LIST", "http-keepalive, http-close, https-keepalive, https-reconnect, https-full "
                    + "(default: all)")
            .option("runs", "N", "runs per cell, the median is reported (default 3)")
            .option("clients", "N", "concurrent virtual clients (default 50)")
            .option("warmup", "SECONDS", "unmeasured traffic before each run (default 2)")
            .option("duration", "SECONDS", "measured traffic per run (default 5)")
            .option("server-warmup", "SECONDS", "unrecorded load on each new server, for the JIT (default 5)")
            .option("client-ssl-provider", "jdk|openssl", "the client's TLS engine (default openssl when available)")
            .option("http-port", "N", "port of the httpsys variants over http (default 0: a free port)")
            .option("https-port", "N", "port of the httpsys variants over https (default 0: a free port)")
            .option("server-threads", "N", "server event loops (default 0: Netty's default)")
            .option("client-threads", "N", "client event loops (default 0: Netty's default)");

    /** What one matrix runs: the parsed and checked command line. */
    record Plan(List<ServerVariant> variants, List<Scenario> scenarios, int runs, LoadOptions template,
                String httpPort, String httpsPort, String serverThreads, Duration serverWarmup) {

        static Plan of(Map<String, String> values) {
            List<ServerVariant> variants = new ArrayList<>();
            for (String v : values.getOrDefault("variants", "httpsys,nio,nio-openssl").split(",")) {
                variants.add(ServerVariant.parse(v));
            }
            List<Scenario> scenarios = new ArrayList<>();
            for (String s : values.getOrDefault("scenarios",
                    "http-keepalive,http-close,https-keepalive,https-reconnect,https-full").split(",")) {
                scenarios.add(Scenario.parse(s));
            }
            SslProvider clientProvider = SslProvider.valueOf(values.getOrDefault("client-ssl-provider",
                    OpenSsl.isAvailable() ? "openssl" : "jdk").toUpperCase(Locale.ROOT));
            LoadOptions template = new LoadOptions(URI.create("http://127.0.0.1/"), Scenario.HTTP_KEEPALIVE,
                    Integer.parseInt(values.getOrDefault("clients", "50")),
                    LoadGenerator.seconds(values.getOrDefault("warmup", "2")),
                    LoadGenerator.seconds(values.getOrDefault("duration", "5")),
                    Duration.ofSeconds(10), clientProvider,
                    Integer.parseInt(values.getOrDefault("client-threads", "0")));
            return new Plan(variants, scenarios, Integer.parseInt(values.getOrDefault("runs", "3")), template,
                    values.getOrDefault("http-port", "0"), values.getOrDefault("https-port", "0"),
                    values.getOrDefault("server-threads", "0"),
                    LoadGenerator.seconds(values.getOrDefault("server-warmup", "5")));
        }
    }

    public static void main(String[] args) throws Exception {
        System.out.println(run(COMMAND_LINE.parseOrExit(args, Plan::of)));
    }

    /** Runs the matrix, printing each run as it ends; returns the table. */
    static String run(Plan plan) throws InterruptedException {
        List<ServerVariant> variants = plan.variants();
        List<Scenario> scenarios = plan.scenarios();
        int runs = plan.runs();
        LoadOptions template = plan.template();
        String httpPort = plan.httpPort();
        String httpsPort = plan.httpsPort();
        String serverThreads = plan.serverThreads();
        Duration serverWarmup = plan.serverWarmup();

        Map<Scenario, Map<ServerVariant, LoadResult>> medians = new EnumMap<>(Scenario.class);
        for (ServerVariant variant : variants) {
            for (boolean tls : new boolean[] {false, true}) {
                List<Scenario> wanted = scenarios.stream().filter(s -> s.tls() == tls).toList();
                if (wanted.isEmpty() || !tls && variant.onlyForTls()) {
                    continue;
                }
                // Only HTTP.SYS needs the ports an administrator prepared (URL ACL, certificate binding).
                String port = variant.transport() != ServerTransport.Kind.HTTPSYS ? "0" : tls ? httpsPort : httpPort;
                List<String> serverArgs = new ArrayList<>(List.of("--transport", variant.transport().name(),
                        "--port", port, "--ssl-provider", variant.sslProvider(),
                        "--threads", serverThreads));
                if (tls) {
                    serverArgs.add("--tls");
                }
                try (ServerTransport server = ServerTransport.fromArgs(serverArgs.toArray(new String[0]))) {
                    server.bind(new HelloWorldHandler(variant.cacheSeconds()));
                    System.out.println("# " + variant.label() + ": " + server.describe());
                    if (!serverWarmup.isZero()) {
                        // One unrecorded run per server, so the first scenario does not pay for the JIT.
                        LoadGenerator.run(new LoadOptions(server.uri(), wanted.get(0), template.clients(),
                                Duration.ZERO, serverWarmup, template.requestTimeout(), template.sslProvider(),
                                template.threads()));
                    }
                    for (Scenario scenario : wanted) {
                        List<LoadResult> results = new ArrayList<>();
                        for (int run = 0; run < runs; run++) {
                            LoadResult result = LoadGenerator.run(template.withTarget(server.uri(), scenario));
                            System.out.println("  " + variant.label() + " run " + (run + 1) + ": " + result.summary());
                            results.add(result);
                        }
                        medians.computeIfAbsent(scenario, s -> new EnumMap<>(ServerVariant.class))
                                .put(variant, median(results));
                    }
                }
            }
        }
        System.out.println();
        return table(medians, variants, template, runs);
    }

    private static LoadResult median(List<LoadResult> results) {
        List<LoadResult> sorted = new ArrayList<>(results);
        sorted.sort(Comparator.comparingDouble(LoadResult::requestsPerSecond));
        return sorted.get(sorted.size() / 2);
    }

    static String table(Map<Scenario, Map<ServerVariant, LoadResult>> medians, List<ServerVariant> variants,
                        LoadOptions template, int runs) {
        StringBuilder out = new StringBuilder();
        boolean emulated = variants.stream().anyMatch(v -> v.transport() == ServerTransport.Kind.HTTPSYS)
                && HttpSys.isEmulated();
        out.append(emulated
                ? "## httpsys rows ran on the user-mode HTTP.SYS EMULATOR (" + System.getProperty("os.name")
                  + "): these are NOT HTTP.SYS numbers\n"
                : "## " + System.getProperty("os.name") + ", httpsys = " + backend(variants) + "\n");
        out.append(String.format(Locale.ROOT, "%d clients, %.1f s warm-up, %.1f s measured, median of %d runs "
                        + "(by req/s); client TLS: %s; p95 latency in ms%n", template.clients(),
                template.warmup().toMillis() / 1000.0, template.duration().toMillis() / 1000.0, runs,
                template.sslProvider()));
        out.append(tlsEngines(HttpSys.isEmulated())).append("\n\n");
        out.append("| scenario |");
        for (ServerVariant v : variants) {
            out.append(' ').append(v.label()).append(" req/s | p95 | err |");
        }
        boolean ratio = variants.contains(ServerVariant.HTTPSYS) && variants.contains(ServerVariant.NIO);
        if (ratio) {
            out.append(" httpsys/nio req/s | httpsys/nio p95 |");
        }
        out.append('\n').append("|---|");
        out.append("---:|---:|---:|".repeat(variants.size()));
        if (ratio) {
            out.append("---:|---:|");
        }
        out.append('\n');
        for (Map.Entry<Scenario, Map<ServerVariant, LoadResult>> row : medians.entrySet()) {
            out.append("| ").append(row.getKey().label()).append(" |");
            for (ServerVariant v : variants) {
                LoadResult r = row.getValue().get(v);
                out.append(r == null ? " - | - | - |" : String.format(Locale.ROOT, " %.0f | %.2f | %d |",
                        r.requestsPerSecond(), r.latencyMillis(95), r.errors()));
            }
            if (ratio) {
                LoadResult h = row.getValue().get(ServerVariant.HTTPSYS);
                LoadResult n = row.getValue().get(ServerVariant.NIO);
                out.append(h == null || n == null ? " - | - |" : String.format(Locale.ROOT, " %.2f | %.2f |",
                        h.requestsPerSecond() / n.requestsPerSecond(), h.latencyMillis(95) / n.latencyMillis(95)));
            }
            out.append('\n');
        }
        return out.toString();
    }

    /**
     * Which TLS engine served each row, and so what the HTTPS ratios divide: on the emulator the httpsys rows use
     * the JDK's engine ({@code TlsConfig}), as the {@code nio} row they are divided by does, never the
     * {@code nio-openssl} row; on Windows they use SChannel in the kernel, which no NIO row matches.
     */
    static String tlsEngines(boolean emulated) {
        return "Server TLS engines: httpsys = " + (emulated ? "JDK (the emulator's)" : "SChannel (kernel TLS)")
                + ", nio = JDK, nio-openssl / epoll-openssl = OpenSSL (BoringSSL). HTTPS rows' httpsys/nio ratios "
                + (emulated ? "divide JDK TLS by JDK TLS." : "divide SChannel by the JDK's engine: unlike engines.");
    }

    private static String backend(List<ServerVariant> variants) {
        return variants.stream().anyMatch(v -> v.transport() == ServerTransport.Kind.HTTPSYS)
                ? HttpSys.backendName() : "not run";
    }
}
