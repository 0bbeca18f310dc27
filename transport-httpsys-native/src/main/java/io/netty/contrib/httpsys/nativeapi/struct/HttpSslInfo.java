package io.netty.contrib.httpsys.nativeapi.struct;

import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.NativeField;
import io.netty.contrib.httpsys.nativeapi.NativeStruct;

/**
 * {@code HTTP_SSL_INFO}: the TLS details of an HTTPS request, pointed to by
 * {@code HTTP_REQUEST_V2.pSslInfo} ({@code NULL} for plain HTTP, which is how the transport tells the two
 * apart). Issuer and subject of the server certificate are ANSI strings of the given sizes;
 * {@code SslClientCertNegotiated} is nonzero when {@code pClientCertInfo} is valid.
 *
 * <pre>
 * offset  type                        field
 *      0  USHORT                      ServerCertKeySize
 *      2  USHORT                      ConnectionKeySize
 *      4  ULONG                       ServerCertIssuerSize
 *      8  ULONG                       ServerCertSubjectSize
 *     12                              (4 bytes of padding)
 *     16  PCSTR                       pServerCertIssuer
 *     24  PCSTR                       pServerCertSubject
 *     32  PHTTP_SSL_CLIENT_CERT_INFO  pClientCertInfo
 *     40  ULONG                       SslClientCertNegotiated
 *     44                              (4 bytes of padding)
 *     48                              sizeof = 48
 * </pre>
 */
@NativeStruct("HTTP_SSL_INFO")
public final class HttpSslInfo {

    public static final int SIZE = 48;

    @NativeField(value = "ServerCertKeySize", size = 2)
    public static final int SERVER_CERT_KEY_SIZE = 0;

    @NativeField(value = "ConnectionKeySize", size = 2)
    public static final int CONNECTION_KEY_SIZE = 2;

    @NativeField(value = "ServerCertIssuerSize", size = 4)
    public static final int SERVER_CERT_ISSUER_SIZE = 4;

    @NativeField(value = "ServerCertSubjectSize", size = 4)
    public static final int SERVER_CERT_SUBJECT_SIZE = 8;

    @NativeField(value = "pServerCertIssuer", size = 8)
    public static final int SERVER_CERT_ISSUER = 16;

    @NativeField(value = "pServerCertSubject", size = 8)
    public static final int SERVER_CERT_SUBJECT = 24;

    @NativeField(value = "pClientCertInfo", size = 8)
    public static final int CLIENT_CERT_INFO = 32;

    @NativeField(value = "SslClientCertNegotiated", size = 4)
    public static final int SSL_CLIENT_CERT_NEGOTIATED = 40;

    private HttpSslInfo() {
    }

    public static int serverCertKeySize(long address) {
        return NativeAccess.getShort(address + SERVER_CERT_KEY_SIZE) & 0xFFFF;
    }

    public static void setServerCertKeySize(long address, int value) {
        NativeAccess.putShort(address + SERVER_CERT_KEY_SIZE, (short) value);
    }

    public static int connectionKeySize(long address) {
        return NativeAccess.getShort(address + CONNECTION_KEY_SIZE) & 0xFFFF;
    }

    public static void setConnectionKeySize(long address, int value) {
        NativeAccess.putShort(address + CONNECTION_KEY_SIZE, (short) value);
    }

    public static int serverCertIssuerSize(long address) {
        return NativeAccess.getInt(address + SERVER_CERT_ISSUER_SIZE);
    }

    public static void setServerCertIssuerSize(long address, int value) {
        NativeAccess.putInt(address + SERVER_CERT_ISSUER_SIZE, value);
    }

    public static int serverCertSubjectSize(long address) {
        return NativeAccess.getInt(address + SERVER_CERT_SUBJECT_SIZE);
    }

    public static void setServerCertSubjectSize(long address, int value) {
        NativeAccess.putInt(address + SERVER_CERT_SUBJECT_SIZE, value);
    }

    public static long serverCertIssuer(long address) {
        return NativeAccess.getLong(address + SERVER_CERT_ISSUER);
    }

    public static void setServerCertIssuer(long address, long value) {
        NativeAccess.putLong(address + SERVER_CERT_ISSUER, value);
    }

    public static long serverCertSubject(long address) {
        return NativeAccess.getLong(address + SERVER_CERT_SUBJECT);
    }

    public static void setServerCertSubject(long address, long value) {
        NativeAccess.putLong(address + SERVER_CERT_SUBJECT, value);
    }

    public static long clientCertInfo(long address) {
        return NativeAccess.getLong(address + CLIENT_CERT_INFO);
    }

    public static void setClientCertInfo(long address, long value) {
        NativeAccess.putLong(address + CLIENT_CERT_INFO, value);
    }

    public static int sslClientCertNegotiated(long address) {
        return NativeAccess.getInt(address + SSL_CLIENT_CERT_NEGOTIATED);
    }

    public static void setSslClientCertNegotiated(long address, int value) {
        NativeAccess.putInt(address + SSL_CLIENT_CERT_NEGOTIATED, value);
    }
}
