package io.netty.contrib.httpsys;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.contrib.httpsys.nativeapi.Http;
import io.netty.contrib.httpsys.nativeapi.HttpApi;
import io.netty.contrib.httpsys.nativeapi.HttpSysBackend;
import io.netty.contrib.httpsys.nativeapi.HttpSysException;
import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.NativeMemory;
import io.netty.contrib.httpsys.nativeapi.WinError;
import io.netty.contrib.httpsys.nativeapi.struct.HttpServiceConfigSslKey;
import io.netty.contrib.httpsys.nativeapi.struct.HttpServiceConfigSslParam;
import io.netty.contrib.httpsys.nativeapi.struct.HttpServiceConfigSslSet;
import io.netty.contrib.httpsys.nativeapi.struct.Sockaddr;
import io.netty.contrib.httpsys.nativeapi.struct.SockaddrIn6;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.pkitesting.CertificateBuilder;
import io.netty.pkitesting.X509Bundle;
import io.netty.util.CharsetUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Client certificates end to end ({@link HttpSysClientCertificate#receive}): the JDK's {@code HttpClient} with
 * and without a certificate of its own, against an {@code https://} prefix on the emulator, whose TLS stands in for
 * HTTP.SYS's (a certificate asked for in the handshake when the binding says {@code clientcertnegotiation=enable},
 * else by renegotiating TLS 1.2; none on TLS 1.3). Emulator only: its server certificate comes from system
 * properties; {@link ClientCertificateWindowsTest} runs the renegotiation against the kernel.
 */
@ExtendWith(LeakCheck.class)
@Timeout(60)
class ClientCertificateTest {

    /** {@code CERT_E_UNTRUSTEDROOT}: the test's client CA is in no trust store. */
    private static final int CERT_E_UNTRUSTEDROOT = 0x800B0109;

    private static X509Bundle server;
    private static X509Bundle clientCa;
    private static X509Bundle client;

    @BeforeAll
    static void certificates() throws Exception {
        assumeTrue(HttpSysBackend.current().isEmulated(),
                "the server certificate comes from the emulator's properties (Windows needs a netsh sslcert binding)");
        server = EmulatorCertificate.installLocalhost();
        clientCa = new CertificateBuilder().subject("CN=Client CA").setIsCertificateAuthority(true)
                .algorithm(CertificateBuilder.Algorithm.ecp256).buildSelfSigned();
        client = new CertificateBuilder().subject("CN=client").algorithm(CertificateBuilder.Algorithm.ecp256)
                .buildIssuedBy(clientCa);
    }

    @AfterAll
    static void clearProperties() throws Exception {
        EmulatorCertificate.uninstall();
    }

    @Test
    void tls12RenegotiationAsksTheClientForItsCertificate() throws Exception {
        try (Server https = Server.start(HttpSysBackend.current().httpApi())) {
            String body = https.get(client(client, "TLSv1.2"));
            assertEquals("CN=client certFlags=" + Integer.toHexString(CERT_E_UNTRUSTEDROOT), body);
            Answer answer = https.answers.get(10, TimeUnit.SECONDS);
            assertNull(answer.atHandshake, "the binding does not negotiate certificates in the handshake");
            assertArrayEquals(client.getCertificate().getEncoded(), answer.received.certificate().getEncoded());
        }
    }

    @Test
    void clientWithoutCertificateGetsAnAnswerWithNone() throws Exception {
        CallRecorder<HttpApi> kernel = CallRecorder.of(HttpApi.class, HttpSysBackend.current().httpApi());
        try (Server https = Server.start(kernel.proxy())) {
            HttpClient client = client(null, "TLSv1.2");
            assertEquals("none", https.get(client));
            // The connection survived the renegotiation; its next request learns at once that there is none.
            assertEquals("none", https.get(client));
            List<CallRecorder.Call> calls = kernel.calls("HttpReceiveClientCertificate");
            assertEquals(2, calls.size());
            assertEquals(calls.get(0).longArg(1), calls.get(1).longArg(1), "one connection");
            assertEquals(WinError.ERROR_IO_PENDING, calls.get(0).intResult(), "the first asks the client");
            assertEquals(WinError.ERROR_NOT_FOUND, calls.get(1).intResult(), "the second knows it has none");
        }
    }

    @Test
    void tls13CannotAskAfterTheHandshake() throws Exception {
        try (Server https = Server.start(HttpSysBackend.current().httpApi())) {
            assertEquals("error " + WinError.ERROR_NOT_SUPPORTED, https.get(client(client, "TLSv1.3")));
        }
    }

    @Test
    void bindingThatNegotiatesClientCertificatesBringsItWithTheHandshake() throws Exception {
        CallRecorder<HttpApi> kernel = CallRecorder.of(HttpApi.class, HttpSysBackend.current().httpApi());
        try (Server https = Server.start(kernel.proxy()); AutoCloseable binding = negotiatingBinding(https.port)) {
            String body = https.get(client(client, "TLSv1.3"));
            assertEquals("CN=client certFlags=" + Integer.toHexString(CERT_E_UNTRUSTEDROOT), body);
            Answer answer = https.answers.get(10, TimeUnit.SECONDS);
            assertArrayEquals(client.getCertificate().getEncoded(), answer.atHandshake);
            assertEquals(1, kernel.calls("HttpReceiveClientCertificate").size());
        }
    }

    @Test
    void certificateLargerThanTheFirstBufferIsAskedForAgainWithTheSizeNeeded() throws Exception {
        X509Bundle largeClient = largeClient();
        CallRecorder<HttpApi> kernel = CallRecorder.of(HttpApi.class, HttpSysBackend.current().httpApi());
        try (Server https = Server.start(kernel.proxy())) {
            String body = https.get(client(largeClient, "TLSv1.2"));
            assertEquals("CN=large client certFlags=" + Integer.toHexString(CERT_E_UNTRUSTEDROOT), body);
            List<CallRecorder.Call> calls = kernel.calls("HttpReceiveClientCertificate");
            assertEquals(2, calls.size(), "the first call to renegotiate, the second with a buffer that fits");
            assertEquals(WinError.ERROR_IO_PENDING, calls.get(0).intResult(), "renegotiating");
            assertSizedAgain(calls, largeClient);
        }
    }

    @Test
    void certificateFromTheHandshakeTooLargeForTheFirstBufferIsAskedForAgain() throws Exception {
        X509Bundle largeClient = largeClient();
        CallRecorder<HttpApi> kernel = CallRecorder.of(HttpApi.class, HttpSysBackend.current().httpApi());
        try (Server https = Server.start(kernel.proxy()); AutoCloseable binding = negotiatingBinding(https.port)) {
            String body = https.get(client(largeClient, "TLSv1.3"));
            assertEquals("CN=large client certFlags=" + Integer.toHexString(CERT_E_UNTRUSTEDROOT), body);
            List<CallRecorder.Call> calls = kernel.calls("HttpReceiveClientCertificate");
            assertEquals(2, calls.size());
            // ERROR_MORE_DATA inside the call (its byte count then comes from the OVERLAPPED), or later in strict mode.
            assertTrue(calls.get(0).intResult() == WinError.ERROR_MORE_DATA
                    || calls.get(0).intResult() == WinError.ERROR_IO_PENDING, calls.get(0).toString());
            assertSizedAgain(calls, largeClient);
        }
    }

    /** A client certificate with enough names not to fit the first buffer. */
    private static X509Bundle largeClient() throws Exception {
        CertificateBuilder large = new CertificateBuilder().subject("CN=large client")
                .algorithm(CertificateBuilder.Algorithm.ecp256);
        for (int i = 0; i < 60; i++) {
            large.addSanDnsName("name-" + i + ".clients.example.com");
        }
        X509Bundle bundle = large.buildIssuedBy(clientCa);
        assertTrue(bundle.getCertificate().getEncoded().length > ClientCertificateReceiver.INITIAL_SIZE,
                "the certificate must not fit the first buffer");
        return bundle;
    }

    /** The first call had the first buffer, the second the structure's size plus CertEncodedSize. */
    private static void assertSizedAgain(List<CallRecorder.Call> calls, X509Bundle certificate) throws Exception {
        assertEquals(ClientCertificateReceiver.INITIAL_SIZE, calls.get(0).intArg(4));
        assertEquals(32 + certificate.getCertificate().getEncoded().length, calls.get(1).intArg(4));
        // At once, or later under the emulator's strict mode, as Windows may.
        assertTrue(calls.get(1).intResult() == WinError.NO_ERROR
                || calls.get(1).intResult() == WinError.ERROR_IO_PENDING, calls.get(1).toString());
    }

    @Test
    void http2NeverRenegotiates() throws Exception {
        CallRecorder<HttpApi> kernel = CallRecorder.of(HttpApi.class, HttpSysBackend.current().httpApi());
        try (Server https = Server.start(kernel.proxy())) {
            HttpClient tls12 = client(client, "TLSv1.2");
            HttpClient h2 = HttpClient.newBuilder().sslContext(tls12.sslContext()).sslParameters(tls12.sslParameters())
                    .version(HttpClient.Version.HTTP_2).build();
            HttpResponse<String> response = h2.send(HttpRequest.newBuilder(URI.create("https://localhost:"
                    + https.port + "/who")).build(), HttpResponse.BodyHandlers.ofString());
            assumeTrue(response.version() == HttpClient.Version.HTTP_2, "an emulator that negotiates h2");
            assertEquals("none", response.body(), "RFC 7540 9.2.1: no renegotiation on HTTP/2");
            assertEquals(List.of(), kernel.calls("HttpReceiveClientCertificate"));
        }
    }

    @Test
    void plainRequestHasNoCertificateAndAsksTheKernelNothing() throws Exception {
        CallRecorder<HttpApi> kernel = CallRecorder.of(HttpApi.class, HttpSysBackend.current().httpApi());
        CompletableFuture<Object> result = new CompletableFuture<>();
        try (TestServer plain = TestServer.builder().httpApi(kernel.proxy()).pipeline(ch -> ch.pipeline().addLast(
                new SimpleChannelInboundHandler<FullHttpRequest>() {
                    @Override
                    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
                        HttpSysClientCertificate.receive(ctx.channel()).addListener(done -> {
                            result.complete(done.isSuccess() ? String.valueOf(done.getNow()) : done.cause());
                            ctx.writeAndFlush(text("done")).addListener(ChannelFutureListener.CLOSE);
                        });
                    }
                })).start()) {
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(plain.uri("/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals("null", result.get(10, TimeUnit.SECONDS));
            assertEquals(List.of(), kernel.calls("HttpReceiveClientCertificate"));
        }
    }

    // ---- helpers ----

    /** What the handler saw: the certificate HTTP_SSL_INFO brought, and what receive() answered. */
    record Answer(byte[] atHandshake, HttpSysClientCertificate received) {
    }

    /**
     * An https:// server whose handler answers with the client certificate's subject, "none" or the error; also
     * {@link ClientCertificateWindowsTest}'s.
     */
    static final class Server implements AutoCloseable {
        // Before the loops, which allocate their OVERLAPPED slabs.
        final long nativeBefore = NativeMemory.outstandingAllocations();
        final CompletableFuture<Answer> answers = new CompletableFuture<>();
        TestServer server;
        int port;

        /** On a free port. */
        static Server start(HttpApi api) throws Exception {
            return start(api, 0);
        }

        /** On {@code fixedPort}, or a free one when 0. */
        static Server start(HttpApi api, int fixedPort) throws Exception {
            Server https = new Server();
            https.server = TestServer.builder().https().httpApi(api).port(fixedPort)
                    .pipeline(ch -> ch.pipeline().addLast(new SimpleChannelInboundHandler<FullHttpRequest>() {
                        @Override
                        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
                            https.answer(ctx);
                        }
                    })).start();
            https.port = https.server.port();
            return https;
        }

        private void answer(ChannelHandlerContext ctx) {
            byte[] atHandshake = HttpSysServerChannel.requestInfo(ctx.channel()).clientCertificate();
            HttpSysClientCertificate.receive(ctx.channel()).addListener(done -> {
                String body;
                if (!done.isSuccess()) {
                    Throwable cause = done.cause();
                    body = cause instanceof HttpSysException ? "error " + ((HttpSysException) cause).errorCode()
                            : String.valueOf(cause);
                } else if (done.getNow() == null) {
                    body = "none";
                } else {
                    HttpSysClientCertificate certificate = (HttpSysClientCertificate) done.getNow();
                    answers.complete(new Answer(atHandshake, certificate));
                    body = certificate.certificate().getSubjectX500Principal().getName() + " certFlags="
                            + Integer.toHexString(certificate.certFlags());
                }
                ctx.writeAndFlush(text(body));
            });
        }

        String get(HttpClient client) throws Exception {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(server.uri("/who")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode());
            return response.body();
        }

        @Override
        public void close() throws Exception {
            server.close();
            assertEquals(nativeBefore, NativeMemory.outstandingAllocations(), "native memory left after close");
        }
    }

    /** A client that trusts the server's certificate, speaks only {@code protocol} and holds {@code own}, if any. */
    private static HttpClient client(X509Bundle own, String protocol) throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        KeyManager[] keys = own == null ? null : own.toKeyManagerFactory().getKeyManagers();
        context.init(keys, new TrustManager[] {server.toTrustManager()}, null);
        SSLParameters parameters = new SSLParameters();
        parameters.setProtocols(new String[] {protocol});
        return HttpClient.newBuilder().sslContext(context).sslParameters(parameters)
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    /**
     * An emulated {@code netsh http add sslcert ipport=0.0.0.0:port ... clientcertnegotiation=enable}, deleted on
     * close. The emulator reads the flag when it accepts a connection.
     */
    private static AutoCloseable negotiatingBinding(int port) {
        HttpApi api = HttpSysBackend.current().httpApi();
        long set = NativeMemory.allocate(HttpServiceConfigSslSet.SIZE);
        long address = NativeMemory.allocate(SockaddrIn6.SIZE);
        long hash = NativeMemory.allocate(20);
        NativeAccess.setMemory(set, HttpServiceConfigSslSet.SIZE, (byte) 0);
        NativeAccess.setMemory(hash, 20, (byte) 0x5A);
        Sockaddr.write(address, new InetSocketAddress("0.0.0.0", port));
        HttpServiceConfigSslKey.setIpPort(HttpServiceConfigSslSet.keyDesc(set), address);
        long param = HttpServiceConfigSslSet.paramDesc(set);
        HttpServiceConfigSslParam.setSslHashLength(param, 20);
        HttpServiceConfigSslParam.setSslHash(param, hash);
        HttpServiceConfigSslParam.setDefaultFlags(param, Http.HTTP_SERVICE_CONFIG_SSL_FLAG_NEGOTIATE_CLIENT_CERT);
        assertEquals(WinError.NO_ERROR, api.HttpSetServiceConfiguration(0, Http.HttpServiceConfigSSLCertInfo, set,
                HttpServiceConfigSslSet.SIZE, 0));
        return () -> {
            try {
                assertEquals(WinError.NO_ERROR, api.HttpDeleteServiceConfiguration(0,
                        Http.HttpServiceConfigSSLCertInfo, set, HttpServiceConfigSslSet.SIZE, 0));
            } finally {
                NativeMemory.free(set, HttpServiceConfigSslSet.SIZE);
                NativeMemory.free(address, SockaddrIn6.SIZE);
                NativeMemory.free(hash, 20);
            }
        };
    }

    private static FullHttpResponse text(String body) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                Unpooled.copiedBuffer(body, CharsetUtil.UTF_8));
        response.headers().set(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
        return response;
    }
}
