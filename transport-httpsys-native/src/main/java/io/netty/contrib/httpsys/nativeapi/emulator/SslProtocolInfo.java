package io.netty.contrib.httpsys.nativeapi.emulator;

import io.netty.contrib.httpsys.nativeapi.Schannel;
import io.netty.contrib.httpsys.nativeapi.WinCrypt;

/**
 * The {@code HTTP_SSL_PROTOCOL_INFO} of a TLS connection, translated from the JSSE names in
 * {@link SslDetails} into what schannel reports in {@code SecPkgContext_ConnectionInfo}, which HTTP.SYS
 * passes on: a server-side {@code SP_PROT_*} flag, {@code ALG_ID}s, and strengths in bits.
 *
 * <p>Translation, from the cipher suite's IANA name (JSSE's {@code SSLSession.getCipherSuite()}):
 * <ul>
 *   <li>Cipher: {@code AES_128} is {@code CALG_AES_128}/128, {@code AES_256} is {@code CALG_AES_256}/256
 *       (the docs of {@code SecPkgContext_ConnectionInfo} list these {@code aiCipher}s, strength in bits).
 *       {@code wincrypt.h} has no {@code ALG_ID} for other ciphers (ChaCha20): 0/0.</li>
 *   <li>Hash: the suite's final hash, {@code SHA} is {@code CALG_SHA1}, {@code SHA256}
 *       {@code CALG_SHA_256}, {@code SHA384} {@code CALG_SHA_384}. Its strength is the MAC size (160, 256,
 *       384) for HMAC suites and 0 for AEAD suites (GCM, CCM, Poly1305), which have no MAC; the hash there
 *       only names the PRF.</li>
 *   <li>Key exchange: {@code ECDHE} is {@code CALG_ECDH_EPHEM}, {@code DHE} {@code CALG_DH_EPHEM},
 *       {@code RSA} {@code CALG_RSA_KEYX}. TLS 1.3 suites name no key exchange; schannel's TLS 1.3 uses
 *       ephemeral elliptic-curve groups only, so they report {@code CALG_ECDH_EPHEM}. The strength is the
 *       server key size for RSA key exchange and 0 otherwise: JSSE does not expose the negotiated group,
 *       whose size schannel would report.</li>
 * </ul>
 * Anything unknown is 0. The AEAD hash strength of 0 and the TLS 1.3 key exchange are modelled from the
 * documentation, not yet compared with a capture from Windows; the Windows binding's tests can confirm them.
 */
record SslProtocolInfo(int protocol, int cipherType, int cipherStrength, int hashType, int hashStrength,
                       int keyExchangeType, int keyExchangeStrength) {

    static SslProtocolInfo of(SslDetails ssl) {
        String suite = ssl.cipherSuite() == null ? "" : ssl.cipherSuite();
        int cipherType = 0;
        int cipherStrength = 0;
        if (suite.contains("_AES_128_")) {
            cipherType = WinCrypt.CALG_AES_128;
            cipherStrength = 128;
        } else if (suite.contains("_AES_256_")) {
            cipherType = WinCrypt.CALG_AES_256;
            cipherStrength = 256;
        }
        boolean aead = suite.contains("_GCM_") || suite.contains("_CCM") || suite.contains("_POLY1305_");
        int hashType = 0;
        int hashBits = 0;
        if (suite.endsWith("_SHA384")) {
            hashType = WinCrypt.CALG_SHA_384;
            hashBits = 384;
        } else if (suite.endsWith("_SHA256")) {
            hashType = WinCrypt.CALG_SHA_256;
            hashBits = 256;
        } else if (suite.endsWith("_SHA")) {
            hashType = WinCrypt.CALG_SHA1;
            hashBits = 160;
        }
        int keyExchangeType = keyExchangeType(suite);
        int keyExchangeStrength = keyExchangeType == WinCrypt.CALG_RSA_KEYX ? ssl.serverCertKeySize() : 0;
        return new SslProtocolInfo(protocol(ssl.protocol()), cipherType, cipherStrength, hashType,
                aead ? 0 : hashBits, keyExchangeType, keyExchangeStrength);
    }

    private static int protocol(String protocol) {
        if (protocol == null) {
            return 0;
        }
        return switch (protocol) {
            case "TLSv1" -> Schannel.SP_PROT_TLS1_0_SERVER;
            case "TLSv1.1" -> Schannel.SP_PROT_TLS1_1_SERVER;
            case "TLSv1.2" -> Schannel.SP_PROT_TLS1_2_SERVER;
            case "TLSv1.3" -> Schannel.SP_PROT_TLS1_3_SERVER;
            default -> 0;
        };
    }

    private static int keyExchangeType(String suite) {
        // JSSE keeps the SSL_ prefix of a few legacy suites; the name after it reads the same.
        String name = suite.startsWith("SSL_") ? "TLS_" + suite.substring(4) : suite;
        if (name.startsWith("TLS_AES_") || name.startsWith("TLS_CHACHA20_") || name.startsWith("TLS_ECDHE_")) {
            return WinCrypt.CALG_ECDH_EPHEM;
        }
        if (name.startsWith("TLS_DHE_")) {
            return WinCrypt.CALG_DH_EPHEM;
        }
        if (name.startsWith("TLS_RSA_WITH_")) {
            return WinCrypt.CALG_RSA_KEYX;
        }
        return 0;
    }
}
