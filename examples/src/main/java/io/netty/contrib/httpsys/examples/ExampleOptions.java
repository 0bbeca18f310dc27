package io.netty.contrib.httpsys.examples;

import io.netty.handler.ssl.SslProvider;

import java.util.HashMap;
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
     * Parses {@code --name value} pairs; {@code --tls} takes no value.
     *
     * @throws IllegalArgumentException for an argument that is not an option or lacks its value
     */
    public static ExampleOptions parse(String... args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new IllegalArgumentException("not an option: " + arg);
            }
            String name = arg.substring(2);
            if (name.equals("tls")) {
                values.put(name, "true");
            } else if (i + 1 < args.length) {
                values.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException(arg + " needs a value");
            }
        }
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
