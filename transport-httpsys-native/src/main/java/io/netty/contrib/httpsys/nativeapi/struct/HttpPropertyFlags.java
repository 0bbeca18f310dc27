package io.netty.contrib.httpsys.nativeapi.struct;

import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.NativeStruct;

/**
 * {@code HTTP_PROPERTY_FLAGS}: the {@code Flags} member that opens every server-property struct
 * ({@link HttpTimeoutLimitInfo}, {@link HttpStateInfo}, ...). It is a {@code ULONG} bit field whose bit 0,
 * {@code Present}, tells HTTP.SYS that the property is set; a property whose {@code Present} bit is clear
 * is ignored (or removed). A bit field has no offset of its own, so this class has no field constants:
 * address the whole {@code ULONG} (at offset 0 of each property struct) with {@link #present(long)} and
 * {@link #setPresent(long, boolean)}.
 *
 * <pre>
 * offset  type   field
 *      0  ULONG  Present : 1   (bit 0; bits 1-31 reserved)
 *      4         sizeof = 4
 * </pre>
 */
@NativeStruct("HTTP_PROPERTY_FLAGS")
public final class HttpPropertyFlags {

    public static final int SIZE = 4;

    private HttpPropertyFlags() {
    }

    /** Whether the {@code Present} bit of the {@code HTTP_PROPERTY_FLAGS} at {@code address} is set. */
    public static boolean present(long address) {
        return (NativeAccess.getInt(address) & 1) != 0;
    }

    /** Sets or clears the {@code Present} bit of the {@code HTTP_PROPERTY_FLAGS} at {@code address}. */
    public static void setPresent(long address, boolean present) {
        int flags = NativeAccess.getInt(address);
        NativeAccess.putInt(address, present ? flags | 1 : flags & ~1);
    }
}
