package io.netty.contrib.httpsys;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The WARN lines one transport class logs during a test (Netty logs through {@code java.util.logging} here, with
 * the message already formatted): for the failures whose only visible trace is the line an operator reads.
 */
final class LogCapture implements AutoCloseable {

    private final Logger logger;
    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                warnings.add(record.getMessage());
                synchronized (LogCapture.this) {
                    LogCapture.this.notifyAll();
                }
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private LogCapture(Class<?> source) {
        logger = Logger.getLogger(source.getName());
        logger.addHandler(handler);
    }

    static LogCapture of(Class<?> source) {
        return new LogCapture(source);
    }

    List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** Waits (up to 10 s) for a warning that contains {@code text}, and returns it. */
    String awaitWarning(String text) throws InterruptedException {
        return awaitWarnings(text, 1).get(0);
    }

    /** Waits (up to 10 s) for {@code count} warnings that contain {@code text}, and returns them. */
    synchronized List<String> awaitWarnings(String text, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (long left = TimeUnit.SECONDS.toNanos(10); left > 0; left = deadline - System.nanoTime()) {
            List<String> matching = warnings.stream().filter(warning -> warning.contains(text)).toList();
            if (matching.size() >= count) {
                return matching;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return fail(count + " warnings containing \"" + text + "\" expected in " + warnings);
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
    }
}
