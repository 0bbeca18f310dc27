package io.netty.contrib.httpsys;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.contrib.httpsys.nativeapi.NativeMemory;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakDetectorFactory;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Fails a test when Netty's leak detector (PARANOID in this build) reports a leaked buffer, or when native memory
 * allocated during the test ({@link NativeMemory}) is still outstanding at its end. Tests shut their servers down
 * before returning, so everything the transport allocated must be back by then.
 *
 * <p>Leak reports are captured twice over, so that it does not matter which test class of the JVM touched a
 * buffer first: a recording {@link ResourceLeakDetectorFactory} (effective for detectors created after this class
 * loaded) and a {@code java.util.logging} handler on the detector's logger (Netty logs through JUL when no other
 * logging framework is on the class path, as here).
 */
public final class LeakCheck implements BeforeEachCallback, AfterEachCallback {

    private static final ConcurrentLinkedQueue<String> LEAKS = new ConcurrentLinkedQueue<>();
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LeakCheck.class);

    private static final Logger DETECTOR_LOGGER = Logger.getLogger(ResourceLeakDetector.class.getName());

    static {
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
        ResourceLeakDetectorFactory.setResourceLeakDetectorFactory(new RecordingFactory());
        DETECTOR_LOGGER.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.SEVERE.intValue()) {
                    LEAKS.add("logged: " + record.getMessage());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        LEAKS.clear();
        context.getStore(NAMESPACE).put("native", NativeMemory.outstandingAllocations());
    }

    @Override
    public void afterEach(ExtensionContext context) throws InterruptedException {
        long before = context.getStore(NAMESPACE).get("native", Long.class);
        collectLeaks();
        List<String> leaks = new ArrayList<>(LEAKS);
        LEAKS.clear();
        if (!leaks.isEmpty()) {
            fail("Netty reported " + leaks.size() + " leak(s):\n" + String.join("\n", leaks));
        }
        assertEquals(before, NativeMemory.outstandingAllocations(),
                "native allocations still outstanding after the test (" + NativeMemory.outstandingBytes() + " bytes)");
    }

    /** Makes the detectors look at buffers that became unreachable: they report when the next buffer is tracked. */
    private static void collectLeaks() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(20); // lets the reference handler enqueue; not synchronisation between test threads
            for (int j = 0; j < 8; j++) {
                ByteBuf direct = PooledByteBufAllocator.DEFAULT.directBuffer(16);
                direct.release();
                ByteBuf heap = UnpooledByteBufAllocator.DEFAULT.heapBuffer(16);
                heap.release();
            }
        }
    }

    private static final class RecordingFactory extends ResourceLeakDetectorFactory {
        @Override
        @SuppressWarnings("deprecation")
        public <T> ResourceLeakDetector<T> newResourceLeakDetector(Class<T> resource, int samplingInterval,
                                                                   long maxActive) {
            return new ResourceLeakDetector<T>(resource, samplingInterval, maxActive) {
                @Override
                protected void reportTracedLeak(String resourceType, String records) {
                    LEAKS.add(resourceType + " leaked:" + records);
                }

                @Override
                protected void reportUntracedLeak(String resourceType) {
                    LEAKS.add(resourceType + " leaked (untraced)");
                }
            };
        }
    }
}
