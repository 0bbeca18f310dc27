package io.netty.contrib.httpsys.nativeapi.conformance;

import io.netty.contrib.httpsys.nativeapi.Http;
import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.struct.HttpRequestV2;
import io.netty.contrib.httpsys.nativeapi.struct.HttpStateInfo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Behaviours sections 6 and 9: what the kernel answers by itself. The request never reaches a queue: every
 * test ends by proving the queue is still empty.
 */
@Timeout(60)
class KernelAnswersTest extends ServerTestBase {

    private static final int BUFFER = 2048;

    private int port;

    @BeforeEach
    void setUp() {
        port = server.addLocalhostUrl("/app/");
    }

    @Test
    void malformedRequestGets400AndAGracefulClose() {
        try (RawClient client = new RawClient(port)) {
            client.send("foo\r\n");
            String response = client.readResponse();
            assertTrue(response.startsWith("HTTP/1.1 400 Bad Request\r\n"), response);
            assertTrue(response.contains("\r\nConnection: close\r\n"), response);
            assertTrue(client.endsGracefully());
        }
        assertQueueEmpty();
    }

    @Test
    void unregisteredPathGets404() {
        try (RawClient client = new RawClient(port)) {
            client.send(RawClient.simpleGet("/elsewhere", port));
            String response = client.readResponse();
            assertTrue(response.startsWith("HTTP/1.1 404 Not Found\r\n"), response);
        }
        assertQueueEmpty();
    }

    @Test
    void unknownHostGets400InvalidHostname() {
        try (RawClient client = new RawClient(port)) {
            client.send("GET /app/ HTTP/1.1\r\nHost: example.com:" + port + "\r\n\r\n");
            String response = client.readResponse();
            assertTrue(response.startsWith("HTTP/1.1 400 Bad Request\r\n"), response);
            assertTrue(response.contains("Invalid Hostname"), response);
        }
        assertQueueEmpty();
    }

    @Test
    void fullQueueGets503WithLimitedVerbosityAndAResetWithBasic() throws Exception {
        long value = arena.allocate(4);
        NativeAccess.putInt(value, 1);
        assertEquals(0, server.api.HttpSetRequestQueueProperty(server.queue, Http.HttpServerQueueLengthProperty,
                value, 4, 0, 0));
        NativeAccess.putInt(value, Http.Http503ResponseVerbosityLimited);
        assertEquals(0, server.api.HttpSetRequestQueueProperty(server.queue, Http.HttpServer503VerbosityProperty,
                value, 4, 0, 0));
        try (RawClient first = new RawClient(port); RawClient second = new RawClient(port)) {
            first.send(RawClient.simpleGet("/app/1", port));
            second.send(RawClient.simpleGet("/app/2", port));
            // One of the two fills the queue (length 1), the other is answered by the kernel.
            // Own threads: the common pool may have a single worker on a small machine.
            ExecutorService readers = Executors.newFixedThreadPool(2);
            CompletableFuture<String> a = CompletableFuture.supplyAsync(first::readResponse, readers);
            CompletableFuture<String> b = CompletableFuture.supplyAsync(second::readResponse, readers);
            readers.shutdown();
            String rejected = (String) CompletableFuture.anyOf(a, b).get(15, TimeUnit.SECONDS);
            assertTrue(rejected.startsWith("HTTP/1.1 503 Service Unavailable\r\n"), rejected);

            NativeAccess.putInt(value, Http.Http503ResponseVerbosityBasic);
            assertEquals(0, server.api.HttpSetRequestQueueProperty(server.queue, Http.HttpServer503VerbosityProperty,
                    value, 4, 0, 0));
            try (RawClient third = new RawClient(port)) {
                third.send(RawClient.simpleGet("/app/3", port));
                assertFalse(third.endsGracefully(), "basic verbosity resets the connection");
            }
            long buffer = arena.allocate(BUFFER);
            assertEquals(0, server.api.HttpReceiveHttpRequest(server.queue, 0, 0, buffer, BUFFER, 0, 0));
            assertEquals(0, server.api.HttpSendHttpResponse(server.queue, HttpRequestV2.requestId(buffer), 0,
                    new ResponseBuilder(arena).body("queued").build(), 0, 0, 0, 0, 0, 0));
            String served = (a.isDone() && a.get() == rejected ? b : a).get(15, TimeUnit.SECONDS);
            assertTrue(served.endsWith("queued"), served);
        }
        assertQueueEmpty();
    }

    @Test
    void inactiveGroupGets503() {
        long state = arena.allocate(HttpStateInfo.SIZE);
        HttpStateInfo.setFlags(state, 1);
        HttpStateInfo.setState(state, Http.HttpEnabledStateInactive);
        assertEquals(0, server.api.HttpSetUrlGroupProperty(server.group, Http.HttpServerStateProperty, state,
                HttpStateInfo.SIZE));
        long verbosity = arena.allocate(4);
        NativeAccess.putInt(verbosity, Http.Http503ResponseVerbosityLimited);
        assertEquals(0, server.api.HttpSetRequestQueueProperty(server.queue, Http.HttpServer503VerbosityProperty,
                verbosity, 4, 0, 0));
        try (RawClient client = new RawClient(port)) {
            client.send(RawClient.simpleGet("/app/", port));
            assertTrue(client.readResponse().startsWith("HTTP/1.1 503"));
        }
        assertQueueEmpty();
    }

    @Test
    void oversizedHeadersAreRejectedByTheKernel() {
        try (RawClient client = new RawClient(port)) {
            client.send("GET /app/ HTTP/1.1\r\nHost: localhost:" + port + "\r\nX-Big: " + "a".repeat(20_000)
                    + "\r\n\r\n");
            String response = client.readResponse();
            assertTrue(response.startsWith("HTTP/1.1 400 Bad Request\r\n"), response);
            assertTrue(response.contains("Too Long"), response);
        }
        assertQueueEmpty();
    }
}
