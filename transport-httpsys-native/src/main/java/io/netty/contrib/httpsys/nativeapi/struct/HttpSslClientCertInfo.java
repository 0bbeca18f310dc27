package io.netty.contrib.httpsys.nativeapi.struct;

import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.NativeField;
import io.netty.contrib.httpsys.nativeapi.NativeStruct;

/**
 * {@code HTTP_SSL_CLIENT_CERT_INFO}: the client certificate of a TLS connection, pointed to by
 * {@code HTTP_SSL_INFO.pClientCertInfo} when it was negotiated with the handshake, or filled by
 * {@code HttpReceiveClientCertificate}. {@code pCertEncoded} is the DER encoding ({@code CertEncodedSize}
 * bytes), which the transport exposes as an {@code X509Certificate}; {@code CertFlags} are the
 * {@code CERT_TRUST_*} error status bits of the chain HTTP.SYS built.
 *
 * <pre>
 * offset  type     field
 *      0  ULONG    CertFlags
 *      4  ULONG    CertEncodedSize
 *      8  PUCHAR   pCertEncoded
 *     16  HANDLE   Token
 *     24  BOOLEAN  CertDeniedByMapper
 *     25           (7 bytes of padding)
 *     32           sizeof = 32
 * </pre>
 */
@NativeStruct("HTTP_SSL_CLIENT_CERT_INFO")
public final class HttpSslClientCertInfo {

    public static final int SIZE = 32;

    @NativeField(value = "CertFlags", size = 4)
    public static final int CERT_FLAGS = 0;

    @NativeField(value = "CertEncodedSize", size = 4)
    public static final int CERT_ENCODED_SIZE = 4;

    @NativeField(value = "pCertEncoded", size = 8)
    public static final int CERT_ENCODED = 8;

    @NativeField(value = "Token", size = 8)
    public static final int TOKEN = 16;

    @NativeField(value = "CertDeniedByMapper", size = 1)
    public static final int CERT_DENIED_BY_MAPPER = 24;

    private HttpSslClientCertInfo() {
    }

    public static int certFlags(long address) {
        return NativeAccess.getInt(address + CERT_FLAGS);
    }

    public static void setCertFlags(long address, int value) {
        NativeAccess.putInt(address + CERT_FLAGS, value);
    }

    public static int certEncodedSize(long address) {
        return NativeAccess.getInt(address + CERT_ENCODED_SIZE);
    }

    public static void setCertEncodedSize(long address, int value) {
        NativeAccess.putInt(address + CERT_ENCODED_SIZE, value);
    }

    public static long certEncoded(long address) {
        return NativeAccess.getLong(address + CERT_ENCODED);
    }

    public static void setCertEncoded(long address, long value) {
        NativeAccess.putLong(address + CERT_ENCODED, value);
    }

    public static long token(long address) {
        return NativeAccess.getLong(address + TOKEN);
    }

    public static void setToken(long address, long value) {
        NativeAccess.putLong(address + TOKEN, value);
    }

    public static byte certDeniedByMapper(long address) {
        return NativeAccess.getByte(address + CERT_DENIED_BY_MAPPER);
    }

    public static void setCertDeniedByMapper(long address, byte value) {
        NativeAccess.putByte(address + CERT_DENIED_BY_MAPPER, value);
    }
}
