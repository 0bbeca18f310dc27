package io.netty.contrib.httpsys.perf;

import io.netty.contrib.httpsys.examples.CommandLine;
import io.netty.contrib.httpsys.examples.FileServer;
import io.netty.contrib.httpsys.examples.HelloWorldServer;
import io.netty.contrib.httpsys.examples.SnoopServer;
import io.netty.contrib.httpsys.perf.jmh.RatioReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every program a user starts by hand answers {@code --help} with its usage (exit 0) and refuses an option it does
 * not know (usage on standard error, exit {@value CommandLine#USAGE_ERROR}) before it starts a server or a load
 * run. The programs run as the user runs them: their {@code main} in a JVM of their own.
 */
@Timeout(120)
class CommandLinesTest {

    @ParameterizedTest
    @ValueSource(classes = {HelloWorldServer.class, FileServer.class, SnoopServer.class, HelloServer.class,
            LoadGenerator.class, PerfMatrix.class, WindowsVerification.class, RatioReport.class})
    void helpPrintsUsageAndUnknownOptionsAreRefused(Class<?> program) throws Exception {
        // Both JVMs at once: this test is mostly JVM start-up.
        CompletableFuture<Exit> help = CompletableFuture.supplyAsync(() -> java(program, "--help"));
        CompletableFuture<Exit> unknown = CompletableFuture.supplyAsync(() -> java(program, "--prot", "8080"));

        Exit helped = help.get(60, TimeUnit.SECONDS);
        assertEquals(0, helped.code, helped.toString());
        assertTrue(helped.stdout.startsWith(program.getSimpleName() + ": "), helped.toString());
        assertTrue(helped.stdout.contains("Usage: " + program.getSimpleName()), helped.toString());
        assertTrue(helped.stdout.contains("--help"), helped.toString());

        Exit refused = unknown.get(60, TimeUnit.SECONDS);
        assertEquals(CommandLine.USAGE_ERROR, refused.code, refused.toString());
        assertTrue(refused.stderr.contains("unknown option --prot"), refused.toString());
        assertTrue(refused.stderr.contains("Usage: " + program.getSimpleName()), refused.toString());
        assertEquals("", refused.stdout, refused.toString());
    }

    @Test
    void badValuesAreUsageErrorsToo() {
        Exit exit = java(PerfMatrix.class, "--variants", "httpsys,iis");
        assertEquals(CommandLine.USAGE_ERROR, exit.code, exit.toString());
        assertTrue(exit.stderr.startsWith("PerfMatrix: "), exit.toString());
    }

    @Test
    void parsingKnowsEachProgramsOwnOptions() {
        assertEquals(Map.of("cache-seconds", "1", "tls", "true"), HelloServer.COMMAND_LINE.parse("--cache-seconds",
                "1", "--tls"));
        assertThrows(IllegalArgumentException.class, () -> HelloServer.COMMAND_LINE.parse("--root", "."));
        assertThrows(IllegalArgumentException.class, () -> LoadGenerator.parse("--url", "http://127.0.0.1:1/",
                "--client", "5"));
        assertThrows(IllegalArgumentException.class, () -> LoadGenerator.parse("--url"));
        assertThrows(CommandLine.HelpRequested.class, () -> PerfMatrix.COMMAND_LINE.parse("--runs", "1", "-h"));
    }

    private record Exit(int code, String stdout, String stderr) {
    }

    private static Exit java(Class<?> program, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // Short-lived JVMs: start-up is most of their time.
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), program.getName()));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).start();
            process.getOutputStream().close();
            CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> read(process, true));
            String stdout = read(process, false);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Exit(-1, stdout, "still running after 60 s");
            }
            return new Exit(process.exitValue(), stdout, stderr.join());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String read(Process process, boolean error) {
        try {
            return new String((error ? process.getErrorStream() : process.getInputStream()).readAllBytes(),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
