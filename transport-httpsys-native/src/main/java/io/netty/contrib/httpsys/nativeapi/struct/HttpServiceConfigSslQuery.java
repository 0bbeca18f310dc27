package io.netty.contrib.httpsys.nativeapi.struct;

import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.NativeField;
import io.netty.contrib.httpsys.nativeapi.NativeStruct;

/**
 * {@code HTTP_SERVICE_CONFIG_SSL_QUERY}: the input of {@code HttpQueryServiceConfiguration} for
 * {@code HttpServiceConfigSSLCertInfo}: {@code HttpServiceConfigQueryExact} looks up the embedded key
 * ({@link HttpServiceConfigSslKey}), {@code HttpServiceConfigQueryNext} enumerates by the index
 * {@code dwToken}.
 *
 * <pre>
 * offset  type                            field
 *      0  HTTP_SERVICE_CONFIG_QUERY_TYPE  QueryDesc
 *      4                                  (4 bytes of padding)
 *      8  HTTP_SERVICE_CONFIG_SSL_KEY     KeyDesc
 *     16  DWORD                           dwToken
 *     20                                  (4 bytes of padding)
 *     24                                  sizeof = 24
 * </pre>
 */
@NativeStruct("HTTP_SERVICE_CONFIG_SSL_QUERY")
public final class HttpServiceConfigSslQuery {

    public static final int SIZE = 24;

    @NativeField(value = "QueryDesc", size = 4)
    public static final int QUERY_DESC = 0;

    @NativeField(value = "KeyDesc", size = 8)
    public static final int KEY_DESC = 8;

    @NativeField(value = "dwToken", size = 4)
    public static final int TOKEN = 16;

    private HttpServiceConfigSslQuery() {
    }

    public static int queryDesc(long address) {
        return NativeAccess.getInt(address + QUERY_DESC);
    }

    public static void setQueryDesc(long address, int value) {
        NativeAccess.putInt(address + QUERY_DESC, value);
    }

    /** The address of the embedded {@code HTTP_SERVICE_CONFIG_SSL_KEY}. */
    public static long keyDesc(long address) {
        return address + KEY_DESC;
    }

    public static int token(long address) {
        return NativeAccess.getInt(address + TOKEN);
    }

    public static void setToken(long address, int value) {
        NativeAccess.putInt(address + TOKEN, value);
    }
}
