package io.netty.contrib.httpsys.nativeapi.struct;

import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.NativeField;
import io.netty.contrib.httpsys.nativeapi.NativeStruct;

/**
 * {@code HTTP_BANDWIDTH_LIMIT_INFO}: the send bandwidth limit (bytes per second) of an
 * {@code HttpQosSettingTypeBandwidth} QoS setting ({@link HttpQosSettingInfo}), server-session wide.
 *
 * <pre>
 * offset  type                 field
 *      0  HTTP_PROPERTY_FLAGS  Flags
 *      4  ULONG                MaxBandwidth
 *      8                       sizeof = 8
 * </pre>
 */
@NativeStruct("HTTP_BANDWIDTH_LIMIT_INFO")
public final class HttpBandwidthLimitInfo {

    public static final int SIZE = 8;

    @NativeField(value = "Flags", size = 4)
    public static final int FLAGS = 0;

    @NativeField(value = "MaxBandwidth", size = 4)
    public static final int MAX_BANDWIDTH = 4;

    private HttpBandwidthLimitInfo() {
    }

    /** {@code HTTP_PROPERTY_FLAGS}: 1 ({@code Present}) to apply the property, see {@link HttpPropertyFlags}. */
    public static int flags(long address) {
        return NativeAccess.getInt(address + FLAGS);
    }

    public static void setFlags(long address, int value) {
        NativeAccess.putInt(address + FLAGS, value);
    }

    public static int maxBandwidth(long address) {
        return NativeAccess.getInt(address + MAX_BANDWIDTH);
    }

    public static void setMaxBandwidth(long address, int value) {
        NativeAccess.putInt(address + MAX_BANDWIDTH, value);
    }
}
