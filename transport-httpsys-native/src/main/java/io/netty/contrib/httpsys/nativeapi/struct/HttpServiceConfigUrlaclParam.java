package io.netty.contrib.httpsys.nativeapi.struct;

import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.NativeField;
import io.netty.contrib.httpsys.nativeapi.NativeStruct;

/**
 * {@code HTTP_SERVICE_CONFIG_URLACL_PARAM}: the access rule of a URL reservation, an SDDL string
 * ({@code pStringSecurityDescriptor}, UTF-16) saying who may listen on the prefix.
 *
 * <pre>
 * offset  type   field
 *      0  PWSTR  pStringSecurityDescriptor
 *      8         sizeof = 8
 * </pre>
 */
@NativeStruct("HTTP_SERVICE_CONFIG_URLACL_PARAM")
public final class HttpServiceConfigUrlaclParam {

    public static final int SIZE = 8;

    @NativeField(value = "pStringSecurityDescriptor", size = 8)
    public static final int STRING_SECURITY_DESCRIPTOR = 0;

    private HttpServiceConfigUrlaclParam() {
    }

    public static long stringSecurityDescriptor(long address) {
        return NativeAccess.getLong(address + STRING_SECURITY_DESCRIPTOR);
    }

    public static void setStringSecurityDescriptor(long address, long value) {
        NativeAccess.putLong(address + STRING_SECURITY_DESCRIPTOR, value);
    }
}
