package io.netty.contrib.httpsys.examples;

import java.util.Arrays;

/**
 * Hello, world on HTTP.SYS: {@code 200 Hello, world!} for every request, on port 8080 unless told otherwise.
 *
 * <p>Arguments: a port number alone ({@code 9090}), or the options of {@link ExampleOptions}
 * ({@code --port 9090 --transport nio}, ...). Off Windows the transport runs on the user-mode HTTP.SYS emulator:
 * the backend logs that once at start, and the line printed names the backend ({@code httpsys (emulator)}).
 */
public final class HelloWorldServer {

    private HelloWorldServer() {
    }

    static final CommandLine COMMAND_LINE = ExampleOptions.commandLine(HelloWorldServer.class.getSimpleName(),
            "answers 200 Hello, world! to every request (a lone number is the port: HelloWorldServer 9090)");

    public static void main(String[] args) throws Exception {
        ExampleOptions options = COMMAND_LINE.parseOrExit(options(args), ExampleOptions::of);
        try (ServerTransport transport = new ServerTransport(options)) {
            transport.bind(new HelloWorldHandler());
            System.out.println(banner(transport));
            transport.awaitClose();
        }
    }

    /**
     * What the server prints once bound: the transport (the backend already logged once, off Windows, that it runs
     * on the emulator; {@link ServerTransport#describe()} names it too) and a curl command that works as printed.
     */
    static String banner(ServerTransport transport) {
        return "Hello, world! server: " + transport.describe() + " (try: " + transport.curlCommand() + ")";
    }

    /** A lone number is the port, as in {@code HelloWorldServer 9090}. */
    private static String[] options(String[] args) {
        if (args.length == 1 && args[0].chars().allMatch(Character::isDigit) && !args[0].isEmpty()) {
            return new String[] {"--port", args[0]};
        }
        return Arrays.copyOf(args, args.length);
    }
}
