package io.netty.contrib.httpsys;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.contrib.httpsys.nativeapi.NtStatus;
import io.netty.contrib.httpsys.nativeapi.WinError;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ends of a disconnect wait that the emulator's clients do not produce: a wait that ends inside the call, and
 * a connection that ends with a status other than success, a wait that cannot start, and one the closing of its
 * handle aborts ({@link DisconnectListener}).
 */
@ExtendWith(LeakCheck.class)
class DisconnectFaults {

    /** STATUS_CONNECTION_RESET: the client reset the connection (ERROR_NETNAME_DELETED). */
    private static final int STATUS_CONNECTION_RESET = 0xC000020D;

    private final ScriptedKernel kernel = ScriptedKernel.get();

    private void assertHeldRequestIsClosed(ScriptedKernel.Action waitEnds) throws Exception {
        RequestHold hold = new RequestHold();
        try (TestServer server = TestServer.start(ch -> ch.pipeline().addLast(hold))) {
            ScriptedKernel.Script ended = kernel.next("HttpWaitForDisconnectEx", waitEnds);
            RawHttpClient client = server.rawClient();
            client.send("GET /held HTTP/1.1\r\nHost: a\r\n\r\n");
            Channel request = hold.held.get(10, TimeUnit.SECONDS).channel();
            ended.awaitFired();
            assertTrue(request.closeFuture().await(10, TimeUnit.SECONDS), "the held request outlived its client");
            client.expectClosedWithoutResponse();
        }
    }

    @Test
    void aWaitThatEndsInsideTheCallClosesTheHeldRequest() throws Exception {
        assertHeldRequestIsClosed(call -> call.returnInline(WinError.NO_ERROR));
    }

    @Test
    void aConnectionResetClosesTheHeldRequest() throws Exception {
        assertHeldRequestIsClosed(call -> call.completeLater(STATUS_CONNECTION_RESET, 0));
    }

    /**
     * A wait that the kernel aborts ({@code ERROR_OPERATION_ABORTED}: its handle closed, the queue was shut down) or
     * that cannot start at all ({@code ERROR_NOT_ENOUGH_MEMORY}) says nothing about the client: the held request
     * stays open and its late answer reaches the client.
     */
    private void assertHeldRequestIsStillAnswered(ScriptedKernel.Action waitEnds) throws Exception {
        RequestHold hold = new RequestHold();
        try (TestServer server = TestServer.start(ch -> ch.pipeline().addLast(hold))) {
            ScriptedKernel.Script ended = kernel.next("HttpWaitForDisconnectEx", waitEnds);
            RawHttpClient client = server.rawClient();
            client.send("GET /held HTTP/1.1\r\nHost: a\r\n\r\n");
            ChannelHandlerContext ctx = hold.held.get(10, TimeUnit.SECONDS);
            ended.awaitFired();
            // The wait's end was queued on the loop's port during the call. A task runs after the loop's I/O step
            // that follows it, so once a second task has run, the completion has been dispatched.
            ctx.executor().submit(() -> { }).get(10, TimeUnit.SECONDS);
            ctx.executor().submit(() -> { }).get(10, TimeUnit.SECONDS);
            assertTrue(ctx.channel().isOpen(), "the end of the wait closed a request whose client is still there");
            RequestResponseTest.respond(ctx, HttpResponseStatus.OK, "answered late");
            assertEquals("answered late", client.read().bodyText());
        }
    }

    @Test
    void aWaitThatCannotStartLeavesTheHeldRequestAnswerable() throws Exception {
        assertHeldRequestIsStillAnswered(call -> call.returnInline(WinError.ERROR_NOT_ENOUGH_MEMORY));
    }

    @Test
    void anAbortedWaitLeavesTheHeldRequestAnswerable() throws Exception {
        assertHeldRequestIsStillAnswered(call -> call.completeLater(NtStatus.STATUS_CANCELLED, 0));
    }
}
