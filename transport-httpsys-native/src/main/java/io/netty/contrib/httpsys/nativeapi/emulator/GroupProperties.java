package io.netty.contrib.httpsys.nativeapi.emulator;

import io.netty.contrib.httpsys.nativeapi.Http;

/**
 * The properties a server session or URL group carries ({@code HttpServerStateProperty},
 * {@code HttpServerTimeoutsProperty}, {@code HttpServerQosProperty}); a URL group's unset ones fall back to its
 * session's.
 */
final class GroupProperties {

    int state = Http.HttpEnabledStateActive;
    TimeoutLimits timeouts;
    /** HttpQosSettingTypeConnectionLimit's MaxConnections (enforced); {@code -1} (HTTP_LIMIT_INFINITE) for none. */
    long maxConnections = -1;
    /** HttpQosSettingTypeBandwidth's MaxBandwidth; stored and reported, not enforced. */
    long maxBandwidth = -1;
    /** HttpServerAuthenticationProperty; {@code null} when no scheme is enabled. */
    AuthenticationSettings authentication;
}
