package io.netty.contrib.httpsys.perf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one file the Windows verification kit writes, in Markdown so that it reads well pasted into a GitHub issue:
 * the environment, one row per step (result, time, a line of detail), then the longer outputs (the A/B table, the
 * tail of the native test run).
 */
final class VerificationReport {

    /** What became of a step. */
    enum Result {
        PASS, FAIL, SKIPPED
    }

    private record Step(String name, Result result, double seconds, String detail) {
    }

    private final Map<String, String> environment = new LinkedHashMap<>();
    private final List<Step> steps = new ArrayList<>();
    private final Map<String, String> sections = new LinkedHashMap<>();

    void environment(String name, String value) {
        environment.put(name, value);
    }

    void step(String name, Result result, double seconds, String detail) {
        steps.add(new Step(name, result, seconds, detail));
    }

    void skipped(String name, String reason) {
        step(name, Result.SKIPPED, 0, reason);
    }

    /** A block of text (a table, a log tail) under its own heading. */
    void section(String title, String text) {
        sections.put(title, text);
    }

    boolean failed() {
        return steps.stream().anyMatch(s -> s.result() == Result.FAIL);
    }

    /** The result of the step called {@code name}, or {@code null}. */
    Result result(String name) {
        return steps.stream().filter(s -> s.name().equals(name)).map(Step::result).findFirst().orElse(null);
    }

    String render() {
        StringBuilder out = new StringBuilder("# netty-httpsys Windows verification report\n\n");
        long passed = steps.stream().filter(s -> s.result() == Result.PASS).count();
        long failed = steps.stream().filter(s -> s.result() == Result.FAIL).count();
        long skipped = steps.stream().filter(s -> s.result() == Result.SKIPPED).count();
        out.append(String.format(Locale.ROOT, "**%s**: %d passed, %d failed, %d skipped%n%n",
                failed > 0 ? "FAILED" : "PASSED", passed, failed, skipped));
        out.append("## Environment\n\n| | |\n|---|---|\n");
        environment.forEach((name, value) -> out.append("| ").append(name).append(" | ").append(cell(value))
                .append(" |\n"));
        out.append("\n## Steps\n\n| step | result | seconds | detail |\n|---|---|---:|---|\n");
        for (Step step : steps) {
            out.append("| ").append(step.name()).append(" | ").append(step.result()).append(" | ")
                    .append(String.format(Locale.ROOT, "%.1f", step.seconds())).append(" | ")
                    .append(cell(step.detail())).append(" |\n");
        }
        sections.forEach((title, text) -> out.append("\n## ").append(title).append("\n\n```\n").append(text.strip())
                .append("\n```\n"));
        return out.toString();
    }

    void write(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, render(), StandardCharsets.UTF_8);
    }

    /** One table cell: no line breaks, no column separators. */
    private static String cell(String text) {
        return text == null ? "" : text.replace('\r', ' ').replace('\n', ' ').replace("|", "\\|");
    }
}
