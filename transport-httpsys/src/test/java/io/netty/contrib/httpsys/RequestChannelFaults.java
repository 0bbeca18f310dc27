package io.netty.contrib.httpsys;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.contrib.httpsys.nativeapi.HttpSysException;
import io.netty.contrib.httpsys.nativeapi.NtStatus;
import io.netty.contrib.httpsys.nativeapi.WinError;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.util.ReferenceCountUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The request channel's error paths, driven on purpose through {@link ScriptedKernel}. */
@ExtendWith(LeakCheck.class)
class RequestChannelFaults {

    private final ScriptedKernel kernel = ScriptedKernel.get();

    private static Throwable failureOf(CompletableFuture<ChannelFuture> write) throws Exception {
        ChannelFuture future = write.get(10, TimeUnit.SECONDS);
        assertTrue(future.await(10, TimeUnit.SECONDS), "the write never completed");
        assertFalse(future.isSuccess(), "the write succeeded although the kernel failed it");
        return future.cause();
    }

    private static void assertStillServing(TestServer server) throws Exception {
        RawHttpClient client = server.rawClient();
        client.send("GET /after HTTP/1.1\r\nHost: a\r\n\r\n");
        assertEquals("/after", client.read().bodyText());
    }

    /** The response head's send fails as {@code sendFails} says: the write fails, the client is dropped. */
    private void assertHeadSendFailureDropsTheRequest(ScriptedKernel.Action sendFails, int expectedError)
            throws Exception {
        UriAnswer answer = new UriAnswer();
        try (TestServer server = TestServer.start(ch -> ch.pipeline().addLast(answer))) {
            kernel.next("HttpSendHttpResponse", sendFails);
            RawHttpClient client = server.rawClient();
            client.send("GET /a HTTP/1.1\r\nHost: a\r\n\r\n");
            Throwable cause = failureOf(answer.firstWrite);
            assertEquals(expectedError, assertInstanceOf(HttpSysException.class, cause).errorCode());
            client.expectClosedWithoutResponse();
            assertStillServing(server);
        }
    }

    @Test
    void headSendFailingInlineFailsTheWriteAndDropsTheRequest() throws Exception {
        assertHeadSendFailureDropsTheRequest(call -> call.returnInline(WinError.ERROR_CONNECTION_INVALID),
                WinError.ERROR_CONNECTION_INVALID);
    }

    @Test
    void headSendFailingLaterFailsTheWriteAndDropsTheRequest() throws Exception {
        assertHeadSendFailureDropsTheRequest(call -> call.completeLater(NtStatus.STATUS_CONNECTION_INVALID, 0),
                WinError.ERROR_CONNECTION_INVALID);
    }

    /** A kernel call that throws (a broken custom backend, say) fails the write instead of leaving it pending. */
    @Test
    void headSendThatThrowsFailsTheWriteAndDropsTheRequest() throws Exception {
        UriAnswer answer = new UriAnswer();
        try (TestServer server = TestServer.start(ch -> ch.pipeline().addLast(answer))) {
            kernel.next("HttpSendHttpResponse", call -> {
                throw new IllegalStateException("scripted failure of the send call");
            });
            RawHttpClient client = server.rawClient();
            client.send("GET /a HTTP/1.1\r\nHost: a\r\n\r\n");
            Throwable cause = failureOf(answer.firstWrite);
            assertEquals("scripted failure of the send call",
                    assertInstanceOf(IllegalStateException.class, cause).getMessage());
            client.expectClosedWithoutResponse();
            assertStillServing(server);
        }
    }

    @Test
    void bodyReceiveAbortedLaterDropsTheRequestBeforeTheHandlerSeesIt() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        UriAnswer answer = new UriAnswer();
        ChannelHandler counter = new CountingHandler(requests);
        try (TestServer server = TestServer.start(ch -> ch.pipeline().addLast(counter, answer))) {
            ScriptedKernel.Script aborted = kernel.next("HttpReceiveRequestEntityBody",
                    call -> call.completeLater(NtStatus.STATUS_CANCELLED, 0));
            RawHttpClient client = server.rawClient();
            // The head alone: the body has to be received with HttpReceiveRequestEntityBody.
            client.send("POST /a HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\n");
            aborted.awaitFired();
            client.expectClosedWithoutResponse();
            assertEquals(0, requests.get());
            assertStillServing(server);
            assertEquals(1, requests.get());
        }
    }

    @Test
    void closingWithABodyReceivePendingCancelsItAndFreesItsBuffer() throws Exception {
        CompletableFuture<Channel> headSeen = new CompletableFuture<>();
        try (TestServer server = TestServer.builder()
                .option(HttpSysChannelOption.AGGREGATE, false)
                .pipeline(ch -> ch.pipeline().addLast(new ChannelInboundHandlerAdapter() {
                    @Override
                    public void channelRead(ChannelHandlerContext ctx, Object msg) {
                        if (msg instanceof HttpRequest) {
                            headSeen.complete(ctx.channel());
                        }
                        ReferenceCountUtil.release(msg);
                    }
                })).start()) {
            CompletableFuture<Object> bodyReceive = new CompletableFuture<>();
            kernel.next("HttpReceiveRequestEntityBody", call -> {
                Object result = call.proceed();
                bodyReceive.complete(result);
                return result;
            });
            RawHttpClient client = server.rawClient();
            client.send("POST /a HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\n");
            Channel request = headSeen.get(10, TimeUnit.SECONDS);
            assertEquals(WinError.ERROR_IO_PENDING, bodyReceive.get(10, TimeUnit.SECONDS),
                    "the body receive was expected to wait for the body");
            assertTrue(request.close().await(10, TimeUnit.SECONDS));
            client.expectClosedWithoutResponse();
        }
    }

    /** Counts the requests that reach the pipeline. */
    @ChannelHandler.Sharable
    private static final class CountingHandler extends ChannelInboundHandlerAdapter {
        private final AtomicInteger requests;

        CountingHandler(AtomicInteger requests) {
            this.requests = requests;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            requests.incrementAndGet();
            ctx.fireChannelRead(msg);
        }
    }
}
