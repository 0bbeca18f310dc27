package io.netty.contrib.httpsys.nativeapi.struct;

import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.NativeField;
import io.netty.contrib.httpsys.nativeapi.NativeStruct;

/**
 * {@code HTTP_VERSION}: the protocol version of a request ({@code HTTP_REQUEST_V2.Version}) or a response
 * ({@code HTTP_RESPONSE_V2.Version}). The transport reads it as one packed 32-bit value (major in the low
 * 16 bits, minor in the high 16 bits), which {@link #pack(int, int)} builds: HTTP/1.1 is
 * {@code pack(1, 1)}. HTTP.SYS reports HTTP/2 and HTTP/3 requests as version 2.0 and 3.0 (also flagged by
 * {@code HTTP_REQUEST_FLAG_HTTP2} / {@code _HTTP3}).
 *
 * <pre>
 * offset  type    field
 *      0  USHORT  MajorVersion
 *      2  USHORT  MinorVersion
 *      4          sizeof = 4
 * </pre>
 */
@NativeStruct("HTTP_VERSION")
public final class HttpVersion {

    public static final int SIZE = 4;

    @NativeField(value = "MajorVersion", size = 2)
    public static final int MAJOR_VERSION = 0;

    @NativeField(value = "MinorVersion", size = 2)
    public static final int MINOR_VERSION = 2;

    private HttpVersion() {
    }

    public static int majorVersion(long address) {
        return NativeAccess.getShort(address + MAJOR_VERSION) & 0xFFFF;
    }

    public static void setMajorVersion(long address, int value) {
        NativeAccess.putShort(address + MAJOR_VERSION, (short) value);
    }

    public static int minorVersion(long address) {
        return NativeAccess.getShort(address + MINOR_VERSION) & 0xFFFF;
    }

    public static void setMinorVersion(long address, int value) {
        NativeAccess.putShort(address + MINOR_VERSION, (short) value);
    }

    /** Packs {@code major.minor} into the 32-bit value this struct holds: major in the low 16 bits. */
    public static int pack(int major, int minor) {
        return (major & 0xFFFF) | (minor & 0xFFFF) << 16;
    }

    /** The major version of a packed value. */
    public static int major(int packed) {
        return packed & 0xFFFF;
    }

    /** The minor version of a packed value. */
    public static int minor(int packed) {
        return packed >>> 16;
    }

    /** Reads the whole struct at {@code address} as one packed 32-bit value. */
    public static int get(long address) {
        return NativeAccess.getInt(address);
    }

    /** Writes the whole struct at {@code address} from one packed 32-bit value. */
    public static void set(long address, int packed) {
        NativeAccess.putInt(address, packed);
    }
}
