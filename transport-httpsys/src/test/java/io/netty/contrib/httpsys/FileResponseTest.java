package io.netty.contrib.httpsys;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.DefaultFileRegion;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpChunkedInput;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.stream.ChunkedFile;
import io.netty.handler.stream.ChunkedWriteHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.CRC32;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** File responses: a {@link DefaultFileRegion} (a file-handle data chunk) and {@link HttpChunkedInput} over a file. */
@ExtendWith(LeakCheck.class)
@Timeout(60)
class FileResponseTest {

    @TempDir
    Path directory;

    private File file(long size) throws IOException {
        Path path = directory.resolve("body-" + size + ".bin");
        byte[] block = new byte[1024 * 1024];
        new Random(size).nextBytes(block);
        try (OutputStream out = Files.newOutputStream(path)) {
            for (long written = 0; written < size; written += block.length) {
                out.write(block, 0, (int) Math.min(block.length, size - written));
            }
        }
        return path.toFile();
    }

    private static long crc(InputStream in) throws IOException {
        CRC32 crc = new CRC32();
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = in.read(buffer)) != -1; ) {
            crc.update(buffer, 0, n);
        }
        return crc.getValue();
    }

    private static long crc(File file) throws IOException {
        try (InputStream in = Files.newInputStream(file.toPath())) {
            return crc(in);
        }
    }

    private static long[] download(TestServer server) throws Exception {
        java.net.http.HttpResponse<InputStream> response = RequestResponseTest.client().send(
                HttpRequest.newBuilder(server.uri("/file")).build(), java.net.http.HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            CRC32 crc = new CRC32();
            long length = 0;
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = body.read(buffer)) != -1; ) {
                crc.update(buffer, 0, n);
                length += n;
            }
            return new long[] {response.statusCode(), length, crc.getValue()};
        }
    }

    @Test
    void fiftyMegabyteFileRegion() throws Exception {
        File file = file(50L * 1024 * 1024);
        try (TestServer server = TestServer.start(ch -> ch.pipeline().addLast(
                new SimpleChannelInboundHandler<FullHttpRequest>() {
                    @Override
                    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
                        HttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
                        HttpUtil.setContentLength(response, file.length());
                        ctx.write(response);
                        ctx.write(new DefaultFileRegion(file, 0, file.length()));
                        ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT).addListener(ChannelFutureListener.CLOSE);
                    }
                }))) {
            long[] result = download(server);
            assertEquals(200, result[0]);
            assertEquals(file.length(), result[1]);
            assertEquals(crc(file), result[2]);
        }
    }

    @Test
    void chunkedFileThroughChunkedWriteHandler() throws Exception {
        File file = file(5L * 1024 * 1024 + 123);
        try (TestServer server = TestServer.start(ch -> ch.pipeline().addLast(new ChunkedWriteHandler(),
                new SimpleChannelInboundHandler<FullHttpRequest>() {
                    @Override
                    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) throws Exception {
                        // No Content-Length: the transport frames the chunks itself for HTTP/1.1.
                        HttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
                        response.headers().set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
                        ctx.write(response);
                        ctx.writeAndFlush(new HttpChunkedInput(new ChunkedFile(file, 16 * 1024)))
                                .addListener(ChannelFutureListener.CLOSE);
                    }
                }))) {
            long[] result = download(server);
            assertEquals(200, result[0]);
            assertEquals(file.length(), result[1]);
            assertEquals(crc(file), result[2]);
        }
    }
}
