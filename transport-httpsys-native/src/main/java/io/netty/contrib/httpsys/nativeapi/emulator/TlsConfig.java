package io.netty.contrib.httpsys.nativeapi.emulator;

import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.netty.util.internal.SystemPropertyUtil;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLSession;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
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
 *
 * <p>Client certificates are taken whatever their chain ({@link AnyClientCertificate}), and the engine is the JDK's,
 * whose TLS 1.2 renegotiation {@link ClientCertificateNegotiation} uses to ask for one.
 */
final class TlsConfig {

    static final String CERTIFICATE_PROPERTY = "io.netty.contrib.httpsys.emulator.certificate";
    static final String KEY_PROPERTY = "io.netty.contrib.httpsys.emulator.key";
    static final String PASSWORD_PROPERTY = "io.netty.contrib.httpsys.emulator.password";

    /**
     * A server context from the current properties, or {@code null} when no certificate is configured. With
     * {@code offerHttp2} it negotiates {@code h2} by ALPN, preferred over {@code http/1.1} as HTTP.SYS does
     * (a client without ALPN gets HTTP/1.1).
     */
    SslContext serverContext(boolean offerHttp2) {
        String certificate = SystemPropertyUtil.get(CERTIFICATE_PROPERTY);
        if (certificate == null || certificate.isEmpty()) {
            return null;
        }
        String password = SystemPropertyUtil.get(PASSWORD_PROPERTY);
        try {
            if (isPkcs12(certificate)) {
                return alpn(SslContextBuilder.forServer(pkcs12KeyManagers(certificate, password)), offerHttp2)
                        .trustManager(new AnyClientCertificate()).sslProvider(SslProvider.JDK).build();
            }
            String key = SystemPropertyUtil.get(KEY_PROPERTY);
            return alpn(SslContextBuilder.forServer(new File(certificate), new File(key), password), offerHttp2)
                    .trustManager(new AnyClientCertificate()).sslProvider(SslProvider.JDK).build();
        } catch (Exception e) {
            throw new IllegalStateException("cannot load the emulator's TLS certificate from -D"
                    + CERTIFICATE_PROPERTY + "=" + certificate, e);
        }
    }

    /** Whether the configured certificate is a PKCS#12 file (by its extension) rather than a PEM chain. */
    static boolean isPkcs12(String certificate) {
        String lower = certificate.toLowerCase(Locale.ROOT);
        return lower.endsWith(".p12") || lower.endsWith(".pfx");
    }

    /** The key managers of a PKCS#12 file, for TCP's and QUIC's context builders alike. */
    static KeyManagerFactory pkcs12KeyManagers(String file, String password) throws IOException,
            GeneralSecurityException {
        char[] secret = password == null ? new char[0] : password.toCharArray();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            store.load(in, secret);
        }
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(store, secret);
        return factory;
    }

    private static SslContextBuilder alpn(SslContextBuilder builder, boolean offerHttp2) {
        if (!offerHttp2) {
            return builder;
        }
        return builder.applicationProtocolConfig(new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
                ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
                ApplicationProtocolNames.HTTP_2, ApplicationProtocolNames.HTTP_1_1));
    }

    /** What {@code HTTP_SSL_INFO} reports for a connection whose handshake completed. */
    SslDetails details(SslHandler handler) {
        return details(handler.engine().getSession());
    }

    /** {@link #details(SslHandler)} of a handshake's session (a QUIC connection's, which has no handler). */
    SslDetails details(SSLSession session) {
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
        int clientCertFlags = 0;
        X509Certificate[] chain = ClientCertificateStatus.peerChain(session);
        if (chain != null) {
            try {
                clientCertificate = chain[0].getEncoded();
                clientCertFlags = ClientCertificateStatus.certFlags(chain);
            } catch (CertificateEncodingException e) {
                // The JSSE parsed it from its encoding in the handshake, so it has one.
                throw new IllegalStateException(e);
            }
        }
        return new SslDetails(cipherKeySize(session.getCipherSuite()), serverKeySize, issuer, subject,
                session.getProtocol(), session.getCipherSuite(), clientCertificate, clientCertFlags);
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
