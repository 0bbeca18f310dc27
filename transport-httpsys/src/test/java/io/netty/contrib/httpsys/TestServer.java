package io.netty.contrib.httpsys;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFactory;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.contrib.httpsys.nativeapi.HttpApi;
import io.netty.contrib.httpsys.nativeapi.HttpSysException;
import io.netty.contrib.httpsys.nativeapi.WinError;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** A server on this transport for one test: a free loopback port, the given child pipeline, clean shutdown. */
final class TestServer implements AutoCloseable {

    private final HttpSysEventLoopGroup group;
    private final Channel channel;
    private final int port;
    private final boolean https;
    private final List<RawHttpClient> rawClients = new ArrayList<>();

    private TestServer(HttpSysEventLoopGroup group, Channel channel, int port, boolean https) {
        this.group = group;
        this.channel = channel;
        this.port = port;
        this.https = https;
    }

    static Builder builder() {
        return new Builder();
    }

    static TestServer start(Consumer<Channel> pipeline) throws Exception {
        return builder().pipeline(pipeline).start();
    }

    int port() {
        return port;
    }

    Channel channel() {
        return channel;
    }

    /** A raw client of this server, closed by {@link #close()} after the server channel. */
    RawHttpClient rawClient() throws IOException {
        RawHttpClient client = new RawHttpClient(port);
        rawClients.add(client);
        return client;
    }

    URI uri(String path) {
        return URI.create((https ? "https://localhost:" : "http://127.0.0.1:") + port + path);
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        for (RawHttpClient client : rawClients) {
            try {
                client.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        group.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
    }

    static final class Builder {
        private int threads = 1;
        private Consumer<Channel> pipeline = ch -> { };
        private final Map<ChannelOption<?>, Object> options = new LinkedHashMap<>();
        private HttpApi httpApi;
        private boolean https;
        private int fixedPort;

        Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        Builder pipeline(Consumer<Channel> pipeline) {
            this.pipeline = pipeline;
            return this;
        }

        <T> Builder option(ChannelOption<T> option, T value) {
            options.put(option, value);
            return this;
        }

        /** Binds {@code https://localhost:<port>/} (the emulator's certificate properties must be set). */
        Builder https() {
            this.https = true;
            return this;
        }

        /** Binds {@code port} (e.g. one with a certificate binding on Windows) instead of a free port. */
        Builder port(int port) {
            this.fixedPort = port;
            return this;
        }

        /** The server channel makes its HTTP Server API calls through {@code api}, e.g. a {@link CallRecorder}. */
        Builder httpApi(HttpApi api) {
            this.httpApi = api;
            return this;
        }

        @SuppressWarnings("unchecked")
        TestServer start() throws Exception {
            HttpSysEventLoopGroup group = new HttpSysEventLoopGroup(threads);
            try {
                ServerBootstrap bootstrap = new ServerBootstrap()
                        .group(group)
                        .channelFactory((ChannelFactory<HttpSysServerChannel>) () -> httpApi == null
                                ? new HttpSysServerChannel() : new HttpSysServerChannel(httpApi))
                        .childHandler(new ChannelInitializer<Channel>() {
                            @Override
                            protected void initChannel(Channel ch) {
                                pipeline.accept(ch);
                            }
                        });
                options.forEach((option, value) -> bootstrap.option((ChannelOption<Object>) option, value));
                for (int attempt = 0; ; attempt++) {
                    int port = fixedPort != 0 ? fixedPort : freePort();
                    try {
                        Channel channel = bootstrap.bind(https ? HttpSysAddress.of("https://localhost:" + port + "/")
                                : HttpSysAddress.ofPort(port)).sync().channel();
                        return new TestServer(group, channel, port, https);
                    } catch (Exception e) {
                        // Someone took the port between the probe and the bind: try another.
                        boolean portTaken = e instanceof HttpSysException
                                && (((HttpSysException) e).errorCode() == WinError.ERROR_SHARING_VIOLATION
                                || ((HttpSysException) e).errorCode() == WinError.ERROR_ALREADY_EXISTS);
                        if (!portTaken || attempt == 4 || fixedPort != 0) {
                            throw e;
                        }
                    }
                }
            } catch (Exception | Error e) {
                group.shutdownGracefully(0, 5, TimeUnit.SECONDS).sync();
                throw e;
            }
        }

        private static int freePort() throws IOException {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            }
        }
    }
}
