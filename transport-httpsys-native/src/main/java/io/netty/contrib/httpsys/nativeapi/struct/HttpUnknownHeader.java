package io.netty.contrib.httpsys.nativeapi.struct;

import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.NativeField;
import io.netty.contrib.httpsys.nativeapi.NativeStruct;

/**
 * {@code HTTP_UNKNOWN_HEADER}: a header without an {@code HTTP_HEADER_ID}, name and value as raw bytes
 * ({@code NameLength} / {@code RawValueLength} bytes, no terminator is guaranteed). Requests carry an array
 * of them in {@code pUnknownHeaders} of {@link HttpRequestHeaders}, responses in
 * {@link HttpResponseHeaders}; a request or response with repeated known headers (several
 * {@code Set-Cookie}s) also uses this array.
 *
 * <pre>
 * offset  type    field
 *      0  USHORT  NameLength
 *      2  USHORT  RawValueLength
 *      4          (4 bytes of padding)
 *      8  PCSTR   pName
 *     16  PCSTR   pRawValue
 *     24          sizeof = 24
 * </pre>
 */
@NativeStruct("HTTP_UNKNOWN_HEADER")
public final class HttpUnknownHeader {

    public static final int SIZE = 24;

    @NativeField(value = "NameLength", size = 2)
    public static final int NAME_LENGTH = 0;

    @NativeField(value = "RawValueLength", size = 2)
    public static final int RAW_VALUE_LENGTH = 2;

    @NativeField(value = "pName", size = 8)
    public static final int NAME = 8;

    @NativeField(value = "pRawValue", size = 8)
    public static final int RAW_VALUE = 16;

    private HttpUnknownHeader() {
    }

    public static int nameLength(long address) {
        return NativeAccess.getShort(address + NAME_LENGTH) & 0xFFFF;
    }

    public static void setNameLength(long address, int value) {
        NativeAccess.putShort(address + NAME_LENGTH, (short) value);
    }

    public static int rawValueLength(long address) {
        return NativeAccess.getShort(address + RAW_VALUE_LENGTH) & 0xFFFF;
    }

    public static void setRawValueLength(long address, int value) {
        NativeAccess.putShort(address + RAW_VALUE_LENGTH, (short) value);
    }

    public static long name(long address) {
        return NativeAccess.getLong(address + NAME);
    }

    public static void setName(long address, long value) {
        NativeAccess.putLong(address + NAME, value);
    }

    public static long rawValue(long address) {
        return NativeAccess.getLong(address + RAW_VALUE);
    }

    public static void setRawValue(long address, long value) {
        NativeAccess.putLong(address + RAW_VALUE, value);
    }

    /** The address of element {@code index} of the array of {@code HTTP_UNKNOWN_HEADER}s at {@code array}. */
    public static long at(long array, int index) {
        return array + (long) index * SIZE;
    }
}
