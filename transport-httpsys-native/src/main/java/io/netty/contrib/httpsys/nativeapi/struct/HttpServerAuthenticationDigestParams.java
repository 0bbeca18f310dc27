package io.netty.contrib.httpsys.nativeapi.struct;

import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.NativeField;
import io.netty.contrib.httpsys.nativeapi.NativeStruct;

/**
 * {@code HTTP_SERVER_AUTHENTICATION_DIGEST_PARAMS}: the domain and realm of Digest authentication, embedded
 * in {@code HTTP_SERVER_AUTHENTICATION_INFO.DigestParams}. The strings are UTF-16, lengths in bytes.
 *
 * <pre>
 * offset  type    field
 *      0  USHORT  DomainNameLength
 *      2          (6 bytes of padding)
 *      8  PWSTR   DomainName
 *     16  USHORT  RealmLength
 *     18          (6 bytes of padding)
 *     24  PWSTR   Realm
 *     32          sizeof = 32
 * </pre>
 */
@NativeStruct("HTTP_SERVER_AUTHENTICATION_DIGEST_PARAMS")
public final class HttpServerAuthenticationDigestParams {

    public static final int SIZE = 32;

    @NativeField(value = "DomainNameLength", size = 2)
    public static final int DOMAIN_NAME_LENGTH = 0;

    @NativeField(value = "DomainName", size = 8)
    public static final int DOMAIN_NAME = 8;

    @NativeField(value = "RealmLength", size = 2)
    public static final int REALM_LENGTH = 16;

    @NativeField(value = "Realm", size = 8)
    public static final int REALM = 24;

    private HttpServerAuthenticationDigestParams() {
    }

    public static int domainNameLength(long address) {
        return NativeAccess.getShort(address + DOMAIN_NAME_LENGTH) & 0xFFFF;
    }

    public static void setDomainNameLength(long address, int value) {
        NativeAccess.putShort(address + DOMAIN_NAME_LENGTH, (short) value);
    }

    public static long domainName(long address) {
        return NativeAccess.getLong(address + DOMAIN_NAME);
    }

    public static void setDomainName(long address, long value) {
        NativeAccess.putLong(address + DOMAIN_NAME, value);
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
