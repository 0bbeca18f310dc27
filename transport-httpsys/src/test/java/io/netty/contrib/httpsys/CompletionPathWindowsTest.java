package io.netty.contrib.httpsys;

import io.netty.contrib.httpsys.nativeapi.HttpSysBackend;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The Windows tier of the completion-path fixes, on the kernel itself: an immediate {@code ERROR_MORE_DATA} from
 * {@code HttpReceiveHttpRequest} on a handle in {@code FILE_SKIP_COMPLETION_PORT_ON_SUCCESS} mode queues no packet
 * and must be retried inline (the emulator agrees, but only Windows settles it), and closing the creator of a
 * shared queue shuts it down for every handle. The conformance test {@code InlineResultsTest} checks the same
 * contract one call at a time.
 */
@EnabledOnOs(OS.WINDOWS)
@ExtendWith(LeakCheck.class)
class CompletionPathWindowsTest {

    @BeforeEach
    void requireTheKernel() {
        assumeTrue("native".equals(System.getProperty(HttpSysBackend.BACKEND_PROPERTY)),
                "run with -Dio.netty.contrib.httpsys.backend=native");
        assertFalse(HttpSys.isEmulated());
    }

    @Test
    void aBurstOfLargeHeadsIsAnsweredByTheKernel() throws Exception {
        new LargeRequestHeadTest().aBurstOfLargeHeadsIsAnsweredAndTheServerKeepsServing(4);
    }

    @Test
    void largeHeadsQueuedInTheKernelBeforeTheFirstRead() throws Exception {
        new LargeRequestHeadTest().largeHeadsQueuedBeforeTheFirstReadAreAllReceived();
    }

    @Test
    void theCreatorShutsTheKernelQueueDown() throws Exception {
        new QueueShutdownTest().closingTheCreatorShutsTheQueueDownAndTheAttachedServerCloses();
    }
}
