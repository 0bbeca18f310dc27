package io.netty.contrib.httpsys.nativeapi.struct;

import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.NativeField;
import io.netty.contrib.httpsys.nativeapi.NativeStruct;

/**
 * {@code HTTP_MULTIPLE_KNOWN_HEADERS}: several values of one known response header ({@code HeaderId}), the
 * {@code pInfo} of an {@code HttpResponseInfoTypeMultipleKnownHeaders} response info. {@code KnownHeaders}
 * (no {@code p} prefix in the SDK, but a pointer) addresses {@code KnownHeaderCount}
 * {@link HttpKnownHeader}s. {@code Flags} may hold {@code HTTP_RESPONSE_INFO_FLAGS_PRESERVE_ORDER}.
 *
 * <pre>
 * offset  type                field
 *      0  HTTP_HEADER_ID      HeaderId
 *      4  ULONG               Flags
 *      8  USHORT              KnownHeaderCount
 *     10                      (6 bytes of padding)
 *     16  PHTTP_KNOWN_HEADER  KnownHeaders
 *     24                      sizeof = 24
 * </pre>
 */
@NativeStruct("HTTP_MULTIPLE_KNOWN_HEADERS")
public final class HttpMultipleKnownHeaders {

    public static final int SIZE = 24;

    @NativeField(value = "HeaderId", size = 4)
    public static final int HEADER_ID = 0;

    @NativeField(value = "Flags", size = 4)
    public static final int FLAGS = 4;

    @NativeField(value = "KnownHeaderCount", size = 2)
    public static final int KNOWN_HEADER_COUNT = 8;

    @NativeField(value = "KnownHeaders", size = 8)
    public static final int KNOWN_HEADERS = 16;

    private HttpMultipleKnownHeaders() {
    }

    public static int headerId(long address) {
        return NativeAccess.getInt(address + HEADER_ID);
    }

    public static void setHeaderId(long address, int value) {
        NativeAccess.putInt(address + HEADER_ID, value);
    }

    public static int flags(long address) {
        return NativeAccess.getInt(address + FLAGS);
    }

    public static void setFlags(long address, int value) {
        NativeAccess.putInt(address + FLAGS, value);
    }

    public static int knownHeaderCount(long address) {
        return NativeAccess.getShort(address + KNOWN_HEADER_COUNT) & 0xFFFF;
    }

    public static void setKnownHeaderCount(long address, int value) {
        NativeAccess.putShort(address + KNOWN_HEADER_COUNT, (short) value);
    }

    public static long knownHeaders(long address) {
        return NativeAccess.getLong(address + KNOWN_HEADERS);
    }

    public static void setKnownHeaders(long address, long value) {
        NativeAccess.putLong(address + KNOWN_HEADERS, value);
    }
}
