package io.netty.contrib.httpsys.perf.jmh;

import io.netty.contrib.httpsys.examples.CommandLine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The httpsys / NIO ratios of the per-request benchmarks ({@link HttpSysPipelineBenchmark} against
 * {@link NioPipelineBenchmark}) over interleaved rounds, from JMH's CSV results ({@code -rf csv}): per request type,
 * each round's CPU ns per request, B/op and wall ns/op of both, and the median of the per-round ratios. A single
 * run on a shared machine swings by tens of percent; the median over rounds that change which side runs first
 * is what a ratio may be quoted from. {@code perf/run-ratio.sh} runs the rounds and then this.
 *
 * <p>Where the null kernel counted it, the event loop's CPU in the kernel's completion wait is shown too, and the
 * CPU ratio without it: a cost the in-memory NIO pipeline never pays. Where the rounds include the handler alone
 * ({@link HandlerOnlyBenchmark}), a second table per request type shows that floor, which both sides pay: each
 * side's own cost (its figure minus the handler's) and what a 0.6x ratio leaves the transport
 * (0.6 &times; NIO minus the handler).
 *
 * <p>The results directory holds one file per fork, named {@code round-<n>-<position>-<side>.csv}: the round,
 * the position (1 to 3) that side ran in, and the side, {@code nio}, {@code httpsys} or (optional, but then in
 * every round) {@code handler}.
 */
public final class RatioReport {

    static final CommandLine COMMAND_LINE = new CommandLine(RatioReport.class.getSimpleName(),
            "prints the httpsys/NIO per-request ratios of interleaved JMH rounds (see perf/run-ratio.sh)")
            .option("results", "DIR",
                    "the directory of round-<n>-<1|2|3>-<nio|httpsys|handler>.csv files (JMH -rf csv)");

    /** The ratio issue 9 asks for; the floor table shows what it leaves the transport. */
    static final double TARGET = 0.6;

    private static final Pattern ROUND_FILE = Pattern.compile("round-(\\d+)-([123])-(nio|httpsys|handler)\\.csv");

    /** The calls into the kernel per request, as {@link KernelCallCounter} counts them. */
    record KernelCalls(double receives, double sends, double dequeues, double posts) {
        double total() {
            return receives + sends + dequeues + posts;
        }
    }

    /**
     * One side's figures for one request type in one fork; {@code calls} is null and {@code kernelWaitNanos}
     * (CPU ns per request in the kernel's completion wait) NaN where nothing counted them.
     */
    record Figures(double wallNanos, double bytes, double cpuNanos, KernelCalls calls, double kernelWaitNanos) {

        /** Figures without a kernel-wait count (NIO, the handler alone, results from before it was counted). */
        Figures(double wallNanos, double bytes, double cpuNanos, KernelCalls calls) {
            this(wallNanos, bytes, cpuNanos, calls, Double.NaN);
        }

        boolean waitCounted() {
            return !Double.isNaN(kernelWaitNanos);
        }
    }

    /**
     * One round: which side ran first, and each side's figures by request type; {@code handler} (the handler
     * alone) is empty in results without it.
     */
    record Round(int number, String first, Map<String, Figures> nio, Map<String, Figures> httpsys,
                 Map<String, Figures> handler) {

        /** A round without the handler alone. */
        Round(int number, String first, Map<String, Figures> nio, Map<String, Figures> httpsys) {
            this(number, first, nio, httpsys, Map.of());
        }
    }

    private RatioReport() {
    }

    public static void main(String[] args) {
        Path results = COMMAND_LINE.parseOrExit(args, values -> {
            String dir = values.get("results");
            if (dir == null) {
                throw new IllegalArgumentException("--results is required");
            }
            return Path.of(dir);
        });
        System.out.print(report(load(results)));
    }

    /**
     * The rounds in {@code dir}, in order; a round needs both sides, and the handler alone if any round has it.
     */
    static List<Round> load(Path dir) {
        Map<Integer, Map<String, Map<String, Figures>>> sides = new TreeMap<>();
        Map<Integer, String> firsts = new HashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files.sorted()::iterator) {
                Matcher name = ROUND_FILE.matcher(file.getFileName().toString());
                if (!name.matches()) {
                    continue;
                }
                int round = Integer.parseInt(name.group(1));
                String side = name.group(3);
                sides.computeIfAbsent(round, r -> new HashMap<>())
                        .put(side, parse(Files.readAllLines(file, StandardCharsets.UTF_8)));
                if (name.group(2).equals("1")) {
                    firsts.put(round, side);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Round> rounds = new ArrayList<>();
        boolean withHandler = sides.values().stream().anyMatch(bySide -> bySide.containsKey("handler"));
        sides.forEach((number, bySide) -> {
            if (!bySide.containsKey("nio") || !bySide.containsKey("httpsys")
                    || withHandler && !bySide.containsKey("handler")) {
                throw new IllegalArgumentException("round " + number + " in " + dir + " lacks a side: " + bySide.keySet());
            }
            rounds.add(new Round(number, firsts.getOrDefault(number, "?"), bySide.get("nio"), bySide.get("httpsys"),
                    bySide.getOrDefault("handler", Map.of())));
        });
        if (rounds.isEmpty()) {
            throw new IllegalArgumentException("no round-<n>-<1|2|3>-<nio|httpsys|handler>.csv files in " + dir);
        }
        return rounds;
    }

    /**
     * One JMH CSV result file's figures by request type ({@code Param: request}): the primary score (ns/op), the
     * GC profiler's {@code gc.alloc.rate.norm} (B/op), {@code cpuNanos / cpuRequests} and, where present, the
     * {@code kernel*} counters divided by {@code kernelRequests} (calls, and {@code kernelWaitCpuNanos}: ns).
     */
    static Map<String, Figures> parse(List<String> csv) {
        List<String> header = fields(csv.get(0));
        int score = header.indexOf("Score");
        int request = header.indexOf("Param: request");
        if (score < 0 || request < 0) {
            throw new IllegalArgumentException("not a JMH CSV result with a request parameter: " + csv.get(0));
        }
        Map<String, Map<String, Double>> metrics = new LinkedHashMap<>();
        for (String line : csv.subList(1, csv.size())) {
            if (line.isBlank()) {
                continue;
            }
            List<String> row = fields(line);
            String label = row.get(0);
            int colon = label.lastIndexOf(':');
            // JMH before 1.37 prefixed the profilers' metrics with a middle dot.
            String metric = colon < 0 ? "" : label.substring(colon + 1).replace("\u00b7", "");
            metrics.computeIfAbsent(row.get(request), r -> new HashMap<>())
                    .put(metric, Double.parseDouble(row.get(score)));
        }
        Map<String, Figures> figures = new LinkedHashMap<>();
        metrics.forEach((type, values) -> {
            KernelCalls calls = null;
            double waitNanos = Double.NaN;
            if (values.containsKey("kernelRequests")) {
                double requests = metric(values, "kernelRequests", type);
                calls = new KernelCalls(metric(values, "kernelReceives", type) / requests,
                        metric(values, "kernelSends", type) / requests,
                        metric(values, "kernelDequeues", type) / requests,
                        metric(values, "kernelPosts", type) / requests);
                // Results from before the null kernel measured its wait do not have it.
                if (values.containsKey("kernelWaitCpuNanos")) {
                    waitNanos = metric(values, "kernelWaitCpuNanos", type) / requests;
                }
            }
            figures.put(type, new Figures(metric(values, "", type), metric(values, "gc.alloc.rate.norm", type),
                    metric(values, "cpuNanos", type) / metric(values, "cpuRequests", type), calls, waitNanos));
        });
        return figures;
    }

    private static double metric(Map<String, Double> values, String metric, String request) {
        Double value = values.get(metric);
        if (value == null) {
            throw new IllegalArgumentException("no " + (metric.isEmpty() ? "primary score" : metric)
                    + " for request " + request + " (run JMH with -prof gc)");
        }
        return value;
    }

    /** A CSV line's fields, with JMH's double quotes taken off. */
    private static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    /** The middle value, or the mean of the two middle values of an even count. */
    static double median(double... values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /**
     * One round's floor for one request type: the handler alone ({@link HandlerOnlyBenchmark}), its share of NIO,
     * each side's own cost (the side minus the handler) and what a 0.6x ratio leaves the transport
     * (0.6 &times; NIO minus the handler), in CPU ns per request and in B/op.
     */
    record Floor(Figures handler, double cpuShare, double bytesShare, double httpsysOwnCpu, double httpsysOwnBytes,
                 double nioOwnCpu, double nioOwnBytes, double budgetCpu, double budgetBytes) {

        static Floor of(Figures nio, Figures httpsys, Figures handler) {
            return new Floor(handler, handler.cpuNanos() / nio.cpuNanos(), handler.bytes() / nio.bytes(),
                    httpsys.cpuNanos() - handler.cpuNanos(), httpsys.bytes() - handler.bytes(),
                    nio.cpuNanos() - handler.cpuNanos(), nio.bytes() - handler.bytes(),
                    TARGET * nio.cpuNanos() - handler.cpuNanos(), TARGET * nio.bytes() - handler.bytes());
        }
    }

    /**
     * Per request type, a table of the rounds and the medians of the per-round ratios (with the kernel wait where
     * the null kernel counted it), the floor table where the handler alone ran, and the summary lines.
     */
    static String report(List<Round> rounds) {
        Set<String> types = new LinkedHashSet<>(rounds.get(0).nio().keySet());
        StringBuilder out = new StringBuilder();
        for (String type : types) {
            boolean anyWait = false;
            boolean allWait = true;
            boolean withHandler = true;
            for (Round round : rounds) {
                boolean waitCounted = side(round.httpsys(), type, round, "httpsys").waitCounted();
                anyWait |= waitCounted;
                allWait &= waitCounted;
                withHandler &= round.handler().containsKey(type);
            }
            out.append(String.format(Locale.ROOT, "%n%s: %d rounds, ratio = httpsys / NIO%n%n", type, rounds.size()));
            out.append("| round | first | NIO CPU ns/req | httpsys CPU ns/req | CPU ratio | NIO B/op | httpsys B/op "
                    + "| B/op ratio | NIO wall ns/op | httpsys wall ns/op | wall ratio "
                    + "| kernel calls/req (receive + send + dequeue + post) |"
                    + (anyWait ? " httpsys kernel-wait CPU ns/req | CPU ratio without the wait |" : "") + "\n");
            out.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|" + (anyWait ? "---:|---:|" : "")
                    + "\n");
            int n = rounds.size();
            double[] cpu = new double[n];
            double[] bytes = new double[n];
            double[] wall = new double[n];
            double[] calls = new double[n];
            double[] wait = new double[n];
            double[] cpuWithoutWait = new double[n];
            List<Floor> floors = new ArrayList<>();
            boolean counted = true;
            for (int i = 0; i < n; i++) {
                Round round = rounds.get(i);
                Figures nio = side(round.nio(), type, round, "nio");
                Figures httpsys = side(round.httpsys(), type, round, "httpsys");
                cpu[i] = httpsys.cpuNanos() / nio.cpuNanos();
                bytes[i] = httpsys.bytes() / nio.bytes();
                wall[i] = httpsys.wallNanos() / nio.wallNanos();
                KernelCalls kernel = httpsys.calls();
                counted &= kernel != null;
                calls[i] = kernel == null ? Double.NaN : kernel.total();
                wait[i] = httpsys.kernelWaitNanos();
                cpuWithoutWait[i] = (httpsys.cpuNanos() - wait[i]) / nio.cpuNanos();
                if (withHandler) {
                    floors.add(Floor.of(nio, httpsys, round.handler().get(type)));
                }
                out.append(String.format(Locale.ROOT,
                        "| %d | %s | %,.0f | %,.0f | %.2fx | %,.0f | %,.0f | %.2fx | %,.0f | %,.0f | %.2fx | %s |",
                        round.number(), round.first(), nio.cpuNanos(), httpsys.cpuNanos(), cpu[i],
                        nio.bytes(), httpsys.bytes(), bytes[i], nio.wallNanos(), httpsys.wallNanos(), wall[i],
                        kernel == null ? "-" : String.format(Locale.ROOT, "%.2f (%.2f + %.2f + %.2f + %.2f)",
                                kernel.total(), kernel.receives(), kernel.sends(), kernel.dequeues(),
                                kernel.posts())));
                out.append(String.format(Locale.ROOT, "%s%n",
                        anyWait ? waitCells(httpsys.waitCounted(), wait[i], cpuWithoutWait[i]) : ""));
            }
            out.append(String.format(Locale.ROOT, "| median | | | | %.2fx | | | %.2fx | | | %.2fx | %s |%s%n%n",
                    median(cpu), median(bytes), median(wall),
                    counted ? String.format(Locale.ROOT, "%.2f", median(calls)) : "-",
                    anyWait ? waitCells(allWait, median(wait), median(cpuWithoutWait)) : ""));
            if (withHandler) {
                floorTable(out, type, rounds, floors);
            }
            out.append(String.format(Locale.ROOT,
                    "%s median httpsys/NIO: CPU per request %.2fx, B/op %.2fx (wall ns/op %.2fx)%s%n",
                    type, median(cpu), median(bytes), median(wall),
                    counted ? String.format(Locale.ROOT, "; kernel calls per request %.2f", median(calls)) : ""));
            if (allWait) {
                out.append(String.format(Locale.ROOT, "%s median httpsys/NIO without the kernel wait: CPU per request "
                                + "%.2fx (the event loop spends %,.0f ns per request waiting in the kernel)%n",
                        type, median(cpuWithoutWait), median(wait)));
            }
            if (withHandler) {
                out.append(String.format(Locale.ROOT, "%s floor: the handler alone costs %,.0f ns / %,.0f B per "
                                + "request (%.0f %% / %.0f %% of NIO); %.1fx NIO leaves the transport %,.0f ns / "
                                + "%,.0f B, httpsys's own is %,.0f ns%s / %,.0f B (NIO's own %,.0f ns / %,.0f B)%n",
                        type, median(floors, f -> f.handler().cpuNanos()), median(floors, f -> f.handler().bytes()),
                        100 * median(floors, Floor::cpuShare), 100 * median(floors, Floor::bytesShare), TARGET,
                        median(floors, Floor::budgetCpu), median(floors, Floor::budgetBytes),
                        median(floors, Floor::httpsysOwnCpu),
                        allWait ? String.format(Locale.ROOT, " (%,.0f ns of it waiting in the kernel)", median(wait))
                                : "",
                        median(floors, Floor::httpsysOwnBytes), median(floors, Floor::nioOwnCpu),
                        median(floors, Floor::nioOwnBytes)));
            }
        }
        return out.toString();
    }

    /** The kernel-wait columns of a row: the wait and the CPU ratio without it, or dashes where not counted. */
    private static String waitCells(boolean counted, double waitNanos, double cpuWithoutWait) {
        return counted ? String.format(Locale.ROOT, " %,.0f | %.2fx |", waitNanos, cpuWithoutWait) : " - | - |";
    }

    /** The handler-alone table of one request type, with the median of each column's per-round values. */
    private static void floorTable(StringBuilder out, String type, List<Round> rounds, List<Floor> floors) {
        out.append(String.format(Locale.ROOT, "%s, the handler alone (HandlerOnlyBenchmark), which both sides pay: "
                + "own = side - handler, %.1fx budget = %.1f x NIO - handler%n%n", type, TARGET, TARGET));
        out.append(String.format(Locale.ROOT, "| round | handler CPU ns/req | handler B/op | handler/NIO CPU "
                + "| handler/NIO B/op | httpsys own CPU ns/req | httpsys own B/op | NIO own CPU ns/req | NIO own B/op "
                + "| %.1fx budget CPU ns/req | %.1fx budget B/op |%n", TARGET, TARGET));
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (int i = 0; i < floors.size(); i++) {
            Floor f = floors.get(i);
            out.append(String.format(Locale.ROOT, "| %d | %s |%n", rounds.get(i).number(),
                    floorCells(f.handler().cpuNanos(), f.handler().bytes(), f.cpuShare(), f.bytesShare(),
                            f.httpsysOwnCpu(), f.httpsysOwnBytes(), f.nioOwnCpu(), f.nioOwnBytes(), f.budgetCpu(),
                            f.budgetBytes())));
        }
        out.append(String.format(Locale.ROOT, "| median | %s |%n%n",
                floorCells(median(floors, f -> f.handler().cpuNanos()), median(floors, f -> f.handler().bytes()),
                        median(floors, Floor::cpuShare), median(floors, Floor::bytesShare),
                        median(floors, Floor::httpsysOwnCpu), median(floors, Floor::httpsysOwnBytes),
                        median(floors, Floor::nioOwnCpu), median(floors, Floor::nioOwnBytes),
                        median(floors, Floor::budgetCpu), median(floors, Floor::budgetBytes))));
    }

    private static String floorCells(double handlerCpu, double handlerBytes, double cpuShare, double bytesShare,
                                     double httpsysOwnCpu, double httpsysOwnBytes, double nioOwnCpu,
                                     double nioOwnBytes, double budgetCpu, double budgetBytes) {
        return String.format(Locale.ROOT, "%,.0f | %,.0f | %.0f %% | %.0f %% | %,.0f | %,.0f | %,.0f | %,.0f | %,.0f "
                        + "| %,.0f", handlerCpu, handlerBytes, 100 * cpuShare, 100 * bytesShare, httpsysOwnCpu,
                httpsysOwnBytes, nioOwnCpu, nioOwnBytes, budgetCpu, budgetBytes);
    }

    /** The median over rounds of one per-round value. */
    private static double median(List<Floor> floors, ToDoubleFunction<Floor> value) {
        return median(floors.stream().mapToDouble(value).toArray());
    }

    private static Figures side(Map<String, Figures> figures, String type, Round round, String side) {
        Figures found = figures.get(type);
        if (found == null) {
            throw new IllegalArgumentException("round " + round.number() + ": no " + type + " result for " + side);
        }
        return found;
    }
}
