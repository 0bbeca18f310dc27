package io.netty.contrib.httpsys.perf;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.contrib.httpsys.examples.CommandLine;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import io.netty.util.concurrent.GlobalEventExecutor;

import javax.net.ssl.SSLException;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A closed-loop HTTP(S) load generator in the manner of WCAT, which the seed's benchmark used: N virtual clients
 * each keep one request outstanding, for a warm-up and then a measured duration; it reports requests/s,
 * p50/p95/p99 latency and errors. Runs on Windows and Linux (epoll where available, NIO elsewhere) and only
 * against loopback.
 *
 * <pre>
 * java -cp perf/target/benchmarks.jar io.netty.contrib.httpsys.perf.LoadGenerator \
 *     --url https://127.0.0.1:8443/ --scenario https-reconnect --clients 500 --warmup 10 --duration 30
 * </pre>
 * Options: {@code --url} (required), {@code --scenario} (http-keepalive, http-close, https-keepalive,
 * https-reconnect, https-full; default from the scheme), {@code --clients} (500), {@code --warmup} and
 * {@code --duration} in seconds (10, 30), {@code --timeout} seconds per request (10),
 * {@code --ssl-provider jdk|openssl} (jdk), {@code --threads} (client event loops, 0: default).
 */
public final class LoadGenerator {

    private LoadGenerator() {
    }

    static final CommandLine COMMAND_LINE = new CommandLine(LoadGenerator.class.getSimpleName(),
            "a closed-loop HTTP(S) load generator against loopback")
            .option("url", "URL", "the target, e.g. http://127.0.0.1:8080/ (required; loopback only)")
            .option("scenario", "NAME", "http-keepalive, http-close, https-keepalive, https-reconnect or https-full "
                    + "(default: *-keepalive after the scheme)")
            .option("clients", "N", "concurrent virtual clients (default 500)")
            .option("warmup", "SECONDS", "unmeasured traffic first (default 10)")
            .option("duration", "SECONDS", "measured traffic (default 30)")
            .option("timeout", "SECONDS", "a slower request counts as an error (default 10)")
            .option("ssl-provider", "jdk|openssl", "the client's TLS engine (default jdk)")
            .option("threads", "N", "client event loops (default 0: Netty's default)");

    public static void main(String[] args) throws Exception {
        LoadResult result = run(COMMAND_LINE.parseOrExit(args, LoadGenerator::options));
        System.out.println(result.summary());
    }

    static LoadOptions parse(String... args) {
        return options(COMMAND_LINE.parse(args));
    }

    private static LoadOptions options(Map<String, String> values) {
        String url = values.get("url");
        if (url == null) {
            throw new IllegalArgumentException("--url is required, e.g. --url http://127.0.0.1:8080/");
        }
        URI target = URI.create(url);
        Scenario scenario = Scenario.parse(values.getOrDefault("scenario",
                "https".equals(target.getScheme()) ? "https-keepalive" : "http-keepalive"));
        return new LoadOptions(target, scenario,
                Integer.parseInt(values.getOrDefault("clients", "500")),
                seconds(values.getOrDefault("warmup", "10")),
                seconds(values.getOrDefault("duration", "30")),
                seconds(values.getOrDefault("timeout", "10")),
                SslProvider.valueOf(values.getOrDefault("ssl-provider", "jdk").toUpperCase(Locale.ROOT)),
                Integer.parseInt(values.getOrDefault("threads", "0")));
    }

    static Duration seconds(String value) {
        return Duration.ofMillis(Math.round(Double.parseDouble(value) * 1000));
    }

    /** Runs the load described by {@code options}; returns after warm-up plus duration plus a short close. */
    public static LoadResult run(LoadOptions options) throws InterruptedException {
        boolean epoll = Epoll.isAvailable();
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(options.threads(),
                epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        ChannelGroup channels = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
        try {
            Bootstrap bootstrap = new Bootstrap()
                    .group(group)
                    .channel(epoll ? EpollSocketChannel.class : NioSocketChannel.class)
                    .option(ChannelOption.TCP_NODELAY, true)
                    .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) options.requestTimeout().toMillis());
            LoadRun run = new LoadRun(options, bootstrap, clientContext(options), channels);
            for (int i = 0; i < options.clients(); i++) {
                new VirtualClient(run).start();
            }
            TimeUnit.MILLISECONDS.sleep(options.warmup().toMillis());
            run.reset();
            long start = System.nanoTime();
            TimeUnit.MILLISECONDS.sleep(options.duration().toMillis());
            run.stop();
            LoadResult result = run.result((System.nanoTime() - start) / 1e9);
            if (result.errors() > 0 && run.firstFailure() != null) {
                System.err.println(options.scenario().label() + ": first error: " + run.firstFailure());
            }
            return result;
        } finally {
            channels.close().await(5, TimeUnit.SECONDS);
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).await(10, TimeUnit.SECONDS);
        }
    }

    private static SslContext clientContext(LoadOptions options) {
        if (!options.scenario().tls()) {
            return null;
        }
        try {
            // Loopback benchmark against a throw-away self-signed certificate: no verification.
            return SslContextBuilder.forClient()
                    .sslProvider(options.sslProvider())
                    .trustManager(InsecureTrustManagerFactory.INSTANCE)
                    .build();
        } catch (SSLException e) {
            throw new IllegalStateException("cannot build a " + options.sslProvider() + " client context", e);
        }
    }
}
