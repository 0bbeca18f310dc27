package io.netty.contrib.httpsys.nativeapi;

/**
 * The CryptoAPI algorithm identifiers ({@code ALG_ID}, {@code wincrypt.h}) that name the bulk cipher, the
 * hash and the key exchange of a TLS connection in {@code HTTP_SSL_PROTOCOL_INFO}, as they do in
 * {@code SecPkgContext_ConnectionInfo}.
 */
@NativeConstants("wincrypt.h")
public final class WinCrypt {

    public static final int CALG_AES_128 = 0x660E;
    public static final int CALG_AES_256 = 0x6610;
    public static final int CALG_SHA1 = 0x8004;
    public static final int CALG_SHA_256 = 0x800C;
    public static final int CALG_SHA_384 = 0x800D;
    public static final int CALG_RSA_KEYX = 0xA400;
    public static final int CALG_DH_EPHEM = 0xAA02;
    public static final int CALG_ECDH_EPHEM = 0xAE06;

    private WinCrypt() {
    }
}
