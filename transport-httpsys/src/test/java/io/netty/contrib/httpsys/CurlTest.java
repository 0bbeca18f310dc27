package io.netty.contrib.httpsys;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@code curl} against the transport: keep-alive reuse, HTTP/1.0, an uploaded file, HEAD. Skipped without curl. */
@ExtendWith(LeakCheck.class)
@Timeout(60)
class CurlTest {

    @TempDir
    Path directory;

    @BeforeAll
    static void curlIsInstalled() {
        boolean installed;
        try {
            installed = new ProcessBuilder("curl", "--version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            installed = false;
        }
        assumeTrue(installed, "curl is not installed");
    }

    /** Runs curl; returns {exit code, stdout, stderr}. */
    private static String[] curl(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add("curl");
        command.add("--silent");
        command.add("--show-error");
        command.addAll(Arrays.asList(args));
        Process process = new ProcessBuilder(command).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        return new String[] {String.valueOf(process.exitValue()), out, err};
    }

    @Test
    void keepAliveAcrossTwoUrls() throws Exception {
        try (TestServer server = TestServer.start(ch -> ch.pipeline().addLast(new RequestResponseTest.EchoHandler()))) {
            String[] result = curl("--verbose", server.uri("/one").toString(), server.uri("/two").toString());
            assertEquals("0", result[0], result[2]);
            assertEquals("GET /one GET /two ", result[1]);
            assertTrue(result[2].toLowerCase().contains("re-using existing connection")
                    || result[2].toLowerCase().contains("reusing existing connection"), result[2]);
        }
    }

    @Test
    void http10() throws Exception {
        try (TestServer server = TestServer.start(ch -> ch.pipeline().addLast(new RequestResponseTest.EchoHandler()))) {
            String[] result = curl("--http1.0", server.uri("/old").toString());
            assertEquals("0", result[0], result[2]);
            assertEquals("GET /old ", result[1]);
        }
    }

    @Test
    void uploadAFile() throws Exception {
        byte[] body = new byte[3 * 1024 * 1024 + 7];
        new java.util.Random(7).nextBytes(body);
        Path file = Files.write(directory.resolve("upload.bin"), body);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(body);
        try (TestServer server = TestServer.start(ch -> ch.pipeline().addLast(
                new RequestResponseTest.BodyDigestHandler()))) {
            String[] result = curl("--data-binary", "@" + file, server.uri("/up").toString());
            assertEquals("0", result[0], result[2]);
            assertEquals(body.length + " " + crc.getValue(), result[1]);
        }
    }

    @Test
    void head() throws Exception {
        try (TestServer server = TestServer.start(ch -> ch.pipeline().addLast(new RequestResponseTest.EchoHandler()))) {
            String[] result = curl("--head", server.uri("/h").toString());
            assertEquals("0", result[0], result[2]);
            assertTrue(result[1].startsWith("HTTP/1.1 200"), result[1]);
            assertTrue(result[1].toLowerCase().contains("content-length: " + "HEAD /h ".length()), result[1]);
        }
    }
}
