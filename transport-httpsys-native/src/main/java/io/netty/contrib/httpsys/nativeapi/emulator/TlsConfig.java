package io.netty.contrib.httpsys.nativeapi.emulator;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.internal.SystemPropertyUtil;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import java.io.File;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.util.Locale;

/**
 * The server certificate of the emulator's {@code https://} prefixes, which on Windows would come from
 * {@code netsh http add sslcert}. Configured by system properties, read when a port is first bound:
 * {@value #CERTIFICATE_PROPERTY} (a PEM certificate chain, or a PKCS#12 file ending in .p12/.pfx),
 * {@value #KEY_PROPERTY} (the PEM private key, for a PEM chain) and {@value #PASSWORD_PROPERTY}. Without a
 * certificate, TLS handshakes fail, as they do on Windows without a certificate binding.
 */
final class TlsConfig {

    static final String CERTIFICATE_PROPERTY = "io.netty.contrib.httpsys.emulator.certificate";
    static final String KEY_PROPERTY = "io.netty.contrib.httpsys.emulator.key";
    static final String PASSWORD_PROPERTY = "io.netty.contrib.httpsys.emulator.password";

    /** A server context from the current properties, or {@code null} when no certificate is configured. */
    SslContext serverContext() {
        String certificate = SystemPropertyUtil.get(CERTIFICATE_PROPERTY);
        if (certificate == null || certificate.isEmpty()) {
            return null;
        }
        String password = SystemPropertyUtil.get(PASSWORD_PROPERTY);
        try {
            String lower = certificate.toLowerCase(Locale.ROOT);
            if (lower.endsWith(".p12") || lower.endsWith(".pfx")) {
                char[] secret = password == null ? new char[0] : password.toCharArray();
                KeyStore store = KeyStore.getInstance("PKCS12");
                try (InputStream in = Files.newInputStream(Path.of(certificate))) {
                    store.load(in, secret);
                }
                KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                factory.init(store, secret);
                return SslContextBuilder.forServer(factory).build();
            }
            String key = SystemPropertyUtil.get(KEY_PROPERTY);
            return SslContextBuilder.forServer(new File(certificate), new File(key), password).build();
        } catch (Exception e) {
            throw new IllegalStateException("cannot load the emulator's TLS certificate from -D"
                    + CERTIFICATE_PROPERTY + "=" + certificate, e);
        }
    }

    /** What {@code HTTP_SSL_INFO} reports for a connection whose handshake completed. */
    SslDetails details(SslHandler handler) {
        SSLSession session = handler.engine().getSession();
        String issuer = "";
        String subject = "";
        int serverKeySize = 0;
        Certificate[] local = session.getLocalCertificates();
        if (local != null && local.length > 0 && local[0] instanceof X509Certificate x509) {
            issuer = x509.getIssuerX500Principal().getName();
            subject = x509.getSubjectX500Principal().getName();
            serverKeySize = keySize(x509);
        }
        byte[] clientCertificate = null;
        try {
            Certificate[] peer = session.getPeerCertificates();
            if (peer.length > 0) {
                clientCertificate = peer[0].getEncoded();
            }
        } catch (SSLPeerUnverifiedException | CertificateEncodingException ignored) {
            // No client certificate was negotiated.
        }
        return new SslDetails(cipherKeySize(session.getCipherSuite()), serverKeySize, issuer, subject,
                session.getProtocol(), session.getCipherSuite(), clientCertificate);
    }

    private static int keySize(X509Certificate certificate) {
        if (certificate.getPublicKey() instanceof RSAKey rsa) {
            return rsa.getModulus().bitLength();
        }
        if (certificate.getPublicKey() instanceof ECKey ec) {
            return ec.getParams().getOrder().bitLength();
        }
        return 0;
    }

    private static int cipherKeySize(String cipherSuite) {
        if (cipherSuite.contains("AES_256") || cipherSuite.contains("CHACHA20")) {
            return 256;
        }
        if (cipherSuite.contains("AES_128")) {
            return 128;
        }
        return 0;
    }
}
