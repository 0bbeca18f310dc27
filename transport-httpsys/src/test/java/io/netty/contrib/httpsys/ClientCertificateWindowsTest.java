package io.netty.contrib.httpsys;

import io.netty.contrib.httpsys.nativeapi.HttpSysBackend;
import io.netty.pkitesting.CertificateBuilder;
import io.netty.pkitesting.X509Bundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link HttpSysClientCertificate#receive} against the kernel: HTTP.SYS renegotiates TLS 1.2 to ask the client for
 * its certificate and reports the unknown client CA in {@code CertFlags}, or {@code ERROR_NOT_FOUND} for a client
 * without one. It needs a certificate binding the test cannot make: run elevated after
 * {@code netsh http add sslcert ipport=0.0.0.0:PORT certhash=... appid={...}} (without
 * {@code clientcertnegotiation}) with {@code -Dio.netty.contrib.httpsys.test.tlsPort=PORT}. The client trusts any
 * server certificate: what is tested is the client's.
 */
@EnabledOnOs(OS.WINDOWS)
@EnabledIfSystemProperty(named = ClientCertificateWindowsTest.PORT_PROPERTY, matches = "\\d+")
@ExtendWith(LeakCheck.class)
@Timeout(60)
class ClientCertificateWindowsTest {

    static final String PORT_PROPERTY = "io.netty.contrib.httpsys.test.tlsPort";

    @Test
    void kernelRenegotiatesTls12ForTheClientCertificate() throws Exception {
        X509Bundle clientCa = new CertificateBuilder().subject("CN=Client CA").setIsCertificateAuthority(true)
                .algorithm(CertificateBuilder.Algorithm.ecp256).buildSelfSigned();
        X509Bundle client = new CertificateBuilder().subject("CN=client").algorithm(CertificateBuilder.Algorithm.ecp256)
                .buildIssuedBy(clientCa);
        try (ClientCertificateTest.Server https = ClientCertificateTest.Server.start(
                HttpSysBackend.current().httpApi(), Integer.getInteger(PORT_PROPERTY))) {
            String response = get(https.port, client);
            assertTrue(response.startsWith("HTTP/1.1 200"), response);
            assertTrue(response.contains("CN=client certFlags="), response);
            ClientCertificateTest.Answer answer = https.answers.get(10, TimeUnit.SECONDS);
            assertNull(answer.atHandshake(), "the binding does not negotiate certificates in the handshake");
            assertArrayEquals(client.getCertificate().getEncoded(), answer.received().certificate().getEncoded());
            assertNotEquals(0, answer.received().certFlags(), "the client CA is not trusted by the machine");
        }
    }

    @Test
    void clientWithoutCertificateIsAnsweredWithNone() throws Exception {
        try (ClientCertificateTest.Server https = ClientCertificateTest.Server.start(
                HttpSysBackend.current().httpApi(), Integer.getInteger(PORT_PROPERTY))) {
            String response = get(https.port, null);
            assertTrue(response.startsWith("HTTP/1.1 200") && response.endsWith("none"), response);
        }
    }

    /** One GET over TLS 1.2 with {@code own} as the client certificate, if any; the whole response. */
    private static String get(int port, X509Bundle own) throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        KeyManager[] keys = own == null ? null : own.toKeyManagerFactory().getKeyManagers();
        context.init(keys, new TrustManager[] {new AnyServer()}, null);
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port)) {
            socket.setEnabledProtocols(new String[] {"TLSv1.2"});
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET /who HTTP/1.1\r\nHost: localhost:" + port
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            return all.toString(StandardCharsets.ISO_8859_1);
        }
    }

    /** The runner's certificate binding names whatever certificate it has: trust it. */
    private static final class AnyServer implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
