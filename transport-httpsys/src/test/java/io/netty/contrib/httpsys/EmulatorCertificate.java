package io.netty.contrib.httpsys;

import io.netty.pkitesting.CertificateBuilder;
import io.netty.pkitesting.X509Bundle;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The emulator's certificate for {@code https://} prefixes, which its system properties name (PEM chain and key,
 * read when a port is first bound); Windows takes it from a netsh sslcert binding instead.
 */
final class EmulatorCertificate {

    static final String CERTIFICATE_PROPERTY = "io.netty.contrib.httpsys.emulator.certificate";
    static final String KEY_PROPERTY = "io.netty.contrib.httpsys.emulator.key";

    private EmulatorCertificate() {
    }

    /** A new self-signed certificate for {@code localhost}, installed; clients trust it with {@link #trusting}. */
    static X509Bundle installLocalhost() throws Exception {
        X509Bundle certificate = new CertificateBuilder().subject("CN=localhost").addSanDnsName("localhost")
                .setIsCertificateAuthority(true).algorithm(CertificateBuilder.Algorithm.ecp256).buildSelfSigned();
        install(certificate);
        return certificate;
    }

    /** Makes {@code certificate} the emulator's, written to temporary PEM files that {@link #uninstall} deletes. */
    static void install(X509Bundle certificate) throws Exception {
        File chain = certificate.toTempCertChainPem();
        File key = certificate.toTempPrivateKeyPem();
        System.setProperty(CERTIFICATE_PROPERTY, chain.getPath());
        System.setProperty(KEY_PROPERTY, key.getPath());
    }

    /** Clears the properties and deletes the files {@link #install} wrote. */
    static void uninstall() throws Exception {
        for (String property : new String[] {CERTIFICATE_PROPERTY, KEY_PROPERTY}) {
            String file = System.clearProperty(property);
            if (file != null) {
                Files.delete(Path.of(file));
            }
        }
    }

    /** A TLS context that trusts {@code certificate} alone. */
    static SSLContext trusting(X509Bundle certificate) throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {certificate.toTrustManager()}, null);
        return context;
    }
}
