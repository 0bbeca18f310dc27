package io.netty.contrib.httpsys.nativeapi.conformance;

import io.netty.contrib.httpsys.nativeapi.Http;
import io.netty.contrib.httpsys.nativeapi.HttpSysBackend;
import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.NativeMemory;
import io.netty.contrib.httpsys.nativeapi.WinError;
import io.netty.contrib.httpsys.nativeapi.struct.HttpRequestV2;
import io.netty.contrib.httpsys.nativeapi.struct.HttpSslClientCertInfo;
import io.netty.contrib.httpsys.nativeapi.struct.HttpSslInfo;
import io.netty.pkitesting.CertificateBuilder;
import io.netty.pkitesting.X509Bundle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code HttpReceiveClientCertificate} as the emulator answers it: the buffer sizing of
 * {@code HTTP_SSL_CLIENT_CERT_INFO} ({@code ERROR_MORE_DATA} with the structure's size as the byte count, as
 * ASP.NET Core's ClientCertLoader expects of HTTP.SYS), the renegotiation that asks a TLS 1.2 client for its
 * certificate, and the errors. Synchronous calls (no {@code OVERLAPPED}): the call blocks while the client answers.
 * Emulator only, for the certificate properties.
 */
@Timeout(30)
class ReceiveClientCertificateTest {

    private static final String CERTIFICATE = "io.netty.contrib.httpsys.emulator.certificate";
    private static final String KEY = "io.netty.contrib.httpsys.emulator.key";

    private static X509Bundle server;
    private static X509Bundle client;
    private static File chain;
    private static File key;

    @BeforeAll
    static void certificates() throws Exception {
        assumeTrue(HttpSysBackend.current().isEmulated(), "needs the emulator's certificate properties");
        server = new CertificateBuilder().subject("CN=localhost").setIsCertificateAuthority(true)
                .algorithm(CertificateBuilder.Algorithm.ecp256).buildSelfSigned();
        X509Bundle clientCa = new CertificateBuilder().subject("CN=Client CA").setIsCertificateAuthority(true)
                .algorithm(CertificateBuilder.Algorithm.ecp256).buildSelfSigned();
        client = new CertificateBuilder().subject("CN=client").algorithm(CertificateBuilder.Algorithm.ecp256)
                .buildIssuedBy(clientCa);
        chain = server.toTempCertChainPem();
        key = server.toTempPrivateKeyPem();
        System.setProperty(CERTIFICATE, chain.getPath());
        System.setProperty(KEY, key.getPath());
    }

    @AfterAll
    static void clearProperties() {
        System.clearProperty(CERTIFICATE);
        System.clearProperty(KEY);
        if (chain != null) {
            assertTrue(chain.delete() && key.delete());
        }
    }

    @Test
    void renegotiatesThenSizesTheAnswerLikeHttpSys() throws Exception {
        long allocationsBefore = NativeMemory.outstandingAllocations();
        try (TestServer server = new TestServer(); SSLSocket socket = connect(server, client)) {
            Received request = receiveRequest(server, socket);
            long connection = request.connectionId;
            CompletableFuture<String> response = readStatusLine(socket);
            byte[] der = client.getCertificate().getEncoded();
            long buffer = server.arena.allocate(HttpSslClientCertInfo.SIZE + der.length);
            long bytes = server.arena.allocate(4);

            assertEquals(WinError.ERROR_MORE_DATA, server.api.HttpReceiveClientCertificate(server.queue, connection,
                    0, buffer, HttpSslClientCertInfo.SIZE, bytes, 0), "renegotiated, then too small");
            assertEquals(HttpSslClientCertInfo.SIZE, NativeAccess.getInt(bytes),
                    "only the structure's size: ClientCertLoader adds CertEncodedSize");
            assertEquals(der.length, HttpSslClientCertInfo.certEncodedSize(buffer));

            assertEquals(WinError.NO_ERROR, server.api.HttpReceiveClientCertificate(server.queue, connection, 0,
                    buffer, HttpSslClientCertInfo.SIZE + der.length, bytes, 0));
            assertEquals(HttpSslClientCertInfo.SIZE + der.length, NativeAccess.getInt(bytes));
            assertEquals(buffer + HttpSslClientCertInfo.SIZE, HttpSslClientCertInfo.certEncoded(buffer));
            byte[] copied = new byte[der.length];
            NativeAccess.copyMemory(HttpSslClientCertInfo.certEncoded(buffer), copied, 0, der.length);
            assertArrayEquals(der, copied);
            assertEquals(0x800B0109, HttpSslClientCertInfo.certFlags(buffer),
                    "CERT_E_UNTRUSTEDROOT: the client CA is in no trust store");
            assertEquals(0, HttpSslClientCertInfo.token(buffer), "no directory-service mapper");

            respond(server, request);
            assertEquals("HTTP/1.1 200 OK", response.get(10, TimeUnit.SECONDS));
        }
        assertEquals(allocationsBefore, NativeMemory.outstandingAllocations());
    }

    @Test
    void bindingThatNegotiatesClientCertificatesAsksInTheHandshake() throws Exception {
        try (TestServer server = new TestServer()) {
            int port = server.addUrl(server.group, "https://localhost:%d/", 0);
            try (SslCertBinding binding = SslCertBinding.add(server.api, server.arena, port,
                    Http.HTTP_SERVICE_CONFIG_SSL_FLAG_NEGOTIATE_CLIENT_CERT);
                 SSLSocket socket = connect(port, client, "TLSv1.3")) {
                socket.getOutputStream().write(RawClient.simpleGet("/", port).getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                long request = server.arena.allocate(4096);
                assertEquals(WinError.NO_ERROR, server.api.HttpReceiveHttpRequest(server.queue, 0, 0, request, 4096,
                        0, 0));
                long ssl = HttpRequestV2.sslInfo(request);
                assertEquals(1, HttpSslInfo.sslClientCertNegotiated(ssl));
                long certInfo = HttpSslInfo.clientCertInfo(ssl);
                byte[] der = client.getCertificate().getEncoded();
                assertEquals(der.length, HttpSslClientCertInfo.certEncodedSize(certInfo));
                assertEquals(0x800B0109, HttpSslClientCertInfo.certFlags(certInfo), "CERT_E_UNTRUSTEDROOT");

                long buffer = server.arena.allocate(1500);
                assertEquals(WinError.NO_ERROR, server.api.HttpReceiveClientCertificate(server.queue,
                        HttpRequestV2.connectionId(request), 0, buffer, 1500, 0, 0),
                        "TLS 1.3, but the handshake brought the certificate: nothing to renegotiate");
                assertEquals(der.length, HttpSslClientCertInfo.certEncodedSize(buffer));
            }
        }
    }

    @Test
    void tls13WithoutTheCertificateCannotAskAgain() throws Exception {
        try (TestServer server = new TestServer()) {
            int port = server.addUrl(server.group, "https://localhost:%d/", 0);
            try (SSLSocket socket = connect(port, client, "TLSv1.3")) {
                socket.getOutputStream().write(RawClient.simpleGet("/", port).getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                long request = server.arena.allocate(4096);
                assertEquals(WinError.NO_ERROR, server.api.HttpReceiveHttpRequest(server.queue, 0, 0, request, 4096,
                        0, 0));
                long buffer = server.arena.allocate(1500);
                assertEquals(WinError.ERROR_NOT_SUPPORTED, server.api.HttpReceiveClientCertificate(server.queue,
                        HttpRequestV2.connectionId(request), 0, buffer, 1500, 0, 0));
            }
        }
    }

    @Test
    void clientWithoutCertificateIsNotFoundAndStaysConnected() throws Exception {
        try (TestServer server = new TestServer(); SSLSocket socket = connect(server, null)) {
            Received request = receiveRequest(server, socket);
            long connection = request.connectionId;
            CompletableFuture<String> response = readStatusLine(socket);
            long buffer = server.arena.allocate(1500);
            assertEquals(WinError.ERROR_NOT_FOUND, server.api.HttpReceiveClientCertificate(server.queue, connection,
                    0, buffer, 1500, 0, 0));
            assertEquals(WinError.ERROR_NOT_FOUND, server.api.HttpReceiveClientCertificate(server.queue, connection,
                    0, buffer, 1500, 0, 0), "asked once: the answer stays");
            respond(server, request);
            assertEquals("HTTP/1.1 200 OK", response.get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void connectionGoneDuringTheRenegotiationIsInvalid() throws Exception {
        try (TestServer server = new TestServer()) {
            long connection;
            try (SSLSocket socket = connect(server, client)) {
                connection = receiveRequest(server, socket).connectionId;
            }
            long buffer = server.arena.allocate(1500);
            assertEquals(WinError.ERROR_CONNECTION_INVALID, server.api.HttpReceiveClientCertificate(server.queue,
                    connection, 0, buffer, 1500, 0, 0));
        }
    }

    @Test
    void invalidArgumentsAndPlainConnections() {
        try (TestServer server = new TestServer(); RawClient plain = new RawClient(server.addLocalhostUrl("/"))) {
            plain.send(RawClient.simpleGet("/", server.port));
            long request = server.arena.allocate(4096);
            assertEquals(WinError.NO_ERROR, server.api.HttpReceiveHttpRequest(server.queue, 0, 0, request, 4096, 0,
                    0));
            long connection = HttpRequestV2.connectionId(request);
            long buffer = server.arena.allocate(1500);
            assertEquals(WinError.ERROR_NOT_FOUND, server.api.HttpReceiveClientCertificate(server.queue, connection,
                    0, buffer, 1500, 0, 0), "no TLS, no certificate");
            assertEquals(WinError.ERROR_INSUFFICIENT_BUFFER, server.api.HttpReceiveClientCertificate(server.queue,
                    connection, 0, buffer, HttpSslClientCertInfo.SIZE - 1, 0, 0));
            assertEquals(WinError.ERROR_INVALID_PARAMETER, server.api.HttpReceiveClientCertificate(server.queue,
                    connection, 1, buffer, 1500, 0, 0), "HTTP_RECEIVE_SECURE_CHANNEL_TOKEN is not emulated");
            assertEquals(WinError.ERROR_CONNECTION_INVALID, server.api.HttpReceiveClientCertificate(server.queue,
                    connection + 1000, 0, buffer, 1500, 0, 0));
            assertEquals(WinError.ERROR_INVALID_HANDLE, server.api.HttpReceiveClientCertificate(server.queue + 1000,
                    connection, 0, buffer, 1500, 0, 0));
        }
    }

    /** A TLS 1.2 connection to a fresh https:// prefix of {@code server}, holding {@code own} if not null. */
    private static SSLSocket connect(TestServer server, X509Bundle own) throws Exception {
        return connect(server.addUrl(server.group, "https://localhost:%d/", 0), own, "TLSv1.2");
    }

    private static SSLSocket connect(int port, X509Bundle own, String protocol) throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        KeyManager[] keys = own == null ? null : own.toKeyManagerFactory().getKeyManagers();
        context.init(keys, new TrustManager[] {ReceiveClientCertificateTest.server.toTrustManager()}, null);
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port);
        socket.setEnabledProtocols(new String[] {protocol});
        socket.setSoTimeout(10_000);
        return socket;
    }

    /** A request received: its id, to answer it, and its connection's, to ask for the certificate. */
    private record Received(long requestId, long connectionId) {
    }

    /** Sends a GET and receives it synchronously. */
    private static Received receiveRequest(TestServer server, SSLSocket socket) throws IOException {
        socket.getOutputStream().write(RawClient.simpleGet("/", server.port).getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        long request = server.arena.allocate(4096);
        assertEquals(WinError.NO_ERROR, server.api.HttpReceiveHttpRequest(server.queue, 0, 0, request, 4096, 0, 0));
        return new Received(HttpRequestV2.requestId(request), HttpRequestV2.connectionId(request));
    }

    /** Reads the response's status line on another thread: reading is what lets the client renegotiate. */
    private static CompletableFuture<String> readStatusLine(SSLSocket socket) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return new String(socket.getInputStream().readNBytes(15), StandardCharsets.US_ASCII);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static void respond(TestServer server, Received request) {
        long response = new ResponseBuilder(server.arena).body("ok").build();
        assertEquals(WinError.NO_ERROR, server.api.HttpSendHttpResponse(server.queue, request.requestId, 0, response,
                0, 0, 0, 0, 0, 0));
    }
}
