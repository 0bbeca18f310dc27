package io.netty.contrib.httpsys.perf.jmh;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.contrib.httpsys.examples.HelloWorldHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
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
 * The floor under both per-request benchmarks: {@link HelloWorldHandler} alone in an {@link EmbeddedChannel}
 * without any codec, given the same request as {@link NioPipelineBenchmark} and {@link HttpSysPipelineBenchmark}
 * already decoded, and its {@code FullHttpResponse} taken back unencoded. Both transports pay this work per
 * request (building the response, its headers and its content buffer, and the pipeline's write), so a transport's
 * own cost is its figure minus this one. Run with {@code -prof gc} for B/op; {@code cpuNanos / cpuRequests} is
 * the benchmark thread's CPU time per request.
 *
 * <p>The request is decoded once, in setup, and handed in again for every operation: the handler only reads it
 * (protocol version and {@code Connection} header) and releases it, so each operation retains it first.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class HandlerOnlyBenchmark {

    @Param({"GET", "POST_4K"})
    public String request;

    private FullHttpRequest decoded;
    private EmbeddedChannel channel;

    @Setup(Level.Trial)
    public void setUp() {
        EmbeddedChannel decoder = new EmbeddedChannel(new HttpServerCodec(), new HttpObjectAggregator(1 << 20));
        decoder.writeInbound(Unpooled.wrappedBuffer(RequestSamples.named(request)));
        decoded = decoder.readInbound();
        if (decoded == null || decoder.finish()) {
            throw new IllegalStateException("the sample " + request + " is not exactly one request");
        }
        channel = new EmbeddedChannel(new HelloWorldHandler());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        channel.finishAndReleaseAll();
        decoded.release();
    }

    /** The decoded request in, the handler's response out; returns the response's status code. */
    @Benchmark
    public int request(CpuTimeCounter cpu) {
        channel.writeInbound(decoded.retain());
        FullHttpResponse response = channel.readOutbound();
        if (response == null) {
            throw new IllegalStateException("no response");
        }
        int status = response.status().code();
        response.release();
        cpu.requests(1, Thread.currentThread());
        return status;
    }
}
