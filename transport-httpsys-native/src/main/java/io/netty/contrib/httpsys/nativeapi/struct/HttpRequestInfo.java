package io.netty.contrib.httpsys.nativeapi.struct;

import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.NativeField;
import io.netty.contrib.httpsys.nativeapi.NativeStruct;

/**
 * {@code HTTP_REQUEST_INFO}: one element of the {@code pRequestInfo} array of {@code HTTP_REQUEST_V2},
 * extra information whose kind is {@code InfoType} ({@code HttpRequestInfoType*}) and which {@code pInfo}
 * points to ({@code InfoLength} bytes), for example an {@link HttpRequestAuthInfo} for
 * {@code HttpRequestInfoTypeAuth}.
 *
 * <pre>
 * offset  type                    field
 *      0  HTTP_REQUEST_INFO_TYPE  InfoType
 *      4  ULONG                   InfoLength
 *      8  PVOID                   pInfo
 *     16                          sizeof = 16
 * </pre>
 */
@NativeStruct("HTTP_REQUEST_INFO")
public final class HttpRequestInfo {

    public static final int SIZE = 16;

    @NativeField(value = "InfoType", size = 4)
    public static final int INFO_TYPE = 0;

    @NativeField(value = "InfoLength", size = 4)
    public static final int INFO_LENGTH = 4;

    @NativeField(value = "pInfo", size = 8)
    public static final int INFO = 8;

    private HttpRequestInfo() {
    }

    public static int infoType(long address) {
        return NativeAccess.getInt(address + INFO_TYPE);
    }

    public static void setInfoType(long address, int value) {
        NativeAccess.putInt(address + INFO_TYPE, value);
    }

    public static int infoLength(long address) {
        return NativeAccess.getInt(address + INFO_LENGTH);
    }

    public static void setInfoLength(long address, int value) {
        NativeAccess.putInt(address + INFO_LENGTH, value);
    }

    public static long info(long address) {
        return NativeAccess.getLong(address + INFO);
    }

    public static void setInfo(long address, long value) {
        NativeAccess.putLong(address + INFO, value);
    }

    /** The address of element {@code index} of the array of {@code HTTP_REQUEST_INFO}s at {@code array}. */
    public static long at(long array, int index) {
        return array + (long) index * SIZE;
    }
}
