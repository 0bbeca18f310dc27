package io.netty.contrib.httpsys;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An event loop destroyed while the kernel keeps an operation for ever: the drain gives up after its bound and
 * says so. No {@link LeakCheck} here: leaking the {@code OVERLAPPED}s of that operation is the documented outcome
 * (freeing memory the kernel may still write would be worse).
 */
class ShutdownDrainFaults {

    private final ScriptedKernel kernel = ScriptedKernel.get();

    /** Answers 204, with no buffer of its own that could leak with the stuck send. */
    @ChannelHandler.Sharable
    private static final class NoContent extends SimpleChannelInboundHandler<FullHttpRequest> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.NO_CONTENT,
                    Unpooled.EMPTY_BUFFER));
        }
    }

    @Test
    void anOperationTheKernelNeverCompletesIsLeakedAfterTheDrainBound() throws Exception {
        NoContent handler = new NoContent();
        TestServer server = TestServer.start(ch -> ch.pipeline().addLast(handler));
        try (LogCapture log = LogCapture.of(HttpSysIoHandler.class)) {
            // The send pends and cancelling it finds nothing: the emulator never saw it.
            ScriptedKernel.Script stuck = kernel.next("HttpSendHttpResponse", ScriptedKernel.Call::pendForever);
            RawHttpClient client = server.rawClient();
            client.send("GET /stuck HTTP/1.1\r\nHost: a\r\n\r\n");
            stuck.awaitFired();
            server.close();
            assertTrue(log.awaitWarning("did not complete within").contains("leaking their OVERLAPPEDs"));
        }
    }
}
