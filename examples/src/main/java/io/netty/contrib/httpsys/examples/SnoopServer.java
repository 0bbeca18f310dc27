package io.netty.contrib.httpsys.examples;

/**
 * Echoes every request back as text ({@link SnoopHandler}); takes the options of {@link ExampleOptions},
 * e.g. {@code --transport httpsys --port 8080}.
 */
public final class SnoopServer {

    private SnoopServer() {
    }

    public static void main(String[] args) throws Exception {
        try (ServerTransport transport = ServerTransport.fromArgs(args)) {
            transport.bind(new SnoopHandler());
            System.out.println("Snooping with " + transport.describe());
            transport.awaitClose();
        }
    }
}
