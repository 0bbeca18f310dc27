package io.netty.contrib.httpsys.perf.nullkernel;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.contrib.httpsys.nativeapi.Http;
import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.NativeMemory;
import io.netty.contrib.httpsys.nativeapi.WinError;
import io.netty.contrib.httpsys.nativeapi.emulator.ConnectionInfo;
import io.netty.contrib.httpsys.nativeapi.emulator.KernelLimits;
import io.netty.contrib.httpsys.nativeapi.emulator.KernelRequestDecoder;
import io.netty.contrib.httpsys.nativeapi.emulator.ParsedRequest;
import io.netty.contrib.httpsys.nativeapi.emulator.RequestMarshaller;
import io.netty.handler.codec.http.HttpContent;
import io.netty.util.ReferenceCountUtil;

import java.net.InetSocketAddress;
import java.util.Arrays;

/**
 * A request as HTTP.SYS writes it into a receive buffer: an {@code HTTP_REQUEST_V2} with its strings, headers,
 * addresses and (as with {@code HTTP_RECEIVE_REQUEST_FLAG_COPY_BODY}) its body, produced once from raw request
 * bytes by the emulator's own parser and {@link RequestMarshaller}. The image holds absolute pointers into its
 * buffer; {@link #copyTo} relocates them, so delivering it costs one copy, like the kernel's.
 */
public final class RequestImage implements AutoCloseable {

    private static final int MAX_LENGTH = 64 * 1024;
    private static final InetSocketAddress LOCAL = new InetSocketAddress("127.0.0.1", 8080);
    private static final InetSocketAddress REMOTE = new InetSocketAddress("127.0.0.1", 50123);

    private final long template;
    private final int length;
    private final int[] pointerOffsets;

    private RequestImage(long template, int length, int[] pointerOffsets) {
        this.template = template;
        this.length = length;
        this.pointerOffsets = pointerOffsets;
    }

    /**
     * Parses {@code requestBytes} (one HTTP/1.1 request with its body) and marshals it.
     *
     * @throws IllegalArgumentException when the bytes are not one complete request
     */
    public static RequestImage of(byte[] requestBytes) {
        EmbeddedChannel parser = new EmbeddedChannel(new KernelRequestDecoder("http", LOCAL, KernelLimits.DEFAULT));
        ByteBuf body = Unpooled.buffer();
        try {
            parser.writeInbound(Unpooled.wrappedBuffer(requestBytes));
            ParsedRequest head = null;
            for (Object msg; (msg = parser.readInbound()) != null; ) {
                if (msg instanceof ParsedRequest parsed) {
                    head = parsed;
                } else if (msg instanceof HttpContent content) {
                    body.writeBytes(content.content());
                }
                ReferenceCountUtil.release(msg);
            }
            if (head == null) {
                throw new IllegalArgumentException("not a complete request");
            }
            ConnectionInfo connection = new ConnectionInfo(0x2000, REMOTE, LOCAL, null);
            long first = NativeMemory.allocate(MAX_LENGTH);
            long second = NativeMemory.allocate(MAX_LENGTH);
            try {
                int length = marshal(head, connection, body, first);
                if (marshal(head, connection, body, second) != length) {
                    throw new IllegalStateException("the marshaller is not deterministic");
                }
                int[] pointers = pointerOffsets(first, second, length);
                long template = NativeMemory.allocate(length);
                NativeAccess.copyMemory(first, template, length);
                for (int offset : pointers) {
                    NativeAccess.putLong(template + offset, NativeAccess.getLong(first + offset) - first);
                }
                return new RequestImage(template, length, pointers);
            } finally {
                NativeMemory.free(first, MAX_LENGTH);
                NativeMemory.free(second, MAX_LENGTH);
            }
        } finally {
            body.release();
            parser.finishAndReleaseAll();
        }
    }

    private static int marshal(ParsedRequest head, ConnectionInfo connection, ByteBuf body, long buffer) {
        NativeAccess.setMemory(buffer, MAX_LENGTH, (byte) 0);
        RequestMarshaller.Result result = RequestMarshaller.marshal(head, connection, 0x3000, 0,
                head.headBytes() + body.readableBytes(), 0, body.isReadable() ? body : null,
                Http.HTTP_RECEIVE_REQUEST_FLAG_COPY_BODY, buffer, MAX_LENGTH);
        if (result.error() != WinError.NO_ERROR || result.bodyBytesConsumed() != body.readableBytes()) {
            throw new IllegalStateException("marshalling failed: " + result);
        }
        return result.bytesReturned();
    }

    /**
     * The offsets of the pointers in two images of one request written at different addresses: the aligned
     * 8-byte words that differ by exactly the distance between the buffers and point inside them.
     */
    private static int[] pointerOffsets(long first, long second, int length) {
        long delta = second - first;
        int[] found = new int[length / 8];
        int count = 0;
        for (int offset = 0; offset + 8 <= length; offset += 8) {
            long a = NativeAccess.getLong(first + offset);
            long b = NativeAccess.getLong(second + offset);
            if (a != b && b - a == delta && a >= first && a <= first + length) {
                found[count++] = offset;
            }
        }
        return Arrays.copyOf(found, count);
    }

    /** The bytes a receive returns. */
    public int length() {
        return length;
    }

    /** How many pointers the image holds (for a sanity check). */
    public int pointerCount() {
        return pointerOffsets.length;
    }

    /** Writes the image to {@code buffer}, its pointers relocated to point into {@code buffer}. */
    public void copyTo(long buffer) {
        NativeAccess.copyMemory(template, buffer, length);
        for (int offset : pointerOffsets) {
            NativeAccess.putLong(buffer + offset, NativeAccess.getLong(template + offset) + buffer);
        }
    }

    @Override
    public void close() {
        NativeMemory.free(template, length);
    }
}
