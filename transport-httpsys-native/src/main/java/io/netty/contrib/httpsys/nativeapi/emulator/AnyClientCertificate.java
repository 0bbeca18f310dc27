package io.netty.contrib.httpsys.nativeapi.emulator;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

/**
 * The emulator's server-side trust manager: takes any client certificate, as HTTP.SYS does, which hands the
 * certificate to the application with what is wrong with its chain in {@code CertFlags}
 * ({@link ClientCertificateStatus}) instead of failing the handshake. It asks for no particular issuer (an empty
 * {@code certificate_authorities} list), so clients offer whichever certificate they have.
 *
 * <p>It is an {@link X509ExtendedTrustManager} so that JSSE uses it as it is: a plain {@code X509TrustManager}
 * would be wrapped in one that checks the endpoint identity, which {@link ClientCertificateNegotiation} sets only to
 * keep a renegotiation from resuming the session.
 */
final class AnyClientCertificate extends X509ExtendedTrustManager {

    private static final X509Certificate[] NO_ISSUERS = new X509Certificate[0];

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("the emulator's TLS is server-side only");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        throw new CertificateException("the emulator's TLS is server-side only");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        throw new CertificateException("the emulator's TLS is server-side only");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return NO_ISSUERS;
    }
}
