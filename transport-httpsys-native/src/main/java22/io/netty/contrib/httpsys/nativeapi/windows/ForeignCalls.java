package io.netty.contrib.httpsys.nativeapi.windows;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;

/** What {@link ForeignHttpApi} and {@link ForeignIoCompletion} do around a downcall: strings and exceptions. */
final class ForeignCalls {

    private ForeignCalls() {
    }

    /**
     * A {@code PCWSTR} / {@code LPCWSTR}: {@code value} in UTF-16LE with its terminating NUL, allocated in
     * {@code arena} (the call's own, closed when it returns), or {@code NULL} for {@code null}.
     */
    static MemorySegment wide(Arena arena, String value) {
        return value == null ? MemorySegment.NULL : arena.allocateFrom(value, StandardCharsets.UTF_16LE);
    }

    /**
     * A downcall throws nothing checked, so {@code invokeExact}'s {@code Throwable} is a runtime exception or an
     * error, rethrown unchanged.
     */
    static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException e) {
            throw e;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException(t);
    }
}
