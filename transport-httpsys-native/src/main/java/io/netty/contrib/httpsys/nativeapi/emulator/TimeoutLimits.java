package io.netty.contrib.httpsys.nativeapi.emulator;

import io.netty.contrib.httpsys.nativeapi.struct.HttpTimeoutLimitInfo;

/**
 * The timers of {@code HttpServerTimeoutsProperty} ({@code HTTP_TIMEOUT_LIMIT_INFO}), in seconds (MinSendRate in
 * bytes per second), as set: a zero means "not set here", and {@link #or} resolves it against the next level
 * (URL group, then server session, then the kernel defaults), as the {@code HTTP_TIMEOUT_LIMIT_INFO} reference
 * describes. The defaults are HTTP.SYS's (120 s each, MinSendRate 150 B/s); a MinSendRate of {@code MAXULONG}
 * disables that timer.
 */
record TimeoutLimits(int entityBody, int drainEntityBody, int requestQueue, int idleConnection, int headerWait,
                     int minSendRate) {

    static final TimeoutLimits DEFAULT = new TimeoutLimits(120, 120, 120, 120, 120, 150);

    /** {@code MAXULONG} as MinSendRate: no minimum send rate. */
    static final int NO_MIN_SEND_RATE = -1;

    /** Reads the struct at {@code address}, keeping zeros (unset fields). */
    static TimeoutLimits read(long address) {
        return new TimeoutLimits(HttpTimeoutLimitInfo.entityBody(address),
                HttpTimeoutLimitInfo.drainEntityBody(address), HttpTimeoutLimitInfo.requestQueue(address),
                HttpTimeoutLimitInfo.idleConnection(address), HttpTimeoutLimitInfo.headerWait(address),
                HttpTimeoutLimitInfo.minSendRate(address));
    }

    /** These limits with every unset (zero) field taken from {@code fallback}. */
    TimeoutLimits or(TimeoutLimits fallback) {
        return new TimeoutLimits(or(entityBody, fallback.entityBody), or(drainEntityBody, fallback.drainEntityBody),
                or(requestQueue, fallback.requestQueue), or(idleConnection, fallback.idleConnection),
                or(headerWait, fallback.headerWait), or(minSendRate, fallback.minSendRate));
    }

    /** {@link #DEFAULT} with the service-wide IdleConnection and HeaderWait when they are configured (non-zero). */
    static TimeoutLimits defaults(int idleConnection, int headerWait) {
        return new TimeoutLimits(0, 0, 0, idleConnection, headerWait, 0).or(DEFAULT);
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
