package io.netty.contrib.httpsys.config;

import io.netty.contrib.httpsys.nativeapi.emulator.EmulatedAccountNames;
import io.netty.contrib.httpsys.nativeapi.emulator.Emulator;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.concurrent.Callable;

/** The emulator's configuration store and account table, whatever the backend of the JVM, for the tests here. */
final class EmulatedConfig {

    /** The emulator's switch that makes configuration changes fail as they do from a prompt that is not elevated. */
    static final String ELEVATED_PROPERTY = "io.netty.contrib.httpsys.emulator.elevated";

    private EmulatedConfig() {
    }

    static HttpSysConfig config() {
        return new HttpSysConfig(Emulator.get().httpApi(), EmulatedAccountNames.get());
    }

    /** A port no other test uses for its keys (the store is per JVM). */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Runs {@code body} as a process that is not elevated. */
    static <T> T notElevated(Callable<T> body) throws Exception {
        System.setProperty(ELEVATED_PROPERTY, "false");
        try {
            return body.call();
        } finally {
            System.clearProperty(ELEVATED_PROPERTY);
        }
    }
}
