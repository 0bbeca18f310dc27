package io.netty.contrib.httpsys.nativeapi.struct;

import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.NativeField;
import io.netty.contrib.httpsys.nativeapi.NativeStruct;

/**
 * {@code HTTP_BYTE_RANGE}: a byte range of a file, embedded in the {@code FromFileHandle} member of
 * {@link HttpDataChunk}. The transport sends a {@code FileRegion} as the range
 * {@code (StartingOffset = position, Length = count)}; {@code Length} may be
 * {@link io.netty.contrib.httpsys.nativeapi.Http#HTTP_BYTE_RANGE_TO_EOF}. Both fields are
 * {@code ULARGE_INTEGER}s.
 *
 * <pre>
 * offset  type            field
 *      0  ULARGE_INTEGER  StartingOffset
 *      8  ULARGE_INTEGER  Length
 *     16                  sizeof = 16
 * </pre>
 */
@NativeStruct("HTTP_BYTE_RANGE")
public final class HttpByteRange {

    public static final int SIZE = 16;

    @NativeField(value = "StartingOffset", size = 8)
    public static final int STARTING_OFFSET = 0;

    @NativeField(value = "Length", size = 8)
    public static final int LENGTH = 8;

    private HttpByteRange() {
    }

    public static long startingOffset(long address) {
        return NativeAccess.getLong(address + STARTING_OFFSET);
    }

    public static void setStartingOffset(long address, long value) {
        NativeAccess.putLong(address + STARTING_OFFSET, value);
    }

    public static long length(long address) {
        return NativeAccess.getLong(address + LENGTH);
    }

    public static void setLength(long address, long value) {
        NativeAccess.putLong(address + LENGTH, value);
    }
}
