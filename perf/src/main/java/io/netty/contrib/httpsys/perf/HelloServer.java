package io.netty.contrib.httpsys.perf;

import io.netty.contrib.httpsys.examples.CommandLine;
import io.netty.contrib.httpsys.examples.ExampleOptions;
import io.netty.contrib.httpsys.examples.HelloWorldHandler;
import io.netty.contrib.httpsys.examples.ServerTransport;

import java.util.concurrent.TimeUnit;

/**
 * The benchmark's hello server on its own, for external load generators such as wrk: the options of
 * {@link ExampleOptions} plus {@code --cache-seconds N} (kernel output cache on HTTP.SYS) and {@code --seconds N}
 * (stop after N seconds; default 600, so a forgotten server does not run forever).
 */
public final class HelloServer {

    private HelloServer() {
    }

    static final CommandLine COMMAND_LINE = ExampleOptions.commandLine(HelloServer.class.getSimpleName(),
                    "the benchmark's hello server, for external load generators such as wrk")
            .option("cache-seconds", "N", "Cache-Control: public, max-age=N (the kernel output cache on HTTP.SYS; "
                    + "default 0: off)")
            .option("seconds", "N", "stop after N seconds (default 600)");

    public static void main(String[] args) throws Exception {
        ExampleOptions options = COMMAND_LINE.parseOrExit(args, ExampleOptions::of);
        try (ServerTransport server = new ServerTransport(options)) {
            server.bind(new HelloWorldHandler(Integer.parseInt(options.value("cache-seconds", "0"))));
            System.out.println("Hello server: " + server.describe());
            long seconds = Long.parseLong(options.value("seconds", "600"));
            server.awaitClose(seconds, TimeUnit.SECONDS);
        }
    }
}
