package io.netty.contrib.httpsys.nativeapi.struct;

import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.NativeField;
import io.netty.contrib.httpsys.nativeapi.NativeStruct;

/**
 * {@code HTTP_FLOWRATE_INFO}: the per-connection send rate limit of an {@code HttpQosSettingTypeFlowRate}
 * QoS setting ({@link HttpQosSettingInfo}): average and peak bandwidth in bytes per second and the burst
 * size in bytes.
 *
 * <pre>
 * offset  type                 field
 *      0  HTTP_PROPERTY_FLAGS  Flags
 *      4  ULONG                MaxBandwidth
 *      8  ULONG                MaxPeakBandwidth
 *     12  ULONG                BurstSize
 *     16                       sizeof = 16
 * </pre>
 */
@NativeStruct("HTTP_FLOWRATE_INFO")
public final class HttpFlowrateInfo {

    public static final int SIZE = 16;

    @NativeField(value = "Flags", size = 4)
    public static final int FLAGS = 0;

    @NativeField(value = "MaxBandwidth", size = 4)
    public static final int MAX_BANDWIDTH = 4;

    @NativeField(value = "MaxPeakBandwidth", size = 4)
    public static final int MAX_PEAK_BANDWIDTH = 8;

    @NativeField(value = "BurstSize", size = 4)
    public static final int BURST_SIZE = 12;

    private HttpFlowrateInfo() {
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

    public static int maxPeakBandwidth(long address) {
        return NativeAccess.getInt(address + MAX_PEAK_BANDWIDTH);
    }

    public static void setMaxPeakBandwidth(long address, int value) {
        NativeAccess.putInt(address + MAX_PEAK_BANDWIDTH, value);
    }

    public static int burstSize(long address) {
        return NativeAccess.getInt(address + BURST_SIZE);
    }

    public static void setBurstSize(long address, int value) {
        NativeAccess.putInt(address + BURST_SIZE, value);
    }
}
