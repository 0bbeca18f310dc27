package io.netty.contrib.httpsys.perf.jmh;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * CPU time of the thread that does the requests' work, reported next to the wall-clock score as two sums over
 * the measured iterations, {@code cpuNanos} and {@code cpuRequests}: CPU time per request is their quotient.
 * (JMH sums event counters over iterations, so a ratio cannot be reported directly.) On a shared machine wall time
 * includes waiting for a core and CPU time does not. The clock is read about every 256 requests.
 */
@AuxCounters(AuxCounters.Type.EVENTS)
@State(Scope.Thread)
public class CpuTimeCounter {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** CPU nanoseconds the measured thread spent on {@link #cpuRequests} requests. */
    public long cpuNanos;

    /** Requests processed while {@link #cpuNanos} was measured. */
    public long cpuRequests;

    private long threadId;
    private long startCpu;
    private long requests;

    @Setup(Level.Iteration)
    public void startIteration() {
        startCpu = -1;
        requests = 0;
        cpuNanos = 0;
        cpuRequests = 0;
    }

    /**
     * Counts {@code n} requests that {@code worker} just processed. The first call of an iteration only starts
     * the clock.
     */
    public void requests(int n, Thread worker) {
        if (startCpu < 0) {
            threadId = worker.getId();
            startCpu = THREADS.getThreadCpuTime(threadId);
            return;
        }
        long before = requests;
        requests += n;
        if ((before >>> 8) != (requests >>> 8)) {
            cpuNanos = THREADS.getThreadCpuTime(threadId) - startCpu;
            cpuRequests = requests;
        }
    }
}
