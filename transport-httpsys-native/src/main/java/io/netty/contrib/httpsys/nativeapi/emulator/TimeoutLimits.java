package io.netty.contrib.httpsys.nativeapi.emulator;

import io.netty.contrib.httpsys.nativeapi.struct.HttpTimeoutLimitInfo;

/**
 * The timers of {@code HttpServerTimeoutsProperty} ({@code HTTP_TIMEOUT_LIMIT_INFO}), in seconds (MinSendRate in
 * bytes per second). A zero keeps the kernel default; the defaults are HTTP.SYS's (120 s each,
 * MinSendRate 150 B/s).
 */
record TimeoutLimits(int entityBody, int drainEntityBody, int requestQueue, int idleConnection, int headerWait,
                     int minSendRate) {

    static final TimeoutLimits DEFAULT = new TimeoutLimits(120, 120, 120, 120, 120, 150);

    /** Reads the struct at {@code address}. */
    static TimeoutLimits read(long address) {
        return new TimeoutLimits(
                or(HttpTimeoutLimitInfo.entityBody(address), DEFAULT.entityBody),
                or(HttpTimeoutLimitInfo.drainEntityBody(address), DEFAULT.drainEntityBody),
                or(HttpTimeoutLimitInfo.requestQueue(address), DEFAULT.requestQueue),
                or(HttpTimeoutLimitInfo.idleConnection(address), DEFAULT.idleConnection),
                or(HttpTimeoutLimitInfo.headerWait(address), DEFAULT.headerWait),
                or(HttpTimeoutLimitInfo.minSendRate(address), DEFAULT.minSendRate));
    }

    /** Writes the struct at {@code address}, with the {@code Present} flag set. */
    void write(long address) {
        HttpTimeoutLimitInfo.setFlags(address, 1);
        HttpTimeoutLimitInfo.setEntityBody(address, entityBody);
        HttpTimeoutLimitInfo.setDrainEntityBody(address, drainEntityBody);
        HttpTimeoutLimitInfo.setRequestQueue(address, requestQueue);
        HttpTimeoutLimitInfo.setIdleConnection(address, idleConnection);
        HttpTimeoutLimitInfo.setHeaderWait(address, headerWait);
        HttpTimeoutLimitInfo.setMinSendRate(address, minSendRate);
    }

    private static int or(int value, int fallback) {
        return value == 0 ? fallback : value;
    }
}
