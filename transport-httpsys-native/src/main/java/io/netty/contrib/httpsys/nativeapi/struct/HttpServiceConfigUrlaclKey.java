package io.netty.contrib.httpsys.nativeapi.struct;

import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.NativeField;
import io.netty.contrib.httpsys.nativeapi.NativeStruct;

/**
 * {@code HTTP_SERVICE_CONFIG_URLACL_KEY}: the key of an {@code HttpServiceConfigUrlAclInfo} record, the URL
 * prefix ({@code pUrlPrefix}, UTF-16) that a URL reservation ({@code netsh http add urlacl url=...})
 * covers.
 *
 * <pre>
 * offset  type   field
 *      0  PWSTR  pUrlPrefix
 *      8         sizeof = 8
 * </pre>
 */
@NativeStruct("HTTP_SERVICE_CONFIG_URLACL_KEY")
public final class HttpServiceConfigUrlaclKey {

    public static final int SIZE = 8;

    @NativeField(value = "pUrlPrefix", size = 8)
    public static final int URL_PREFIX = 0;

    private HttpServiceConfigUrlaclKey() {
    }

    public static long urlPrefix(long address) {
        return NativeAccess.getLong(address + URL_PREFIX);
    }

    public static void setUrlPrefix(long address, long value) {
        NativeAccess.putLong(address + URL_PREFIX, value);
    }
}
