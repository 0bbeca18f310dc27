package io.netty.contrib.httpsys;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.*;
import io.netty.handler.stream.ChunkedFile;
import io.netty.handler.stream.ChunkedWriteHandler;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;

class ScratchDebugTest {
    @Test
    void debug() throws Exception {
        File file = File.createTempFile("dbg", ".bin");
        Files.write(file.toPath(), new byte[300_000]);
        try (TestServer server = TestServer.start(ch -> ch.pipeline().addLast(new ChunkedWriteHandler(),
                new SimpleChannelInboundHandler<FullHttpRequest>() {
                    @Override
                    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) throws Exception {
                        HttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
                        response.headers().set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
                        ctx.write(response);
                        ctx.writeAndFlush(new HttpChunkedInput(new ChunkedFile(file, 16 * 1024)))
                                .addListener(f -> System.err.println("DBG final future " + f.isSuccess() + " " + f.cause()))
                                .addListener(ChannelFutureListener.CLOSE);
                    }
                }))) {
            try (Socket s = new Socket("127.0.0.1", server.port())) {
                s.setSoTimeout(3000);
                s.getOutputStream().write("GET / HTTP/1.1\r\nHost: a\r\n\r\n".getBytes());
                InputStream in = s.getInputStream();
                byte[] buf = new byte[65536];
                long total = 0;
                byte[] last = new byte[0];
                try {
                    for (int n; (n = in.read(buf)) != -1; ) {
                        total += n;
                        last = java.util.Arrays.copyOfRange(buf, Math.max(0, n - 40), n);
                    }
                } catch (Exception e) {
                    System.err.println("DBG " + e);
                }
                System.err.println("DBG total " + total + " tail " + new String(last).replace("\r", "\\r").replace("\n", "\\n").replace("\0", "."));
            }
        }
    }
}
