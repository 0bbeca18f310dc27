package io.netty.contrib.httpsys.nativeapi.struct;

import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.NativeField;
import io.netty.contrib.httpsys.nativeapi.NativeStruct;

/**
 * {@code HTTP_RESPONSE_INFO}: one element of the {@code pResponseInfo} array of {@code HTTP_RESPONSE_V2};
 * {@code Type} ({@code HttpResponseInfoType*}) says what {@code pInfo} points to ({@code Length} bytes).
 * The transport uses {@code HttpResponseInfoTypeMultipleKnownHeaders} to send several values of one known
 * header (several {@code WWW-Authenticate}s) as separate header lines.
 *
 * <pre>
 * offset  type                     field
 *      0  HTTP_RESPONSE_INFO_TYPE  Type
 *      4  ULONG                    Length
 *      8  PVOID                    pInfo
 *     16                           sizeof = 16
 * </pre>
 */
@NativeStruct("HTTP_RESPONSE_INFO")
public final class HttpResponseInfo {

    public static final int SIZE = 16;

    @NativeField(value = "Type", size = 4)
    public static final int TYPE = 0;

    @NativeField(value = "Length", size = 4)
    public static final int LENGTH = 4;

    @NativeField(value = "pInfo", size = 8)
    public static final int INFO = 8;

    private HttpResponseInfo() {
    }

    public static int type(long address) {
        return NativeAccess.getInt(address + TYPE);
    }

    public static void setType(long address, int value) {
        NativeAccess.putInt(address + TYPE, value);
    }

    public static int length(long address) {
        return NativeAccess.getInt(address + LENGTH);
    }

    public static void setLength(long address, int value) {
        NativeAccess.putInt(address + LENGTH, value);
    }

    public static long info(long address) {
        return NativeAccess.getLong(address + INFO);
    }

    public static void setInfo(long address, long value) {
        NativeAccess.putLong(address + INFO, value);
    }

    /** The address of element {@code index} of the array of {@code HTTP_RESPONSE_INFO}s at {@code array}. */
    public static long at(long array, int index) {
        return array + (long) index * SIZE;
    }
}
