package io.netty.contrib.httpsys;

import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.NativeMemory;
import io.netty.contrib.httpsys.nativeapi.struct.Overlapped;

import java.util.Arrays;

/**
 * The {@code OVERLAPPED}s of one event loop, pooled in native chunks that never move (the kernel holds their
 * addresses while operations are pending), and the table from slot id to owner.
 *
 * <p>Each slot is an {@code OVERLAPPED} followed by its own slot id, so a dequeued {@code lpOverlapped} maps back
 * to its owner in O(1) without a hash lookup:
 * <pre>
 *  0                      Overlapped.SIZE          SLOT_SIZE
 *  | OVERLAPPED            | int slotId | padding   |
 * </pre>
 * Not thread-safe: used on its event loop only.
 */
final class OverlappedSlab {

    private static final int SLOT_ID_OFFSET = Overlapped.SIZE;
    private static final int SLOT_SIZE = (Overlapped.SIZE + Integer.BYTES + 7) & ~7;
    private static final int SLOTS_PER_CHUNK = 256;
    private static final long CHUNK_BYTES = (long) SLOT_SIZE * SLOTS_PER_CHUNK;

    private long[] chunks = new long[4];
    private int chunkCount;
    private CompletionHandler[] owners = new CompletionHandler[0];
    private int[] operations = new int[0];
    private int[] freeSlots = new int[0];
    private int freeCount;

    /** Takes a zeroed {@code OVERLAPPED} for one operation of {@code owner}; returns its slot id. */
    int acquire(CompletionHandler owner, int operation) {
        if (freeCount == 0) {
            addChunk();
        }
        int slot = freeSlots[--freeCount];
        owners[slot] = owner;
        operations[slot] = operation;
        Overlapped.clear(address(slot));
        return slot;
    }

    /** Returns a slot whose operation ended (completed, or failed without queuing a packet). */
    void release(int slot) {
        owners[slot] = null;
        freeSlots[freeCount++] = slot;
    }

    /** The {@code OVERLAPPED} of {@code slot}. */
    long address(int slot) {
        return chunks[slot / SLOTS_PER_CHUNK] + (long) (slot % SLOTS_PER_CHUNK) * SLOT_SIZE;
    }

    /** The slot of a dequeued {@code OVERLAPPED}, or {@code -1} when the address is none of ours. */
    int slotOf(long overlapped) {
        if (overlapped == 0 || chunkCount == 0) {
            return -1;
        }
        int slot = NativeAccess.getInt(overlapped + SLOT_ID_OFFSET);
        if (slot < 0 || slot >= chunkCount * SLOTS_PER_CHUNK || address(slot) != overlapped || owners[slot] == null) {
            return -1;
        }
        return slot;
    }

    CompletionHandler owner(int slot) {
        return owners[slot];
    }

    int operation(int slot) {
        return operations[slot];
    }

    /** Slots whose operations have not completed yet. */
    int inUse() {
        return chunkCount * SLOTS_PER_CHUNK - freeCount;
    }

    /** Frees every chunk. Call only when {@link #inUse()} is 0, or the kernel may still write into them. */
    void free() {
        for (int i = 0; i < chunkCount; i++) {
            NativeMemory.free(chunks[i], CHUNK_BYTES);
        }
        chunkCount = 0;
        freeCount = 0;
    }

    private void addChunk() {
        if (chunkCount == chunks.length) {
            chunks = Arrays.copyOf(chunks, chunkCount * 2);
        }
        long chunk = NativeMemory.allocate(CHUNK_BYTES);
        int first = chunkCount * SLOTS_PER_CHUNK;
        chunks[chunkCount++] = chunk;
        int capacity = chunkCount * SLOTS_PER_CHUNK;
        owners = Arrays.copyOf(owners, capacity);
        operations = Arrays.copyOf(operations, capacity);
        freeSlots = Arrays.copyOf(freeSlots, capacity);
        // Push in reverse so that low slot ids are handed out first.
        for (int i = SLOTS_PER_CHUNK - 1; i >= 0; i--) {
            int slot = first + i;
            NativeAccess.putInt(chunk + (long) i * SLOT_SIZE + SLOT_ID_OFFSET, slot);
            freeSlots[freeCount++] = slot;
        }
    }
}
