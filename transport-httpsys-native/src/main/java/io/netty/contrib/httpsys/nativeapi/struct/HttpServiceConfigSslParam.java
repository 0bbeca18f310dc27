package io.netty.contrib.httpsys.nativeapi.struct;

import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.NativeField;
import io.netty.contrib.httpsys.nativeapi.NativeStruct;

import java.util.UUID;

/**
 * {@code HTTP_SERVICE_CONFIG_SSL_PARAM}: the certificate binding of an {@code HttpServiceConfigSSLCertInfo}
 * record: the certificate's SHA-1 hash ({@code pSslHash}, {@code SslHashLength} bytes) in the store
 * {@code pSslCertStoreName} (UTF-16, {@code NULL} for {@code MY}), the owning application's {@code AppId}
 * GUID, and the client-certificate checks ({@code DefaultFlags} are {@code HTTP_SERVICE_CONFIG_SSL_FLAG_*}
 * bits). The transport reads it to explain a missing or wrong certificate binding.
 *
 * <pre>
 * offset  type   field
 *      0  ULONG  SslHashLength
 *      4         (4 bytes of padding)
 *      8  PVOID  pSslHash
 *     16  GUID   AppId
 *     32  PWSTR  pSslCertStoreName
 *     40  DWORD  DefaultCertCheckMode
 *     44  DWORD  DefaultRevocationFreshnessTime
 *     48  DWORD  DefaultRevocationUrlRetrievalTimeout
 *     52         (4 bytes of padding)
 *     56  PWSTR  pDefaultSslCtlIdentifier
 *     64  PWSTR  pDefaultSslCtlStoreName
 *     72  DWORD  DefaultFlags
 *     76         (4 bytes of padding)
 *     80         sizeof = 80
 * </pre>
 */
@NativeStruct("HTTP_SERVICE_CONFIG_SSL_PARAM")
public final class HttpServiceConfigSslParam {

    public static final int SIZE = 80;

    @NativeField(value = "SslHashLength", size = 4)
    public static final int SSL_HASH_LENGTH = 0;

    @NativeField(value = "pSslHash", size = 8)
    public static final int SSL_HASH = 8;

    @NativeField(value = "AppId", size = 16)
    public static final int APP_ID = 16;

    @NativeField(value = "pSslCertStoreName", size = 8)
    public static final int SSL_CERT_STORE_NAME = 32;

    @NativeField(value = "DefaultCertCheckMode", size = 4)
    public static final int DEFAULT_CERT_CHECK_MODE = 40;

    @NativeField(value = "DefaultRevocationFreshnessTime", size = 4)
    public static final int DEFAULT_REVOCATION_FRESHNESS_TIME = 44;

    @NativeField(value = "DefaultRevocationUrlRetrievalTimeout", size = 4)
    public static final int DEFAULT_REVOCATION_URL_RETRIEVAL_TIMEOUT = 48;

    @NativeField(value = "pDefaultSslCtlIdentifier", size = 8)
    public static final int DEFAULT_SSL_CTL_IDENTIFIER = 56;

    @NativeField(value = "pDefaultSslCtlStoreName", size = 8)
    public static final int DEFAULT_SSL_CTL_STORE_NAME = 64;

    @NativeField(value = "DefaultFlags", size = 4)
    public static final int DEFAULT_FLAGS = 72;

    private HttpServiceConfigSslParam() {
    }

    public static int sslHashLength(long address) {
        return NativeAccess.getInt(address + SSL_HASH_LENGTH);
    }

    public static void setSslHashLength(long address, int value) {
        NativeAccess.putInt(address + SSL_HASH_LENGTH, value);
    }

    public static long sslHash(long address) {
        return NativeAccess.getLong(address + SSL_HASH);
    }

    public static void setSslHash(long address, long value) {
        NativeAccess.putLong(address + SSL_HASH, value);
    }

    public static long sslCertStoreName(long address) {
        return NativeAccess.getLong(address + SSL_CERT_STORE_NAME);
    }

    public static void setSslCertStoreName(long address, long value) {
        NativeAccess.putLong(address + SSL_CERT_STORE_NAME, value);
    }

    public static int defaultCertCheckMode(long address) {
        return NativeAccess.getInt(address + DEFAULT_CERT_CHECK_MODE);
    }

    public static void setDefaultCertCheckMode(long address, int value) {
        NativeAccess.putInt(address + DEFAULT_CERT_CHECK_MODE, value);
    }

    public static int defaultRevocationFreshnessTime(long address) {
        return NativeAccess.getInt(address + DEFAULT_REVOCATION_FRESHNESS_TIME);
    }

    public static void setDefaultRevocationFreshnessTime(long address, int value) {
        NativeAccess.putInt(address + DEFAULT_REVOCATION_FRESHNESS_TIME, value);
    }

    public static int defaultRevocationUrlRetrievalTimeout(long address) {
        return NativeAccess.getInt(address + DEFAULT_REVOCATION_URL_RETRIEVAL_TIMEOUT);
    }

    public static void setDefaultRevocationUrlRetrievalTimeout(long address, int value) {
        NativeAccess.putInt(address + DEFAULT_REVOCATION_URL_RETRIEVAL_TIMEOUT, value);
    }

    public static long defaultSslCtlIdentifier(long address) {
        return NativeAccess.getLong(address + DEFAULT_SSL_CTL_IDENTIFIER);
    }

    public static void setDefaultSslCtlIdentifier(long address, long value) {
        NativeAccess.putLong(address + DEFAULT_SSL_CTL_IDENTIFIER, value);
    }

    public static long defaultSslCtlStoreName(long address) {
        return NativeAccess.getLong(address + DEFAULT_SSL_CTL_STORE_NAME);
    }

    public static void setDefaultSslCtlStoreName(long address, long value) {
        NativeAccess.putLong(address + DEFAULT_SSL_CTL_STORE_NAME, value);
    }

    public static int defaultFlags(long address) {
        return NativeAccess.getInt(address + DEFAULT_FLAGS);
    }

    public static void setDefaultFlags(long address, int value) {
        NativeAccess.putInt(address + DEFAULT_FLAGS, value);
    }

    /**
     * The {@code AppId} GUID as a {@code UUID} with the same text form: {@code Data1}, {@code Data2} and
     * {@code Data3} are little-endian integers in memory, {@code Data4} is 8 bytes in order.
     */
    public static UUID appId(long address) {
        long a = address + APP_ID;
        long data1 = NativeAccess.getInt(a) & 0xFFFFFFFFL;
        long data2 = NativeAccess.getShort(a + 4) & 0xFFFFL;
        long data3 = NativeAccess.getShort(a + 6) & 0xFFFFL;
        long data4 = 0;
        for (int i = 0; i < 8; i++) {
            data4 = data4 << 8 | NativeAccess.getByte(a + 8 + i) & 0xFF;
        }
        return new UUID(data1 << 32 | data2 << 16 | data3, data4);
    }

    /** Writes {@code appId} into the {@code AppId} GUID, laid out as {@link #appId(long)} reads it. */
    public static void setAppId(long address, UUID appId) {
        long a = address + APP_ID;
        long high = appId.getMostSignificantBits();
        long low = appId.getLeastSignificantBits();
        NativeAccess.putInt(a, (int) (high >>> 32));
        NativeAccess.putShort(a + 4, (short) (high >>> 16));
        NativeAccess.putShort(a + 6, (short) high);
        for (int i = 0; i < 8; i++) {
            NativeAccess.putByte(a + 8 + i, (byte) (low >>> (56 - 8 * i)));
        }
    }
}
