package io.netty.contrib.httpsys.nativeapi.struct;

import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.NativeField;
import io.netty.contrib.httpsys.nativeapi.NativeStruct;

/**
 * {@code HTTP_STATE_INFO}: the value of {@code HttpServerStateProperty}, which turns a server session or
 * URL group on ({@code HttpEnabledStateActive}) or off ({@code HttpEnabledStateInactive}); an inactive URL
 * group answers its URLs with 503. The server channel deactivates its group first when it closes.
 *
 * <pre>
 * offset  type                 field
 *      0  HTTP_PROPERTY_FLAGS  Flags
 *      4  HTTP_ENABLED_STATE   State
 *      8                       sizeof = 8
 * </pre>
 */
@NativeStruct("HTTP_STATE_INFO")
public final class HttpStateInfo {

    public static final int SIZE = 8;

    @NativeField(value = "Flags", size = 4)
    public static final int FLAGS = 0;

    @NativeField(value = "State", size = 4)
    public static final int STATE = 4;

    private HttpStateInfo() {
    }

    /** {@code HTTP_PROPERTY_FLAGS}: 1 ({@code Present}) to apply the property, see {@link HttpPropertyFlags}. */
    public static int flags(long address) {
        return NativeAccess.getInt(address + FLAGS);
    }

    public static void setFlags(long address, int value) {
        NativeAccess.putInt(address + FLAGS, value);
    }

    public static int state(long address) {
        return NativeAccess.getInt(address + STATE);
    }

    public static void setState(long address, int value) {
        NativeAccess.putInt(address + STATE, value);
    }
}
