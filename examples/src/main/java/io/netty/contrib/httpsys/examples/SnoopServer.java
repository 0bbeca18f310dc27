package io.netty.contrib.httpsys.examples;

/**
 * Echoes every request back as text ({@link SnoopHandler}); takes the options of {@link ExampleOptions},
 * e.g. {@code --transport httpsys --port 8080}.
 */
public final class SnoopServer {

    private SnoopServer() {
    }

    static final CommandLine COMMAND_LINE = ExampleOptions.commandLine(SnoopServer.class.getSimpleName(),
            "echoes every request back as text");

    public static void main(String[] args) throws Exception {
        ExampleOptions options = COMMAND_LINE.parseOrExit(args, ExampleOptions::of);
        try (ServerTransport transport = new ServerTransport(options)) {
            transport.bind(new SnoopHandler());
            System.out.println("Snooping with " + transport.describe() + " (try: " + transport.curlCommand() + ")");
            transport.awaitClose();
        }
    }
}
