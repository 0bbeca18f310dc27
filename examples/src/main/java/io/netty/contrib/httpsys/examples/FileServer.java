package io.netty.contrib.httpsys.examples;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.handler.stream.ChunkedWriteHandler;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A static file server: {@code --root DIR} (default: the working directory) plus the options of
 * {@link ExampleOptions}, e.g. {@code --transport nio --port 8080 --root /var/www}.
 */
public final class FileServer {

    private FileServer() {
    }

    static final CommandLine COMMAND_LINE = ExampleOptions.commandLine(FileServer.class.getSimpleName(),
                    "serves the files under a directory (dot files and directories stay hidden)")
            .option("root", "DIR", "the directory to serve (default: the working directory)");

    public static void main(String[] args) throws Exception {
        ExampleOptions options = COMMAND_LINE.parseOrExit(args, ExampleOptions::of);
        try (ServerTransport transport = new ServerTransport(options)) {
            Path root = Path.of(options.value("root", "."));
            transport.bind(handlers(root));
            System.out.println("Serving " + root.toRealPath() + " with " + transport.describe()
                    + " (try: " + transport.curlCommand() + ")");
            transport.awaitClose();
        }
    }

    /** The application's handlers, the same on every transport. */
    public static ChannelInitializer<Channel> handlers(Path root) throws IOException {
        FileServerHandler handler = new FileServerHandler(root);
        return new ChannelInitializer<>() {
            @Override
            protected void initChannel(Channel ch) {
                ch.pipeline().addLast(new ChunkedWriteHandler(), handler);
            }
        };
    }
}
