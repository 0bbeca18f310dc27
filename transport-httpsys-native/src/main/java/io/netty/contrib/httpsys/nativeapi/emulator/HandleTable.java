package io.netty.contrib.httpsys.nativeapi.emulator;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The emulated kernel's object table: maps the opaque {@code HANDLE}s and 64-bit ids it gives out to the
 * objects behind them.
 *
 * <p>Values carry a tag in bits 48..62, so they are non-canonical x64 addresses: a caller that mistakes one for
 * a pointer faults at once instead of scribbling on memory, none of them is {@code 0} or
 * {@code INVALID_HANDLE_VALUE}, and none looks like a small integer. Handles are multiples of 4, as on Windows.
 * Values are never reused within a JVM, so a stale handle or id fails cleanly instead of reaching a newer object.
 */
final class HandleTable {

    /** {@code HANDLE}s: request queues, completion ports, files, access tokens. */
    static final long HANDLE_TAG = 0x4854_0000_0000_0000L;
    /** {@code HTTP_SERVER_SESSION_ID}s. */
    static final long SESSION_TAG = 0x5353_0000_0000_0000L;
    /** {@code HTTP_URL_GROUP_ID}s. */
    static final long URL_GROUP_TAG = 0x5547_0000_0000_0000L;
    /** {@code HTTP_REQUEST_ID}s. */
    static final long REQUEST_TAG = 0x5251_0000_0000_0000L;
    /** {@code HTTP_CONNECTION_ID}s. */
    static final long CONNECTION_TAG = 0x434E_0000_0000_0000L;

    private static final long SEQUENCE_MASK = 0x0000_FFFF_FFFF_FFFFL;

    private final AtomicLong sequence = new AtomicLong(0x1000);
    private final ConcurrentHashMap<Long, Object> objects = new ConcurrentHashMap<>();

    /** A fresh value with the tag, not registered (connection ids, request ids). */
    long newValue(long tag) {
        long n = sequence.incrementAndGet();
        return tag | ((n << 2) & SEQUENCE_MASK);
    }

    /** Registers {@code object} under a fresh value with {@code tag} and returns the value. */
    long register(long tag, Object object) {
        long value = newValue(tag);
        objects.put(value, object);
        return value;
    }

    /** Registers {@code object} under a value from {@link #newValue(long)}. */
    void put(long value, Object object) {
        objects.put(value, object);
    }

    /** The object registered under {@code value} if it is a {@code type}, else {@code null}. */
    <T> T get(long value, Class<T> type) {
        Object object = objects.get(value);
        return type.isInstance(object) ? type.cast(object) : null;
    }

    /** How many registered objects are a {@code type}: the handles of that kind still open. */
    int count(Class<?> type) {
        int count = 0;
        for (Object object : objects.values()) {
            if (type.isInstance(object)) {
                count++;
            }
        }
        return count;
    }

    /** Unregisters {@code value}; returns whether it was registered. */
    boolean remove(long value) {
        return objects.remove(value) != null;
    }
}
