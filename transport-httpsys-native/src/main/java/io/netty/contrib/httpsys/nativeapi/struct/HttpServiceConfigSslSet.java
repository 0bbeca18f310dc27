package io.netty.contrib.httpsys.nativeapi.struct;

import io.netty.contrib.httpsys.nativeapi.NativeField;
import io.netty.contrib.httpsys.nativeapi.NativeStruct;

/**
 * {@code HTTP_SERVICE_CONFIG_SSL_SET}: one certificate binding as {@code HttpQueryServiceConfiguration}
 * returns it for {@code HttpServiceConfigSSLCertInfo} (and {@code HttpSetServiceConfiguration} takes it):
 * the embedded key ({@link HttpServiceConfigSslKey}) and parameters ({@link HttpServiceConfigSslParam}).
 *
 * <pre>
 * offset  type                           field
 *      0  HTTP_SERVICE_CONFIG_SSL_KEY    KeyDesc
 *      8  HTTP_SERVICE_CONFIG_SSL_PARAM  ParamDesc
 *     88                                 sizeof = 88
 * </pre>
 */
@NativeStruct("HTTP_SERVICE_CONFIG_SSL_SET")
public final class HttpServiceConfigSslSet {

    public static final int SIZE = 88;

    @NativeField(value = "KeyDesc", size = 8)
    public static final int KEY_DESC = 0;

    @NativeField(value = "ParamDesc", size = 80)
    public static final int PARAM_DESC = 8;

    private HttpServiceConfigSslSet() {
    }

    /** The address of the embedded {@code HTTP_SERVICE_CONFIG_SSL_KEY}. */
    public static long keyDesc(long address) {
        return address + KEY_DESC;
    }

    /** The address of the embedded {@code HTTP_SERVICE_CONFIG_SSL_PARAM}. */
    public static long paramDesc(long address) {
        return address + PARAM_DESC;
    }
}
