package io.netty.contrib.httpsys.nativeapi.emulator;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A {@link KernelRequestDecoder} in an {@link EmbeddedChannel}, keeping every buffer it feeds so that
 * {@link #close()} can prove all of them were released.
 */
final class DecoderHarness implements AutoCloseable {

    static final InetSocketAddress LOCAL = new InetSocketAddress("127.0.0.1", 8080);

    final KernelRequestDecoder decoder;
    final EmbeddedChannel channel;
    private final List<ByteBuf> fed = new ArrayList<>();

    DecoderHarness() {
        this(KernelLimits.DEFAULT);
    }

    DecoderHarness(KernelLimits limits) {
        decoder = new KernelRequestDecoder("http", LOCAL, limits);
        channel = new EmbeddedChannel(decoder);
    }

    void feed(String data) {
        feed(data.getBytes(StandardCharsets.ISO_8859_1));
    }

    void feed(byte[] data) {
        ByteBuf buf = Unpooled.buffer(data.length).writeBytes(data);
        fed.add(buf);
        channel.writeInbound(buf);
    }

    /** Everything fired so far; body contents are copied out and released. */
    List<Object> inbound() {
        List<Object> messages = new ArrayList<>();
        Object message;
        while ((message = channel.readInbound()) != null) {
            messages.add(message);
        }
        return messages;
    }

    /** Everything written to the client so far. */
    String outbound() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuf buf;
        while ((buf = channel.readOutbound()) != null) {
            byte[] bytes = new byte[buf.readableBytes()];
            buf.readBytes(bytes);
            out.writeBytes(bytes);
            buf.release();
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    static List<ParsedRequest> requests(List<Object> messages) {
        List<ParsedRequest> requests = new ArrayList<>();
        for (Object message : messages) {
            if (message instanceof ParsedRequest request) {
                requests.add(request);
            }
        }
        return requests;
    }

    /** The body bytes in {@code messages}, releasing the contents. */
    static String body(List<Object> messages) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object message : messages) {
            if (message instanceof HttpContent content) {
                byte[] bytes = new byte[content.content().readableBytes()];
                content.content().getBytes(content.content().readerIndex(), bytes);
                out.writeBytes(bytes);
                content.release();
            }
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    static long lastCount(List<Object> messages) {
        return messages.stream().filter(m -> m instanceof LastHttpContent).count();
    }

    static void release(List<Object> messages) {
        for (Object message : messages) {
            if (ReferenceCountUtil.refCnt(message) > 0) {
                ReferenceCountUtil.release(message);
            }
        }
    }

    @Override
    public void close() {
        release(inbound());
        outbound();
        channel.finishAndReleaseAll();
        release(inbound());
        for (ByteBuf buf : fed) {
            assertEquals(0, buf.refCnt(), "a buffer fed to the decoder was never released");
        }
    }
}
