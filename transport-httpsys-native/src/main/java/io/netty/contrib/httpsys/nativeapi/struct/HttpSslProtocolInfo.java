package io.netty.contrib.httpsys.nativeapi.struct;

import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.NativeField;
import io.netty.contrib.httpsys.nativeapi.NativeStruct;

/**
 * {@code HTTP_SSL_PROTOCOL_INFO}: the negotiated TLS parameters of an HTTPS request, which
 * {@code HttpRequestInfoTypeSslProtocol} request info points to. The fields carry what schannel reports in
 * {@code SecPkgContext_ConnectionInfo}: {@code Protocol} is a server-side {@code SP_PROT_*} flag
 * ({@link io.netty.contrib.httpsys.nativeapi.Schannel}), the {@code *Type} fields are {@code ALG_ID}s
 * ({@link io.netty.contrib.httpsys.nativeapi.WinCrypt}) and the {@code *Strength} fields are bits.
 *
 * <pre>
 * offset  type   field
 *      0  ULONG  Protocol
 *      4  ULONG  CipherType
 *      8  ULONG  CipherStrength
 *     12  ULONG  HashType
 *     16  ULONG  HashStrength
 *     20  ULONG  KeyExchangeType
 *     24  ULONG  KeyExchangeStrength
 *     28         sizeof = 28
 * </pre>
 */
@NativeStruct("HTTP_SSL_PROTOCOL_INFO")
public final class HttpSslProtocolInfo {

    public static final int SIZE = 28;

    @NativeField(value = "Protocol", size = 4)
    public static final int PROTOCOL = 0;

    @NativeField(value = "CipherType", size = 4)
    public static final int CIPHER_TYPE = 4;

    @NativeField(value = "CipherStrength", size = 4)
    public static final int CIPHER_STRENGTH = 8;

    @NativeField(value = "HashType", size = 4)
    public static final int HASH_TYPE = 12;

    @NativeField(value = "HashStrength", size = 4)
    public static final int HASH_STRENGTH = 16;

    @NativeField(value = "KeyExchangeType", size = 4)
    public static final int KEY_EXCHANGE_TYPE = 20;

    @NativeField(value = "KeyExchangeStrength", size = 4)
    public static final int KEY_EXCHANGE_STRENGTH = 24;

    private HttpSslProtocolInfo() {
    }

    public static int protocol(long address) {
        return NativeAccess.getInt(address + PROTOCOL);
    }

    public static void setProtocol(long address, int value) {
        NativeAccess.putInt(address + PROTOCOL, value);
    }

    public static int cipherType(long address) {
        return NativeAccess.getInt(address + CIPHER_TYPE);
    }

    public static void setCipherType(long address, int value) {
        NativeAccess.putInt(address + CIPHER_TYPE, value);
    }

    public static int cipherStrength(long address) {
        return NativeAccess.getInt(address + CIPHER_STRENGTH);
    }

    public static void setCipherStrength(long address, int value) {
        NativeAccess.putInt(address + CIPHER_STRENGTH, value);
    }

    public static int hashType(long address) {
        return NativeAccess.getInt(address + HASH_TYPE);
    }

    public static void setHashType(long address, int value) {
        NativeAccess.putInt(address + HASH_TYPE, value);
    }

    public static int hashStrength(long address) {
        return NativeAccess.getInt(address + HASH_STRENGTH);
    }

    public static void setHashStrength(long address, int value) {
        NativeAccess.putInt(address + HASH_STRENGTH, value);
    }

    public static int keyExchangeType(long address) {
        return NativeAccess.getInt(address + KEY_EXCHANGE_TYPE);
    }

    public static void setKeyExchangeType(long address, int value) {
        NativeAccess.putInt(address + KEY_EXCHANGE_TYPE, value);
    }

    public static int keyExchangeStrength(long address) {
        return NativeAccess.getInt(address + KEY_EXCHANGE_STRENGTH);
    }

    public static void setKeyExchangeStrength(long address, int value) {
        NativeAccess.putInt(address + KEY_EXCHANGE_STRENGTH, value);
    }
}
