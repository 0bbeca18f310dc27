package io.netty.contrib.httpsys.nativeapi.struct;

import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.NativeField;
import io.netty.contrib.httpsys.nativeapi.NativeStruct;

/**
 * {@code HTTP_SERVER_AUTHENTICATION_INFO}: the value of {@code HttpServerAuthenticationProperty}, the
 * authentication HTTP.SYS performs before a request reaches the application: {@code AuthSchemes} is a set
 * of {@code HTTP_AUTH_ENABLE_*} bits, and the result arrives as an {@link HttpRequestAuthInfo} request
 * info. {@code DigestParams} and {@code BasicParams} are embedded structs
 * ({@link HttpServerAuthenticationDigestParams}, {@link HttpServerAuthenticationBasicParams}).
 *
 * <pre>
 * offset  type                                      field
 *      0  HTTP_PROPERTY_FLAGS                       Flags
 *      4  ULONG                                     AuthSchemes
 *      8  BOOLEAN                                   ReceiveMutualAuth
 *      9  BOOLEAN                                   ReceiveContextHandle
 *     10  BOOLEAN                                   DisableNTLMCredentialCaching
 *     11  UCHAR                                     ExFlags
 *     12                                            (4 bytes of padding)
 *     16  HTTP_SERVER_AUTHENTICATION_DIGEST_PARAMS  DigestParams
 *     48  HTTP_SERVER_AUTHENTICATION_BASIC_PARAMS   BasicParams
 *     64                                            sizeof = 64
 * </pre>
 */
@NativeStruct("HTTP_SERVER_AUTHENTICATION_INFO")
public final class HttpServerAuthenticationInfo {

    public static final int SIZE = 64;

    @NativeField(value = "Flags", size = 4)
    public static final int FLAGS = 0;

    @NativeField(value = "AuthSchemes", size = 4)
    public static final int AUTH_SCHEMES = 4;

    @NativeField(value = "ReceiveMutualAuth", size = 1)
    public static final int RECEIVE_MUTUAL_AUTH = 8;

    @NativeField(value = "ReceiveContextHandle", size = 1)
    public static final int RECEIVE_CONTEXT_HANDLE = 9;

    @NativeField(value = "DisableNTLMCredentialCaching", size = 1)
    public static final int DISABLE_NTLM_CREDENTIAL_CACHING = 10;

    @NativeField(value = "ExFlags", size = 1)
    public static final int EX_FLAGS = 11;

    @NativeField(value = "DigestParams", size = 32)
    public static final int DIGEST_PARAMS = 16;

    @NativeField(value = "BasicParams", size = 16)
    public static final int BASIC_PARAMS = 48;

    private HttpServerAuthenticationInfo() {
    }

    /** {@code HTTP_PROPERTY_FLAGS}: 1 ({@code Present}) to apply the property, see {@link HttpPropertyFlags}. */
    public static int flags(long address) {
        return NativeAccess.getInt(address + FLAGS);
    }

    public static void setFlags(long address, int value) {
        NativeAccess.putInt(address + FLAGS, value);
    }

    /** {@code HTTP_AUTH_ENABLE_*} bits. */
    public static int authSchemes(long address) {
        return NativeAccess.getInt(address + AUTH_SCHEMES);
    }

    public static void setAuthSchemes(long address, int value) {
        NativeAccess.putInt(address + AUTH_SCHEMES, value);
    }

    public static byte receiveMutualAuth(long address) {
        return NativeAccess.getByte(address + RECEIVE_MUTUAL_AUTH);
    }

    public static void setReceiveMutualAuth(long address, byte value) {
        NativeAccess.putByte(address + RECEIVE_MUTUAL_AUTH, value);
    }

    public static byte receiveContextHandle(long address) {
        return NativeAccess.getByte(address + RECEIVE_CONTEXT_HANDLE);
    }

    public static void setReceiveContextHandle(long address, byte value) {
        NativeAccess.putByte(address + RECEIVE_CONTEXT_HANDLE, value);
    }

    public static byte disableNtlmCredentialCaching(long address) {
        return NativeAccess.getByte(address + DISABLE_NTLM_CREDENTIAL_CACHING);
    }

    public static void setDisableNtlmCredentialCaching(long address, byte value) {
        NativeAccess.putByte(address + DISABLE_NTLM_CREDENTIAL_CACHING, value);
    }

    public static byte exFlags(long address) {
        return NativeAccess.getByte(address + EX_FLAGS);
    }

    public static void setExFlags(long address, byte value) {
        NativeAccess.putByte(address + EX_FLAGS, value);
    }

    /** The address of the embedded {@code HTTP_SERVER_AUTHENTICATION_DIGEST_PARAMS}. */
    public static long digestParams(long address) {
        return address + DIGEST_PARAMS;
    }

    /** The address of the embedded {@code HTTP_SERVER_AUTHENTICATION_BASIC_PARAMS}. */
    public static long basicParams(long address) {
        return address + BASIC_PARAMS;
    }
}
