package io.netty.contrib.httpsys.examples;

import io.netty.contrib.httpsys.HttpSys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The hello-world example with {@code --tls} on httpsys answers {@code curl --http2 -k} over HTTP/2: the emulator
 * negotiates h2 by ALPN as HTTP.SYS does, and the transport serves the stream unchanged. Runs the real curl.
 */
@Timeout(60)
class Http2CurlTest {

    @Test
    void helloWorldAnswersHttp2() throws Exception {
        assumeTrue(HttpSys.isEmulated(), "on Windows the certificate binding needs netsh as administrator");
        assumeTrue(curlInstalled(), "curl is not installed");
        try (ServerTransport server = ServerTransport.fromArgs("--transport", "httpsys", "--port", "0", "--tls",
                "--threads", "1")) {
            server.bind(new HelloWorldHandler());
            Process curl = new ProcessBuilder("curl", "--http2", "-k", "--silent", "--show-error", "--include",
                    server.uri().toString()).start();
            String out = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String errors = new String(curl.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(curl.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, curl.exitValue(), errors);
            assertTrue(out.startsWith("HTTP/2 200"), out);
            assertTrue(out.endsWith("Hello, world!"), out);
        }
    }

    private static boolean curlInstalled() {
        try {
            return new ProcessBuilder("curl", "--version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
