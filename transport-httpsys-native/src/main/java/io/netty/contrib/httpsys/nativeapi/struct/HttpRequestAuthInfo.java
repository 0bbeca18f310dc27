package io.netty.contrib.httpsys.nativeapi.struct;

import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.NativeField;
import io.netty.contrib.httpsys.nativeapi.NativeStruct;

/**
 * {@code HTTP_REQUEST_AUTH_INFO}: the result of the authentication HTTP.SYS performed for a request (when
 * authentication is enabled on the URL group), the {@code pInfo} of an {@code HttpRequestInfoTypeAuth}
 * request info. {@code AccessToken} is the authenticated user's token (owned by the request). The layout is
 * the SDK's 80 bytes: mingw-w64 lacks the trailing {@code PackageNameLength} / {@code pPackageName}.
 *
 * <pre>
 * offset  type                    field
 *      0  HTTP_AUTH_STATUS        AuthStatus
 *      4  SECURITY_STATUS         SecStatus
 *      8  ULONG                   Flags
 *     12  HTTP_REQUEST_AUTH_TYPE  AuthType
 *     16  HANDLE                  AccessToken
 *     24  ULONG                   ContextAttributes
 *     28  ULONG                   PackedContextLength
 *     32  ULONG                   PackedContextType
 *     36                          (4 bytes of padding)
 *     40  PVOID                   PackedContext
 *     48  ULONG                   MutualAuthDataLength
 *     52                          (4 bytes of padding)
 *     56  PCHAR                   pMutualAuthData
 *     64  USHORT                  PackageNameLength
 *     66                          (6 bytes of padding)
 *     72  PWSTR                   pPackageName
 *     80                          sizeof = 80
 * </pre>
 */
@NativeStruct("HTTP_REQUEST_AUTH_INFO")
public final class HttpRequestAuthInfo {

    public static final int SIZE = 80;

    @NativeField(value = "AuthStatus", size = 4)
    public static final int AUTH_STATUS = 0;

    @NativeField(value = "SecStatus", size = 4)
    public static final int SEC_STATUS = 4;

    @NativeField(value = "Flags", size = 4)
    public static final int FLAGS = 8;

    @NativeField(value = "AuthType", size = 4)
    public static final int AUTH_TYPE = 12;

    @NativeField(value = "AccessToken", size = 8)
    public static final int ACCESS_TOKEN = 16;

    @NativeField(value = "ContextAttributes", size = 4)
    public static final int CONTEXT_ATTRIBUTES = 24;

    @NativeField(value = "PackedContextLength", size = 4)
    public static final int PACKED_CONTEXT_LENGTH = 28;

    @NativeField(value = "PackedContextType", size = 4)
    public static final int PACKED_CONTEXT_TYPE = 32;

    @NativeField(value = "PackedContext", size = 8)
    public static final int PACKED_CONTEXT = 40;

    @NativeField(value = "MutualAuthDataLength", size = 4)
    public static final int MUTUAL_AUTH_DATA_LENGTH = 48;

    @NativeField(value = "pMutualAuthData", size = 8)
    public static final int MUTUAL_AUTH_DATA = 56;

    @NativeField(value = "PackageNameLength", size = 2)
    public static final int PACKAGE_NAME_LENGTH = 64;

    @NativeField(value = "pPackageName", size = 8)
    public static final int PACKAGE_NAME = 72;

    private HttpRequestAuthInfo() {
    }

    public static int authStatus(long address) {
        return NativeAccess.getInt(address + AUTH_STATUS);
    }

    public static void setAuthStatus(long address, int value) {
        NativeAccess.putInt(address + AUTH_STATUS, value);
    }

    public static int secStatus(long address) {
        return NativeAccess.getInt(address + SEC_STATUS);
    }

    public static void setSecStatus(long address, int value) {
        NativeAccess.putInt(address + SEC_STATUS, value);
    }

    public static int flags(long address) {
        return NativeAccess.getInt(address + FLAGS);
    }

    public static void setFlags(long address, int value) {
        NativeAccess.putInt(address + FLAGS, value);
    }

    public static int authType(long address) {
        return NativeAccess.getInt(address + AUTH_TYPE);
    }

    public static void setAuthType(long address, int value) {
        NativeAccess.putInt(address + AUTH_TYPE, value);
    }

    public static long accessToken(long address) {
        return NativeAccess.getLong(address + ACCESS_TOKEN);
    }

    public static void setAccessToken(long address, long value) {
        NativeAccess.putLong(address + ACCESS_TOKEN, value);
    }

    public static int contextAttributes(long address) {
        return NativeAccess.getInt(address + CONTEXT_ATTRIBUTES);
    }

    public static void setContextAttributes(long address, int value) {
        NativeAccess.putInt(address + CONTEXT_ATTRIBUTES, value);
    }

    public static int packedContextLength(long address) {
        return NativeAccess.getInt(address + PACKED_CONTEXT_LENGTH);
    }

    public static void setPackedContextLength(long address, int value) {
        NativeAccess.putInt(address + PACKED_CONTEXT_LENGTH, value);
    }

    public static int packedContextType(long address) {
        return NativeAccess.getInt(address + PACKED_CONTEXT_TYPE);
    }

    public static void setPackedContextType(long address, int value) {
        NativeAccess.putInt(address + PACKED_CONTEXT_TYPE, value);
    }

    public static long packedContext(long address) {
        return NativeAccess.getLong(address + PACKED_CONTEXT);
    }

    public static void setPackedContext(long address, long value) {
        NativeAccess.putLong(address + PACKED_CONTEXT, value);
    }

    public static int mutualAuthDataLength(long address) {
        return NativeAccess.getInt(address + MUTUAL_AUTH_DATA_LENGTH);
    }

    public static void setMutualAuthDataLength(long address, int value) {
        NativeAccess.putInt(address + MUTUAL_AUTH_DATA_LENGTH, value);
    }

    public static long mutualAuthData(long address) {
        return NativeAccess.getLong(address + MUTUAL_AUTH_DATA);
    }

    public static void setMutualAuthData(long address, long value) {
        NativeAccess.putLong(address + MUTUAL_AUTH_DATA, value);
    }

    public static int packageNameLength(long address) {
        return NativeAccess.getShort(address + PACKAGE_NAME_LENGTH) & 0xFFFF;
    }

    public static void setPackageNameLength(long address, int value) {
        NativeAccess.putShort(address + PACKAGE_NAME_LENGTH, (short) value);
    }

    public static long packageName(long address) {
        return NativeAccess.getLong(address + PACKAGE_NAME);
    }

    public static void setPackageName(long address, long value) {
        NativeAccess.putLong(address + PACKAGE_NAME, value);
    }
}
