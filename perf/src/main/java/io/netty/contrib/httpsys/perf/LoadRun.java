package io.netty.contrib.httpsys.perf;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.group.ChannelGroup;
import io.netty.handler.ssl.SslContext;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/** The state the virtual clients of one run share: options, the bootstrap, counters and the stop flag. */
final class LoadRun {

    private static final long MAX_MICROS = TimeUnit.MINUTES.toMicros(2);

    private final LoadOptions options;
    private final Bootstrap bootstrap;
    private final SslContext sslContext;
    private final ChannelGroup channels;
    private final Recorder recorder = new Recorder(MAX_MICROS, 3);
    private final LongAdder errors = new LongAdder();
    private final AtomicReference<Throwable> firstFailure = new AtomicReference<>();
    private volatile boolean running = true;

    LoadRun(LoadOptions options, Bootstrap bootstrap, SslContext sslContext, ChannelGroup channels) {
        this.options = options;
        this.bootstrap = bootstrap;
        this.sslContext = sslContext;
        this.channels = channels;
    }

    LoadOptions options() {
        return options;
    }

    Bootstrap bootstrap() {
        return bootstrap;
    }

    SslContext sslContext() {
        return sslContext;
    }

    boolean isRunning() {
        return running;
    }

    void stop() {
        running = false;
    }

    void track(Channel channel) {
        channels.add(channel);
    }

    void recordLatency(long nanos) {
        recorder.recordValue(Math.min(MAX_MICROS, Math.max(1, nanos / 1000)));
    }

    void error() {
        errors.increment();
    }

    void noteFailure(Throwable cause) {
        firstFailure.compareAndSet(null, cause);
    }

    /** Forgets everything counted so far (the end of the warm-up). */
    void reset() {
        recorder.reset();
        errors.reset();
        firstFailure.set(null);
    }

    /** The first exception a connection reported since the last reset, for the error summary. */
    Throwable firstFailure() {
        return firstFailure.get();
    }

    /** What was counted since the last reset. */
    LoadResult result(double seconds) {
        Histogram histogram = recorder.getIntervalHistogram();
        return new LoadResult(options.scenario(), histogram, errors.sum(), seconds);
    }
}
