package io.netty.contrib.httpsys.nativeapi.struct;

import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.NativeField;
import io.netty.contrib.httpsys.nativeapi.NativeStruct;

/**
 * {@code HTTP_CONNECTION_LIMIT_INFO}: the connection limit of an {@code HttpQosSettingTypeConnectionLimit}
 * QoS setting ({@link HttpQosSettingInfo}); {@code MaxConnections} {@code 0xFFFFFFFF} means unlimited.
 *
 * <pre>
 * offset  type                 field
 *      0  HTTP_PROPERTY_FLAGS  Flags
 *      4  ULONG                MaxConnections
 *      8                       sizeof = 8
 * </pre>
 */
@NativeStruct("HTTP_CONNECTION_LIMIT_INFO")
public final class HttpConnectionLimitInfo {

    public static final int SIZE = 8;

    @NativeField(value = "Flags", size = 4)
    public static final int FLAGS = 0;

    @NativeField(value = "MaxConnections", size = 4)
    public static final int MAX_CONNECTIONS = 4;

    private HttpConnectionLimitInfo() {
    }

    /** {@code HTTP_PROPERTY_FLAGS}: 1 ({@code Present}) to apply the property, see {@link HttpPropertyFlags}. */
    public static int flags(long address) {
        return NativeAccess.getInt(address + FLAGS);
    }

    public static void setFlags(long address, int value) {
        NativeAccess.putInt(address + FLAGS, value);
    }

    public static int maxConnections(long address) {
        return NativeAccess.getInt(address + MAX_CONNECTIONS);
    }

    public static void setMaxConnections(long address, int value) {
        NativeAccess.putInt(address + MAX_CONNECTIONS, value);
    }
}
