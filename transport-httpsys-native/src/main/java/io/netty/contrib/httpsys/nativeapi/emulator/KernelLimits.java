package io.netty.contrib.httpsys.nativeapi.emulator;

/**
 * The request-size limits HTTP.SYS enforces before a request reaches any queue. Defaults are those of
 * "Http.sys registry settings for Windows" (KB 820129, {@code HKLM\System\CurrentControlSet\Services\HTTP\Parameters}).
 *
 * @param maxFieldLength      {@code MaxFieldLength}: bytes of one header line, and of the request line
 *                            (default 16384, range 64..65534)
 * @param maxRequestBytes     {@code MaxRequestBytes}: bytes of the request line plus all headers
 *                            (default 16384, range 256..16777216)
 * @param urlSegmentMaxLength {@code UrlSegmentMaxLength}: characters of one path segment (default 260,
 *                            0 means unlimited)
 * @param urlSegmentMaxCount  {@code UrlSegmentMaxCount}: path segments (default 255, 0 means unlimited)
 * @param maxUrlLength        bytes of the request target; HTTP.SYS has no separate key, the request line is
 *                            bounded by {@code MaxFieldLength}, so the default is the same 16384
 */
public record KernelLimits(int maxFieldLength, int maxRequestBytes, int urlSegmentMaxLength,
                           int urlSegmentMaxCount, int maxUrlLength) {

    /** The registry defaults. */
    public static final KernelLimits DEFAULT = new KernelLimits(16384, 16384, 260, 255, 16384);

    public KernelLimits {
        if (maxFieldLength < 64 || maxRequestBytes < 256 || urlSegmentMaxLength < 0 || urlSegmentMaxCount < 0
                || maxUrlLength < 1) {
            throw new IllegalArgumentException("limits out of range");
        }
    }

    /**
     * The per-line limit in effect: KB 820129 says that when {@code MaxRequestBytes} is lower than
     * {@code MaxFieldLength}, {@code MaxFieldLength} is adjusted down to it.
     */
    int effectiveFieldLength() {
        return Math.min(maxFieldLength, maxRequestBytes);
    }
}
