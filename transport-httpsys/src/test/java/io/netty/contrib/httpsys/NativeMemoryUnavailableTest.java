package io.netty.contrib.httpsys;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A JVM where the transport cannot reach native memory (Netty without {@code sun.misc.Unsafe}, as on JDK 24+ by
 * default, and {@code java.lang.foreign} not chosen) fails when the event loop group is created, with an exception
 * that says what to do — not with a {@code NullPointerException} inside Netty, nor wrapped as "failed to create a
 * child event loop". Runs in a child JVM, because the choice is made once per JVM.
 */
class NativeMemoryUnavailableTest {

    @Test
    void creatingAGroupWithoutAWayToNativeMemorySaysWhatToDo() throws Exception {
        Process child = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dio.netty.noUnsafe=true", "-Dio.netty.contrib.httpsys.memory=unsafe",
                "-cp", System.getProperty("java.class.path"), CreateGroup.class.getName()))
                .redirectErrorStream(true)
                .start();
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child JVM did not end");
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertEquals(CreateGroup.REFUSED, child.exitValue(), output);
        assertTrue(output.contains("java.lang.UnsupportedOperationException: netty-httpsys cannot reach native "
                + "memory: Netty cannot use sun.misc.Unsafe here"), output);
        assertTrue(output.contains("start the JVM with --sun-misc-unsafe-memory-access=allow"), output);
        assertFalse(output.contains("failed to create a child event loop"), output);
    }

    /** The child: creates a group and prints how that failed. */
    static final class CreateGroup {

        static final int REFUSED = 3;

        public static void main(String[] args) {
            try {
                new HttpSysEventLoopGroup(1).shutdownGracefully();
                System.out.println("created");
            } catch (RuntimeException e) {
                System.out.println(e);
                System.exit(REFUSED);
            }
        }
    }
}
