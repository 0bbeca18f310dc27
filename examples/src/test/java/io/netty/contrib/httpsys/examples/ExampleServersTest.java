package io.netty.contrib.httpsys.examples;

import io.netty.channel.ChannelHandler;
import io.netty.channel.epoll.Epoll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The examples' handlers behind {@link ServerTransport}, on every transport this machine runs. */
class ExampleServersTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private ServerTransport server;

    static List<ServerTransport.Kind> transports() {
        List<ServerTransport.Kind> kinds = new ArrayList<>(List.of(ServerTransport.Kind.HTTPSYS, ServerTransport.Kind.NIO));
        if (Epoll.isAvailable()) {
            kinds.add(ServerTransport.Kind.EPOLL);
        }
        return kinds;
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private URI start(ServerTransport.Kind kind, ChannelHandler handlers) throws InterruptedException {
        server = ServerTransport.fromArgs("--transport", kind.name(), "--port", "0", "--threads", "1");
        server.bind(handlers);
        return server.uri();
    }

    private HttpResponse<String> get(URI uri, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT);
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest
    @MethodSource("transports")
    void helloWorldAnswersEveryPathAndMarksCacheableResponses(ServerTransport.Kind kind) throws Exception {
        URI base = start(kind, new HelloWorldHandler(7));

        HttpResponse<String> response = get(base.resolve("/any/path?x=1"));

        assertEquals(200, response.statusCode());
        assertEquals("Hello, world!", response.body());
        assertEquals("text/plain", response.headers().firstValue("content-type").orElseThrow());
        assertEquals("public, max-age=7", response.headers().firstValue("cache-control").orElseThrow());
    }

    @ParameterizedTest
    @MethodSource("transports")
    void fileServerSendsFilesRangesAndNotModified(ServerTransport.Kind kind, @TempDir Path dir) throws Exception {
        Path root = Files.createDirectory(dir.resolve("www"));
        byte[] content = "0123456789abcdefghij".repeat(1000).getBytes(StandardCharsets.US_ASCII);
        Path file = Files.write(root.resolve("data.txt"), content);
        Instant modified = Instant.parse("2024-05-01T10:00:00Z");
        Files.setLastModifiedTime(file, FileTime.from(modified));
        URI base = start(kind, FileServer.handlers(root));

        HttpResponse<String> whole = get(base.resolve("/data.txt"));
        assertEquals(200, whole.statusCode());
        assertEquals(new String(content, StandardCharsets.US_ASCII), whole.body());
        assertEquals("bytes", whole.headers().firstValue("accept-ranges").orElseThrow());
        String lastModified = whole.headers().firstValue("last-modified").orElseThrow();
        assertEquals(modified, ZonedDateTime.parse(lastModified, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());

        HttpResponse<String> range = get(base.resolve("/data.txt"), "Range", "bytes=10-19");
        assertEquals(206, range.statusCode());
        assertEquals("abcdefghij", range.body());
        assertEquals("bytes 10-19/" + content.length, range.headers().firstValue("content-range").orElseThrow());

        HttpResponse<String> suffix = get(base.resolve("/data.txt"), "Range", "bytes=-5");
        assertEquals(206, suffix.statusCode());
        assertEquals("fghij", suffix.body());

        HttpResponse<String> beyond = get(base.resolve("/data.txt"), "Range", "bytes=" + content.length + "-");
        assertEquals(416, beyond.statusCode());

        HttpResponse<String> notModified = get(base.resolve("/data.txt"), "If-Modified-Since", lastModified);
        assertEquals(304, notModified.statusCode());
        assertEquals("", notModified.body());

        HttpResponse<String> older = get(base.resolve("/data.txt"), "If-Modified-Since",
                DateTimeFormatter.RFC_1123_DATE_TIME.format(modified.minusSeconds(60).atOffset(ZoneOffset.UTC)));
        assertEquals(200, older.statusCode());
    }

    @ParameterizedTest
    @MethodSource("transports")
    void fileServerNeverLeavesItsRoot(ServerTransport.Kind kind, @TempDir Path dir) throws Exception {
        Path root = Files.createDirectory(dir.resolve("www"));
        Files.writeString(dir.resolve("secret.txt"), "secret");
        Files.writeString(root.resolve("public.txt"), "public");
        URI base = start(kind, FileServer.handlers(root));

        assertEquals(403, get(URI.create(base + "%2e%2e/secret.txt")).statusCode());
        assertEquals(403, get(URI.create(base + "..%2fsecret.txt")).statusCode());
        assertEquals(404, get(base.resolve("/missing.txt")).statusCode());
        HttpResponse<String> listing = get(base);
        assertEquals(200, listing.statusCode());
        assertTrue(listing.body().contains("href=\"/public.txt\""), listing.body());
        assertTrue(!listing.body().contains("secret"), listing.body());
    }

    @ParameterizedTest
    @MethodSource("transports")
    void fileServerHidesDotFilesAndDirectories(ServerTransport.Kind kind, @TempDir Path dir) throws Exception {
        Path root = Files.createDirectory(dir.resolve("www"));
        Files.writeString(root.resolve("visible.txt"), "visible");
        Files.writeString(root.resolve(".env"), "PASSWORD=secret");
        Files.writeString(Files.createDirectories(root.resolve(".git")).resolve("config"), "[core]");
        Files.writeString(Files.createDirectories(root.resolve("sub")).resolve(".hidden"), "hidden");
        Files.createSymbolicLink(root.resolve("env-link"), root.resolve(".env"));
        URI base = start(kind, FileServer.handlers(root));

        HttpResponse<String> listing = get(base);
        assertEquals(200, listing.statusCode());
        assertTrue(listing.body().contains("href=\"/visible.txt\""), listing.body());
        assertFalse(listing.body().contains(".env"), listing.body());
        assertFalse(listing.body().contains(".git"), listing.body());
        assertFalse(get(base.resolve("/sub/")).body().contains(".hidden"));
        for (String hidden : List.of("/.env", "/%2eenv", "/.git/", "/.git/config", "/sub/.hidden", "/env-link")) {
            HttpResponse<String> response = get(URI.create(base + hidden.substring(1)));
            assertEquals(404, response.statusCode(), hidden);
            assertFalse(response.body().contains("secret") || response.body().contains("[core]"), hidden);
        }
        assertEquals("visible", get(base.resolve("/visible.txt")).body());
    }

    @ParameterizedTest
    @MethodSource("transports")
    void snoopEchoesMethodQueryCookiesAndBody(ServerTransport.Kind kind) throws Exception {
        URI base = start(kind, new SnoopHandler());

        HttpResponse<String> response = client.send(HttpRequest.newBuilder(base.resolve("/echo?a=1&b=x%20y"))
                        .timeout(TIMEOUT)
                        .header("Cookie", "flavour=oatmeal")
                        .header("X-Custom", "custom value")
                        .POST(HttpRequest.BodyPublishers.ofString("name=netty&body=4k"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(200, response.statusCode());
        String body = response.body();
        assertTrue(body.contains("METHOD: POST\r\n"), body);
        assertTrue(body.contains("URI: /echo?a=1&b=x%20y\r\n"), body);
        assertTrue(body.contains("PATH: /echo\r\n"), body);
        assertTrue(body.contains("PARAM: a = 1\r\n"), body);
        assertTrue(body.contains("PARAM: b = x y\r\n"), body);
        assertTrue(body.contains("COOKIE: flavour = oatmeal\r\n"), body);
        assertTrue(body.toLowerCase().contains("x-custom = custom value\r\n"), body);
        assertTrue(body.endsWith("BODY:\r\nname=netty&body=4k\r\n"), body);
        assertEquals("flavour=oatmeal", response.headers().firstValue("set-cookie").orElseThrow());
    }
}
