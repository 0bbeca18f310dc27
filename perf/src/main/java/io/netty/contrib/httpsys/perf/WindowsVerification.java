package io.netty.contrib.httpsys.perf;

import io.netty.contrib.httpsys.HttpSys;
import io.netty.contrib.httpsys.examples.CommandLine;
import io.netty.util.Version;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.netty.contrib.httpsys.perf.VerificationReport.Result.FAIL;
import static io.netty.contrib.httpsys.perf.VerificationReport.Result.PASS;

/**
 * The Windows verification kit ({@code verify-windows.cmd}): checks the Windows version and administrator rights,
 * runs the native test tier ({@code mvn verify -Dio.netty.contrib.httpsys.backend=native}), starts the examples on
 * HTTP.SYS and probes them, runs a short A/B matrix (httpsys against nio), and writes one report file to attach to
 * an issue. Elsewhere it runs too: the Windows-only steps are reported as skipped, and the examples and the matrix
 * run on the emulator (the report says so). Exit code 1 when a step failed.
 */
public final class WindowsVerification {

    static final CommandLine COMMAND_LINE = new CommandLine(WindowsVerification.class.getSimpleName(),
            "checks this Windows machine for netty-httpsys and writes one report file")
            .option("report", "FILE", "the report to write (default netty-httpsys-windows-report.md)")
            .option("project", "DIR", "the clone whose native test tier runs (default: the working directory)")
            .option("mvn", "COMMAND", "the Maven command (default mvn.cmd on Windows, mvn elsewhere)")
            .flag("skip-native-tests", "do not run the native test tier")
            .option("matrix-seconds", "SECONDS", "measured seconds per A/B run (default 5)");

    private static final String NATIVE_TIER = "native test tier";

    /** What one verification does, from the command line. */
    record Settings(Path report, Path project, String mvn, boolean skipNativeTests, double matrixSeconds) {

        static Settings of(Map<String, String> values) {
            double matrixSeconds = Double.parseDouble(values.getOrDefault("matrix-seconds", "5"));
            if (!(matrixSeconds > 0)) {
                throw new IllegalArgumentException("--matrix-seconds must be positive: " + matrixSeconds);
            }
            return new Settings(Path.of(values.getOrDefault("report", "netty-httpsys-windows-report.md")),
                    Path.of(values.getOrDefault("project", ".")),
                    values.getOrDefault("mvn", WindowsFacts.isWindows() ? "mvn.cmd" : "mvn"),
                    values.containsKey("skip-native-tests"), matrixSeconds);
        }
    }

    private WindowsVerification() {
    }

    public static void main(String[] args) throws Exception {
        Settings settings = COMMAND_LINE.parseOrExit(args, Settings::of);
        VerificationReport report = run(settings);
        System.out.println("Report: " + settings.report().toAbsolutePath()
                + (report.failed() ? " (FAILED: attach it to an issue)" : " (PASSED)"));
        System.exit(report.failed() ? 1 : 0);
    }

    /** Runs every step and writes the report; returns it. */
    static VerificationReport run(Settings settings) throws IOException {
        long start = System.nanoTime();
        VerificationReport report = new VerificationReport();
        environment(report);
        boolean windows = WindowsFacts.isWindows();
        if (windows) {
            windowsVersion(report);
            administrator(report);
        } else {
            report.skipped("Windows version", "not Windows (" + System.getProperty("os.name") + ")");
            report.skipped("administrator rights", "not Windows");
        }
        if (!windows) {
            report.skipped(NATIVE_TIER, "needs Windows: HTTP.SYS exists only there");
        } else if (settings.skipNativeTests()) {
            report.skipped(NATIVE_TIER, "--skip-native-tests");
        } else {
            nativeTier(report, settings);
        }
        new ExampleProbes(report).runAll();
        matrix(report, settings);
        report.environment("total time", String.format("%.1f s", ExampleProbes.seconds(start)));
        report.write(settings.report());
        return report;
    }

    private static void environment(VerificationReport report) {
        report.environment("OS", System.getProperty("os.name") + ' ' + System.getProperty("os.version") + ' '
                + System.getProperty("os.arch"));
        report.environment("Java", System.getProperty("java.vendor") + ' ' + System.getProperty("java.runtime.version"));
        // A shaded jar keeps one module's io.netty.versions.properties: any module then names the version.
        Map<String, Version> versions = Version.identify();
        Version netty = versions.getOrDefault("netty-common", versions.values().stream().findFirst().orElse(null));
        report.environment("Netty", netty == null ? "unknown" : netty.artifactVersion());
        report.environment("netty-httpsys", projectVersion());
        report.environment("backend", HttpSys.backendName() + (HttpSys.isEmulated() ? " (not HTTP.SYS)" : ""));
        Throwable cause = HttpSys.unavailabilityCause();
        report.environment("HTTP.SYS available", HttpSys.isAvailable() ? "yes" : "no: " + cause);
        report.environment("processors", String.valueOf(Runtime.getRuntime().availableProcessors()));
    }

    private static String projectVersion() {
        try (InputStream in = WindowsVerification.class.getResourceAsStream(
                "/META-INF/maven/io.netty.contrib.httpsys/transport-httpsys/pom.properties")) {
            if (in == null) {
                return "unknown (not run from a built jar)";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown (" + e + ")";
        }
    }

    private static void windowsVersion(VerificationReport report) {
        long start = System.nanoTime();
        try {
            String ver = WindowsFacts.run("cmd", "/c", "ver").strip();
            int build = WindowsFacts.build(ver);
            report.environment("Windows", ver);
            report.environment("features", String.join("; ", WindowsFacts.features(build)));
            boolean supported = build >= WindowsFacts.HTTP2_BUILD;
            report.step("Windows version", supported ? PASS : FAIL, ExampleProbes.seconds(start),
                    "build " + build + (supported ? "" : ": needs Windows 10 / Server 2016 or later"));
        } catch (IOException | InterruptedException e) {
            report.step("Windows version", FAIL, ExampleProbes.seconds(start), String.valueOf(e));
        }
    }

    private static void administrator(VerificationReport report) {
        long start = System.nanoTime();
        try {
            boolean elevated = WindowsFacts.isElevated(WindowsFacts.run("whoami", "/groups"));
            // Without elevation every http://+:port/ registration needs a URL reservation (netsh http add urlacl).
            report.step("administrator rights", elevated ? PASS : FAIL, ExampleProbes.seconds(start), elevated
                    ? "elevated" : "not elevated: run verify-windows.cmd from an administrator prompt "
                    + "(see docs/windows-setup.md)");
        } catch (IOException | InterruptedException e) {
            report.step("administrator rights", FAIL, ExampleProbes.seconds(start), String.valueOf(e));
        }
    }

    private static void nativeTier(VerificationReport report, Settings settings) {
        long start = System.nanoTime();
        // A build directory of its own: the kit itself runs from perf/target/benchmarks.jar, which Windows keeps
        // locked while it is open, so the nested build must not write there.
        List<String> command = new ArrayList<>(List.of(settings.mvn(), "-B", "-ntp", "verify",
                "-Dio.netty.contrib.httpsys.backend=native", "-Dhttpsys.build.dir=target-verify"));
        try {
            Path log = Files.createTempFile("netty-httpsys-native-tier", ".log");
            Process process = new ProcessBuilder(command).directory(settings.project().toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            process.getOutputStream().close();
            boolean finished = process.waitFor(45, TimeUnit.MINUTES);
            if (!finished) {
                process.destroyForcibly();
            }
            List<String> lines = Files.readAllLines(log, Charset.defaultCharset());
            Files.deleteIfExists(log);
            boolean passed = finished && process.exitValue() == 0;
            report.step(NATIVE_TIER, passed ? PASS : FAIL, ExampleProbes.seconds(start),
                    String.join(" ", command) + ": " + (finished ? "exit " + process.exitValue() : "timed out")
                            + ", " + testTotals(lines));
            report.section("native test tier (last 80 lines)",
                    String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size())));
        } catch (IOException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            report.step(NATIVE_TIER, FAIL, ExampleProbes.seconds(start), String.join(" ", command) + ": " + e);
        }
    }

    private static final Pattern TOTALS = Pattern.compile(
            "Tests run: (\\d+), Failures: (\\d+), Errors: (\\d+), Skipped: (\\d+)$");

    /**
     * The sum of surefire's per-module totals in a Maven log (the lines "Tests run: N, Failures: F, Errors: E,
     * Skipped: S" that name no test class).
     */
    static String testTotals(List<String> mavenLog) {
        long[] sums = new long[4];
        int modules = 0;
        for (String line : mavenLog) {
            Matcher m = TOTALS.matcher(line.strip());
            if (m.find()) {
                modules++;
                for (int i = 0; i < sums.length; i++) {
                    sums[i] += Long.parseLong(m.group(i + 1));
                }
            }
        }
        return modules == 0 ? "no test totals in the log" : String.format(Locale.ROOT,
                "%d tests, %d failures, %d errors, %d skipped (%d test runs)", sums[0], sums[1], sums[2], sums[3],
                modules);
    }

    private static void matrix(VerificationReport report, Settings settings) {
        long start = System.nanoTime();
        String seconds = String.valueOf(settings.matrixSeconds());
        String warmup = String.valueOf(Math.min(2, settings.matrixSeconds() / 2));
        try {
            PerfMatrix.Plan plan = PerfMatrix.Plan.of(Map.of("variants", "httpsys,nio",
                    "scenarios", "http-keepalive,http-close", "runs", "1", "clients", "16", "warmup", warmup,
                    "duration", seconds, "server-warmup", warmup, "client-ssl-provider", "jdk"));
            String table = PerfMatrix.run(plan);
            report.step("A/B matrix", PASS, ExampleProbes.seconds(start),
                    "httpsys against nio, http-keepalive and http-close, 16 clients, " + seconds + " s per run");
            report.section("A/B matrix", table);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            report.step("A/B matrix", FAIL, ExampleProbes.seconds(start), String.valueOf(e));
        }
    }
}
