package io.netty.contrib.httpsys.nativeapi.struct;

import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.NativeField;
import io.netty.contrib.httpsys.nativeapi.NativeStruct;

/**
 * {@code HTTP_SERVER_AUTHENTICATION_BASIC_PARAMS}: the realm of Basic authentication, embedded in
 * {@code HTTP_SERVER_AUTHENTICATION_INFO.BasicParams}. The string is UTF-16, its length in bytes.
 *
 * <pre>
 * offset  type    field
 *      0  USHORT  RealmLength
 *      2          (6 bytes of padding)
 *      8  PWSTR   Realm
 *     16          sizeof = 16
 * </pre>
 */
@NativeStruct("HTTP_SERVER_AUTHENTICATION_BASIC_PARAMS")
public final class HttpServerAuthenticationBasicParams {

    public static final int SIZE = 16;

    @NativeField(value = "RealmLength", size = 2)
    public static final int REALM_LENGTH = 0;

    @NativeField(value = "Realm", size = 8)
    public static final int REALM = 8;

    private HttpServerAuthenticationBasicParams() {
    }

    public static int realmLength(long address) {
        return NativeAccess.getShort(address + REALM_LENGTH) & 0xFFFF;
    }

    public static void setRealmLength(long address, int value) {
        NativeAccess.putShort(address + REALM_LENGTH, (short) value);
    }

    public static long realm(long address) {
        return NativeAccess.getLong(address + REALM);
    }

    public static void setRealm(long address, long value) {
        NativeAccess.putLong(address + REALM, value);
    }
}
