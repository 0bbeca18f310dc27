package io.netty.contrib.httpsys.nativeapi.emulator;

import io.netty.util.internal.SystemPropertyUtil;

/**
 * The limits of HTTP.SYS's kernel response cache. Defaults and names are those of the registry values under
 * {@code HKLM\System\CurrentControlSet\Services\HTTP\Parameters} ("Http.sys registry settings for Windows",
 * KB 820129); on Windows they are read when the HTTP service starts, here from the system properties
 * {@value #PROPERTY_PREFIX}{@code <name>} when the emulator starts.
 *
 * @param uriEnableCache           {@code UriEnableCache}: nonzero enables the response cache (default 1)
 * @param uriMaxUriBytes           {@code UriMaxUriBytes}: a response larger than this is not cached (default
 *                                 262144 = 256 KB, range 4096..16777216)
 * @param uriMaxCacheMegabyteCount {@code UriMaxCacheMegabyteCount}: the memory the cache may use, in MB; 0 lets
 *                                 Windows size it by the memory available, which the emulator takes as
 *                                 unlimited (default 0)
 * @param uriScavengerPeriod       {@code UriScavengerPeriod}: seconds; an entry not served for this long is
 *                                 removed, whatever its time to live (default 120, range 10..0xFFFFFFFF)
 * @param maxResponseHeaderBytes   a response whose head is larger is not cached; no registry value, "the
 *                                 default maximum value is 1024 bytes" ("Events and Conditions That Disable
 *                                 HTTP.sys Response Caching", Windows Server 2003 docs)
 */
public record CacheLimits(boolean uriEnableCache, int uriMaxUriBytes, long uriMaxCacheMegabyteCount,
                          long uriScavengerPeriod, int maxResponseHeaderBytes) {

    /** Prefix of the system properties that override the defaults, e.g. {@code ...emulator.UriMaxUriBytes}. */
    public static final String PROPERTY_PREFIX = "io.netty.contrib.httpsys.emulator.";

    /** The registry defaults. */
    public static final CacheLimits DEFAULT = new CacheLimits(true, 256 * 1024, 0, 120, 1024);

    public CacheLimits {
        if (uriMaxUriBytes < 4096 || uriMaxUriBytes > 16 * 1024 * 1024 || uriMaxCacheMegabyteCount < 0
                || uriScavengerPeriod < 10 || maxResponseHeaderBytes < 1) {
            throw new IllegalArgumentException("cache limits out of the registry's range");
        }
    }

    /** The defaults, overridden by the system properties that are set. */
    static CacheLimits fromSystemProperties() {
        return new CacheLimits(
                SystemPropertyUtil.getInt(PROPERTY_PREFIX + "UriEnableCache", 1) != 0,
                SystemPropertyUtil.getInt(PROPERTY_PREFIX + "UriMaxUriBytes", DEFAULT.uriMaxUriBytes),
                SystemPropertyUtil.getLong(PROPERTY_PREFIX + "UriMaxCacheMegabyteCount",
                        DEFAULT.uriMaxCacheMegabyteCount),
                SystemPropertyUtil.getLong(PROPERTY_PREFIX + "UriScavengerPeriod", DEFAULT.uriScavengerPeriod),
                SystemPropertyUtil.getInt(PROPERTY_PREFIX + "MaxResponseHeaderBytes", DEFAULT.maxResponseHeaderBytes));
    }
}
