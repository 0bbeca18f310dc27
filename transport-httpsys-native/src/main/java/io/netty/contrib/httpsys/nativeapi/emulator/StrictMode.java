package io.netty.contrib.httpsys.nativeapi.emulator;

import io.netty.util.internal.SystemPropertyUtil;
import io.netty.util.internal.logging.InternalLogger;
import io.netty.util.internal.logging.InternalLoggerFactory;

import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The emulator's strict mode: a seeded plan for the choices Windows may make differently from one call to the
 * next, so that the transport meets every path it can meet on the kernel. {@link StrictHttpApi} and
 * {@link StrictIoCompletion} consult it around the emulator's own functions:
 * <ul>
 *   <li>a call that could complete at once may instead be pending, its completion written and posted later from
 *       another thread ({@value #PEND_RATE_PROPERTY}, default 0.5);</li>
 *   <li>completion packets are held back for a random time, so they arrive late and out of order
 *       ({@value #DELAY_RATE_PROPERTY}, default 0.3; at most {@value #MAX_DELAY_PROPERTY} microseconds, default
 *       2000);</li>
 *   <li>at {@value #FAULT_RATE_PROPERTY} (default 0: off) a call meets one of the errors its function documents,
 *       or its client is dropped at a random point of the request or the response.</li>
 * </ul>
 * The emulator itself never cancels {@code HttpWaitForDisconnect(Ex)} waits with {@code CancelIoEx}, strict or not.
 *
 * <p>Enabled by {@value #SEED_PROPERTY}: a number (the seed) or {@code random}. The seed is logged once; every
 * decision is a hash of the seed and the decision's sequence number, so a run with the same seed and the same
 * order of calls makes the same decisions (threads interleave differently from run to run, so a failure found
 * with a seed may need a few runs to reappear).
 */
public final class StrictMode {

    /** The seed, or {@code random}; strict mode is off without it. */
    public static final String SEED_PROPERTY = "io.netty.contrib.httpsys.emulator.strict";
    /** How often a call that could complete at once is made pending instead (0..1). */
    public static final String PEND_RATE_PROPERTY = SEED_PROPERTY + ".pendRate";
    /** How often a completion packet is held back before the port hands it out (0..1). */
    public static final String DELAY_RATE_PROPERTY = SEED_PROPERTY + ".delayRate";
    /** The longest hold-back of a packet or a pending completion, in microseconds. */
    public static final String MAX_DELAY_PROPERTY = SEED_PROPERTY + ".maxDelayMicros";
    /** How often a call meets an injected error or a dropped client (0..1). */
    public static final String FAULT_RATE_PROPERTY = SEED_PROPERTY + ".faultRate";

    private static final InternalLogger logger = InternalLoggerFactory.getInstance(StrictMode.class);

    private final long seed;
    private final double pendRate;
    private final double delayRate;
    private final long maxDelayMicros;
    private volatile double faultRate;
    private final AtomicLong sequence = new AtomicLong();
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final Set<Long> endOfFileOnSuccess = ConcurrentHashMap.newKeySet();
    private final ScheduledThreadPoolExecutor timer;

    StrictMode(long seed, double pendRate, double delayRate, long maxDelayMicros, double faultRate) {
        this.seed = seed;
        this.pendRate = pendRate;
        this.delayRate = delayRate;
        this.maxDelayMicros = Math.max(0, maxDelayMicros);
        this.faultRate = faultRate;
        timer = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "httpsys-emulator-strict");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The strict mode the system properties ask for, or {@code null} when {@value #SEED_PROPERTY} is not set. */
    static StrictMode fromSystemProperties() {
        String value = SystemPropertyUtil.get(SEED_PROPERTY);
        if (value == null || value.isBlank()) {
            return null;
        }
        long seed = "random".equalsIgnoreCase(value.trim()) ? System.nanoTime() ^ System.currentTimeMillis() << 20
                : Long.parseLong(value.trim());
        StrictMode mode = new StrictMode(seed, rate(PEND_RATE_PROPERTY, 0.5), rate(DELAY_RATE_PROPERTY, 0.3),
                SystemPropertyUtil.getLong(MAX_DELAY_PROPERTY, 2000), rate(FAULT_RATE_PROPERTY, 0));
        logger.warn("HTTP.SYS emulator in strict mode: -D{}={} (pendRate {}, delayRate {}, maxDelayMicros {}, "
                        + "faultRate {}); rerun with this seed to make the same decisions", SEED_PROPERTY, seed,
                mode.pendRate, mode.delayRate, mode.maxDelayMicros, mode.faultRate);
        return mode;
    }

    private static double rate(String property, double defaultValue) {
        String value = SystemPropertyUtil.get(property);
        double rate = value == null ? defaultValue : Double.parseDouble(value.trim());
        if (rate < 0 || rate > 1) {
            throw new IllegalArgumentException("-D" + property + "=" + value + " is not a rate between 0 and 1");
        }
        return rate;
    }

    /** The seed of this run. */
    public long seed() {
        return seed;
    }

    /** The rate of injected errors and dropped clients. */
    public double faultRate() {
        return faultRate;
    }

    /** Changes the rate of injected errors and dropped clients from now on (0 stops them). */
    public void faultRate(double rate) {
        if (rate < 0 || rate > 1) {
            throw new IllegalArgumentException("not a rate between 0 and 1: " + rate);
        }
        faultRate = rate;
    }

    /**
     * What strict mode did so far, by kind: {@code pended} (calls made pending), {@code delayed} (packets held
     * back), {@code drop-request} / {@code drop-response} (clients dropped), and each injected error by its code.
     */
    public SortedMap<String, Long> counts() {
        SortedMap<String, Long> snapshot = new TreeMap<>();
        counts.forEach((kind, adder) -> snapshot.put(kind, adder.sum()));
        return snapshot;
    }

    void count(String kind) {
        counts.computeIfAbsent(kind, k -> new LongAdder()).increment();
    }

    /** The next decision: {@code true} with probability {@code rate}. */
    boolean chance(double rate) {
        return rate > 0 && unit() < rate;
    }

    boolean pend() {
        return chance(pendRate);
    }

    boolean delay() {
        return chance(delayRate);
    }

    boolean fault() {
        return chance(faultRate);
    }

    /** The next decision: one of {@code 0..bound-1}. */
    int pick(int bound) {
        return (int) (unit() * bound);
    }

    /** Runs {@code task} on the strict-mode thread after a random delay of at most the maximum. */
    void later(Runnable task) {
        long delay = maxDelayMicros == 0 ? 0 : (long) (unit() * maxDelayMicros);
        timer.schedule(task, delay, TimeUnit.MICROSECONDS);
    }

    /** Marks a file send whose success is to be reported as {@code STATUS_END_OF_FILE}. */
    void endOfFileOnSuccess(long overlapped) {
        endOfFileOnSuccess.add(overlapped);
    }

    /** Whether {@code overlapped} was so marked; the mark is removed. */
    boolean takeEndOfFileOnSuccess(long overlapped) {
        return endOfFileOnSuccess.remove(overlapped);
    }

    private double unit() {
        long z = seed + sequence.getAndIncrement() * 0x9E3779B97F4A7C15L;
        // SplitMix64's finaliser: consecutive sequence numbers give independent-looking values.
        z = (z ^ z >>> 30) * 0xBF58476D1CE4E5B9L;
        z = (z ^ z >>> 27) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        return (z >>> 11) * 0x1.0p-53;
    }
}
