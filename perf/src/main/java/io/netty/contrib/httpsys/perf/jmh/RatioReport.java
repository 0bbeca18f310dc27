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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The httpsys / NIO ratios of the per-request benchmarks ({@link HttpSysPipelineBenchmark} against
 * {@link NioPipelineBenchmark}) over interleaved rounds, from JMH's CSV results ({@code -rf csv}): per request type,
 * each round's CPU ns per request, B/op and wall ns/op of both, and the median of the per-round ratios. A single
 * run on a shared machine swings by tens of percent; the median over rounds that alternate which side runs first
 * is what a ratio may be quoted from. {@code perf/run-ratio.sh} runs the rounds and then this.
 *
 * <p>The results directory holds one file per fork, named {@code round-<n>-<1|2>-<nio|httpsys>.csv}: the round,
 * whether that side ran first or second in it, and the side.
 */
public final class RatioReport {

    static final CommandLine COMMAND_LINE = new CommandLine(RatioReport.class.getSimpleName(),
            "prints the httpsys/NIO per-request ratios of interleaved JMH rounds (see perf/run-ratio.sh)")
            .option("results", "DIR", "the directory of round-<n>-<1|2>-<nio|httpsys>.csv files (JMH -rf csv)");

    private static final Pattern ROUND_FILE = Pattern.compile("round-(\\d+)-([12])-(nio|httpsys)\\.csv");

    /** The calls into the kernel per request, as {@link KernelCallCounter} counts them. */
    record KernelCalls(double receives, double sends, double dequeues, double posts) {
        double total() {
            return receives + sends + dequeues + posts;
        }
    }

    /** One side's figures for one request type in one fork; {@code calls} is null where nothing counted them. */
    record Figures(double wallNanos, double bytes, double cpuNanos, KernelCalls calls) {
    }

    /** One round: which side ran first, and each side's figures by request type. */
    record Round(int number, String first, Map<String, Figures> nio, Map<String, Figures> httpsys) {
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

    /** The rounds in {@code dir}, in order; a round needs both sides. */
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
        sides.forEach((number, bySide) -> {
            if (!bySide.containsKey("nio") || !bySide.containsKey("httpsys")) {
                throw new IllegalArgumentException("round " + number + " in " + dir + " lacks a side: " + bySide.keySet());
            }
            rounds.add(new Round(number, firsts.getOrDefault(number, "?"), bySide.get("nio"), bySide.get("httpsys")));
        });
        if (rounds.isEmpty()) {
            throw new IllegalArgumentException("no round-<n>-<1|2>-<nio|httpsys>.csv files in " + dir);
        }
        return rounds;
    }

    /**
     * One JMH CSV result file's figures by request type ({@code Param: request}): the primary score (ns/op), the
     * GC profiler's {@code gc.alloc.rate.norm} (B/op), {@code cpuNanos / cpuRequests} and, where present, the
     * {@code kernel*} counters divided by {@code kernelRequests}.
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
            if (values.containsKey("kernelRequests")) {
                double requests = metric(values, "kernelRequests", type);
                calls = new KernelCalls(metric(values, "kernelReceives", type) / requests,
                        metric(values, "kernelSends", type) / requests,
                        metric(values, "kernelDequeues", type) / requests,
                        metric(values, "kernelPosts", type) / requests);
            }
            figures.put(type, new Figures(metric(values, "", type), metric(values, "gc.alloc.rate.norm", type),
                    metric(values, "cpuNanos", type) / metric(values, "cpuRequests", type), calls));
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

    /** Per request type, a table of the rounds and the medians of the per-round ratios. */
    static String report(List<Round> rounds) {
        Set<String> types = new LinkedHashSet<>(rounds.get(0).nio().keySet());
        StringBuilder out = new StringBuilder();
        for (String type : types) {
            out.append(String.format(Locale.ROOT, "%n%s: %d rounds, ratio = httpsys / NIO%n%n", type, rounds.size()));
            out.append("| round | first | NIO CPU ns/req | httpsys CPU ns/req | CPU ratio | NIO B/op | httpsys B/op "
                    + "| B/op ratio | NIO wall ns/op | httpsys wall ns/op | wall ratio "
                    + "| kernel calls/req (receive + send + dequeue + post) |\n");
            out.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
            int n = rounds.size();
            double[] cpu = new double[n];
            double[] bytes = new double[n];
            double[] wall = new double[n];
            double[] calls = new double[n];
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
                out.append(String.format(Locale.ROOT,
                        "| %d | %s | %,.0f | %,.0f | %.2fx | %,.0f | %,.0f | %.2fx | %,.0f | %,.0f | %.2fx | %s |%n",
                        round.number(), round.first(), nio.cpuNanos(), httpsys.cpuNanos(), cpu[i],
                        nio.bytes(), httpsys.bytes(), bytes[i], nio.wallNanos(), httpsys.wallNanos(), wall[i],
                        kernel == null ? "-" : String.format(Locale.ROOT, "%.2f (%.2f + %.2f + %.2f + %.2f)",
                                kernel.total(), kernel.receives(), kernel.sends(), kernel.dequeues(),
                                kernel.posts())));
            }
            out.append(String.format(Locale.ROOT, "| median | | | | %.2fx | | | %.2fx | | | %.2fx | %s |%n%n",
                    median(cpu), median(bytes), median(wall),
                    counted ? String.format(Locale.ROOT, "%.2f", median(calls)) : "-"));
            out.append(String.format(Locale.ROOT,
                    "%s median httpsys/NIO: CPU per request %.2fx, B/op %.2fx (wall ns/op %.2fx)%s%n",
                    type, median(cpu), median(bytes), median(wall),
                    counted ? String.format(Locale.ROOT, "; kernel calls per request %.2f", median(calls)) : ""));
        }
        return out.toString();
    }

    private static Figures side(Map<String, Figures> figures, String type, Round round, String side) {
        Figures found = figures.get(type);
        if (found == null) {
            throw new IllegalArgumentException("round " + round.number() + ": no " + type + " result for " + side);
        }
        return found;
    }
}
