package io.netty.contrib.httpsys.examples;

import io.netty.contrib.httpsys.HttpSys;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The curl line a TLS server prints works when pasted into a shell, against the self-signed certificate, while a
 * bare {@code curl https://...} is refused (so the line's flags are what makes it work). Runs the real curl.
 */
@Timeout(60)
class TlsCurlLineTest {

    @BeforeAll
    static void curlIsInstalled() {
        Assumptions.assumeTrue(run("curl --version").exitCode == 0, "curl is not installed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"httpsys", "nio"})
    void thePrintedCurlLineGetsTheAnswer(String transport) throws Exception {
        Assumptions.assumeTrue(!transport.equals("httpsys") || HttpSys.isEmulated(),
                "on Windows the certificate binding needs netsh as administrator");
        try (ServerTransport server = ServerTransport.fromArgs("--transport", transport, "--port", "0", "--tls",
                "--threads", "1")) {
            server.bind(new HelloWorldHandler());
            String banner = HelloWorldServer.banner(server);
            String curl = server.curlCommand();
            assertTrue(banner.contains("(try: " + curl + ")"), banner);

            Result printed = run(curl);
            assertEquals(0, printed.exitCode, printed.errors);
            assertEquals("Hello, world!", printed.output, printed.errors);

            Result bare = run("curl -sS " + server.uri());
            assertNotEquals(0, bare.exitCode, "curl accepted the self-signed certificate without --cacert");
            assertTrue(bare.errors.contains("certificate"), bare.errors);
        }
    }

    /** What a command wrote to standard output, and to standard error (curl's progress meter and errors). */
    private record Result(int exitCode, String output, String errors) {
    }

    /** Runs a command line as a user would paste it: through the shell. */
    private static Result run(String commandLine) {
        List<String> shell = System.getProperty("os.name").startsWith("Windows")
                ? List.of("cmd", "/c", commandLine) : List.of("sh", "-c", commandLine);
        try {
            Path errors = Files.createTempFile("curl", ".err");
            try {
                Process process = new ProcessBuilder(shell).redirectError(errors.toFile()).start();
                process.getOutputStream().close();
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                boolean finished = process.waitFor(30, TimeUnit.SECONDS);
                if (!finished) {
                    process.destroyForcibly();
                }
                return new Result(finished ? process.exitValue() : -1, output, Files.readString(errors));
            } finally {
                Files.delete(errors);
            }
        } catch (IOException e) {
            return new Result(-1, "", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "", e.toString());
        }
    }
}
