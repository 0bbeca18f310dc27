package io.netty.contrib.httpsys.examples;

import io.netty.handler.ssl.SslProvider;

import java.util.Locale;
import java.util.Map;

/**
 * The command line of every example: {@code --transport httpsys|nio|epoll} (default {@code httpsys}),
 * {@code --port N} (default 8080, or 8443 with TLS; 0 picks a free port), {@code --host} (the address NIO and
 * epoll bind, default 127.0.0.1), {@code --tls}, {@code --ssl-provider jdk|openssl} (the TLS engine of NIO and
 * epoll; default jdk), {@code --threads N} (event loops; 0 = Netty's default), and options of one example
 * ({@code --root DIR}, {@code --cache-seconds N}), read with {@link #value}.
 */
public final class ExampleOptions {

    private final ServerTransport.Kind transport;
    private final int port;
    private final String host;
    private final boolean tls;
    private final SslProvider sslProvider;
    private final int threads;
    private final Map<String, String> values;

    private ExampleOptions(Map<String, String> values) {
        this.values = values;
        transport = ServerTransport.Kind.parse(values.getOrDefault("transport", "httpsys"));
        tls = values.containsKey("tls");
        port = Integer.parseInt(values.getOrDefault("port", tls ? "8443" : "8080"));
        host = values.getOrDefault("host", "127.0.0.1");
        threads = Integer.parseInt(values.getOrDefault("threads", "0"));
        String provider = values.getOrDefault("ssl-provider", "jdk").toUpperCase(Locale.ROOT);
        if (!provider.equals("JDK") && !provider.equals("OPENSSL")) {
            throw new IllegalArgumentException("--ssl-provider must be jdk or openssl: " + provider);
        }
        sslProvider = SslProvider.valueOf(provider);
    }

    /**
     * A command line with the options every example takes, for {@code program}; a program adds its own options
     * (read them with {@link #value}) and passes what it parsed to {@link #of}.
     */
    public static CommandLine commandLine(String program, String summary) {
        return new CommandLine(program, summary)
                .option("transport", "httpsys|nio|epoll", "the transport (default httpsys; off Windows it runs on "
                        + "the HTTP.SYS emulator)")
                .option("port", "N", "the port (default 8080, or 8443 with --tls; 0 picks a free port)")
                .option("host", "ADDRESS", "the address NIO and epoll bind (default 127.0.0.1)")
                .flag("tls", "serve https:// with a self-signed certificate for localhost")
                .option("ssl-provider", "jdk|openssl", "the TLS engine of NIO and epoll (default jdk)")
                .option("threads", "N", "event loops (default 0: Netty's default)");
    }

    /**
     * Parses the options every example takes ({@link #commandLine}).
     *
     * @throws IllegalArgumentException for an unknown option, an argument that is not an option, a missing or
     *                                  invalid value
     */
    public static ExampleOptions parse(String... args) {
        return of(commandLine("example", "an example server").parse(args));
    }

    /**
     * The options from values a {@link CommandLine} parsed.
     *
     * @throws IllegalArgumentException for an invalid value
     */
    public static ExampleOptions of(Map<String, String> values) {
        return new ExampleOptions(values);
    }

    public ServerTransport.Kind transport() {
        return transport;
    }

    public int port() {
        return port;
    }

    public String host() {
        return host;
    }

    public boolean tls() {
        return tls;
    }

    public SslProvider sslProvider() {
        return sslProvider;
    }

    public int threads() {
        return threads;
    }

    /** The value of {@code --name}, or {@code defaultValue} when it was not given. */
    public String value(String name, String defaultValue) {
        return values.getOrDefault(name, defaultValue);
    }
}
