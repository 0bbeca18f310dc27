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
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    @Test
    void readsTheKernelWaitAndTheHandlerAloneFromJmhCsv() throws IOException {
        Figures httpsys = RatioReport.parse(fixture("httpsys-wait-quick.csv")).get("POST_4K");
        assertEquals(247892.0 / 1728, httpsys.kernelWaitNanos(), 1e-9, "kernelWaitCpuNanos / kernelRequests");
        assertEquals(228312006.0 / 1536, httpsys.cpuNanos(), 1e-6);
        assertFalse(RatioReport.parse(fixture("httpsys-quick.csv")).get("GET").waitCounted(),
                "results from before the wait was measured have none");

        Figures handler = RatioReport.parse(fixture("handler-quick.csv")).get("GET");
        assertEquals(128907705.0 / 3840, handler.cpuNanos(), 1e-6);
        assertEquals(753.262341, handler.bytes(), 1e-6);
        assertNull(handler.calls());
        assertFalse(handler.waitCounted());
    }

    @Test
    void theFloorIsTheMedianOfEachRoundsHandlerOwnCostsAndBudget() {
        // Per round (CPU ns, B): handler 300/700, 500/750, 250/720; budget = 0.6 x NIO - handler = 300/500,
        // 700/570, 530/540; httpsys's own = httpsys - handler = 1200/1100, 1900/1150, 1250/1280; NIO's own
        // 700/1300, 1500/1450, 1050/1380; wait 200, 100, 300 and CPU without it (1500-200)/1000 = 1.30x,
        // (2400-100)/2000 = 1.15x, (1500-300)/1300 = 0.92x. The budget's median, 530, is not 0.6 x the median NIO
        // (1300) minus the median handler (300) = 480.
        List<Round> rounds = List.of(
                floorRound(1, 1000, 1500, 300, 2000, 1800, 700, 200),
                floorRound(2, 2000, 2400, 500, 2200, 1900, 750, 100),
                floorRound(3, 1300, 1500, 250, 2100, 2000, 720, 300));

        String report = RatioReport.report(rounds);

        assertTrue(report.contains("| 1 | nio | 1,000 | 1,500 | 1.50x | 2,000 | 1,800 | 0.90x | 1,000 | 1,000 | 1.00x "
                + "| 2.06 (1.00 + 1.00 + 0.06 + 0.00) | 200 | 1.30x |"), report);
        assertTrue(report.contains("| median | | | | 1.20x | | | 0.90x | | | 1.00x | 2.06 | 200 | 1.15x |"), report);
        assertTrue(report.contains("| 2 | 500 | 750 | 25 % | 34 % | 1,900 | 1,150 | 1,500 | 1,450 | 700 | 570 |"),
                report);
        assertTrue(report.contains("| median | 300 | 720 | 25 % | 34 % | 1,250 | 1,150 | 1,050 | 1,380 | 530 | 540 |"),
                report);
        assertTrue(report.contains("GET median httpsys/NIO: CPU per request 1.20x, B/op 0.90x (wall ns/op 1.00x); "
                + "kernel calls per request 2.06\n"), report);
        assertTrue(report.contains("GET median httpsys/NIO without the kernel wait: CPU per request 1.15x (the event "
                + "loop spends 200 ns per request waiting in the kernel)"), report);
        assertTrue(report.contains("GET floor: the handler alone costs 300 ns / 720 B per request (25 % / 34 % of "
                + "NIO); 0.6x NIO leaves the transport 530 ns / 540 B, httpsys's own is 1,250 ns (200 ns of it "
                + "waiting in the kernel) / 1,150 B (NIO's own 1,050 ns / 1,380 B)"), report);
    }

    @Test
    void resultsWithoutTheHandlerOrTheWaitReportAsBefore(@TempDir Path dir) throws IOException {
        for (String name : Arrays.asList("round-1-1-nio", "round-1-2-httpsys", "round-2-1-httpsys", "round-2-2-nio",
                "round-3-1-nio", "round-3-2-httpsys")) {
            Files.write(dir.resolve(name + ".csv"),
                    fixture(name.endsWith("nio") ? "nio-quick.csv" : "httpsys-quick.csv"));
        }

        String report = RatioReport.report(RatioReport.load(dir));

        assertTrue(report.contains("| round | first | NIO CPU ns/req | httpsys CPU ns/req | CPU ratio | NIO B/op "
                + "| httpsys B/op | B/op ratio | NIO wall ns/op | httpsys wall ns/op | wall ratio "
                + "| kernel calls/req (receive + send + dequeue + post) |\n"), report);
        assertTrue(report.contains("| 2 | httpsys | "), report);
        for (String type : List.of("GET", "POST_4K")) {
            assertTrue(report.contains(type + " median httpsys/NIO: CPU per request "), report);
        }
        for (String line : report.lines().toList()) {
            assertFalse(line.contains("wait") || line.contains("handler") || line.contains("floor"), line);
            assertTrue(!line.startsWith("|") || line.chars().filter(c -> c == '|').count() == 13,
                    "twelve columns, as before: " + line);
        }
    }

    @Test
    void loadsTheHandlerAloneAndRefusesARoundWithoutItWhenOthersHaveIt(@TempDir Path dir) throws IOException {
        for (String name : Arrays.asList("round-1-1-nio", "round-1-2-httpsys", "round-1-3-handler",
                "round-2-1-httpsys", "round-2-2-handler", "round-2-3-nio",
                "round-3-1-handler", "round-3-2-nio", "round-3-3-httpsys")) {
            String side = name.substring(name.lastIndexOf('-') + 1);
            Files.write(dir.resolve(name + ".csv"),
                    fixture(side.equals("httpsys") ? "httpsys-wait-quick.csv" : side + "-quick.csv"));
        }

        List<Round> rounds = RatioReport.load(dir);

        assertEquals(List.of("nio", "httpsys", "handler"), rounds.stream().map(Round::first).toList());
        assertEquals(697.433414, rounds.get(2).handler().get("POST_4K").bytes(), 1e-6);
        String report = RatioReport.report(rounds);
        assertTrue(report.contains("POST_4K floor: the handler alone costs "), report);
        assertTrue(report.contains("| median | "), report);

        Files.delete(dir.resolve("round-2-2-handler.csv"));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> RatioReport.load(dir));
        assertTrue(refused.getMessage().contains("round 2"), refused.getMessage());
    }

    private static Round floorRound(int number, double nioCpu, double httpsysCpu, double handlerCpu, double nioBytes,
                                    double httpsysBytes, double handlerBytes, double waitNanos) {
        KernelCalls calls = new KernelCalls(1, 1, 0.06, 0);
        return new Round(number, "nio", Map.of("GET", new Figures(1000, nioBytes, nioCpu, null)),
                Map.of("GET", new Figures(1000, httpsysBytes, httpsysCpu, calls, waitNanos)),
                Map.of("GET", new Figures(1000, handlerBytes, handlerCpu, null)));
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
