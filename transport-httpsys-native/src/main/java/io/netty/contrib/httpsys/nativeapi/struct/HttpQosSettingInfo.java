package io.netty.contrib.httpsys.nativeapi.struct;

import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.NativeField;
import io.netty.contrib.httpsys.nativeapi.NativeStruct;

/**
 * {@code HTTP_QOS_SETTING_INFO}: the value of {@code HttpServerQosProperty}: {@code QosType}
 * ({@code HttpQosSettingType*}) says whether {@code QosSetting} points to an
 * {@link HttpConnectionLimitInfo}, an {@link HttpBandwidthLimitInfo} or an {@link HttpFlowrateInfo}. The
 * transport uses it for the maximum number of connections.
 *
 * <pre>
 * offset  type                   field
 *      0  HTTP_QOS_SETTING_TYPE  QosType
 *      4                         (4 bytes of padding)
 *      8  PVOID                  QosSetting
 *     16                         sizeof = 16
 * </pre>
 */
@NativeStruct("HTTP_QOS_SETTING_INFO")
public final class HttpQosSettingInfo {

    public static final int SIZE = 16;

    @NativeField(value = "QosType", size = 4)
    public static final int QOS_TYPE = 0;

    @NativeField(value = "QosSetting", size = 8)
    public static final int QOS_SETTING = 8;

    private HttpQosSettingInfo() {
    }

    public static int qosType(long address) {
        return NativeAccess.getInt(address + QOS_TYPE);
    }

    public static void setQosType(long address, int value) {
        NativeAccess.putInt(address + QOS_TYPE, value);
    }

    public static long qosSetting(long address) {
        return NativeAccess.getLong(address + QOS_SETTING);
    }

    public static void setQosSetting(long address, long value) {
        NativeAccess.putLong(address + QOS_SETTING, value);
    }
}
