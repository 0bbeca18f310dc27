package io.netty.contrib.httpsys.nativeapi.struct;

import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.NativeField;
import io.netty.contrib.httpsys.nativeapi.NativeStruct;

/**
 * {@code SID_AND_ATTRIBUTES} ({@code winnt.h}): a pointer to a SID and its {@code SE_GROUP_*} attributes, the
 * {@code User} of a {@link TokenUser}.
 *
 * <pre>
 * offset  type   field
 *      0  PSID   Sid
 *      8  DWORD  Attributes
 *     12         (4 bytes of padding)
 *     16         sizeof = 16
 * </pre>
 */
@NativeStruct("SID_AND_ATTRIBUTES")
public final class SidAndAttributes {

    public static final int SIZE = 16;

    @NativeField(value = "Sid", size = 8)
    public static final int SID = 0;

    @NativeField(value = "Attributes", size = 4)
    public static final int ATTRIBUTES = 8;

    private SidAndAttributes() {
    }

    public static long sid(long address) {
        return NativeAccess.getLong(address + SID);
    }

    public static void setSid(long address, long value) {
        NativeAccess.putLong(address + SID, value);
    }

    public static int attributes(long address) {
        return NativeAccess.getInt(address + ATTRIBUTES);
    }

    public static void setAttributes(long address, int value) {
        NativeAccess.putInt(address + ATTRIBUTES, value);
    }
}
