package io.netty.contrib.httpsys.examples;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.util.internal.PlatformDependent;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One self-signed RSA 2048 certificate for {@code localhost} / {@code 127.0.0.1} per JVM, made with the JDK's
 * {@code keytool} (no extra dependency) into a temporary PKCS#12 file. NIO and epoll load it into an
 * {@link SslContext}; the HTTP.SYS emulator reads the same file through its system properties; on Windows it is
 * what {@code certutil -importPFX} and {@code netsh http add sslcert} bind to the port.
 */
public final class SelfSignedTls {

    /** The password of the generated PKCS#12 file (a throw-away test certificate). */
    public static final String PASSWORD = "changeit";

    private static final String ALIAS = "netty-httpsys-example";

    private static Path keyStore;
    private static Path certificatePem;

    private SelfSignedTls() {
    }

    /**
     * The system property naming a PKCS#12 file to use (and to create when missing) instead of a temporary one:
     * a certificate that outlives the JVM needs its {@code netsh} binding made only once.
     */
    public static final String KEYSTORE_PROPERTY = "io.netty.contrib.httpsys.examples.keystore";

    /** The PKCS#12 file, generated on first use. */
    public static synchronized Path keyStore() {
        if (keyStore == null) {
            String configured = System.getProperty(KEYSTORE_PROPERTY);
            if (configured == null) {
                keyStore = generate(null);
            } else {
                Path file = Path.of(configured).toAbsolutePath();
                keyStore = Files.exists(file) ? file : generate(file);
            }
        }
        return keyStore;
    }

    /**
     * The certificate alone, as a PEM file next to the PKCS#12 file (written on first use): what a client trusts,
     * e.g. {@code curl --cacert FILE}, since the certificate is self-signed.
     */
    public static synchronized Path certificatePem() {
        if (certificatePem == null) {
            Path store = keyStore();
            Path pem = store.resolveSibling(store.getFileName() + ".pem");
            try {
                Certificate certificate = load().getCertificate(ALIAS);
                String base64 = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(certificate.getEncoded());
                Files.writeString(pem, "-----BEGIN CERTIFICATE-----\n" + base64 + "\n-----END CERTIFICATE-----\n",
                        StandardCharsets.US_ASCII);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + pem, e);
            }
            if (System.getProperty(KEYSTORE_PROPERTY) == null) {
                pem.toFile().deleteOnExit();
            }
            certificatePem = pem;
        }
        return certificatePem;
    }

    /** A server context with the certificate, on the given TLS engine. */
    public static SslContext serverContext(SslProvider provider) {
        try {
            return SslContextBuilder.forServer(keyManagerFactory()).sslProvider(provider).build();
        } catch (SSLException e) {
            throw new IllegalStateException("cannot build a " + provider + " server context", e);
        }
    }

    /** The certificate's SHA-1 thumbprint in hex, as {@code netsh http add sslcert certhash=} wants it. */
    public static String sha1Thumbprint() {
        try {
            Certificate certificate = load().getCertificate(ALIAS);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(certificate.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyManagerFactory keyManagerFactory() {
        try {
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(load(), PASSWORD.toCharArray());
            return factory;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyStore load() throws GeneralSecurityException {
        try (InputStream in = Files.newInputStream(keyStore())) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, PASSWORD.toCharArray());
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path generate(Path target) {
        try {
            Path file = target;
            if (file == null) {
                Path dir = Files.createTempDirectory("netty-httpsys-tls");
                file = dir.resolve("server.p12");
                // Deleted in reverse order of registration: the file, then its directory.
                dir.toFile().deleteOnExit();
                file.toFile().deleteOnExit();
            }
            String keytool = Path.of(System.getProperty("java.home"), "bin",
                    PlatformDependent.isWindows() ? "keytool.exe" : "keytool").toString();
            Process process = new ProcessBuilder(List.of(keytool, "-genkeypair", "-alias", ALIAS,
                    "-keyalg", "RSA", "-keysize", "2048", "-validity", "30", "-dname", "CN=localhost",
                    "-ext", "SAN=dns:localhost,ip:127.0.0.1,ip:::1", "-storetype", "PKCS12",
                    "-keystore", file.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD))
                    .redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot generate a self-signed certificate", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while generating a certificate", e);
        }
    }
}
