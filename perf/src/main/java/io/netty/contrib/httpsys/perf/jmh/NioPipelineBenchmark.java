package io.netty.contrib.httpsys.perf.jmh;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.contrib.httpsys.examples.HelloWorldHandler;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The NIO baseline of the per-request CPU cost: the request bytes as a socket read would deliver them (one
 * direct buffer) through {@link HttpServerCodec} + {@link HttpObjectAggregator} + {@link HelloWorldHandler} in an
 * {@link EmbeddedChannel}, and the encoded response bytes read back. Run with {@code -prof gc} for B/op;
 * {@code cpuNanos / cpuRequests} is the benchmark thread's CPU time per request.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class NioPipelineBenchmark {

    @Param({"GET", "POST_4K"})
    public String request;

    private byte[] bytes;
    private EmbeddedChannel channel;

    @Setup(Level.Trial)
    public void setUp() {
        bytes = RequestSamples.named(request);
        channel = new EmbeddedChannel(new HttpServerCodec(), new HttpObjectAggregator(1 << 20),
                new HelloWorldHandler());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        channel.finishAndReleaseAll();
    }

    /** One request in, one response out; returns the response's size so nothing is optimised away. */
    @Benchmark
    public int request(CpuTimeCounter cpu) {
        ByteBuf in = channel.alloc().directBuffer(bytes.length).writeBytes(bytes);
        channel.writeInbound(in);
        int responseBytes = 0;
        for (ByteBuf out; (out = channel.readOutbound()) != null; ) {
            responseBytes += out.readableBytes();
            out.release();
        }
        if (responseBytes == 0) {
            throw new IllegalStateException("no response");
        }
        cpu.requests(1, Thread.currentThread());
        return responseBytes;
    }
}
