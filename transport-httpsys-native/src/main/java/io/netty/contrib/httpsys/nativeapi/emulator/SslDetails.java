package io.netty.contrib.httpsys.nativeapi.emulator;

/**
 * TLS facts of a connection, as HTTP.SYS reports them in {@code HTTP_SSL_INFO} and the
 * {@code HttpRequestInfoTypeSslProtocol} request info ({@link SslProtocolInfo}).
 *
 * <p>Key sizes are in bits, as Windows reports them. The {@code HTTP_SSL_INFO} reference says "size, in
 * bytes" for {@code ServerCertKeySize} and {@code ConnectionKeySize}, but IIS, whose TLS HTTP.SYS
 * terminates, documents the server variables {@code HTTPS_KEYSIZE} ("number of bits in the TLS connection
 * key size, for example 128") and {@code HTTPS_SECRETKEYSIZE} ("number of bits in server certificate private
 * key, for example 1024"), and schannel reports the cipher strength that {@code HTTP_SSL_PROTOCOL_INFO}
 * carries next to it in bits as well. Both must fit the {@code USHORT}s of {@code HTTP_SSL_INFO}.
 *
 * @param connectionKeySize  the bulk cipher's key size in bits (128 for AES-128)
 * @param serverCertKeySize  the server certificate's public key size in bits (2048 for RSA-2048)
 * @param serverCertIssuer   the server certificate's issuer name
 * @param serverCertSubject  the server certificate's subject name
 * @param protocol           the negotiated protocol, as JSSE names it ({@code "TLSv1.2"}, {@code "TLSv1.3"})
 * @param cipherSuite        the negotiated cipher suite, as JSSE (IANA) names it
 *                           ({@code "TLS_AES_128_GCM_SHA256"}, {@code "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"})
 * @param clientCertificate  the client certificate's DER encoding, or {@code null} when none was negotiated
 * @param clientCertFlags    {@code CertFlags} of the client certificate's chain (0: valid; see
 *                           {@link ClientCertificateStatus})
 */
public record SslDetails(int connectionKeySize, int serverCertKeySize, String serverCertIssuer,
                         String serverCertSubject, String protocol, String cipherSuite,
                         byte[] clientCertificate, int clientCertFlags) {

    /** Details whose client certificate, if any, has a valid chain. */
    public SslDetails(int connectionKeySize, int serverCertKeySize, String serverCertIssuer, String serverCertSubject,
                      String protocol, String cipherSuite, byte[] clientCertificate) {
        this(connectionKeySize, serverCertKeySize, serverCertIssuer, serverCertSubject, protocol, cipherSuite,
                clientCertificate, 0);
    }
}
