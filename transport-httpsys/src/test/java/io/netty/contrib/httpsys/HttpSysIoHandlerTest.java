package io.netty.contrib.httpsys;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.contrib.httpsys.nativeapi.HttpSysBackend;
import io.netty.contrib.httpsys.nativeapi.IoCompletion;
import io.netty.contrib.httpsys.nativeapi.NativeMemory;
import io.netty.contrib.httpsys.nativeapi.struct.Overlapped;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The event loop itself: waking up, running scheduled tasks on time, and the OVERLAPPED slab's bookkeeping. The
 * loop's completion-port calls are counted through a {@link CallRecorder}, not timed: wall-clock limits fail on a
 * busy machine and hide a wake-up lost now and then.
 */
@ExtendWith(LeakCheck.class)
@Timeout(30)
class HttpSysIoHandlerTest {

    /** The argument of {@code GetQueuedCompletionStatusEx} that is its timeout in milliseconds. */
    private static final int TIMEOUT_ARG = 4;

    private static CallRecorder<IoCompletion> recordedCompletionPort() {
        return CallRecorder.of(IoCompletion.class, HttpSysBackend.current().ioCompletion());
    }

    @Test
    void scheduledTaskRunsOnTimeWhileTheLoopWaitsForCompletions() throws Exception {
        CallRecorder<IoCompletion> io = recordedCompletionPort();
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, HttpSysIoHandler.newFactory(io.proxy()));
        try {
            // Nothing else is due for an hour: a loop that ignored the nearer deadline would wait that long.
            ScheduledFuture<?> far = group.schedule(() -> { }, 1, TimeUnit.HOURS);
            group.submit(() -> { }).sync();
            int mark = io.mark();
            long start = System.nanoTime();
            group.schedule(() -> { }, 50, TimeUnit.MILLISECONDS).get(10, TimeUnit.SECONDS);
            long elapsed = System.nanoTime() - start;
            assertTrue(TimeUnit.NANOSECONDS.toMillis(elapsed) >= 49, "ran early: " + elapsed / 1_000_000 + " ms");
            // The wait that ended for the task was bounded by its deadline (rounded up) and timed out.
            List<CallRecorder.Call> waits = io.callsSince(mark, "GetQueuedCompletionStatusEx");
            assertTrue(waits.stream().anyMatch(call -> !call.booleanResult() && call.intArg(TIMEOUT_ARG) > 0
                    && call.intArg(TIMEOUT_ARG) <= 51), "no wait bounded by the task's 50 ms");
            far.cancel(false);
        } finally {
            group.shutdownGracefully(0, 5, TimeUnit.SECONDS).sync();
        }
    }

    @Test
    void taskFromAnotherThreadWakesTheLoopWithOnePacket() throws Exception {
        CallRecorder<IoCompletion> io = recordedCompletionPort();
        // Released each time the loop is about to block in a wait far longer than this test.
        Semaphore longWaits = new Semaphore(0);
        io.observe("GetQueuedCompletionStatusEx", args -> {
            if ((Integer) args[TIMEOUT_ARG] > 60_000) {
                longWaits.release();
            }
        });
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, HttpSysIoHandler.newFactory(io.proxy()));
        try {
            ScheduledFuture<?> far = group.schedule(() -> { }, 1, TimeUnit.HOURS);
            for (int i = 0; i < 3; i++) {
                assertTrue(longWaits.tryAcquire(10, TimeUnit.SECONDS), "the loop went to wait");
                int mark = io.mark();
                // Only a packet can end that wait: the task runs at once or not for an hour. The wake-up posted for
                // the previous task may still be queued (the loop is counted as waiting as it enters the call), and
                // then it wakes the loop and no second one is posted: at most one, never one per task.
                group.submit(() -> group.execute(() -> { })).get(10, TimeUnit.SECONDS);
                int posted = io.callsSince(mark, "PostQueuedCompletionStatus").size();
                assertTrue(posted <= 1, "one wake-up packet at most, none for the task the loop queued itself: "
                        + posted);
            }
            far.cancel(false);
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
