package io.netty.contrib.httpsys;

import io.netty.channel.Channel;
import io.netty.contrib.httpsys.nativeapi.Http;
import io.netty.contrib.httpsys.nativeapi.HttpSysException;
import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.NtStatus;
import io.netty.contrib.httpsys.nativeapi.WinError;
import io.netty.contrib.httpsys.nativeapi.struct.HttpRequestV2;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The receive loop's error paths ({@link LoopReceiver}), driven on purpose through {@link ScriptedKernel}. */
@ExtendWith(LeakCheck.class)
class LoopReceiverFaults {

    private final ScriptedKernel kernel = ScriptedKernel.get();

    private static TestServer.Builder server(int receives) {
        UriAnswer answer = new UriAnswer();
        return TestServer.builder()
                .option(HttpSysChannelOption.RECEIVES_PER_LOOP, receives)
                .pipeline(ch -> ch.pipeline().addLast(answer));
    }

    private static String get(TestServer server, String path, String extraHeaders) throws IOException {
        RawHttpClient client = server.rawClient();
        client.send("GET " + path + " HTTP/1.1\r\nHost: a\r\n" + extraHeaders + "\r\n");
        return client.read().bodyText();
    }

    /** Whether a receive call is a retry of a request already bound to its id. */
    private static boolean byId(ScriptedKernel.Call call) {
        return call.arg(1) != Http.HTTP_NULL_ID;
    }

    /** A header that does not fit the 4 KB first receive: the request is received again by id. */
    private static String largeHeader() {
        return "X-Large: " + "a".repeat(10_000) + "\r\n";
    }

    @Test
    void secondMoreDataOnTheRetryByIdGrowsTheBufferAgainAndTheRequestIsAnswered() throws Exception {
        List<Long> retryBufferSizes = new CopyOnWriteArrayList<>();
        try (TestServer server = server(1).option(HttpSysChannelOption.INITIAL_RECEIVE_BUFFER_SIZE, 4096).start()) {
            // The first retry by id is told, as HTTP.SYS may, that even the grown buffer is short by a byte.
            ScriptedKernel.Script stillShort = kernel.on("HttpReceiveHttpRequest", 1, LoopReceiverFaults::byId,
                    call -> {
                        retryBufferSizes.add(call.arg(4));
                        HttpRequestV2.setRequestId(call.arg(3), call.arg(1));
                        return call.returnInline(WinError.ERROR_MORE_DATA, (int) call.arg(4) + 1);
                    });
            kernel.on("HttpReceiveHttpRequest", 1, LoopReceiverFaults::byId, call -> {
                retryBufferSizes.add(call.arg(4));
                return call.proceed();
            });
            assertEquals("/large", get(server, "/large", largeHeader()));
            stillShort.awaitFired();
            assertEquals(2, retryBufferSizes.size(), "retries by id: " + retryBufferSizes);
            assertTrue(retryBufferSizes.get(1) > retryBufferSizes.get(0), "the buffer did not grow: " + retryBufferSizes);
            assertEquals("/after", get(server, "/after", ""));
        }
    }

    @Test
    void connectionInvalidOnTheRetryByIdIsNotAFailureOfTheQueue() throws Exception {
        try (TestServer server = server(1).option(HttpSysChannelOption.INITIAL_RECEIVE_BUFFER_SIZE, 4096).start();
             LogCapture log = LogCapture.of(LoopReceiver.class)) {
            // The client of the large request left while its request was being received again.
            ScriptedKernel.Script gone = kernel.on("HttpReceiveHttpRequest", 1, LoopReceiverFaults::byId,
                    call -> call.returnInline(WinError.ERROR_CONNECTION_INVALID));
            RawHttpClient leaving = server.rawClient();
            leaving.send("GET /large HTTP/1.1\r\nHost: a\r\n" + largeHeader() + "\r\n");
            gone.awaitFired();
            leaving.close();
            assertEquals("/after", get(server, "/after", ""));
            assertEquals(List.of(), log.warnings());
        }
    }

    @Test
    void invalidParameterOnTheRetryByIdReceivesAnew() throws Exception {
        try (TestServer server = server(1).option(HttpSysChannelOption.INITIAL_RECEIVE_BUFFER_SIZE, 4096).start();
             LogCapture log = LogCapture.of(LoopReceiver.class)) {
            ScriptedKernel.Script refused = kernel.on("HttpReceiveHttpRequest", 1, LoopReceiverFaults::byId,
                    call -> call.returnInline(WinError.ERROR_INVALID_PARAMETER));
            AtomicInteger anew = new AtomicInteger();
            kernel.on("HttpReceiveHttpRequest", 1, call -> !byId(call), call -> {
                anew.incrementAndGet();
                return call.proceed();
            });
            RawHttpClient refusedClient = server.rawClient();
            refusedClient.send("GET /large HTTP/1.1\r\nHost: a\r\n" + largeHeader() + "\r\n");
            refused.awaitFired();
            refusedClient.close();
            assertEquals("/after", get(server, "/after", ""));
            assertEquals(1, anew.get(), "no receive anew (without the id) after the refusal");
            assertEquals(List.of(), log.warnings());
        }
    }

    @Test
    void receiveAbortedWhileNotClosingMeansTheQueueWasShutDownAndClosesTheServerChannel() throws Exception {
        // Armed before the server starts: its first receive is the one the kernel aborts, as it does when the
        // creator of a shared queue shuts it down under an attached process.
        ScriptedKernel.Script aborted = kernel.next("HttpReceiveHttpRequest",
                call -> call.completeLater(NtStatus.STATUS_CANCELLED, 0));
        try (TestServer server = server(1).start()) {
            aborted.awaitFired();
            assertTrue(server.channel().closeFuture().await(10, TimeUnit.SECONDS),
                    "the server channel stays open on a queue that was shut down");
        }
    }

    @Test
    void sixteenConsecutiveFailuresStopReceivingAndCloseTheServerChannel() throws Exception {
        ScriptedKernel.Script failures = kernel.on("HttpReceiveHttpRequest", 16, call -> true,
                call -> call.returnInline(WinError.ERROR_NOT_ENOUGH_MEMORY));
        try (LogCapture log = LogCapture.of(LoopReceiver.class);
             TestServer server = server(1).start()) {
            failures.awaitFired();
            log.awaitWarning("after 16 consecutive failures");
            // With its only receiver stopped the server serves nothing: its owner must learn that it is closed.
            assertTrue(server.channel().closeFuture().await(10, TimeUnit.SECONDS),
                    "the server channel stays open with no receiver left");
        }
    }

    @Test
    void aRequestThatCannotBeStartedIsCancelledAndTheServerGoesOn() throws Exception {
        // Armed before the server starts, for its first receive: the request it gets has an unknown verb without
        // the verb's name, which the decoder refuses.
        kernel.next("HttpReceiveHttpRequest", call -> {
            long buffer = call.arg(3);
            return call.proceedThen(() -> {
                NativeAccess.putInt(buffer + HttpRequestV2.VERB, Http.HttpVerbUnknown);
                NativeAccess.putShort(buffer + HttpRequestV2.UNKNOWN_VERB_LENGTH, (short) 0);
            });
        });
        try (LogCapture log = LogCapture.of(LoopReceiver.class);
             TestServer server = server(1).start()) {
            RawHttpClient refused = server.rawClient();
            refused.send("GET /refused HTTP/1.1\r\nHost: a\r\n\r\n");
            refused.expectClosedWithoutResponse();
            assertTrue(log.awaitWarning("cannot start").contains("cancelling its request"));
            assertEquals("/after", get(server, "/after", ""));
        }
    }

    @Test
    void pauseLeavesPostedReceivesAndPostsNoNewOneUntilResumed() throws Exception {
        try (TestServer server = server(1).start()) {
            Channel channel = server.channel();
            // Once a request was answered the single receive is surely posted again (the first one is posted
            // only when the server's first read comes); autoRead cleared: it stays, and answers the next request.
            assertEquals("/first", get(server, "/first", ""));
            channel.config().setAutoRead(false);
            channel.eventLoop().submit(() -> { }).sync();
            AtomicInteger receivesPosted = new AtomicInteger();
            kernel.on("HttpReceiveHttpRequest", Integer.MAX_VALUE, call -> true, call -> {
                receivesPosted.incrementAndGet();
                return call.proceed();
            });
            assertEquals("/posted", get(server, "/posted", ""));
            channel.eventLoop().submit(() -> { }).sync();
            assertEquals(0, receivesPosted.get(), "a receive was posted while autoRead was off");
            RawHttpClient waiting = server.rawClient();
            waiting.send("GET /waiting HTTP/1.1\r\nHost: a\r\n\r\n");
            channel.config().setAutoRead(true);
            assertEquals("/waiting", waiting.read().bodyText());
            assertTrue(receivesPosted.get() > 0);
        }
    }

    @Test
    void associateFailureIsLoggedAndClosesTheServerChannel() throws Exception {
        // Associating the receiver's queue handle with its loop's port fails (creating the port does not).
        ScriptedKernel.Script refused = kernel.on("CreateIoCompletionPort", 1, call -> call.arg(0) != -1L,
                call -> call.fail(WinError.ERROR_INVALID_PARAMETER));
        try (LogCapture log = LogCapture.of(LoopReceiver.class);
             TestServer server = server(1).start()) {
            refused.awaitFired();
            assertTrue(log.awaitWarning("cannot register a request queue handle").contains("event loop"));
            assertTrue(server.channel().closeFuture().await(10, TimeUnit.SECONDS),
                    "the server channel stays open with no receiver left");
        }
    }

    @Test
    void aBindThatFailsAfterALoopAttachedClosesEveryQueueHandle() throws Exception {
        // The first of two loops attaches to the queue; the second cannot. Scripts are tried in order, so the
        // refusal comes before the recorders.
        AtomicInteger attaches = new AtomicInteger();
        ScriptedKernel.Script refused = kernel.on("HttpCreateRequestQueue", 1,
                call -> (call.arg(3) & Http.HTTP_CREATE_REQUEST_QUEUE_FLAG_OPEN_EXISTING) != 0
                        && attaches.incrementAndGet() == 2,
                call -> WinError.ERROR_ACCESS_DENIED);
        Set<Long> opened = ConcurrentHashMap.newKeySet();
        Set<Long> closed = ConcurrentHashMap.newKeySet();
        kernel.on("HttpCreateRequestQueue", Integer.MAX_VALUE, call -> true, call -> {
            Object result = call.proceed();
            if (result.equals(WinError.NO_ERROR)) {
                opened.add(NativeAccess.getLong(call.arg(4)));
            }
            return result;
        });
        kernel.on("HttpCloseRequestQueue", Integer.MAX_VALUE, call -> true, call -> {
            closed.add(call.arg(0));
            return call.proceed();
        });
        HttpSysException failure = assertThrows(HttpSysException.class, () -> server(1).threads(2).start().close());
        refused.awaitFired();
        assertEquals(WinError.ERROR_ACCESS_DENIED, failure.errorCode());
        assertEquals(2, opened.size(), "the creator's handle and the first loop's were expected: " + opened);
        assertEquals(opened, closed, "queue handles left open by the failed bind");
    }
}
