package io.netty.contrib.httpsys.examples;

import io.netty.contrib.httpsys.HttpSys;
import io.netty.handler.ssl.OpenSsl;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.security.KeyStore;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * {@code --tls} on NIO with either TLS engine and on HTTP.SYS (the emulator here, configured through its
 * certificate properties), verified against the generated certificate (no trust-all).
 */
class ServerTransportTlsTest {

    @ParameterizedTest
    @ValueSource(strings = {"nio/jdk", "nio/openssl", "httpsys/jdk"})
    void servesHttpsWithTheSelfSignedCertificate(String variant) throws Exception {
        String transport = variant.substring(0, variant.indexOf('/'));
        String provider = variant.substring(variant.indexOf('/') + 1);
        Assumptions.assumeTrue(!provider.equals("openssl") || OpenSsl.isAvailable(), "OpenSSL unavailable");
        Assumptions.assumeTrue(!transport.equals("httpsys") || HttpSys.isEmulated(),
                "on Windows the certificate binding needs netsh as administrator");
        try (ServerTransport server = ServerTransport.fromArgs("--transport", transport, "--port", "0", "--tls",
                "--ssl-provider", provider, "--threads", "1")) {
            server.bind(new HelloWorldHandler());
            assertEquals("https", server.uri().getScheme());

            HttpClient client = HttpClient.newBuilder().sslContext(trusting()).connectTimeout(Duration.ofSeconds(10)).build();
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(server.uri())
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());

            assertEquals(200, response.statusCode());
            assertEquals("Hello, world!", response.body());
        }
    }

    @Test
    void optionsRejectWhatTheyDoNotKnow() {
        assertThrows(IllegalArgumentException.class, () -> ExampleOptions.parse("--transport", "kqueue"));
        assertThrows(IllegalArgumentException.class, () -> ExampleOptions.parse("--port"));
        assertThrows(IllegalArgumentException.class, () -> ExampleOptions.parse("nio"));
        assertThrows(IllegalArgumentException.class, () -> ExampleOptions.parse("--ssl-provider", "gnutls"));
        assertThrows(IllegalArgumentException.class, () -> ExampleOptions.parse("--root", "/srv"));
        ExampleOptions options = ExampleOptions.of(FileServer.COMMAND_LINE.parse("--tls", "--transport", "EPOLL",
                "--root", "/srv"));
        assertEquals(ServerTransport.Kind.EPOLL, options.transport());
        assertEquals(8443, options.port());
        assertEquals("/srv", options.value("root", "."));
    }

    private static SSLContext trusting() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(SelfSignedTls.keyStore())) {
            store.load(in, SelfSignedTls.PASSWORD.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
