package io.netty.contrib.httpsys.nativeapi.struct;

import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.NativeField;
import io.netty.contrib.httpsys.nativeapi.NativeStruct;

/**
 * {@code HTTPAPI_VERSION}: the API version requested from {@code HttpInitialize},
 * {@code HttpCreateServerSession} and {@code HttpCreateRequestQueue}. Those functions take it by value, as
 * one 32-bit integer whose low 16 bits are the major version, so the binding passes
 * {@link io.netty.contrib.httpsys.nativeapi.Http#HTTPAPI_VERSION_2}; this class documents that packing and
 * converts between the two views.
 *
 * <pre>
 * offset  type    field
 *      0  USHORT  HttpApiMajorVersion
 *      2  USHORT  HttpApiMinorVersion
 *      4          sizeof = 4
 * </pre>
 */
@NativeStruct("HTTPAPI_VERSION")
public final class HttpapiVersion {

    public static final int SIZE = 4;

    @NativeField(value = "HttpApiMajorVersion", size = 2)
    public static final int HTTP_API_MAJOR_VERSION = 0;

    @NativeField(value = "HttpApiMinorVersion", size = 2)
    public static final int HTTP_API_MINOR_VERSION = 2;

    private HttpapiVersion() {
    }

    public static int httpApiMajorVersion(long address) {
        return NativeAccess.getShort(address + HTTP_API_MAJOR_VERSION) & 0xFFFF;
    }

    public static void setHttpApiMajorVersion(long address, int value) {
        NativeAccess.putShort(address + HTTP_API_MAJOR_VERSION, (short) value);
    }

    public static int httpApiMinorVersion(long address) {
        return NativeAccess.getShort(address + HTTP_API_MINOR_VERSION) & 0xFFFF;
    }

    public static void setHttpApiMinorVersion(long address, int value) {
        NativeAccess.putShort(address + HTTP_API_MINOR_VERSION, (short) value);
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
