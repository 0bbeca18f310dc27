package io.netty.contrib.httpsys.nativeapi.struct;

import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.NativeField;
import io.netty.contrib.httpsys.nativeapi.NativeStruct;

/**
 * {@code HTTP_COOKED_URL}: the request URL as HTTP.SYS canonicalised and decoded it, embedded in
 * {@code HTTP_REQUEST_V2.CookedUrl}. The pointers are UTF-16 strings (terminated) into one buffer:
 * {@code pFullUrl} is {@code scheme://host:port/path?query}, {@code pHost}, {@code pAbsPath} and
 * {@code pQueryString} point into it ({@code pQueryString} includes the {@code '?'} and is {@code NULL}
 * without a query). Every length is in <em>bytes</em>, without the terminator. The transport uses the raw
 * URL ({@code HTTP_REQUEST_V2.pRawUrl}) for the Netty request URI and the cooked parts for routing
 * information.
 *
 * <pre>
 * offset  type    field
 *      0  USHORT  FullUrlLength
 *      2  USHORT  HostLength
 *      4  USHORT  AbsPathLength
 *      6  USHORT  QueryStringLength
 *      8  PCWSTR  pFullUrl
 *     16  PCWSTR  pHost
 *     24  PCWSTR  pAbsPath
 *     32  PCWSTR  pQueryString
 *     40          sizeof = 40
 * </pre>
 */
@NativeStruct("HTTP_COOKED_URL")
public final class HttpCookedUrl {

    public static final int SIZE = 40;

    @NativeField(value = "FullUrlLength", size = 2)
    public static final int FULL_URL_LENGTH = 0;

    @NativeField(value = "HostLength", size = 2)
    public static final int HOST_LENGTH = 2;

    @NativeField(value = "AbsPathLength", size = 2)
    public static final int ABS_PATH_LENGTH = 4;

    @NativeField(value = "QueryStringLength", size = 2)
    public static final int QUERY_STRING_LENGTH = 6;

    @NativeField(value = "pFullUrl", size = 8)
    public static final int FULL_URL = 8;

    @NativeField(value = "pHost", size = 8)
    public static final int HOST = 16;

    @NativeField(value = "pAbsPath", size = 8)
    public static final int ABS_PATH = 24;

    @NativeField(value = "pQueryString", size = 8)
    public static final int QUERY_STRING = 32;

    private HttpCookedUrl() {
    }

    /** Length of {@code pFullUrl} in bytes (not characters), without the terminator. */
    public static int fullUrlLength(long address) {
        return NativeAccess.getShort(address + FULL_URL_LENGTH) & 0xFFFF;
    }

    public static void setFullUrlLength(long address, int value) {
        NativeAccess.putShort(address + FULL_URL_LENGTH, (short) value);
    }

    /** Length of {@code pHost} in bytes, up to the path. */
    public static int hostLength(long address) {
        return NativeAccess.getShort(address + HOST_LENGTH) & 0xFFFF;
    }

    public static void setHostLength(long address, int value) {
        NativeAccess.putShort(address + HOST_LENGTH, (short) value);
    }

    /** Length of {@code pAbsPath} in bytes, up to the query. */
    public static int absPathLength(long address) {
        return NativeAccess.getShort(address + ABS_PATH_LENGTH) & 0xFFFF;
    }

    public static void setAbsPathLength(long address, int value) {
        NativeAccess.putShort(address + ABS_PATH_LENGTH, (short) value);
    }

    /** Length of {@code pQueryString} in bytes. */
    public static int queryStringLength(long address) {
        return NativeAccess.getShort(address + QUERY_STRING_LENGTH) & 0xFFFF;
    }

    public static void setQueryStringLength(long address, int value) {
        NativeAccess.putShort(address + QUERY_STRING_LENGTH, (short) value);
    }

    public static long fullUrl(long address) {
        return NativeAccess.getLong(address + FULL_URL);
    }

    public static void setFullUrl(long address, long value) {
        NativeAccess.putLong(address + FULL_URL, value);
    }

    public static long host(long address) {
        return NativeAccess.getLong(address + HOST);
    }

    public static void setHost(long address, long value) {
        NativeAccess.putLong(address + HOST, value);
    }

    public static long absPath(long address) {
        return NativeAccess.getLong(address + ABS_PATH);
    }

    public static void setAbsPath(long address, long value) {
        NativeAccess.putLong(address + ABS_PATH, value);
    }

    public static long queryString(long address) {
        return NativeAccess.getLong(address + QUERY_STRING);
    }

    public static void setQueryString(long address, long value) {
        NativeAccess.putLong(address + QUERY_STRING, value);
    }
}
