package io.netty.contrib.httpsys.nativeapi.emulator;

import io.netty.util.internal.PlatformDependent;

/**
 * {@code HTTP_TIMEOUT_LIMIT_INFO}: the timers of {@code HttpServerTimeoutsProperty}, in seconds (MinSendRate in
 * bytes per second). A zero keeps the kernel default; the defaults are HTTP.SYS's (120 s each,
 * MinSendRate 150 B/s).
 */
record TimeoutLimits(int entityBody, int drainEntityBody, int requestQueue, int idleConnection, int headerWait,
                     int minSendRate) {

    /** sizeof(HTTP_TIMEOUT_LIMIT_INFO): Flags@0, EntityBody@4, DrainEntityBody@6, RequestQueue@8,
     *  IdleConnection@10, HeaderWait@12 (USHORTs), MinSendRate@16 (ULONG). */
    static final int SIZE = 20;

    static final TimeoutLimits DEFAULT = new TimeoutLimits(120, 120, 120, 120, 120, 150);

    /** Reads the struct; {@code null} when the {@code Present} flag is not set. */
    static TimeoutLimits read(long address) {
        if ((PlatformDependent.getInt(address) & 1) == 0) {
            return null;
        }
        return new TimeoutLimits(
                or(PlatformDependent.getShort(address + 4) & 0xFFFF, DEFAULT.entityBody),
                or(PlatformDependent.getShort(address + 6) & 0xFFFF, DEFAULT.drainEntityBody),
                or(PlatformDependent.getShort(address + 8) & 0xFFFF, DEFAULT.requestQueue),
                or(PlatformDependent.getShort(address + 10) & 0xFFFF, DEFAULT.idleConnection),
                or(PlatformDependent.getShort(address + 12) & 0xFFFF, DEFAULT.headerWait),
                or(PlatformDependent.getInt(address + 16), DEFAULT.minSendRate));
    }

    void write(long address) {
        PlatformDependent.putInt(address, 1);
        PlatformDependent.putShort(address + 4, (short) entityBody);
        PlatformDependent.putShort(address + 6, (short) drainEntityBody);
        PlatformDependent.putShort(address + 8, (short) requestQueue);
        PlatformDependent.putShort(address + 10, (short) idleConnection);
        PlatformDependent.putShort(address + 12, (short) headerWait);
        PlatformDependent.putInt(address + 16, minSendRate);
    }

    private static int or(int value, int fallback) {
        return value == 0 ? fallback : value;
    }
}
