package io.netty.contrib.httpsys.nativeapi.emulator;

import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

/**
 * {@code HTTP_SSL_CLIENT_CERT_INFO.CertFlags} for a client certificate chain. HTTP.SYS accepts whatever
 * certificate the client sends and reports what is wrong with its chain there, leaving the decision to the
 * application (IIS answers 403.16 for an untrusted one): 0 for a valid chain, else "one of the following flags from
 * the dwError member of the CERT_CHAIN_POLICY_STATUS structure: CERT_E_EXPIRED, CERT_E_UNTRUSTEDCA, ..." (the
 * structure's documentation). Windows checks against its certificate stores; the emulator checks the validity
 * period and then the JVM's default trust store, and reports the first of the two that fails.
 */
final class ClientCertificateStatus {

    /** {@code CERT_E_EXPIRED} (winerror.h): outside its validity period. */
    static final int CERT_E_EXPIRED = 0x800B0101;
    /** {@code CERT_E_UNTRUSTEDROOT} (winerror.h): the chain ends in a root the machine does not trust. */
    static final int CERT_E_UNTRUSTEDROOT = 0x800B0109;

    private ClientCertificateStatus() {
    }

    static int certFlags(X509Certificate[] chain) {
        try {
            chain[0].checkValidity();
        } catch (CertificateException e) {
            return CERT_E_EXPIRED;
        }
        try {
            DefaultTrust.MANAGER.checkClientTrusted(chain, chain[0].getPublicKey().getAlgorithm());
            return 0;
        } catch (CertificateException | IllegalArgumentException e) {
            return CERT_E_UNTRUSTEDROOT;
        }
    }

    /** The certificate chain the client sent in {@code session}'s handshake, or {@code null} when it sent none. */
    static X509Certificate[] peerChain(SSLSession session) {
        try {
            Certificate[] peer = session.getPeerCertificates();
            if (peer.length == 0) {
                return null;
            }
            X509Certificate[] chain = new X509Certificate[peer.length];
            for (int i = 0; i < peer.length; i++) {
                chain[i] = (X509Certificate) peer[i];
            }
            return chain;
        } catch (SSLPeerUnverifiedException none) {
            return null;
        }
    }

    /** The JVM's default trust store, loaded on first use. */
    private static final class DefaultTrust {
        static final X509TrustManager MANAGER = load();

        private static X509TrustManager load() {
            try {
                TrustManagerFactory factory =
                        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                factory.init((KeyStore) null);
                for (TrustManager manager : factory.getTrustManagers()) {
                    if (manager instanceof X509TrustManager x509) {
                        return x509;
                    }
                }
                throw new IllegalStateException("the JVM's default trust manager factory has no X509TrustManager");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot load the JVM's default trust store", e);
            }
        }
    }
}
