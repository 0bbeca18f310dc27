package io.netty.contrib.httpsys.perf.jmh;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.contrib.httpsys.HttpSysAddress;
import io.netty.contrib.httpsys.HttpSysChannelOption;
import io.netty.contrib.httpsys.HttpSysEventLoopGroup;
import io.netty.contrib.httpsys.HttpSysServerChannel;
import io.netty.contrib.httpsys.examples.HelloWorldHandler;
import io.netty.contrib.httpsys.nativeapi.HttpSysBackend;
import io.netty.contrib.httpsys.perf.nullkernel.NullKernel;
import io.netty.contrib.httpsys.perf.nullkernel.RequestImage;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The transport's user-mode CPU per request: the same requests as {@link NioPipelineBenchmark}, as native
 * {@code HTTP_REQUEST_V2} images, completed into the transport's receives by a {@link NullKernel} and run
 * through the real event loop: decode, child channel and pipeline, {@link HelloWorldHandler}, response encoding
 * into {@code HTTP_RESPONSE_V2} and data chunks, and the send call (which the null kernel completes at once).
 *
 * <p>One invocation delivers {@value #BATCH} requests at once (one per outstanding receive, their completions
 * queued together) and parks until their responses are sent and the receives are posted again, so the time per
 * operation is the event loop's time per request plus a share of two cross-thread wake-ups per batch.
 * {@code -prof gc}'s B/op counts every thread's allocations; the null kernel allocates nothing per request.
 * {@code cpuNanos / cpuRequests} is the event loop thread's CPU time per request; the {@code kernel*} counters
 * ({@link KernelCallCounter}) count the calls into the kernel, each divided by {@code kernelRequests} is calls per
 * request.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class HttpSysPipelineBenchmark {

    static final int BATCH = 16;

    @Param({"GET", "POST_4K"})
    public String request;

    /**
     * How the handler reaches each request's pipeline: {@code initializer}, a {@code ChannelInitializer} adding it
     * (what most bootstraps do, and what {@code perf/run-ratio.sh} measures), or {@code shared}, the
     * {@code @Sharable} handler itself as the child handler, which saves the initializer's per-request work (its
     * handler context, its bookkeeping set, removing itself).
     */
    @Param({"initializer", "shared"})
    public String pipeline;

    private NullKernel kernel;
    private RequestImage image;
    private HttpSysEventLoopGroup group;
    private Channel server;
    private long expected;
    private Thread eventLoopThread;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        kernel = new NullKernel();
        HttpSysBackend.install("null-kernel", kernel, kernel);
        image = RequestImage.of(RequestSamples.named(request));
        group = new HttpSysEventLoopGroup(1);
        HelloWorldHandler hello = new HelloWorldHandler();
        server = new ServerBootstrap()
                .group(group)
                .channel(HttpSysServerChannel.class)
                .option(HttpSysChannelOption.RECEIVES_PER_LOOP, BATCH)
                .option(HttpSysChannelOption.INITIAL_RECEIVE_BUFFER_SIZE, 16 * 1024)
                .childHandler("shared".equals(pipeline) ? hello : new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(hello);
                    }
                })
                .bind(HttpSysAddress.ofPort(8080)).sync().channel();
        expected = kernel.responses();
        kernel.awaitIdle(expected, BATCH);
        eventLoopThread = group.next().submit(Thread::currentThread).get();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        server.close().syncUninterruptibly();
        group.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
        image.close();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long request(CpuTimeCounter cpu, KernelCallCounter calls) {
        if (!kernel.deliver(image, BATCH)) {
            throw new IllegalStateException("a receive was missing: the transport lost one");
        }
        expected += BATCH;
        kernel.awaitIdle(expected, BATCH);
        cpu.requests(BATCH, eventLoopThread);
        calls.requests(BATCH, kernel);
        return expected;
    }
}
