package io.netty.contrib.httpsys.nativeapi;

import io.netty.util.internal.PlatformDependent;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Where Netty may not use {@code sun.misc.Unsafe} (JDK 24+ without {@code --sun-misc-unsafe-memory-access=allow},
 * the way this tier's JVMs are started: every test of the tier then runs without it), native memory is reached
 * through {@code java.lang.foreign}.
 */
class ForeignMemoryAccessorTest {

    @Test
    void onJdk24WithoutSunMiscUnsafeMemoryIsReachedThroughForeignAccess() {
        boolean allowed = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .anyMatch(argument -> argument.startsWith("--sun-misc-unsafe-memory-access=allow"));
        assumeFalse(allowed || Runtime.version().feature() < 24, "Netty may use sun.misc.Unsafe in this JVM");
        assertFalse(PlatformDependent.hasUnsafe(), "Netty should not use sun.misc.Unsafe on JDK 24+ by default");
        assertEquals("ffm", NativeAccess.name());
    }

    @Test
    void forcingSunMiscUnsafeWhereNettyHasNoneSaysHowToAllowIt() {
        assumeFalse(PlatformDependent.hasUnsafe(), "Netty uses sun.misc.Unsafe in this JVM");
        String previous = System.getProperty(MemoryAccessor.MEMORY_PROPERTY);
        try {
            System.setProperty(MemoryAccessor.MEMORY_PROPERTY, "unsafe");
            MemoryAccessor unsafe = MemoryAccessor.select();
            UnsupportedOperationException refused = assertThrows(UnsupportedOperationException.class,
                    () -> unsafe.putInt(0, 0));
            assertTrue(refused.getMessage().contains("start the JVM with --sun-misc-unsafe-memory-access=allow"),
                    refused.getMessage());
        } finally {
            if (previous == null) {
                System.clearProperty(MemoryAccessor.MEMORY_PROPERTY);
            } else {
                System.setProperty(MemoryAccessor.MEMORY_PROPERTY, previous);
            }
        }
    }
}
