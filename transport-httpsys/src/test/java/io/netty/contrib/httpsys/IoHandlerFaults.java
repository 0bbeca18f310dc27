package io.netty.contrib.httpsys;

import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoop;
import io.netty.contrib.httpsys.nativeapi.HttpSysException;
import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.NativeMemory;
import io.netty.contrib.httpsys.nativeapi.NtStatus;
import io.netty.contrib.httpsys.nativeapi.WinError;
import io.netty.contrib.httpsys.nativeapi.struct.Overlapped;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The event loop's error paths ({@link HttpSysIoHandler}), driven on purpose through {@link ScriptedKernel}. */
@ExtendWith(LeakCheck.class)
class IoHandlerFaults {

    private final ScriptedKernel kernel = ScriptedKernel.get();

    private static TestServer.Builder server() {
        UriAnswer answer = new UriAnswer();
        return TestServer.builder().pipeline(ch -> ch.pipeline().addLast(answer));
    }

    private static String get(TestServer server, String path) throws IOException {
        RawHttpClient client = server.rawClient();
        client.send("GET " + path + " HTTP/1.1\r\nHost: a\r\n\r\n");
        return client.read().bodyText();
    }

    private long onlyPort() {
        Set<Long> ports = kernel.ports();
        assertEquals(1, ports.size(), "one event loop, one completion port: " + ports);
        return ports.iterator().next();
    }

    @Test
    void aCompletionForAForeignOverlappedIsIgnoredAndTheLoopGoesOn() throws Exception {
        long foreign = NativeMemory.allocate(Overlapped.SIZE);
        try (TestServer server = server().start();
             LogCapture log = LogCapture.of(HttpSysIoHandler.class)) {
            kernel.injectPacket(onlyPort(), 0, foreign, NtStatus.STATUS_SUCCESS, 0);
            assertTrue(log.awaitWarning("does not own").contains(Long.toHexString(foreign)));
            assertEquals("/after", get(server, "/after"));
        } finally {
            NativeMemory.free(foreign, Overlapped.SIZE);
        }
    }

    @Test
    void aDequeueFailureOtherThanTimeoutIsLoggedAndTheLoopGoesOn() throws Exception {
        try (TestServer server = server().start();
             LogCapture log = LogCapture.of(HttpSysIoHandler.class)) {
            kernel.next("GetQueuedCompletionStatusEx", call -> call.fail(WinError.ERROR_INVALID_PARAMETER));
            // Wakes the loop, so that its next dequeue (the failing one) happens now.
            server.channel().eventLoop().submit(() -> { }).sync();
            assertTrue(log.awaitWarning("GetQueuedCompletionStatusEx failed").contains("ERROR_INVALID_PARAMETER"));
            assertEquals("/after", get(server, "/after"));
        }
    }

    @Test
    void aCompletionHandlerThatThrowsIsLoggedAndTheLoopGoesOn() throws Exception {
        try (TestServer server = server().option(HttpSysChannelOption.RECEIVES_PER_LOOP, 2).start();
             LogCapture log = LogCapture.of(HttpSysIoHandler.class)) {
            // Every receive is posted once a request has been answered; the receive posted again after the next
            // request's completion then throws inside the completion handler.
            assertEquals("/warm-up", get(server, "/warm-up"));
            kernel.next("HttpReceiveHttpRequest", call -> {
                throw new IllegalStateException("scripted failure inside a completion handler");
            });
            assertEquals("/first", get(server, "/first"));
            assertTrue(log.awaitWarning("threw").contains("Completion handler"));
            assertEquals("/after", get(server, "/after"));
        }
    }

    @Test
    void moreThanABatchOfCompletionsIsDrainedInOneRunWithoutWaiting() throws Exception {
        int packets = 2 * 64 + 5;
        List<int[]> dequeues = new CopyOnWriteArrayList<>();
        long foreign = NativeMemory.allocate(Overlapped.SIZE);
        try (TestServer server = server().start();
             LogCapture log = LogCapture.of(HttpSysIoHandler.class)) {
            long port = onlyPort();
            EventLoop loop = server.channel().eventLoop();
            // The loop is kept busy while the packets are queued, so that one run finds them all.
            CountDownLatch busy = new CountDownLatch(1);
            CountDownLatch queued = new CountDownLatch(1);
            loop.execute(() -> {
                busy.countDown();
                try {
                    queued.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            assertTrue(busy.await(10, TimeUnit.SECONDS));
            for (int i = 0; i < packets; i++) {
                kernel.injectPacket(port, 0, foreign, NtStatus.STATUS_SUCCESS, 0);
            }
            kernel.on("GetQueuedCompletionStatusEx", Integer.MAX_VALUE, call -> true, call -> {
                Object result = call.proceed();
                dequeues.add(new int[] {(int) call.arg(4), NativeAccess.getInt(call.arg(3))});
                return result;
            });
            queued.countDown();
            log.awaitWarnings("does not own", packets);
            kernel.reset();
            List<String> calls = new ArrayList<>();
            int taken = 0;
            for (int[] dequeue : dequeues) {
                calls.add(dequeue[1] + " (wait " + dequeue[0] + " ms)");
                taken += dequeue[1];
            }
            assertEquals(packets, taken, "dequeues: " + calls);
            // A full batch, then in the same run two dequeues that do not wait: 64, 64, 5.
            assertTrue(dequeues.size() >= 3, "dequeues: " + calls);
            assertEquals(64, dequeues.get(0)[1], "dequeues: " + calls);
            assertEquals(64, dequeues.get(1)[1], "dequeues: " + calls);
            assertEquals(0, dequeues.get(1)[0], "dequeues: " + calls);
            assertEquals(5, dequeues.get(2)[1], "dequeues: " + calls);
            assertEquals(0, dequeues.get(2)[0], "dequeues: " + calls);
            assertEquals("/after", get(server, "/after"));
        } finally {
            NativeMemory.free(foreign, Overlapped.SIZE);
        }
    }

    @Test
    void abortOnShutdownCancelsASendInFlightAndItsWriteFails() throws Exception {
        UriAnswer answer = new UriAnswer();
        TestServer server = TestServer.builder().pipeline(ch -> ch.pipeline().addLast(answer)).start();
        boolean closed = false;
        try (LogCapture log = LogCapture.of(HttpSysIoHandler.class)) {
            long port = onlyPort();
            // The response stays in the kernel until the shutdown cancels it.
            long[] send = new long[1];
            kernel.next("HttpSendHttpResponse", call -> {
                send[0] = call.arg(8);
                return call.pendForever();
            });
            kernel.on("CancelIoEx", 1, call -> call.arg(1) == send[0], call -> {
                kernel.injectPacket(port, 0, send[0], NtStatus.STATUS_CANCELLED, 0);
                return true;
            });
            RawHttpClient client = server.rawClient();
            client.send("GET /held HTTP/1.1\r\nHost: a\r\n\r\n");
            ChannelFuture write = answer.firstWrite.get(10, TimeUnit.SECONDS);
            // The event loop is destroyed with the response in flight: the request is aborted.
            server.close();
            closed = true;
            assertTrue(write.await(10, TimeUnit.SECONDS));
            HttpSysException cause = assertInstanceOf(HttpSysException.class, write.cause());
            assertEquals(WinError.ERROR_OPERATION_ABORTED, cause.errorCode());
            assertEquals(List.of(), log.warnings(), "the shutdown did not end cleanly");
        } finally {
            if (!closed) {
                server.close();
            }
        }
    }
}
