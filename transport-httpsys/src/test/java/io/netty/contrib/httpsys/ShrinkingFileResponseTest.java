package io.netty.contrib.httpsys;

import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.DefaultFileRegion;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A {@link DefaultFileRegion} whose file shrinks after the region was sized: HTTP.SYS ends such a send with
 * {@code ERROR_HANDLE_EOF}, which the transport counts as success as ASP.NET Core does. The write succeeds, the
 * client gets what the file still had, and the response ends with the connection instead of leaving the client
 * waiting for bytes that no longer exist.
 */
@ExtendWith(LeakCheck.class)
@Timeout(60)
class ShrinkingFileResponseTest {

    @TempDir
    Path directory;

    /** The file shrinks before the send: the call itself meets the end of the file (an immediate result). */
    @Test
    void fileThatShrankBeforeTheSendEndsTheResponseEarlyAndTheWriteSucceeds() throws Exception {
        byte[] content = randomBytes(256 * 1024);
        Path file = write("before.bin", content);
        int kept = 100 * 1024;
        CompletableFuture<ChannelFuture> written = new CompletableFuture<>();
        try (TestServer server = TestServer.start(ch -> ch.pipeline().addLast(
                new SimpleChannelInboundHandler<FullHttpRequest>() {
                    @Override
                    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
                        DefaultFileRegion region = new DefaultFileRegion(file.toFile(), 0, content.length);
                        truncate(file, kept);
                        ctx.write(headOf(content.length));
                        ctx.write(region).addListener((ChannelFutureListener) written::complete);
                        ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
                    }
                }))) {
            RawHttpClient client = server.rawClient();
            client.send(get(server.port()));
            RawHttpClient.Response response = client.read();

            assertSucceeded(written.get(10, TimeUnit.SECONDS));
            assertEquals(200, response.status);
            assertEquals(String.valueOf(content.length), response.header("Content-Length"));
            assertArrayEquals(Arrays.copyOf(content, kept), response.body, "the bytes the file still has");
            assertTrue(client.isClosedByServer(), "a response shorter than its head ends with the connection");
        }
    }

    /** The file shrinks while the send is in flight: the pending send completes with the end of file. */
    @Test
    void fileThatShrinksDuringTheSendEndsTheResponseEarlyAndTheWriteSucceeds() throws Exception {
        // More than loopback socket buffers hold, so the send cannot finish while the client does not read.
        byte[] content = randomBytes(32 * 1024 * 1024);
        Path file = write("during.bin", content);
        int kept = 1024 * 1024;
        CompletableFuture<ChannelFuture> written = new CompletableFuture<>();
        CountDownLatch truncated = new CountDownLatch(1);
        try (TestServer server = TestServer.start(ch -> ch.pipeline().addLast(
                new SimpleChannelInboundHandler<FullHttpRequest>() {
                    @Override
                    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
                        ctx.write(headOf(content.length));
                        ctx.write(new DefaultFileRegion(file.toFile(), 0, content.length))
                                .addListener((ChannelFutureListener) written::complete);
                        // The flush makes the send call; it is pending when truncate runs.
                        ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
                        truncate(file, kept);
                        truncated.countDown();
                    }
                }))) {
            RawHttpClient client = server.rawClient();
            client.send(get(server.port()));
            assertTrue(truncated.await(10, TimeUnit.SECONDS));
            RawHttpClient.Response response = client.read();

            assertSucceeded(written.get(10, TimeUnit.SECONDS));
            assertEquals(200, response.status);
            assertTrue(response.body.length >= kept && response.body.length < content.length,
                    "body of " + response.body.length + " bytes");
            assertArrayEquals(Arrays.copyOf(content, response.body.length), response.body);
            assertTrue(client.isClosedByServer(), "a response shorter than its head ends with the connection");
        }
    }

    static String get(int port) {
        return "GET /file HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n\r\n";
    }

    static HttpResponse headOf(long length) {
        HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        HttpUtil.setContentLength(head, length);
        return head;
    }

    static void truncate(Path file, long size) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(size);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void assertSucceeded(ChannelFuture write) {
        assertTrue(write.isSuccess(), () -> "write failed: " + write.cause());
    }

    static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(directory.resolve(name), content);
    }
}
