package io.netty.contrib.httpsys.nativeapi.struct;

import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.NativeField;
import io.netty.contrib.httpsys.nativeapi.NativeStruct;

/**
 * {@code HTTP_KNOWN_HEADER}: the value of a header that HTTP.SYS identifies by an {@code HTTP_HEADER_ID};
 * the {@code KnownHeaders} arrays of {@link HttpRequestHeaders} and {@link HttpResponseHeaders} hold one
 * per id. {@code pRawValue} points to {@code RawValueLength} bytes of ASCII (no terminator is guaranteed);
 * a length of 0 means the header is absent. Also the element type of
 * {@link HttpMultipleKnownHeaders#knownHeaders(long)}.
 *
 * <pre>
 * offset  type    field
 *      0  USHORT  RawValueLength
 *      2          (6 bytes of padding)
 *      8  PCSTR   pRawValue
 *     16          sizeof = 16
 * </pre>
 */
@NativeStruct("HTTP_KNOWN_HEADER")
public final class HttpKnownHeader {

    public static final int SIZE = 16;

    @NativeField(value = "RawValueLength", size = 2)
    public static final int RAW_VALUE_LENGTH = 0;

    @NativeField(value = "pRawValue", size = 8)
    public static final int RAW_VALUE = 8;

    private HttpKnownHeader() {
    }

    /** Length of the value in bytes; 0 when the header is absent. */
    public static int rawValueLength(long address) {
        return NativeAccess.getShort(address + RAW_VALUE_LENGTH) & 0xFFFF;
    }

    public static void setRawValueLength(long address, int value) {
        NativeAccess.putShort(address + RAW_VALUE_LENGTH, (short) value);
    }

    public static long rawValue(long address) {
        return NativeAccess.getLong(address + RAW_VALUE);
    }

    public static void setRawValue(long address, long value) {
        NativeAccess.putLong(address + RAW_VALUE, value);
    }

    /** The address of element {@code index} of an array of {@code HTTP_KNOWN_HEADER}s at {@code array}. */
    public static long at(long array, int index) {
        return array + (long) index * SIZE;
    }
}
