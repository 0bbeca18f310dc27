package io.netty.contrib.httpsys;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Requests whose head does not fit the receive buffer ({@code ERROR_MORE_DATA}) when they are already queued in the
 * kernel as the receive is posted: the receive then ends at once, no completion packet follows, and the transport
 * must re-receive by id inline. A burst of such requests used to leave every receive of the loop waiting for a
 * packet that never came: the server stopped answering, and its shutdown leaked the OVERLAPPEDs (which
 * {@link LeakCheck} reports as native memory left behind).
 */
@ExtendWith(LeakCheck.class)
@Timeout(120)
class LargeRequestHeadTest {

    private static final int CLIENTS = 16;

    private static TestServer echoPathServer(int receivesPerLoop, boolean autoRead) throws Exception {
        return TestServer.builder()
                .option(HttpSysChannelOption.RECEIVES_PER_LOOP, receivesPerLoop)
                .option(ChannelOption.AUTO_READ, autoRead)
                .pipeline(ch -> ch.pipeline().addLast(new SimpleChannelInboundHandler<FullHttpRequest>() {
                    @Override
                    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
                        String big = request.headers().get("x-big");
                        RequestResponseTest.respond(ctx, HttpResponseStatus.OK,
                                request.uri() + ' ' + (big == null ? 0 : big.length()));
                    }
                })).start();
    }

    private static String largeGet(int port, String path, int headerSize) {
        return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nX-Big: " + "b".repeat(headerSize)
                + "\r\n\r\n";
    }

    /** The reproduction: 16 concurrent GETs with a 10 KB header, default options, then a small GET. */
    @ParameterizedTest(name = "receives per loop {0}")
    @ValueSource(ints = {1, 4})
    void aBurstOfLargeHeadsIsAnsweredAndTheServerKeepsServing(int receivesPerLoop) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try (TestServer server = echoPathServer(receivesPerLoop, true)) {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                String path = "/big/" + i;
                answers.add(clients.submit(() -> {
                    try (RawHttpClient client = new RawHttpClient(server.port())) {
                        client.send(largeGet(server.port(), path, 10_000));
                        return client.read().bodyText();
                    }
                }));
            }
            for (int i = 0; i < CLIENTS; i++) {
                assertEquals("/big/" + i + " 10000", answers.get(i).get(30, TimeUnit.SECONDS));
            }
            assertEquals("/small 0", RequestResponseTest.get(server, "/small").body());
        } finally {
            clients.shutdownNow();
        }
    }

    /**
     * With {@code autoRead} off no receive is posted, so the requests wait in the kernel; the first {@code read()}
     * then posts receives that meet queued requests larger than their buffers.
     */
    @Test
    void largeHeadsQueuedBeforeTheFirstReadAreAllReceived() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try (TestServer server = echoPathServer(1, false)) {
            Set<String> seen = ConcurrentHashMap.newKeySet();
            List<Future<String>> answers = new ArrayList<>();
            List<RawHttpClient> raw = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                RawHttpClient client = server.rawClient();
                client.send(largeGet(server.port(), "/queued/" + i, 12_000));
                raw.add(client);
            }
            server.channel().read();
            server.channel().config().setAutoRead(true);
            for (RawHttpClient client : raw) {
                answers.add(clients.submit(() -> client.read().bodyText()));
            }
            for (Future<String> answer : answers) {
                seen.add(answer.get(30, TimeUnit.SECONDS));
            }
            assertEquals(Set.of("/queued/0 12000", "/queued/1 12000", "/queued/2 12000", "/queued/3 12000"), seen);
        } finally {
            clients.shutdownNow();
        }
    }
}
