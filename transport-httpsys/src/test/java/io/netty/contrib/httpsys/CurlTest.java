package io.netty.contrib.httpsys;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

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
        assumeTrue(Curl.installed(), "curl is not installed");
    }

    @Test
    void keepAliveAcrossTwoUrls() throws Exception {
        try (TestServer server = TestServer.start(ch -> ch.pipeline().addLast(new RequestResponseTest.EchoHandler()))) {
            Curl.Result result = Curl.run("--verbose", server.uri("/one").toString(), server.uri("/two").toString());
            assertEquals(0, result.exitCode(), result.errors());
            assertEquals("GET /one GET /two ", result.output());
            assertTrue(result.errors().toLowerCase().contains("re-using existing connection")
                    || result.errors().toLowerCase().contains("reusing existing connection"), result.errors());
        }
    }

    @Test
    void http10() throws Exception {
        try (TestServer server = TestServer.start(ch -> ch.pipeline().addLast(new RequestResponseTest.EchoHandler()))) {
            Curl.Result result = Curl.run("--http1.0", server.uri("/old").toString());
            assertEquals(0, result.exitCode(), result.errors());
            assertEquals("GET /old ", result.output());
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
            Curl.Result result = Curl.run("--data-binary", "@" + file, server.uri("/up").toString());
            assertEquals(0, result.exitCode(), result.errors());
            assertEquals(body.length + " " + crc.getValue(), result.output());
        }
    }

    @Test
    void head() throws Exception {
        try (TestServer server = TestServer.start(ch -> ch.pipeline().addLast(new RequestResponseTest.EchoHandler()))) {
            Curl.Result result = Curl.run("--head", server.uri("/h").toString());
            assertEquals(0, result.exitCode(), result.errors());
            assertTrue(result.output().startsWith("HTTP/1.1 200"), result.output());
            assertTrue(result.output().toLowerCase().contains("content-length: " + "HEAD /h ".length()), result.output());
        }
    }
}
