package io.netty.contrib.httpsys.nativeapi.struct;

import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.NativeField;
import io.netty.contrib.httpsys.nativeapi.NativeStruct;

/**
 * {@code HTTP_LISTEN_ENDPOINT_INFO}: the value of {@code HttpServerListenEndpointProperty}:
 * {@code EnableSharing} nonzero lets several URL groups share one listening endpoint.
 *
 * <pre>
 * offset  type                 field
 *      0  HTTP_PROPERTY_FLAGS  Flags
 *      4  BOOLEAN              EnableSharing
 *      5                       (3 bytes of padding)
 *      8                       sizeof = 8
 * </pre>
 */
@NativeStruct("HTTP_LISTEN_ENDPOINT_INFO")
public final class HttpListenEndpointInfo {

    public static final int SIZE = 8;

    @NativeField(value = "Flags", size = 4)
    public static final int FLAGS = 0;

    @NativeField(value = "EnableSharing", size = 1)
    public static final int ENABLE_SHARING = 4;

    private HttpListenEndpointInfo() {
    }

    /** {@code HTTP_PROPERTY_FLAGS}: 1 ({@code Present}) to apply the property, see {@link HttpPropertyFlags}. */
    public static int flags(long address) {
        return NativeAccess.getInt(address + FLAGS);
    }

    public static void setFlags(long address, int value) {
        NativeAccess.putInt(address + FLAGS, value);
    }

    public static byte enableSharing(long address) {
        return NativeAccess.getByte(address + ENABLE_SHARING);
    }

    public static void setEnableSharing(long address, byte value) {
        NativeAccess.putByte(address + ENABLE_SHARING, value);
    }
}
