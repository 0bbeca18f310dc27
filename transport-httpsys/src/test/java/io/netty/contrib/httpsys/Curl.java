package io.netty.contrib.httpsys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real {@code curl} as a test client: whether it is installed, and what one run of it printed. */
final class Curl {

    /** One run's exit code, standard output and standard error. */
    record Result(int exitCode, String output, String errors) {
    }

    private Curl() {
    }

    static boolean installed() {
        try {
            return new ProcessBuilder("curl", "--version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** Runs {@code curl --silent --show-error args...} and waits for it to exit. */
    static Result run(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("curl", "--silent", "--show-error"));
        command.addAll(Arrays.asList(args));
        Process process = new ProcessBuilder(command).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "curl did not exit");
        return new Result(process.exitValue(), out, err);
    }
}
