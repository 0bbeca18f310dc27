package io.netty.contrib.httpsys.config;

import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;

/**
 * A certificate binding ({@code netsh http add sslcert ipport=...}): the fields of
 * {@code HTTP_SERVICE_CONFIG_SSL_SET} for one IP address and port.
 *
 * @param ipPort                  the address and port ({@code 0.0.0.0:8443}: every IPv4 address)
 * @param certificateHash         the certificate's SHA-1 thumbprint
 * @param appId                   the GUID of the application that owns the binding
 * @param certificateStoreName    the store under LocalMachine, or {@code null} for {@code MY}
 * @param certCheckMode           {@code DefaultCertCheckMode}: {@code HTTP_CERT_CHECK_MODE_*} bits
 * @param revocationFreshnessTime {@code DefaultRevocationFreshnessTime}, seconds
 * @param urlRetrievalTimeout     {@code DefaultRevocationUrlRetrievalTimeout}, milliseconds
 * @param ctlIdentifier           {@code pDefaultSslCtlIdentifier}, or {@code null}
 * @param ctlStoreName            {@code pDefaultSslCtlStoreName}, or {@code null}
 * @param flags                   {@code DefaultFlags}: {@code HTTP_SERVICE_CONFIG_SSL_FLAG_*} bits
 */
public record SslCertBinding(InetSocketAddress ipPort, byte[] certificateHash, UUID appId,
                             String certificateStoreName, int certCheckMode, int revocationFreshnessTime,
                             int urlRetrievalTimeout, String ctlIdentifier, String ctlStoreName, int flags) {

    public SslCertBinding {
        Objects.requireNonNull(ipPort, "ipPort");
        Objects.requireNonNull(appId, "appId");
        certificateHash = certificateHash.clone();
    }

    /**
     * A binding with netsh's defaults for everything but the certificate: revocation checked, usage checked, no
     * CTL, no flags.
     */
    public static SslCertBinding of(InetSocketAddress ipPort, byte[] certificateHash, UUID appId,
                                    String certificateStoreName) {
        return new SslCertBinding(ipPort, certificateHash, appId, certificateStoreName, 0, 0, 0, null, null, 0);
    }

    @Override
    public byte[] certificateHash() {
        return certificateHash.clone();
    }

    /** The thumbprint in lower-case hex, as netsh prints it. */
    public String thumbprint() {
        return HexFormat.of().formatHex(certificateHash);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SslCertBinding that && ipPort.equals(that.ipPort)
                && Arrays.equals(certificateHash, that.certificateHash) && appId.equals(that.appId)
                && Objects.equals(certificateStoreName, that.certificateStoreName)
                && certCheckMode == that.certCheckMode && revocationFreshnessTime == that.revocationFreshnessTime
                && urlRetrievalTimeout == that.urlRetrievalTimeout && Objects.equals(ctlIdentifier, that.ctlIdentifier)
                && Objects.equals(ctlStoreName, that.ctlStoreName) && flags == that.flags;
    }

    @Override
    public int hashCode() {
        return Objects.hash(ipPort, Arrays.hashCode(certificateHash), appId, certificateStoreName, flags);
    }

    @Override
    public String toString() {
        return "SslCertBinding[" + NetshFormat.ipPort(ipPort) + ", " + thumbprint() + ", {" + appId + "}]";
    }
}
