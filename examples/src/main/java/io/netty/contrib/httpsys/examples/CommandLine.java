package io.netty.contrib.httpsys.examples;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The options one program accepts, each with a line of help: parses {@code --name value} pairs and
 * {@code --flag}s, refuses a name it does not know (a mistyped option must not silently start a long run with
 * defaults), and answers {@code --help} with its usage.
 *
 * <p>{@link #parseOrExit} is what a {@code main} calls: usage on standard output and exit code 0 for
 * {@code --help}, the error and the usage on standard error and exit code {@value #USAGE_ERROR} for anything it
 * cannot use.
 */
public final class CommandLine {

    /** The exit code of a command line that could not be used (as BSD's {@code EX_USAGE} is 64, and many tools 2). */
    public static final int USAGE_ERROR = 2;

    private record Option(String name, String valueName, String description) {
        boolean isFlag() {
            return valueName == null;
        }
    }

    /** {@code --help} or {@code -h} was given: the caller prints {@link #usage()} and stops. */
    public static final class HelpRequested extends RuntimeException {
        private static final long serialVersionUID = 1L;

        HelpRequested() {
            super("--help", null, false, false);
        }
    }

    private final String program;
    private final String summary;
    private final Map<String, Option> options = new LinkedHashMap<>();

    /**
     * A command line for {@code program} (the class a user runs), with {@code summary} as the first line of its
     * usage.
     */
    public CommandLine(String program, String summary) {
        this.program = program;
        this.summary = summary;
    }

    /** Adds {@code --name VALUE}. */
    public CommandLine option(String name, String valueName, String description) {
        return add(new Option(name, valueName, description));
    }

    /** Adds {@code --name}, which takes no value; a given flag reads as {@code "true"}. */
    public CommandLine flag(String name, String description) {
        return add(new Option(name, null, description));
    }

    private CommandLine add(Option option) {
        if (options.putIfAbsent(option.name(), option) != null) {
            throw new IllegalArgumentException("duplicate option --" + option.name());
        }
        return this;
    }

    /**
     * The values given, by option name without its dashes.
     *
     * @throws HelpRequested            for {@code --help} or {@code -h}, wherever it appears
     * @throws IllegalArgumentException for an unknown option, a missing value or an argument that is not an
     *                                  option
     */
    public Map<String, String> parse(String... args) {
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h")) {
                throw new HelpRequested();
            }
        }
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new IllegalArgumentException("not an option: " + arg);
            }
            Option option = options.get(arg.substring(2));
            if (option == null) {
                throw new IllegalArgumentException("unknown option " + arg);
            }
            if (option.isFlag()) {
                values.put(option.name(), "true");
            } else if (i + 1 < args.length) {
                values.put(option.name(), args[++i]);
            } else {
                throw new IllegalArgumentException(arg + " needs a value (" + option.valueName() + ")");
            }
        }
        return Collections.unmodifiableMap(values);
    }

    /**
     * Parses {@code args} and turns the values into what the program runs with; on {@code --help} prints the
     * usage and exits with 0, on an error (from parsing or from {@code interpret}'s
     * {@link IllegalArgumentException}) prints it with the usage and exits with {@value #USAGE_ERROR}.
     */
    public <T> T parseOrExit(String[] args, Function<Map<String, String>, T> interpret) {
        try {
            return interpret.apply(parse(args));
        } catch (HelpRequested e) {
            System.out.print(usage());
            System.out.flush();
            System.exit(0);
        } catch (IllegalArgumentException e) {
            printError(System.err, e.getMessage());
            System.exit(USAGE_ERROR);
        }
        throw new AssertionError("unreachable");
    }

    private void printError(PrintStream err, String message) {
        err.println(program + ": " + message);
        err.println();
        err.print(usage());
        err.flush();
    }

    /** The usage text: the summary, then one line per option. */
    public String usage() {
        StringBuilder out = new StringBuilder(program).append(": ").append(summary).append('\n')
                .append("Usage: ").append(program).append(" [options]\n").append("Options:\n");
        List<String> heads = new ArrayList<>();
        int width = "--help".length();
        for (Option option : options.values()) {
            String head = "--" + option.name() + (option.isFlag() ? "" : " " + option.valueName());
            heads.add(head);
            width = Math.max(width, head.length());
        }
        int i = 0;
        for (Option option : options.values()) {
            appendLine(out, heads.get(i++), width, option.description());
        }
        appendLine(out, "--help", width, "print this help and exit");
        return out.toString();
    }

    private static void appendLine(StringBuilder out, String head, int width, String description) {
        out.append("  ").append(head).append(" ".repeat(width - head.length() + 2)).append(description).append('\n');
    }
}
