package io.netty.contrib.httpsys.perf.nullkernel;

import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.NativeMemory;
import io.netty.contrib.httpsys.nativeapi.struct.HttpDataChunk;
import io.netty.contrib.httpsys.nativeapi.struct.HttpRequestV2;
import io.netty.contrib.httpsys.perf.jmh.RequestSamples;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A request image copied anywhere reads back as the request it was made from: its pointers follow the copy. */
class RequestImageTest {

    @Test
    void relocatedImageStillPointsAtItsOwnStringsAndBody() {
        long before = NativeMemory.outstandingAllocations();
        try (RequestImage image = RequestImage.of(RequestSamples.POST_4K)) {
            assertTrue(image.pointerCount() >= 3, "raw URL, cooked URL and entity chunks at least");
            long buffer = NativeMemory.allocate(16 * 1024);
            try {
                image.copyTo(buffer + 8);
                long request = buffer + 8;

                assertEquals("/upload", ascii(HttpRequestV2.rawUrl(request), HttpRequestV2.rawUrlLength(request)));
                assertEquals(1, HttpRequestV2.entityChunkCount(request));
                long chunk = HttpRequestV2.entityChunks(request);
                assertTrue(chunk > request && chunk < request + image.length(), "chunk array inside the image");
                long body = HttpDataChunk.fromMemoryBuffer(chunk);
                assertEquals(RequestSamples.BODY_4K.length, HttpDataChunk.fromMemoryBufferLength(chunk));
                byte[] copied = new byte[RequestSamples.BODY_4K.length];
                NativeAccess.copyMemory(body, copied, 0, copied.length);
                assertArrayEquals(RequestSamples.BODY_4K, copied);
            } finally {
                NativeMemory.free(buffer, 16 * 1024);
            }
        }
        assertEquals(before, NativeMemory.outstandingAllocations());
    }

    private static String ascii(long address, int length) {
        byte[] bytes = new byte[length];
        NativeAccess.copyMemory(address, bytes, 0, length);
        return new String(bytes, StandardCharsets.US_ASCII);
    }
}
