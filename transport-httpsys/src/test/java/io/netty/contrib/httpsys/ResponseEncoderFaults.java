package io.netty.contrib.httpsys;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.CompositeByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.DefaultFileRegion;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.contrib.httpsys.nativeapi.WinError;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The response encoder's fallbacks and batch limits ({@link HttpSysResponseEncoder}), driven on purpose through
 * {@link ScriptedKernel}, which also counts the send calls they lead to.
 */
@ExtendWith(LeakCheck.class)
class ResponseEncoderFaults {

    private final ScriptedKernel kernel = ScriptedKernel.get();

    @TempDir
    Path directory;

    /** Answers every request with what {@code respond} writes. */
    @ChannelHandler.Sharable
    private static final class Respond extends SimpleChannelInboundHandler<FullHttpRequest> {
        private final BiConsumer<ChannelHandlerContext, FullHttpRequest> respond;

        Respond(BiConsumer<ChannelHandlerContext, FullHttpRequest> respond) {
            this.respond = respond;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            respond.accept(ctx, request);
        }
    }

    private static TestServer start(BiConsumer<ChannelHandlerContext, FullHttpRequest> respond) throws Exception {
        Respond handler = new Respond(respond);
        return TestServer.start(ch -> ch.pipeline().addLast(handler));
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        new Random(length).nextBytes(bytes);
        return bytes;
    }

    private static HttpResponse head(long contentLength) {
        HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        head.headers().set(HttpHeaderNames.CONTENT_LENGTH, contentLength);
        return head;
    }

    private static byte[] get(TestServer server) throws Exception {
        RawHttpClient client = server.rawClient();
        client.send("GET /f HTTP/1.1\r\nHost: a\r\n\r\n");
        RawHttpClient.Response response = client.read();
        assertEquals(200, response.status);
        return response.body;
    }

    /** Counts the entity chunks of every {@code HttpSendResponseEntityBody} call, letting each through. */
    private List<Integer> countBodySends() {
        List<Integer> chunkCounts = new CopyOnWriteArrayList<>();
        kernel.on("HttpSendResponseEntityBody", Integer.MAX_VALUE, call -> true, call -> {
            chunkCounts.add((int) call.arg(3));
            return call.proceed();
        });
        return chunkCounts;
    }

    @Test
    void aFileThatCreateFileWCannotOpenIsCopiedInstead() throws Exception {
        byte[] content = randomBytes(3 * HttpSysResponseEncoder.FILE_PIECE + 100);
        File file = Files.write(directory.resolve("f.bin"), content).toFile();
        try (TestServer server = start((ctx, request) -> {
            ctx.write(head(content.length));
            ctx.write(new DefaultFileRegion(file, 0, content.length));
            ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
        })) {
            ScriptedKernel.Script refused = kernel.next("CreateFileW", call -> call.fail(WinError.ERROR_ACCESS_DENIED));
            assertArrayEquals(content, get(server));
            refused.awaitFired();
        }
    }

    @Test
    void fileRegionsBeyondTheChunksOfOneCallGoOutInTheNextCall() throws Exception {
        int regions = 70;
        int size = 1000;
        byte[] content = randomBytes(regions * size);
        File file = Files.write(directory.resolve("r.bin"), content).toFile();
        try (TestServer server = start((ctx, request) -> {
            ctx.write(head(content.length));
            for (int i = 0; i < regions; i++) {
                ctx.write(new DefaultFileRegion(file, (long) i * size, size));
            }
            ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
        })) {
            List<Integer> chunkCounts = countBodySends();
            assertArrayEquals(content, get(server));
            // 70 file chunks do not fit one call (64 chunks, two kept for framing): the rest went in another.
            assertFalse(chunkCounts.isEmpty(), "everything went in one call");
            assertTrue(chunkCounts.stream().allMatch(n -> n <= 64), "chunk counts: " + chunkCounts);
        }
    }

    @Test
    void aCompositeWithMoreComponentsThanChunksStillGoesOutWhole() throws Exception {
        int components = 100;
        int size = 100;
        byte[] content = randomBytes(components * size + 10);
        try (TestServer server = start((ctx, request) -> {
            ByteBufAllocator alloc = ctx.alloc();
            ctx.write(head(content.length));
            // A first piece takes a chunk, so the composite's 100 buffers cannot follow it in this call.
            ctx.write(new DefaultHttpContent(alloc.directBuffer(10).writeBytes(content, 0, 10)));
            CompositeByteBuf composite = alloc.compositeDirectBuffer(components);
            for (int i = 0; i < components; i++) {
                composite.addComponent(true, alloc.directBuffer(size).writeBytes(content, 10 + i * size, size));
            }
            ctx.writeAndFlush(new DefaultLastHttpContent(composite));
        })) {
            List<Integer> chunkCounts = countBodySends();
            assertArrayEquals(content, get(server));
            // The composite did not fit after the first piece: it went, copied, in a call of its own.
            assertFalse(chunkCounts.isEmpty(), "everything went in one call");
            assertTrue(chunkCounts.stream().allMatch(n -> n <= 64), "chunk counts: " + chunkCounts);
        }
    }
}
