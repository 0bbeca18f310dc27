package io.netty.contrib.httpsys.nativeapi.emulator;

import io.netty.contrib.httpsys.nativeapi.Http;
import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.WinError;
import io.netty.contrib.httpsys.nativeapi.struct.HttpBandwidthLimitInfo;
import io.netty.contrib.httpsys.nativeapi.struct.HttpConnectionLimitInfo;
import io.netty.contrib.httpsys.nativeapi.struct.HttpQosSettingInfo;
import io.netty.contrib.httpsys.nativeapi.struct.HttpStateInfo;
import io.netty.contrib.httpsys.nativeapi.struct.HttpTimeoutLimitInfo;

/**
 * Reads and writes the {@code HTTP_SERVER_PROPERTY} structures shared by server sessions and URL groups
 * (state, timeouts, QoS). A wrong length is {@code ERROR_INVALID_PARAMETER}; a query into a buffer that is too
 * small is {@code ERROR_MORE_DATA} with the size needed in {@code *ReturnLength}, as the docs describe.
 */
final class ServerProperties {

    /** {@code HTTP_LIMIT_INFINITE}. */
    static final int HTTP_LIMIT_INFINITE = -1;

    /** {@code HTTP_MIN_ALLOWED_BANDWIDTH_THROTTLING_RATE}: the smallest MaxBandwidth, in bytes per second. */
    static final long HTTP_MIN_ALLOWED_BANDWIDTH_THROTTLING_RATE = 1024;

    private ServerProperties() {
    }

    /**
     * Sets a state, timeouts, QoS or authentication property (see {@link AuthenticationSettings}); accepts and
     * ignores extended authentication, logging and channel-binding settings (the emulator writes no logs);
     * {@code ERROR_INVALID_PARAMETER} for anything else.
     */
    static int set(GroupProperties properties, int property, long info, int length) {
        if (info == 0) {
            return WinError.ERROR_INVALID_PARAMETER;
        }
        switch (property) {
            case Http.HttpServerAuthenticationProperty -> {
                return AuthenticationSettings.set(properties, info, length);
            }
            case Http.HttpServerLoggingProperty, Http.HttpServerExtendedAuthenticationProperty,
                    Http.HttpServerChannelBindProperty -> {
                return WinError.NO_ERROR;
            }
            case Http.HttpServerStateProperty -> {
                if (length != HttpStateInfo.SIZE) {
                    return WinError.ERROR_INVALID_PARAMETER;
                }
                int state = HttpStateInfo.state(info);
                if (state != Http.HttpEnabledStateActive && state != Http.HttpEnabledStateInactive) {
                    return WinError.ERROR_INVALID_PARAMETER;
                }
                if ((HttpStateInfo.flags(info) & 1) != 0) {
                    properties.state = state;
                }
                return WinError.NO_ERROR;
            }
            case Http.HttpServerTimeoutsProperty -> {
                if (length != HttpTimeoutLimitInfo.SIZE) {
                    return WinError.ERROR_INVALID_PARAMETER;
                }
                if ((HttpTimeoutLimitInfo.flags(info) & 1) != 0) {
                    properties.timeouts = TimeoutLimits.read(info);
                }
                return WinError.NO_ERROR;
            }
            case Http.HttpServerQosProperty -> {
                if (length != HttpQosSettingInfo.SIZE || HttpQosSettingInfo.qosSetting(info) == 0) {
                    return WinError.ERROR_INVALID_PARAMETER;
                }
                long setting = HttpQosSettingInfo.qosSetting(info);
                switch (HttpQosSettingInfo.qosType(info)) {
                    case Http.HttpQosSettingTypeConnectionLimit -> {
                        if ((HttpConnectionLimitInfo.flags(setting) & 1) != 0) {
                            properties.maxConnections = HttpConnectionLimitInfo.maxConnections(setting);
                        }
                    }
                    case Http.HttpQosSettingTypeBandwidth -> {
                        if ((HttpBandwidthLimitInfo.flags(setting) & 1) != 0) {
                            int bandwidth = HttpBandwidthLimitInfo.maxBandwidth(setting);
                            // HTTP_BANDWIDTH_LIMIT_INFO: no less than HTTP_MIN_ALLOWED_BANDWIDTH_THROTTLING_RATE.
                            if (bandwidth != HTTP_LIMIT_INFINITE
                                    && Integer.toUnsignedLong(bandwidth) < HTTP_MIN_ALLOWED_BANDWIDTH_THROTTLING_RATE) {
                                return WinError.ERROR_INVALID_PARAMETER;
                            }
                            properties.maxBandwidth = bandwidth;
                        }
                    }
                    default -> {
                        return WinError.ERROR_INVALID_PARAMETER;
                    }
                }
                return WinError.NO_ERROR;
            }
            default -> {
                return WinError.ERROR_INVALID_PARAMETER;
            }
        }
    }

    /**
     * Queries a state or timeouts property. QoS queries need the caller's {@code HTTP_QOS_SETTING_INFO} with
     * {@code QosType} and a {@code QosSetting} buffer, which is filled.
     */
    static int query(GroupProperties properties, int property, long info, int length, long returnLength) {
        switch (property) {
            case Http.HttpServerStateProperty -> {
                if (!fits(HttpStateInfo.SIZE, info, length, returnLength)) {
                    return sizeError(info, length);
                }
                HttpStateInfo.setFlags(info, 1);
                HttpStateInfo.setState(info, properties.state);
                return WinError.NO_ERROR;
            }
            case Http.HttpServerTimeoutsProperty -> {
                if (!fits(HttpTimeoutLimitInfo.SIZE, info, length, returnLength)) {
                    return sizeError(info, length);
                }
                (properties.timeouts == null ? TimeoutLimits.DEFAULT : properties.timeouts).write(info);
                return WinError.NO_ERROR;
            }
            case Http.HttpServerQosProperty -> {
                if (info == 0 || length != HttpQosSettingInfo.SIZE || HttpQosSettingInfo.qosSetting(info) == 0) {
                    return WinError.ERROR_INVALID_PARAMETER;
                }
                long setting = HttpQosSettingInfo.qosSetting(info);
                switch (HttpQosSettingInfo.qosType(info)) {
                    case Http.HttpQosSettingTypeConnectionLimit -> {
                        HttpConnectionLimitInfo.setFlags(setting, 1);
                        HttpConnectionLimitInfo.setMaxConnections(setting, (int) properties.maxConnections);
                    }
                    case Http.HttpQosSettingTypeBandwidth -> {
                        HttpBandwidthLimitInfo.setFlags(setting, 1);
                        HttpBandwidthLimitInfo.setMaxBandwidth(setting, (int) properties.maxBandwidth);
                    }
                    default -> {
                        return WinError.ERROR_INVALID_PARAMETER;
                    }
                }
                writeLength(returnLength, HttpQosSettingInfo.SIZE);
                return WinError.NO_ERROR;
            }
            default -> {
                return WinError.ERROR_INVALID_PARAMETER;
            }
        }
    }

    /** Whether a {@code size}-byte answer fits; writes {@code *ReturnLength} either way. */
    static boolean fits(int size, long info, int length, long returnLength) {
        writeLength(returnLength, size);
        return info != 0 && length >= size;
    }

    /** The error for an answer that did not fit: no buffer at all is a size query, answered like a short one. */
    static int sizeError(long info, int length) {
        return info == 0 && length != 0 ? WinError.ERROR_INVALID_PARAMETER : WinError.ERROR_MORE_DATA;
    }

    static void writeLength(long returnLength, int size) {
        if (returnLength != 0) {
            NativeAccess.putInt(returnLength, size);
        }
    }
}
