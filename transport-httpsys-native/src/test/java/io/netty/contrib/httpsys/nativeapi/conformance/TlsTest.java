package io.netty.contrib.httpsys.nativeapi.conformance;

import io.netty.contrib.httpsys.nativeapi.HttpSysBackend;
import io.netty.contrib.httpsys.nativeapi.NativeMemory;
import io.netty.contrib.httpsys.nativeapi.struct.HttpRequestV2;
import io.netty.contrib.httpsys.nativeapi.struct.HttpSslInfo;
import io.netty.pkitesting.CertificateBuilder;
import io.netty.pkitesting.X509Bundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import java.io.File;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code https://} prefixes: TLS terminated by the kernel, {@code HTTP_SSL_INFO} in the request. Emulator only:
 * the certificate comes from the emulator's system properties (on Windows it would be a netsh binding).
 */
@Timeout(30)
class TlsTest {

    private static final String CERTIFICATE = "io.netty.contrib.httpsys.emulator.certificate";
    private static final String PASSWORD = "io.netty.contrib.httpsys.emulator.password";

    @Test
    void httpsPrefixesAreServedOverTlsWithSslInfo() throws Exception {
        assumeTrue(HttpSysBackend.current().isEmulated(), "needs the emulator's certificate properties");
        long allocationsBefore = NativeMemory.outstandingAllocations();
        X509Bundle bundle = new CertificateBuilder().subject("CN=localhost").setIsCertificateAuthority(true)
                .algorithm(CertificateBuilder.Algorithm.ecp256).buildSelfSigned();
        File keyStore = bundle.toTempKeyStoreFile("secret".toCharArray());
        System.setProperty(CERTIFICATE, keyStore.getPath().endsWith(".p12") ? keyStore.getPath()
                : renameToP12(keyStore).getPath());
        System.setProperty(PASSWORD, "secret");
        try (TestServer server = new TestServer(); NativeArena arena = new NativeArena()) {
            int port = server.addUrl(server.group, "https://localhost:%d/", 0);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {bundle.toTrustManager()}, null);
            try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port)) {
                socket.setSoTimeout(10_000);
                socket.getOutputStream().write(RawClient.simpleGet("/secure", port).getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                long buffer = arena.allocate(4096);
                assertEquals(0, server.api.HttpReceiveHttpRequest(server.queue, 0, 0, buffer, 4096, 0, 0));
                long ssl = HttpRequestV2.sslInfo(buffer);
                assertNotEquals(0, ssl);
                assertTrue(HttpSslInfo.connectionKeySize(ssl) >= 128);
                assertEquals(256, HttpSslInfo.serverCertKeySize(ssl));
                assertTrue(HttpSslInfo.serverCertSubjectSize(ssl) > 0);
                assertEquals(0, HttpSslInfo.sslClientCertNegotiated(ssl));
                long response = new ResponseBuilder(arena).body("secret").build();
                assertEquals(0, server.api.HttpSendHttpResponse(server.queue, HttpRequestV2.requestId(buffer), 0,
                        response, 0, 0, 0, 0, 0, 0));
                InputStream in = socket.getInputStream();
                String wire = new String(in.readNBytes(15), StandardCharsets.US_ASCII);
                assertEquals("HTTP/1.1 200 OK", wire);
            }
        } finally {
            System.clearProperty(CERTIFICATE);
            System.clearProperty(PASSWORD);
        }
        assertEquals(allocationsBefore, NativeMemory.outstandingAllocations());
    }

    private static File renameToP12(File file) {
        File renamed = new File(file.getPath() + ".p12");
        assertTrue(file.renameTo(renamed));
        renamed.deleteOnExit();
        return renamed;
    }
}
