package io.netty.contrib.httpsys.nativeapi.emulator;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/** The decoder behind a real loopback socket: what a client sees on the wire. */
class KernelRequestDecoderSocketTest {

    private EventLoopGroup group;
    private Channel server;
    private final BlockingQueue<Object> delivered = new LinkedBlockingQueue<>();
    private final BlockingQueue<KernelRequestDecoder> decoders = new LinkedBlockingQueue<>();
    /** When set, the owner answers every request with the kernel's 404, as the emulator does for unrouted URLs. */
    private volatile boolean answerNotFound;

    @BeforeEach
    void start() throws InterruptedException {
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        KernelRequestDecoder decoder = new KernelRequestDecoder("http", ch.localAddress(),
                                KernelLimits.DEFAULT);
                        decoders.add(decoder);
                        ch.pipeline().addLast(decoder, new ChannelInboundHandlerAdapter() {
                            @Override
                            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                                delivered.add(msg instanceof ParsedRequest || msg == LastHttpContent.EMPTY_LAST_CONTENT
                                        ? msg : msg.getClass());
                                ReferenceCountUtil.release(msg);
                                if (answerNotFound && msg instanceof ParsedRequest) {
                                    decoder.responseStarted();
                                    ctx.write(Unpooled.wrappedBuffer(KernelResponses.encode(KernelAnswer.NOT_FOUND)));
                                    GracefulClose.afterFlush(ctx.channel());
                                }
                            }
                        });
                    }
                })
                .bind("127.0.0.1", 0).sync().channel();
    }

    @AfterEach
    void stop() {
        server.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    void badRequestIsAnsweredAndLaterDataGetsAGracefulEndOfStream() throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(server.localAddress(), 5000);
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write("foo\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            byte[] expected = KernelResponses.encode(KernelAnswer.BAD_REQUEST);
            byte[] response = in.readNBytes(expected.length);
            KernelRequestDecoderTest.assertResponse(new String(response, StandardCharsets.ISO_8859_1),
                    KernelAnswer.BAD_REQUEST);
            // Wine's test_v1_bad_request: data sent after the answer meets a FIN (recv returns 0). A socket that
            // was simply closed would answer this data with RST and fail the write ("Broken pipe").
            out.write("x".repeat(4 << 20).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertEquals(-1, in.read());
        }
        assertNull(delivered.poll(100, TimeUnit.MILLISECONDS), "the refused request reached the owner");
    }

    @Test
    void ownerAnswerEndsTheConnectionAndDropsPipelinedRequests() throws Exception {
        answerNotFound = true;
        try (Socket socket = new Socket()) {
            socket.connect(server.localAddress(), 5000);
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /nothing HTTP/1.1\r\nHost: localhost\r\n\r\nGET /2 HTTP/1.1\r\nHost: localhost\r\n\r\n"
                    + "z".repeat(100_000)).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            byte[] wire = socket.getInputStream().readAllBytes();
            KernelRequestDecoderTest.assertResponse(new String(wire, StandardCharsets.ISO_8859_1),
                    KernelAnswer.NOT_FOUND);
        }
        assertInstanceOf(ParsedRequest.class, delivered.poll(5, TimeUnit.SECONDS));
        assertSame(LastHttpContent.EMPTY_LAST_CONTENT, delivered.poll(5, TimeUnit.SECONDS));
        assertNull(delivered.poll(100, TimeUnit.MILLISECONDS), "a pipelined request followed a closing answer");
    }

    @Test
    void pipelinedRequestIsReleasedFromAnotherThread() throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(server.localAddress(), 5000);
            OutputStream out = socket.getOutputStream();
            out.write("GET /1 HTTP/1.1\r\nHost: localhost\r\n\r\nGET /2 HTTP/1.1\r\nHost: localhost\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            ParsedRequest first = assertInstanceOf(ParsedRequest.class, delivered.poll(5, TimeUnit.SECONDS));
            assertEquals("/1", first.cookedAbsPath());
            assertEquals("localhost:" + ((java.net.InetSocketAddress) server.localAddress()).getPort(),
                    first.cookedHost());
            assertSame(LastHttpContent.EMPTY_LAST_CONTENT, delivered.poll(5, TimeUnit.SECONDS));
            assertNull(delivered.poll(100, TimeUnit.MILLISECONDS), "the second request was not held");
            decoders.take().continueWithNextRequest();
            ParsedRequest second = assertInstanceOf(ParsedRequest.class, delivered.poll(5, TimeUnit.SECONDS));
            assertEquals("/2", second.cookedAbsPath());
        }
    }

}
