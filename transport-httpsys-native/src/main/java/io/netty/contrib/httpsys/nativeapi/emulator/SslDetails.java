package io.netty.contrib.httpsys.nativeapi.emulator;

/**
 * TLS facts of a connection, as HTTP.SYS reports them in {@code HTTP_SSL_INFO} and the
 * {@code HttpRequestInfoTypeSslProtocol} request info.
 *
 * @param connectionKeySize  the symmetric key size in bits
 * @param serverCertKeySize  the server certificate's public key size in bits
 * @param serverCertIssuer   the server certificate's issuer name
 * @param serverCertSubject  the server certificate's subject name
 * @param protocol           the negotiated protocol ({@code "TLSv1.3"})
 * @param cipherSuite        the negotiated cipher suite name
 * @param clientCertificate  the client certificate's DER encoding, or {@code null} when none was negotiated
 */
public record SslDetails(int connectionKeySize, int serverCertKeySize, String serverCertIssuer,
                         String serverCertSubject, String protocol, String cipherSuite,
                         byte[] clientCertificate) {
}
