package io.netty.contrib.httpsys;

import io.netty.contrib.httpsys.nativeapi.NativeMemory;
import io.netty.contrib.httpsys.nativeapi.struct.Overlapped;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The event loop itself: waking up, running scheduled tasks on time, and the OVERLAPPED slab's bookkeeping. */
@ExtendWith(LeakCheck.class)
@Timeout(30)
class HttpSysIoHandlerTest {

    @Test
    void scheduledTaskRunsOnTimeWhileTheLoopWaitsForCompletions() throws Exception {
        HttpSysEventLoopGroup group = new HttpSysEventLoopGroup(1);
        try {
            group.submit(() -> { }).sync(); // the loop is running and idle in GetQueuedCompletionStatusEx
            long fastest = Long.MAX_VALUE;
            for (int i = 0; i < 3; i++) {
                long start = System.nanoTime();
                group.schedule(() -> { }, 50, TimeUnit.MILLISECONDS).sync();
                fastest = Math.min(fastest, System.nanoTime() - start);
            }
            // The wait is bounded by the task's deadline, not by a default (1 s) or INFINITE timeout.
            assertTrue(TimeUnit.NANOSECONDS.toMillis(fastest) < 500, "took " + fastest / 1_000_000 + " ms");
            assertTrue(TimeUnit.NANOSECONDS.toMillis(fastest) >= 49, "ran early: " + fastest / 1_000_000 + " ms");
        } finally {
            group.shutdownGracefully(0, 5, TimeUnit.SECONDS).sync();
        }
    }

    @Test
    void taskFromAnotherThreadWakesTheLoop() throws Exception {
        HttpSysEventLoopGroup group = new HttpSysEventLoopGroup(1);
        try {
            group.submit(() -> { }).sync();
            long fastest = Long.MAX_VALUE;
            for (int i = 0; i < 3; i++) {
                long start = System.nanoTime();
                group.submit(() -> { }).sync();
                fastest = Math.min(fastest, System.nanoTime() - start);
            }
            // Without PostQueuedCompletionStatus the task would wait for the loop's next timeout (about 1 s).
            assertTrue(TimeUnit.NANOSECONDS.toMillis(fastest) < 300, "took " + fastest / 1_000_000 + " ms");
        } finally {
            group.shutdownGracefully(0, 5, TimeUnit.SECONDS).sync();
        }
    }

    @Test
    void slabMapsEveryOverlappedBackToItsOwnerAndFreesItsChunks() {
        long before = NativeMemory.outstandingAllocations();
        OverlappedSlab slab = new OverlappedSlab();
        CompletionHandler first = (operation, error, bytes) -> { };
        CompletionHandler second = (operation, error, bytes) -> { };
        Set<Long> addresses = new HashSet<>();
        int[] slots = new int[600];
        for (int i = 0; i < slots.length; i++) {
            slots[i] = slab.acquire(i % 2 == 0 ? first : second, i);
            long overlapped = slab.address(slots[i]);
            assertTrue(addresses.add(overlapped), "distinct OVERLAPPEDs");
            assertEquals(0, Overlapped.internal(overlapped));
        }
        assertEquals(600, slab.inUse());
        for (int i = 0; i < slots.length; i++) {
            int slot = slab.slotOf(slab.address(slots[i]));
            assertEquals(slots[i], slot);
            assertSame(i % 2 == 0 ? first : second, slab.owner(slot));
            assertEquals(i, slab.operation(slot));
        }
        assertEquals(-1, slab.slotOf(slab.address(slots[0]) + 8), "an address inside a slot is not an OVERLAPPED");
        slab.release(slots[7]);
        assertEquals(-1, slab.slotOf(slab.address(slots[7])), "a released slot has no owner");
        int reused = slab.acquire(first, 99);
        assertEquals(slots[7], reused);
        Overlapped.setInternal(slab.address(reused), 0x103);
        slab.release(reused);
        assertNotEquals(0, Overlapped.internal(slab.address(reused)));
        assertEquals(0, Overlapped.internal(slab.address(slab.acquire(second, 1))), "acquire clears the OVERLAPPED");
        slab.free();
        assertEquals(before, NativeMemory.outstandingAllocations());
    }
}
