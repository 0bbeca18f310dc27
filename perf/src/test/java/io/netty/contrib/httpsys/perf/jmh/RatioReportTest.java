package io.netty.contrib.httpsys.perf.jmh;

import io.netty.contrib.httpsys.perf.jmh.RatioReport.Figures;
import io.netty.contrib.httpsys.perf.jmh.RatioReport.KernelCalls;
import io.netty.contrib.httpsys.perf.jmh.RatioReport.Round;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The arithmetic behind every ratio in perf/RESULTS.md: what {@link RatioReport} reads from JMH's CSV results
 * (captured from a {@code perf/run-ratio.sh --quick} run) and that it quotes the median of the per-round ratios.
 */
class RatioReportTest {

    @Test
    void readsCpuPerRequestBytesWallTimeAndKernelCallsFromJmhCsv() throws IOException {
        Map<String, Figures> httpsys = RatioReport.parse(fixture("httpsys-quick.csv"));

        Figures get = httpsys.get("GET");
        assertEquals(50451.912534, get.wallNanos(), 1e-6);
        assertEquals(3018.014059, get.bytes(), 1e-6);
        assertEquals(275258279.0 / 16384, get.cpuNanos(), 1e-6);
        KernelCalls calls = get.calls();
        assertEquals(1.0, calls.receives(), 1e-9);
        assertEquals(1.0, calls.sends(), 1e-9);
        assertEquals(1050.0 / 16528, calls.dequeues(), 1e-9);
        assertEquals(0.0, calls.posts(), 1e-9);
        assertEquals(2 + 1050.0 / 16528, calls.total(), 1e-9);
        assertEquals(2662.720384, httpsys.get("POST_4K").bytes(), 1e-6);

        Figures nio = RatioReport.parse(fixture("nio-quick.csv")).get("POST_4K");
        assertEquals(290522861.0 / 19456, nio.cpuNanos(), 1e-6);
        assertNull(nio.calls(), "nothing counts kernel calls on NIO");
    }

    @Test
    void aResultWithoutTheGcProfilerIsRefused() throws IOException {
        List<String> csv = fixture("nio-quick.csv").stream().filter(line -> !line.contains("gc.alloc.rate.norm")).toList();

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> RatioReport.parse(csv));
        assertTrue(refused.getMessage().contains("-prof gc"), refused.getMessage());
    }

    @Test
    void quotesTheMedianOfThePerRoundRatiosNotTheRatioOfTheMedians() {
        // CPU ratios 1.50, 1.10, 0.50: median 1.10, where the medians' ratio would be 200 / 200 = 1.00.
        List<Round> rounds = List.of(
                round(1, "nio", 100, 150, 1000, 1300),
                round(2, "httpsys", 200, 220, 1000, 1100),
                round(3, "nio", 400, 200, 1000, 1200));

        String report = RatioReport.report(rounds);

        assertTrue(report.contains("GET median httpsys/NIO: CPU per request 1.10x, B/op 1.20x"), report);
        assertTrue(report.contains("| 2 | httpsys | 200 | 220 | 1.10x | 1,000 | 1,100 | 1.10x |"), report);
        assertTrue(report.contains("kernel calls per request 2.06"), report);
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertEquals(3.0, RatioReport.median(20, 1, 3));
        assertEquals(2.5, RatioReport.median(10, 1, 3, 2));
    }

    @Test
    void loadsRoundsInNumericOrderWithTheSideThatRanFirst(@TempDir Path dir) throws IOException {
        for (String name : Arrays.asList("round-1-1-nio", "round-1-2-httpsys", "round-2-1-httpsys", "round-2-2-nio",
                "round-10-1-nio", "round-10-2-httpsys")) {
            Files.write(dir.resolve(name + ".csv"), fixture(name.endsWith("nio") ? "nio-quick.csv" : "httpsys-quick.csv"));
        }
        Files.writeString(dir.resolve("round-1-1-nio.log"), "JMH's console output is not a result");

        List<Round> rounds = RatioReport.load(dir);

        assertEquals(List.of(1, 2, 10), rounds.stream().map(Round::number).toList());
        assertEquals(List.of("nio", "httpsys", "nio"), rounds.stream().map(Round::first).toList());
        assertEquals(2707.111977, rounds.get(2).nio().get("GET").bytes(), 1e-6);
    }

    @Test
    void aRoundWithOneSideOnlyIsRefused(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve("round-1-1-nio.csv"), fixture("nio-quick.csv"));

        assertThrows(IllegalArgumentException.class, () -> RatioReport.load(dir));
    }

    private static Round round(int number, String first, double nioCpu, double httpsysCpu, double nioBytes,
                               double httpsysBytes) {
        KernelCalls calls = new KernelCalls(1, 1, 0.06, 0);
        return new Round(number, first, Map.of("GET", new Figures(1000, nioBytes, nioCpu, null)),
                Map.of("GET", new Figures(1000, httpsysBytes, httpsysCpu, calls)));
    }

    private static List<String> fixture(String name) throws IOException {
        try (InputStream in = RatioReportTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }
}
