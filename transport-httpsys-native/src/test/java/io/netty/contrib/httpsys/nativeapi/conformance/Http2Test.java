package io.netty.contrib.httpsys.nativeapi.conformance;

import io.netty.contrib.httpsys.nativeapi.Http;
import io.netty.contrib.httpsys.nativeapi.HttpSysBackend;
import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.NtStatus;
import io.netty.contrib.httpsys.nativeapi.WinError;
import io.netty.contrib.httpsys.nativeapi.struct.HttpKnownHeader;
import io.netty.contrib.httpsys.nativeapi.struct.HttpRequestHeaders;
import io.netty.contrib.httpsys.nativeapi.struct.HttpRequestV2;
import io.netty.contrib.httpsys.nativeapi.struct.HttpVersion;
import io.netty.contrib.httpsys.nativeapi.struct.OverlappedEntry;
import io.netty.handler.codec.http2.Http2Error;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.pkitesting.CertificateBuilder;
import io.netty.pkitesting.X509Bundle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.File;
import java.util.concurrent.TimeUnit;

import static io.netty.contrib.httpsys.nativeapi.conformance.NativeArena.readAscii;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * HTTP/2 over TLS as HTTP.SYS serves it (Windows 10 / Server 2016 and later): h2 by ALPN, each stream a request
 * with {@code HTTP_REQUEST_FLAG_HTTP2}, version 2.0 and a virtual {@code ConnectionId} of its own (the
 * {@code RawConnectionId} names the TCP connection), pseudo-headers reported as verb, URL and {@code Host},
 * connection-specific response headers dropped, {@code RST_STREAM} for {@code HttpCancelHttpRequest}, a
 * disconnect wait that a client's {@code RST_STREAM} ends, {@code GOAWAY} at {@code HttpShutdownRequestQueue}, and
 * the switches that turn h2 off. The certificate comes from the emulator's properties; on Windows these tests
 * need an {@code netsh http add sslcert} binding of their port, which a test cannot make, so they run on the
 * emulator only (as {@link TlsTest} does).
 */
@Timeout(30)
class Http2Test extends ServerTestBase {

    private static final String CERTIFICATE = "io.netty.contrib.httpsys.emulator.certificate";
    private static final String PASSWORD = "io.netty.contrib.httpsys.emulator.password";
    private static final String ENABLE_HTTP2_TLS = "io.netty.contrib.httpsys.emulator.EnableHttp2Tls";
    private static final int BUFFER = 4096;
    /** STATUS_CONNECTION_RESET (ntstatus.h). */
    private static final int STATUS_CONNECTION_RESET = 0xC000020D;

    private static X509Bundle bundle;
    private int port;

    @BeforeEach
    void certificate() throws Exception {
        assumeTrue(HttpSysBackend.current().isEmulated(), "needs the emulator's certificate properties");
        if (bundle == null) {
            bundle = new CertificateBuilder().subject("CN=localhost").setIsCertificateAuthority(true)
                    .algorithm(CertificateBuilder.Algorithm.ecp256).buildSelfSigned();
        }
        File keyStore = bundle.toTempKeyStoreFile("secret".toCharArray());
        File p12 = new File(keyStore.getPath() + ".p12");
        assertTrue(keyStore.renameTo(p12));
        p12.deleteOnExit();
        System.setProperty(CERTIFICATE, p12.getPath());
        System.setProperty(PASSWORD, "secret");
    }

    @AfterEach
    void clearProperties() {
        System.clearProperty(CERTIFICATE);
        System.clearProperty(PASSWORD);
        System.clearProperty(ENABLE_HTTP2_TLS);
    }

    private H2Client connect(String... protocols) throws Exception {
        port = server.addUrl(server.group, "https://localhost:%d/", 0);
        return new H2Client(port, bundle.toTrustManager(), protocols);
    }

    private H2Client connectH2() throws Exception {
        return connect(ApplicationProtocolNames.HTTP_2, ApplicationProtocolNames.HTTP_1_1);
    }

    private long receive() {
        long buffer = arena.allocate(BUFFER);
        assertEquals(0, server.api.HttpReceiveHttpRequest(server.queue, 0, 0, buffer, BUFFER, 0, 0));
        return buffer;
    }

    private void answer(long request, long response) {
        assertEquals(0, server.api.HttpSendHttpResponse(server.queue, HttpRequestV2.requestId(request), 0,
                response, 0, 0, 0, 0, 0, 0));
    }

    @Test
    void alpnPrefersH2AndTheRequestIsReportedAsHttp2() throws Exception {
        try (H2Client client = connectH2()) {
            assertEquals(ApplicationProtocolNames.HTTP_2, client.protocol);
            H2Client.Stream stream = client.get("/h2/a%20b?x=1", port);
            long request = receive();
            assertEquals(Http.HTTP_REQUEST_FLAG_HTTP2, HttpRequestV2.flags(request) & Http.HTTP_REQUEST_FLAG_HTTP2);
            assertEquals(HttpVersion.pack(2, 0), HttpRequestV2.version(request));
            assertEquals(Http.HttpVerbGET, HttpRequestV2.verb(request));
            assertEquals("/h2/a%20b?x=1", WineRequestView.rawUrl(request));
            assertEquals("https://localhost:" + port + "/h2/a b?x=1", WineRequestView.fullUrl(request));
            long host = HttpRequestHeaders.knownHeader(HttpRequestV2.headers(request), Http.HttpHeaderHost);
            assertEquals("localhost:" + port, readAscii(HttpKnownHeader.rawValue(host),
                    HttpKnownHeader.rawValueLength(host)));
            answer(request, new ResponseBuilder(arena).header("X-App", "yes").body("over h2").build());
            H2Client.Response response = stream.response();
            assertEquals("200", response.status());
            assertEquals("yes", response.headers().get("x-app").toString());
            assertEquals("Microsoft-HTTPAPI/2.0", response.headers().get("server").toString());
            assertEquals("over h2", response.body());
        }
    }

    @Test
    void connectionSpecificResponseHeadersAreDropped() throws Exception {
        try (H2Client client = connectH2()) {
            H2Client.Stream stream = client.get("/", port);
            long request = receive();
            answer(request, new ResponseBuilder(arena).header("Connection", "close").header("Keep-Alive", "timeout=5")
                    .header("Proxy-Connection", "keep-alive").header("Upgrade", "websocket")
                    .header("Transfer-Encoding", "identity").header("X-Kept", "1").body("ok").build());
            H2Client.Response response = stream.response();
            assertEquals("ok", response.body());
            assertEquals("1", response.headers().get("x-kept").toString());
            for (String name : new String[] {"connection", "keep-alive", "proxy-connection", "upgrade",
                    "transfer-encoding"}) {
                assertNull(response.headers().get(name), name);
            }
            // Connection: close ends the stream only: the connection serves the next one.
            H2Client.Stream next = client.get("/next", port);
            answer(receive(), new ResponseBuilder(arena).body("again").build());
            assertEquals("again", next.response().body());
        }
    }

    @Test
    void everyStreamHasItsOwnConnectionIdAndSharesTheRawOne() throws Exception {
        try (H2Client client = connectH2()) {
            H2Client.Stream first = client.get("/1", port);
            H2Client.Stream second = client.get("/2", port);
            long a = receive();
            long b = receive();
            assertNotEquals(HttpRequestV2.connectionId(a), HttpRequestV2.connectionId(b));
            assertNotEquals(0, HttpRequestV2.rawConnectionId(a));
            assertEquals(HttpRequestV2.rawConnectionId(a), HttpRequestV2.rawConnectionId(b));
            assertNotEquals(HttpRequestV2.connectionId(a), HttpRequestV2.rawConnectionId(a));
            answer(b, new ResponseBuilder(arena).body("b").build());
            answer(a, new ResponseBuilder(arena).body("a").build());
            assertEquals("b", second.response().body());
            assertEquals("a", first.response().body());
        }
    }

    @Test
    void requestBodyArrivesFromDataFrames() throws Exception {
        try (H2Client client = connectH2()) {
            H2Client.Stream stream = client.open(H2Client.request("POST", "/upload", port), false);
            stream.send("hello ", false);
            stream.send("world", true);
            long request = receive();
            long body = arena.allocate(64);
            long read = arena.allocate(4);
            StringBuilder text = new StringBuilder();
            int error;
            while ((error = server.api.HttpReceiveRequestEntityBody(server.queue, HttpRequestV2.requestId(request), 0,
                    body, 64, read, 0)) == WinError.NO_ERROR) {
                text.append(readAscii(body, NativeAccess.getInt(read)));
            }
            assertEquals(WinError.ERROR_HANDLE_EOF, error);
            assertEquals("hello world", text.toString());
            answer(request, new ResponseBuilder(arena).body("got it").build());
            assertEquals("got it", stream.response().body());
        }
    }

    @Test
    void cancelResetsThatStreamOnly() throws Exception {
        try (H2Client client = connectH2()) {
            H2Client.Stream cancelled = client.get("/cancel", port);
            long request = receive();
            H2Client.Stream other = client.get("/other", port);
            long otherRequest = receive();
            assertEquals(0, server.api.HttpCancelHttpRequest(server.queue, HttpRequestV2.requestId(request), 0));
            H2Client.Event event = cancelled.next();
            assertEquals(new H2Client.Reset(Http2Error.CANCEL.code()), event);
            answer(otherRequest, new ResponseBuilder(arena).body("still here").build());
            assertEquals("still here", other.response().body());
        }
    }

    @Test
    void aClientResetEndsTheStreamsDisconnectWaitOnly() throws Exception {
        long completionPort = server.io.CreateIoCompletionPort(server.queue, 0, 42, 0);
        try (H2Client client = connectH2()) {
            H2Client.Stream reset = client.get("/reset", port);
            long request = receive();
            H2Client.Stream other = client.get("/other", port);
            long otherRequest = receive();
            long resetWait = arena.overlapped();
            long otherWait = arena.overlapped();
            assertEquals(WinError.ERROR_IO_PENDING, server.api.HttpWaitForDisconnectEx(server.queue,
                    HttpRequestV2.connectionId(request), 0, resetWait));
            assertEquals(WinError.ERROR_IO_PENDING, server.api.HttpWaitForDisconnectEx(server.queue,
                    HttpRequestV2.connectionId(otherRequest), 0, otherWait));
            reset.reset();
            long entry = arena.allocate(OverlappedEntry.SIZE);
            assertTrue(server.io.GetQueuedCompletionStatusEx(completionPort, entry, 1, arena.allocate(4), 10_000,
                    false));
            assertEquals(resetWait, OverlappedEntry.overlapped(entry));
            assertEquals(STATUS_CONNECTION_RESET, NtStatus.statusOf(OverlappedEntry.internal(entry)));
            assertEquals(WinError.ERROR_CONNECTION_INVALID, server.api.HttpSendHttpResponse(server.queue,
                    HttpRequestV2.requestId(request), 0, new ResponseBuilder(arena).body("late").build(), 0, 0, 0, 0,
                    0, 0));
            // The other stream of the same TCP connection is still served; its wait ends with its stream.
            answer(otherRequest, new ResponseBuilder(arena).body("served").build());
            assertEquals("served", other.response().body());
            assertTrue(server.io.GetQueuedCompletionStatusEx(completionPort, entry, 1, arena.allocate(4), 10_000,
                    false));
            assertEquals(otherWait, OverlappedEntry.overlapped(entry));
            assertEquals(NtStatus.STATUS_SUCCESS, NtStatus.statusOf(OverlappedEntry.internal(entry)));
        } finally {
            server.io.CloseHandle(completionPort);
        }
    }

    @Test
    void queueShutdownSendsGoAway() throws Exception {
        try (H2Client client = connectH2()) {
            H2Client.Stream stream = client.get("/", port);
            answer(receive(), new ResponseBuilder(arena).body("first").build());
            assertEquals("first", stream.response().body());
            assertFalse(client.goAway.isDone());
            assertEquals(0, server.api.HttpShutdownRequestQueue(server.queue));
            assertEquals(Http2Error.NO_ERROR.code(), client.goAway.get(10, TimeUnit.SECONDS).errorCode());
        }
    }

    @Test
    void theGoAwaySendFlagSendsGoAwayAfterTheResponse() throws Exception {
        try (H2Client client = connectH2()) {
            H2Client.Stream stream = client.get("/", port);
            long request = receive();
            assertEquals(0, server.api.HttpSendHttpResponse(server.queue, HttpRequestV2.requestId(request),
                    Http.HTTP_SEND_RESPONSE_FLAG_DISCONNECT | Http.HTTP_SEND_RESPONSE_FLAG_GOAWAY,
                    new ResponseBuilder(arena).body("bye").build(), 0, 0, 0, 0, 0, 0));
            assertEquals("bye", stream.response().body());
            assertEquals(Http2Error.NO_ERROR.code(), client.goAway.get(10, TimeUnit.SECONDS).errorCode());
        }
    }

    @Test
    void disconnectWithoutGoAwayEndsTheStreamOnly() throws Exception {
        try (H2Client client = connectH2()) {
            H2Client.Stream stream = client.get("/", port);
            assertEquals(0, server.api.HttpSendHttpResponse(server.queue, HttpRequestV2.requestId(receive()),
                    Http.HTTP_SEND_RESPONSE_FLAG_DISCONNECT, new ResponseBuilder(arena).body("one").build(), 0, 0, 0,
                    0, 0, 0));
            assertEquals("one", stream.response().body());
            H2Client.Stream next = client.get("/", port);
            answer(receive(), new ResponseBuilder(arena).body("two").build());
            assertEquals("two", next.response().body());
            assertFalse(client.goAway.isDone());
        }
    }

    @Test
    void enableHttp2TlsZeroNegotiatesHttp11() throws Exception {
        System.setProperty(ENABLE_HTTP2_TLS, "0");
        try (H2Client client = connectH2()) {
            assertEquals(ApplicationProtocolNames.HTTP_1_1, client.protocol);
        }
    }

    @Test
    void aClientWithoutH2GetsHttp11() throws Exception {
        try (H2Client client = connect(ApplicationProtocolNames.HTTP_1_1)) {
            assertEquals(ApplicationProtocolNames.HTTP_1_1, client.protocol);
        }
    }

    @Test
    void theDisableHttp2BindingFlagNegotiatesHttp11() throws Exception {
        int candidate = TestServer.freePort();
        SslCertBinding binding = SslCertBinding.add(server.api, arena, candidate,
                Http.HTTP_SERVICE_CONFIG_SSL_FLAG_DISABLE_HTTP2);
        try {
            assertEquals(0, server.api.HttpAddUrlToUrlGroup(server.group, "https://localhost:" + candidate + "/", 0,
                    0));
            port = candidate;
            try (H2Client client = new H2Client(port, bundle.toTrustManager(), ApplicationProtocolNames.HTTP_2,
                    ApplicationProtocolNames.HTTP_1_1)) {
                assertEquals(ApplicationProtocolNames.HTTP_1_1, client.protocol);
            }
        } finally {
            binding.close();
        }
    }

    /** Cancelled after its head went out, a response ends with RST_STREAM, not with END_STREAM. */
    @Test
    void cancelMidResponseResetsTheStream() throws Exception {
        try (H2Client client = connectH2()) {
            H2Client.Stream stream = client.get("/", port);
            long request = receive();
            assertEquals(0, server.api.HttpSendHttpResponse(server.queue, HttpRequestV2.requestId(request),
                    Http.HTTP_SEND_RESPONSE_FLAG_MORE_DATA, new ResponseBuilder(arena).body("part").build(), 0, 0, 0,
                    0, 0, 0));
            assertInstanceOf(H2Client.Headers.class, stream.next());
            assertEquals(new H2Client.Data("part", false), stream.next());
            assertEquals(0, server.api.HttpCancelHttpRequest(server.queue, HttpRequestV2.requestId(request), 0));
            assertEquals(new H2Client.Reset(Http2Error.CANCEL.code()), stream.next());
        }
    }

    /** A request the kernel answers itself (no prefix for its host) gets that answer on its stream only. */
    @Test
    void aKernelAnswerEndsItsStreamOnly() throws Exception {
        try (H2Client client = connectH2()) {
            H2Client.Stream stream = client.open(H2Client.request("GET", "/", port).authority("elsewhere:" + port),
                    true);
            H2Client.Response answer = stream.response();
            assertEquals('4', answer.status().charAt(0), answer.status());
            assertTrue(answer.body().contains("Bad Request") || answer.body().contains("Not Found"), answer.body());
            H2Client.Stream next = client.get("/", port);
            answer(receive(), new ResponseBuilder(arena).body("served").build());
            assertEquals("served", next.response().body());
        }
    }

    /** Expect: 100-continue on HTTP/2: the interim 100 is a HEADERS frame before the response's own. */
    @Test
    void continueIsAnInterimHeadersFrame() throws Exception {
        try (H2Client client = connectH2()) {
            H2Client.Stream stream = client.open(H2Client.request("PUT", "/e", port).set("expect", "100-continue")
                    .setInt("content-length", 3), false);
            long request = receive();
            long body = arena.allocate(16);
            assertEquals(WinError.ERROR_IO_PENDING, server.api.HttpReceiveRequestEntityBody(server.queue,
                    HttpRequestV2.requestId(request), 0, body, 16, 0, arena.overlapped()));
            H2Client.Event interim = stream.next();
            assertEquals("100", ((H2Client.Headers) interim).headers().status().toString());
            assertFalse(((H2Client.Headers) interim).endStream());
        }
    }
}
