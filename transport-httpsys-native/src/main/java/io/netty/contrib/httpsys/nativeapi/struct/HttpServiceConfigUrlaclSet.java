package io.netty.contrib.httpsys.nativeapi.struct;

import io.netty.contrib.httpsys.nativeapi.NativeField;
import io.netty.contrib.httpsys.nativeapi.NativeStruct;

/**
 * {@code HTTP_SERVICE_CONFIG_URLACL_SET}: one URL reservation as {@code HttpQueryServiceConfiguration}
 * returns it for {@code HttpServiceConfigUrlAclInfo}: the embedded key ({@link HttpServiceConfigUrlaclKey})
 * and parameter ({@link HttpServiceConfigUrlaclParam}). The transport reads reservations to turn an "access
 * denied" into the exact {@code netsh} command that fixes it.
 *
 * <pre>
 * offset  type                              field
 *      0  HTTP_SERVICE_CONFIG_URLACL_KEY    KeyDesc
 *      8  HTTP_SERVICE_CONFIG_URLACL_PARAM  ParamDesc
 *     16                                    sizeof = 16
 * </pre>
 */
@NativeStruct("HTTP_SERVICE_CONFIG_URLACL_SET")
public final class HttpServiceConfigUrlaclSet {

    public static final int SIZE = 16;

    @NativeField(value = "KeyDesc", size = 8)
    public static final int KEY_DESC = 0;

    @NativeField(value = "ParamDesc", size = 8)
    public static final int PARAM_DESC = 8;

    private HttpServiceConfigUrlaclSet() {
    }

    /** The address of the embedded {@code HTTP_SERVICE_CONFIG_URLACL_KEY}. */
    public static long keyDesc(long address) {
        return address + KEY_DESC;
    }

    /** The address of the embedded {@code HTTP_SERVICE_CONFIG_URLACL_PARAM}. */
    public static long paramDesc(long address) {
        return address + PARAM_DESC;
    }
}
