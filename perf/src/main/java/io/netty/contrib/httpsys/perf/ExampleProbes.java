package io.netty.contrib.httpsys.perf;

import io.netty.channel.ChannelHandler;
import io.netty.contrib.httpsys.examples.FileServer;
import io.netty.contrib.httpsys.examples.HelloWorldHandler;
import io.netty.contrib.httpsys.examples.ServerTransport;
import io.netty.contrib.httpsys.examples.SnoopHandler;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Starts each example on the HTTP.SYS transport (the kernel on Windows, the emulator elsewhere), asks it what a
 * user would ask with the JDK's HTTP client, and records one step per example in a {@link VerificationReport}.
 */
final class ExampleProbes {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** One check of a running example; throws with what was wrong. */
    private interface Probe {
        String check(URI base) throws Exception;
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final VerificationReport report;

    ExampleProbes(VerificationReport report) {
        this.report = report;
    }

    void runAll() throws IOException {
        run("example HelloWorldServer", new HelloWorldHandler(), base -> {
            HttpResponse<String> response = get(base.resolve("/any"), "Accept", "*/*");
            expect(response.statusCode() == 200 && response.body().equals("Hello, world!"), response);
            return "GET /any: 200 Hello, world!";
        });
        Path root = Files.createTempDirectory("netty-httpsys-verify");
        try {
            Files.writeString(root.resolve("hello.txt"), "hello, file");
            Files.writeString(root.resolve(".secret"), "hidden");
            run("example FileServer", FileServer.handlers(root), base -> {
                HttpResponse<String> whole = get(base.resolve("/hello.txt"), "Accept", "*/*");
                expect(whole.statusCode() == 200 && whole.body().equals("hello, file"), whole);
                HttpResponse<String> range = get(base.resolve("/hello.txt"), "Range", "bytes=0-4");
                expect(range.statusCode() == 206 && range.body().equals("hello"), range);
                HttpResponse<String> hidden = get(base.resolve("/.secret"), "Accept", "*/*");
                expect(hidden.statusCode() == 404, hidden);
                return "GET 200, Range 206, dot file 404";
            });
        } finally {
            try (Stream<Path> files = Files.walk(root)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        run("example SnoopServer", new SnoopHandler(), base -> {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(base.resolve("/echo?a=1"))
                    .timeout(TIMEOUT).POST(HttpRequest.BodyPublishers.ofString("ping")).build(),
                    HttpResponse.BodyHandlers.ofString());
            expect(response.statusCode() == 200 && response.body().contains("METHOD: POST")
                    && response.body().contains("ping"), response);
            return "POST /echo: method, query and body echoed";
        });
    }

    private void run(String name, ChannelHandler handlers, Probe probe) {
        long start = System.nanoTime();
        try (ServerTransport server = ServerTransport.fromArgs("--transport", "httpsys", "--port", "0",
                "--threads", "1")) {
            server.bind(handlers);
            String detail = probe.check(server.uri());
            report.step(name, VerificationReport.Result.PASS, seconds(start), server.describe() + ": " + detail);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            report.step(name, VerificationReport.Result.FAIL, seconds(start), String.valueOf(e));
        }
    }

    private HttpResponse<String> get(URI uri, String header, String value) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).header(header, value).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void expect(boolean condition, HttpResponse<String> response) {
        if (!condition) {
            throw new IllegalStateException(response.request().method() + ' ' + response.uri() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
