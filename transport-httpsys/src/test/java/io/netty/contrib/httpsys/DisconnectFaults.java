package io.netty.contrib.httpsys;

import io.netty.channel.Channel;
import io.netty.contrib.httpsys.nativeapi.WinError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ends of a disconnect wait that the emulator's clients do not produce: a wait that ends inside the call, and
 * a connection that ends with a status other than success ({@link DisconnectListener}).
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
}
