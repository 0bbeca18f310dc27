package io.netty.contrib.httpsys.nativeapi.struct;

import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.NativeField;
import io.netty.contrib.httpsys.nativeapi.NativeStruct;

/**
 * {@code HTTP_SERVICE_CONFIG_SSL_KEY}: the key of an {@code HttpServiceConfigSSLCertInfo} record, the IP
 * endpoint a server certificate is bound to ({@code netsh http add sslcert ipport=...}); {@code pIpPort}
 * points to a {@link SockaddrIn} or {@link SockaddrIn6}.
 *
 * <pre>
 * offset  type       field
 *      0  PSOCKADDR  pIpPort
 *      8             sizeof = 8
 * </pre>
 */
@NativeStruct("HTTP_SERVICE_CONFIG_SSL_KEY")
public final class HttpServiceConfigSslKey {

    public static final int SIZE = 8;

    @NativeField(value = "pIpPort", size = 8)
    public static final int IP_PORT = 0;

    private HttpServiceConfigSslKey() {
    }

    public static long ipPort(long address) {
        return NativeAccess.getLong(address + IP_PORT);
    }

    public static void setIpPort(long address, long value) {
        NativeAccess.putLong(address + IP_PORT, value);
    }
}
