package io.netty.contrib.httpsys;

import io.netty.contrib.httpsys.nativeapi.IoCompletion;
import io.netty.contrib.httpsys.nativeapi.NativeMemory;
import io.netty.contrib.httpsys.nativeapi.struct.HttpCachePolicy;
import io.netty.contrib.httpsys.nativeapi.struct.HttpDataChunk;
import io.netty.contrib.httpsys.nativeapi.struct.HttpResponseV2;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.ReferenceCounted;

import java.util.Arrays;

/**
 * The native memory behind one {@code HttpSendHttpResponse} / {@code HttpSendResponseEntityBody} call, and
 * the Java objects that memory points into. HTTP.SYS reads the response structure, the header strings and
 * the buffers of the data chunks while the call is in flight, so all of them live until {@link #complete()}.
 *
 * <p>One allocation holds, in order:
 * <pre>
 *   HTTP_RESPONSE_V2                       the head (HttpSendHttpResponse only)
 *   HTTP_CACHE_POLICY                      kernel cache policy, when the response may be cached
 *   ULONG (8 bytes)                        BytesSent out-parameter
 *   HTTP_DATA_CHUNK[MAX_CHUNKS]            slot 0 is kept for a chunked-framing size line
 *   arena (ARENA_SIZE)                     unknown headers, header bytes, framing, copies of small heap buffers
 * </pre>
 * When the arena runs out, overflow segments are allocated and freed again by {@link #complete()}, so a
 * pooled block shrinks back to its fixed size after an unusually large head.
 *
 * <p>Filled by {@link HttpSysResponseEncoder}; the caller reads {@link #call()} and the pointers, makes the
 * call, and calls {@link #complete()} when it completed (or failed, or was never made). Confined to one event
 * loop; pool blocks per loop, one per send in flight.
 */
final class HttpSysSendBlock {

    /** Nothing to send: succeed the promises of the appended messages. */
    static final int CALL_NONE = 0;
    /** Call {@code HttpSendHttpResponse(flags(), response(), cachePolicy())}. */
    static final int CALL_SEND_HTTP_RESPONSE = 1;
    /** Call {@code HttpSendResponseEntityBody(flags(), chunkCount(), chunks())}. */
    static final int CALL_SEND_RESPONSE_ENTITY_BODY = 2;

    /** Data chunks per call, including the two that chunked framing may need. */
    static final int MAX_CHUNKS = 64;
    static final int ARENA_SIZE = 4096;

    private static final int RESPONSE_OFFSET = 0;
    private static final int CACHE_POLICY_OFFSET = align(RESPONSE_OFFSET + HttpResponseV2.SIZE);
    private static final int BYTES_SENT_OFFSET = align(CACHE_POLICY_OFFSET + HttpCachePolicy.SIZE);
    private static final int CHUNKS_OFFSET = BYTES_SENT_OFFSET + 8;
    private static final int ARENA_OFFSET = align(CHUNKS_OFFSET + MAX_CHUNKS * HttpDataChunk.SIZE);
    private static final int BLOCK_SIZE = ARENA_OFFSET + ARENA_SIZE;
    private static final int MIN_OVERFLOW_SEGMENT = 4096;

    private final IoCompletion io;
    private long base;

    // Arena state: [position, limit) of the current segment.
    private long position;
    private long limit;
    private long[] overflow = new long[4];
    private long[] overflowSizes = new long[4];
    private int overflowCount;

    private Object[] held = new Object[8];
    private int heldCount;
    private long[] files = new long[2];
    private int fileCount;

    // Results of HttpSysResponseEncoder.finish().
    private int call;
    private int flags;
    private int chunkCount;
    private long chunks;
    private long cachePolicy;
    private long bodyBytes;
    private boolean last;

    /** {@code io} closes the file handles of file chunks at {@link #complete()}. */
    HttpSysSendBlock(IoCompletion io) {
        this.io = io;
        base = NativeMemory.allocate(BLOCK_SIZE);
        resetArena();
    }

    /** What to call: {@link #CALL_NONE}, {@link #CALL_SEND_HTTP_RESPONSE} or {@link #CALL_SEND_RESPONSE_ENTITY_BODY}. */
    int call() {
        return call;
    }

    /** {@code HTTP_SEND_RESPONSE_FLAG_*} for the call. */
    int flags() {
        return flags;
    }

    /** {@code PHTTP_RESPONSE} for {@code HttpSendHttpResponse}. */
    long response() {
        return base + RESPONSE_OFFSET;
    }

    /** {@code PHTTP_CACHE_POLICY} for {@code HttpSendHttpResponse}, or 0 to leave the response uncached. */
    long cachePolicy() {
        return cachePolicy;
    }

    /** {@code EntityChunkCount} for {@code HttpSendResponseEntityBody}. */
    int chunkCount() {
        return chunkCount;
    }

    /** {@code pEntityChunks} for {@code HttpSendResponseEntityBody} (0 when there are none). */
    long chunks() {
        return chunks;
    }

    /** A {@code ULONG} inside the block that may serve as the {@code BytesSent} out-parameter. */
    long bytesSentAddress() {
        return base + BYTES_SENT_OFFSET;
    }

    /** Entity bytes the call sends (memory and file chunks, framing included). */
    long bodyBytes() {
        return bodyBytes;
    }

    /** Whether this call ends the response (sent without {@code HTTP_SEND_RESPONSE_FLAG_MORE_DATA}). */
    boolean isLast() {
        return last;
    }

    /**
     * Releases every message held for this call, closes the file handles opened for it and frees overflow
     * memory. Call it once the send completed, failed, or will not be made; the block is then reusable.
     */
    void complete() {
        for (int i = 0; i < heldCount; i++) {
            ReferenceCountUtil.safeRelease(held[i]);
            held[i] = null;
        }
        heldCount = 0;
        for (int i = 0; i < fileCount; i++) {
            io.CloseHandle(files[i]);
        }
        fileCount = 0;
        for (int i = 0; i < overflowCount; i++) {
            NativeMemory.free(overflow[i], overflowSizes[i]);
        }
        overflowCount = 0;
        resetArena();
        result(CALL_NONE, 0, 0, 0, 0, 0, false);
    }

    /** Frees the native memory; {@link #complete()} must have been called. The block is unusable afterwards. */
    void free() {
        if (base != 0) {
            complete();
            NativeMemory.free(base, BLOCK_SIZE);
            base = 0;
        }
    }

    // ---- used by HttpSysResponseEncoder ----

    /** Records what {@link HttpSysResponseEncoder#finish()} decided for this call. */
    void result(int call, int flags, int chunkCount, long chunks, long cachePolicy, long bodyBytes, boolean last) {
        this.call = call;
        this.flags = flags;
        this.chunkCount = chunkCount;
        this.chunks = chunks;
        this.cachePolicy = cachePolicy;
        this.bodyBytes = bodyBytes;
        this.last = last;
    }

    long cachePolicyAddress() {
        return base + CACHE_POLICY_OFFSET;
    }

    /** Address of data chunk slot {@code index} (0 is the framing slot). */
    long chunkSlot(int index) {
        return HttpDataChunk.at(base + CHUNKS_OFFSET, index);
    }

    /** Keeps {@code message} alive until {@link #complete()}, which releases it. */
    void hold(Object message) {
        if (!(message instanceof ReferenceCounted)) {
            return;
        }
        if (heldCount == held.length) {
            held = Arrays.copyOf(held, heldCount * 2);
        }
        held[heldCount++] = message;
    }

    /** Closes {@code handle} at {@link #complete()}. */
    void holdFile(long handle) {
        if (fileCount == files.length) {
            files = Arrays.copyOf(files, fileCount * 2);
        }
        files[fileCount++] = handle;
    }

    /** {@code size} bytes aligned to 8 (for structs); contents are undefined. */
    long allocateAligned(int size) {
        long start = align(position);
        if (start + size > limit) {
            grow(size);
            start = position;
        }
        position = start + size;
        return start;
    }

    /** {@code size} unaligned bytes right after the previous allocation when they fit. */
    long allocateBytes(int size) {
        if (position + size > limit) {
            grow(size);
        }
        long start = position;
        position += size;
        return start;
    }

    /** Whether {@code size} more bytes fit in the current segment without growing it. */
    boolean fits(int size) {
        return position + size <= limit;
    }

    /** The address the next unaligned allocation would start at if it fits. */
    long arenaPosition() {
        return position;
    }

    private void grow(int size) {
        long segmentSize = Math.max(MIN_OVERFLOW_SEGMENT, align(size));
        long segment = NativeMemory.allocate(segmentSize);
        if (overflowCount == overflow.length) {
            overflow = Arrays.copyOf(overflow, overflowCount * 2);
            overflowSizes = Arrays.copyOf(overflowSizes, overflowCount * 2);
        }
        overflow[overflowCount] = segment;
        overflowSizes[overflowCount++] = segmentSize;
        position = segment;
        limit = segment + segmentSize;
    }

    private void resetArena() {
        position = base + ARENA_OFFSET;
        limit = base + BLOCK_SIZE;
    }

    private static int align(int value) {
        return value + 7 & ~7;
    }

    private static long align(long value) {
        return value + 7 & ~7L;
    }
}
