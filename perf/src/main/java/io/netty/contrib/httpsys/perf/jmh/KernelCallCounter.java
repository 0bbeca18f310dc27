package io.netty.contrib.httpsys.perf.jmh;

import io.netty.contrib.httpsys.perf.nullkernel.NullKernel;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The kernel calls the transport made during the measured iterations, as counted by the {@link NullKernel}: on
 * Windows each one is a JNA call into httpapi.dll or kernel32.dll, so their number per request is part of the
 * per-request cost that a null kernel otherwise hides. Reported, like {@link CpuTimeCounter}, as sums over the
 * iterations; each divided by {@link #kernelRequests} is calls per request. {@link #kernelWaitCpuNanos}, counted
 * the same way, is the event loop's CPU time in the kernel's completion wait.
 */
@AuxCounters(AuxCounters.Type.EVENTS)
@State(Scope.Thread)
public class KernelCallCounter {

    /** {@code HttpReceiveHttpRequest} and {@code HttpReceiveRequestEntityBody} calls. */
    public long kernelReceives;

    /** {@code HttpSendHttpResponse} and {@code HttpSendResponseEntityBody} calls. */
    public long kernelSends;

    /** {@code GetQueuedCompletionStatusEx} calls, the empty ones included. */
    public long kernelDequeues;

    /** {@code PostQueuedCompletionStatus} calls (wake-ups of the event loop from another thread). */
    public long kernelPosts;

    /**
     * CPU nanoseconds the event loop thread spent waiting in {@code GetQueuedCompletionStatusEx} for a completion
     * ({@link NullKernel#waitCpuNanos()}): parking and being woken again (a futex wait and wake-up on Linux), on
     * Windows kernel time inside {@code GetQueuedCompletionStatusEx}. It is part of the event loop's
     * {@link CpuTimeCounter#cpuNanos} and a cost that an in-memory pipeline does not have; divided by
     * {@link #kernelRequests} it is ns per request.
     */
    public long kernelWaitCpuNanos;

    /** Requests processed while the calls above were counted. */
    public long kernelRequests;

    private boolean started;
    private long receives;
    private long sends;
    private long dequeues;
    private long posts;
    private long waitCpu;
    private long requests;

    @Setup(Level.Iteration)
    public void startIteration() {
        started = false;
        requests = 0;
        kernelReceives = 0;
        kernelSends = 0;
        kernelDequeues = 0;
        kernelPosts = 0;
        kernelWaitCpuNanos = 0;
        kernelRequests = 0;
    }

    /**
     * Counts {@code n} requests that have just been processed in full. The first call of an iteration only takes
     * the kernel's counts as the starting point.
     */
    public void requests(int n, NullKernel kernel) {
        if (!started) {
            started = true;
            receives = kernel.receiveCalls();
            sends = kernel.sendCalls();
            dequeues = kernel.dequeueCalls();
            posts = kernel.postCalls();
            waitCpu = kernel.waitCpuNanos();
            return;
        }
        requests += n;
        kernelReceives = kernel.receiveCalls() - receives;
        kernelSends = kernel.sendCalls() - sends;
        kernelDequeues = kernel.dequeueCalls() - dequeues;
        kernelPosts = kernel.postCalls() - posts;
        kernelWaitCpuNanos = kernel.waitCpuNanos() - waitCpu;
        kernelRequests = requests;
    }
}
