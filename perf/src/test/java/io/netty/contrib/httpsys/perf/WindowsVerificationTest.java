package io.netty.contrib.httpsys.perf;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The verification kit end to end off Windows: the Windows-only steps are reported as skipped, the examples and a
 * short A/B matrix run on the emulator, and one report file holds it all. The matrix runs for a fraction of a
 * second here; the native test tier is skipped because this is not Windows.
 */
@Timeout(180)
class WindowsVerificationTest {

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "on Windows the kit runs its Windows steps (the CI job)")
    void runsEndToEndWithTheWindowsStepsSkipped(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("reports/windows-report.md");
        WindowsVerification.Settings settings = WindowsVerification.Settings.of(Map.of(
                "report", file.toString(), "matrix-seconds", "0.2"));

        VerificationReport report = WindowsVerification.run(settings);

        assertEquals(VerificationReport.Result.SKIPPED, report.result("Windows version"));
        assertEquals(VerificationReport.Result.SKIPPED, report.result("administrator rights"));
        assertEquals(VerificationReport.Result.SKIPPED, report.result("native test tier"));
        for (String example : List.of("example HelloWorldServer", "example FileServer", "example SnoopServer")) {
            assertEquals(VerificationReport.Result.PASS, report.result(example), example);
        }
        assertEquals(VerificationReport.Result.PASS, report.result("A/B matrix"));
        assertFalse(report.failed());

        String written = Files.readString(file);
        assertEquals(report.render(), written);
        assertTrue(written.startsWith("# netty-httpsys Windows verification report\n\n**PASSED**: 4 passed, 0 failed, "
                + "3 skipped"), written);
        assertTrue(written.contains("| native test tier | SKIPPED | 0.0 | needs Windows"), written);
        assertTrue(written.contains("| backend | emulator (not HTTP.SYS) |"), written);
        assertTrue(written.contains("| Netty | 4.2."), written);
        assertTrue(written.contains("EMULATOR"), "the matrix table says the httpsys rows ran on the emulator");
        assertTrue(written.contains("| http-keepalive |") && written.contains("| http-close |"), written);
        assertTrue(written.contains("| total time |"), written);
    }

    @Test
    void sumsTheTestTotalsOfEveryModule() {
        List<String> log = List.of(
                "[INFO] Tests run: 5, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.4 s -- in a.BTest",
                "[INFO] Tests run: 120, Failures: 0, Errors: 0, Skipped: 2",
                "[ERROR] Tests run: 3, Failures: 1, Errors: 0, Skipped: 0, Time elapsed: 1.0 s <<< FAILURE! -- in c.D",
                "[ERROR] Tests run: 269, Failures: 1, Errors: 1, Skipped: 0");
        assertEquals("389 tests, 1 failures, 1 errors, 2 skipped (2 test runs)", WindowsVerification.testTotals(log));
        assertEquals("no test totals in the log", WindowsVerification.testTotals(List.of("BUILD FAILURE")));
    }

    @Test
    void readsTheBuildAndTheFeaturesItHas() {
        assertEquals(22631, WindowsFacts.build("\r\nMicrosoft Windows [Version 10.0.22631.4460]\r\n"));
        assertEquals(14393, WindowsFacts.build("Microsoft Windows [Version 10.0.14393]"));
        assertEquals(-1, WindowsFacts.build("no version here"));
        assertTrue(WindowsFacts.features(14393).contains("HTTP/2 over TLS: yes"));
        assertTrue(WindowsFacts.features(19045).contains("HTTP/3 and response trailers: no (need Windows 11 / "
                + "Server 2022)"));
        assertTrue(WindowsFacts.features(20348).contains("HTTP/3 and response trailers: yes"));
        assertTrue(WindowsFacts.isElevated("Mandatory Label\\High Mandatory Level  Label  S-1-16-12288"));
        assertFalse(WindowsFacts.isElevated("Mandatory Label\\Medium Mandatory Level Label S-1-16-8192"));
    }
}
