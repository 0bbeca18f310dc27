package io.netty.contrib.httpsys.nativeapi.conformance;

import io.netty.contrib.httpsys.nativeapi.HttpSysBackend;
import io.netty.contrib.httpsys.nativeapi.NativeMemory;
import io.netty.contrib.httpsys.nativeapi.WinError;
import io.netty.contrib.httpsys.nativeapi.struct.HttpRequestV2;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Random and mutated requests for three seconds while an application answers whatever reaches the queue: the
 * emulator's threads survive, every request that reached the queue could be answered, and a well-formed
 * request is still served afterwards.
 */
@Timeout(30)
class EmulatorFuzzTest {

    private static final int BUFFER = 16 * 1024;

    @Test
    void survivesRandomAndMutatedRequests() throws Exception {
        assumeTrue(HttpSysBackend.current().isEmulated(), "counts the emulator's threads");
        long allocationsBefore = NativeMemory.outstandingAllocations();
        long threadsBefore = emulatorThreads();
        try (TestServer server = new TestServer()) {
            int port = server.addLocalhostUrl("/");
            AtomicBoolean running = new AtomicBoolean(true);
            List<Integer> unexpected = new CopyOnWriteArrayList<>();
            List<Integer> receiveErrors = new CopyOnWriteArrayList<>();
            Thread application = new Thread(() -> {
                try (NativeArena arena = new NativeArena()) {
                    long buffer = arena.allocate(BUFFER);
                    long body = arena.allocate(BUFFER);
                    long response = new ResponseBuilder(arena).body("ok").build();
                    while (running.get()) {
                        int error = server.api.HttpReceiveHttpRequest(server.queue, 0, 0, buffer, BUFFER, 0, 0);
                        if (error != 0) {
                            // Every request fits the buffer, and a client that leaves takes its request out of
                            // the queue: only shutting the queue down below (ERROR_OPERATION_ABORTED) may end a
                            // receive without one.
                            if (running.get()) {
                                receiveErrors.add(error);
                            }
                            continue;
                        }
                        long id = HttpRequestV2.requestId(buffer);
                        while (server.api.HttpReceiveRequestEntityBody(server.queue, id, 0, body, BUFFER, 0, 0) == 0) {
                            // Drain whatever body the request has.
                        }
                        int sent = server.api.HttpSendHttpResponse(server.queue, id, 0, response, 0, 0, 0, 0, 0, 0);
                        // A client that reset its connection makes the send fail: at once (1229) when the
                        // kernel already knows, or in flight (64, ERROR_NETNAME_DELETED).
                        if (sent != 0 && sent != WinError.ERROR_CONNECTION_INVALID
                                && sent != WinError.ERROR_NETNAME_DELETED) {
                            unexpected.add(sent);
                        }
                    }
                }
            }, "fuzz-application");
            application.start();

            Random random = new Random(20261126);
            String valid = "POST /a/b?c=d HTTP/1.1\r\nHost: localhost:" + port + "\r\nContent-Length: 4\r\n"
                    + "Transfer-Encoding: chunked\r\nX-A: b\r\n\r\n4\r\nbody\r\n0\r\n\r\n";
            long deadline = System.nanoTime() + 3_000_000_000L;
            int connections = 0;
            while (System.nanoTime() < deadline) {
                byte[] bytes = mutate(valid.getBytes(StandardCharsets.ISO_8859_1), random);
                try (Socket socket = new Socket("127.0.0.1", port)) {
                    socket.setSoTimeout(200);
                    socket.setSoLinger(true, 0);
                    OutputStream out = socket.getOutputStream();
                    out.write(bytes);
                    out.flush();
                    socket.getInputStream().read(new byte[256]);
                } catch (IOException expected) {
                    // Timeouts and resets are fine: the kernel may wait for more bytes or drop the connection.
                }
                connections++;
            }
            try (RawClient client = new RawClient(port)) {
                client.send(RawClient.simpleGet("/after", port));
                String answer;
                try {
                    answer = client.readResponse();
                } catch (UncheckedIOException e) {
                    throw new AssertionError("a valid request is no longer served; send errors: " + unexpected
                            + ", application at " + Arrays.toString(application.getStackTrace()), e);
                }
                assertTrue(answer.endsWith("ok"), answer);
            }
            running.set(false);
            server.api.HttpShutdownRequestQueue(server.queue);
            application.join(10_000);
            assertFalse(application.isAlive(), "the application did not stop after the queue shut down: "
                    + Arrays.toString(application.getStackTrace()));
            assertTrue(connections > 3, "only " + connections + " connections in 3 s");
            assertEquals(List.of(), unexpected, "unexpected send errors");
            assertEquals(List.of(), receiveErrors, "receive errors while serving");
        }
        assertEquals(threadsBefore == 0 ? emulatorThreads() : threadsBefore, emulatorThreads(),
                "emulator threads died");
        assertEquals(allocationsBefore, NativeMemory.outstandingAllocations());
    }

    private static byte[] mutate(byte[] valid, Random random) {
        switch (random.nextInt(4)) {
            case 0: {
                byte[] noise = new byte[1 + random.nextInt(300)];
                random.nextBytes(noise);
                return noise;
            }
            case 1: {
                byte[] copy = valid.clone();
                for (int i = 0, n = 1 + random.nextInt(5); i < n; i++) {
                    copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
                }
                return copy;
            }
            case 2: {
                byte[] cut = new byte[random.nextInt(valid.length)];
                System.arraycopy(valid, 0, cut, 0, cut.length);
                return cut;
            }
            default: {
                String text = new String(valid, StandardCharsets.ISO_8859_1);
                int at = random.nextInt(text.length());
                String[] inserts = {"\r\n", ":", " ", "\0", "%00", "/../..", "\r\n\r\n", "9999999999999999\r\n",
                        "Content-Length: -1\r\n", "\u00ff"};
                return (text.substring(0, at) + inserts[random.nextInt(inserts.length)] + text.substring(at))
                        .getBytes(StandardCharsets.ISO_8859_1);
            }
        }
    }

    private static long emulatorThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("httpsys-emulator") && t.isAlive()).count();
    }
}
