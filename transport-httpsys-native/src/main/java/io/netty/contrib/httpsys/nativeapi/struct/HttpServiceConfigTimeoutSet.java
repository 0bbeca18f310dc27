package io.netty.contrib.httpsys.nativeapi.struct;

import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.NativeField;
import io.netty.contrib.httpsys.nativeapi.NativeStruct;

/**
 * {@code HTTP_SERVICE_CONFIG_TIMEOUT_SET}: a machine-wide timeout of the {@code HttpServiceConfigTimeout}
 * record: {@code KeyDesc} ({@code IdleConnectionTimeout} or {@code HeaderWaitTimeout}) and its value in
 * seconds ({@code ParamDesc}, an {@code HTTP_SERVICE_CONFIG_TIMEOUT_PARAM}).
 *
 * <pre>
 * offset  type                               field
 *      0  HTTP_SERVICE_CONFIG_TIMEOUT_KEY    KeyDesc
 *      4  HTTP_SERVICE_CONFIG_TIMEOUT_PARAM  ParamDesc
 *      6                                     (2 bytes of padding)
 *      8                                     sizeof = 8
 * </pre>
 */
@NativeStruct("HTTP_SERVICE_CONFIG_TIMEOUT_SET")
public final class HttpServiceConfigTimeoutSet {

    public static final int SIZE = 8;

    @NativeField(value = "KeyDesc", size = 4)
    public static final int KEY_DESC = 0;

    @NativeField(value = "ParamDesc", size = 2)
    public static final int PARAM_DESC = 4;

    private HttpServiceConfigTimeoutSet() {
    }

    public static int keyDesc(long address) {
        return NativeAccess.getInt(address + KEY_DESC);
    }

    public static void setKeyDesc(long address, int value) {
        NativeAccess.putInt(address + KEY_DESC, value);
    }

    public static int paramDesc(long address) {
        return NativeAccess.getShort(address + PARAM_DESC) & 0xFFFF;
    }

    public static void setParamDesc(long address, int value) {
        NativeAccess.putShort(address + PARAM_DESC, (short) value);
    }
}
