package io.netty.contrib.httpsys.nativeapi.conformance;

import io.netty.contrib.httpsys.nativeapi.Http;
import io.netty.contrib.httpsys.nativeapi.HttpSysBackend;
import io.netty.contrib.httpsys.nativeapi.emulator.KernelFeatures;
import io.netty.contrib.httpsys.nativeapi.struct.HttpDataChunk;
import io.netty.contrib.httpsys.nativeapi.struct.HttpKnownHeader;
import io.netty.contrib.httpsys.nativeapi.struct.HttpRequestHeaders;
import io.netty.contrib.httpsys.nativeapi.struct.HttpRequestV2;
import io.netty.contrib.httpsys.nativeapi.struct.HttpResponseV2;
import io.netty.contrib.httpsys.nativeapi.struct.HttpUnknownHeader;
import io.netty.contrib.httpsys.nativeapi.struct.HttpVersion;
import io.netty.handler.codec.quic.Quic;
import io.netty.pkitesting.CertificateBuilder;
import io.netty.pkitesting.X509Bundle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.TimeUnit;

import static io.netty.contrib.httpsys.nativeapi.conformance.NativeArena.readAscii;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * HTTP/3 as Windows Server 2022 serves it once {@code EnableHttp3} is set: QUIC on the {@code https} port over UDP,
 * each request with {@code HTTP_REQUEST_FLAG_HTTP3} (http.h: "the request was received over HTTP/3"), version 3.0,
 * pseudo-headers reported as verb, URL and {@code Host}, and response trailers as the final HEADERS frame. Emulator
 * only: on Windows it needs the registry value and a certificate binding, which a test cannot make.
 */
@Timeout(30)
class Http3Test extends ServerTestBase {

    private static final String CERTIFICATE = "io.netty.contrib.httpsys.emulator.certificate";
    private static final String KEY = "io.netty.contrib.httpsys.emulator.key";
    private static final int BUFFER = 4096;

    private int port;

    @BeforeEach
    void enableHttp3() throws Exception {
        assumeTrue(HttpSysBackend.current().isEmulated(), "needs the emulator's certificate and EnableHttp3");
        assumeTrue(Quic.isAvailable(), "the native QUIC library is a dependency for linux-x86_64 only");
        X509Bundle certificate = new CertificateBuilder().subject("CN=localhost").addSanDnsName("localhost")
                .setIsCertificateAuthority(true).algorithm(CertificateBuilder.Algorithm.ecp256).buildSelfSigned();
        System.setProperty(CERTIFICATE, certificate.toTempCertChainPem().getPath());
        System.setProperty(KEY, certificate.toTempPrivateKeyPem().getPath());
        System.setProperty(KernelFeatures.ENABLE_HTTP3_PROPERTY, "1");
        port = server.addUrl(server.group, "https://localhost:%d/", 0);
    }

    @AfterEach
    void clearProperties() {
        System.clearProperty(CERTIFICATE);
        System.clearProperty(KEY);
        System.clearProperty(KernelFeatures.ENABLE_HTTP3_PROPERTY);
    }

    @Test
    void aRequestOverQuicIsReportedAsHttp3AndItsTrailersArrive() throws Exception {
        assertTrue(server.api.HttpIsFeatureSupported(Http.HttpFeatureHttp3));
        try (H3Client client = new H3Client(port)) {
            H3Client.Exchange exchange = client.send("GET", "/h3/a%20b?x=1", null);
            long request = arena.allocate(BUFFER);
            assertEquals(0, server.api.HttpReceiveHttpRequest(server.queue, 0, 0, request, BUFFER, 0, 0));
            int flags = HttpRequestV2.flags(request);
            assertEquals(Http.HTTP_REQUEST_FLAG_HTTP3, flags & (Http.HTTP_REQUEST_FLAG_HTTP3
                    | Http.HTTP_REQUEST_FLAG_HTTP2));
            assertEquals(HttpVersion.pack(3, 0), HttpRequestV2.version(request));
            assertEquals(Http.HttpVerbGET, HttpRequestV2.verb(request));
            assertEquals("/h3/a%20b?x=1", WineRequestView.rawUrl(request));
            assertEquals("https://localhost:" + port + "/h3/a b?x=1", WineRequestView.fullUrl(request));
            long host = HttpRequestHeaders.knownHeader(HttpRequestV2.headers(request), Http.HttpHeaderHost);
            assertEquals("localhost:" + port, readAscii(HttpKnownHeader.rawValue(host),
                    HttpKnownHeader.rawValueLength(host)));
            assertTrue(HttpRequestV2.sslInfo(request) != 0, "QUIC is TLS: the request carries HTTP_SSL_INFO");

            long response = new ResponseBuilder(arena).header("X-App", "yes").build();
            long chunks = arena.allocate(2L * HttpDataChunk.SIZE);
            HttpDataChunk.setFromMemory(HttpDataChunk.at(chunks, 0), arena.ascii("over h3"), 7);
            long trailer = arena.allocate(HttpUnknownHeader.SIZE);
            HttpUnknownHeader.setName(trailer, arena.ascii("grpc-status"));
            HttpUnknownHeader.setNameLength(trailer, 11);
            HttpUnknownHeader.setRawValue(trailer, arena.ascii("0"));
            HttpUnknownHeader.setRawValueLength(trailer, 1);
            HttpDataChunk.setDataChunkType(HttpDataChunk.at(chunks, 1), Http.HttpDataChunkTrailers);
            HttpDataChunk.setTrailersTrailerCount(HttpDataChunk.at(chunks, 1), 1);
            HttpDataChunk.setTrailersTrailers(HttpDataChunk.at(chunks, 1), trailer);
            HttpResponseV2.setEntityChunks(response, chunks);
            HttpResponseV2.setEntityChunkCount(response, 2);
            assertEquals(0, server.api.HttpSendHttpResponse(server.queue, HttpRequestV2.requestId(request), 0,
                    response, 0, 0, 0, 0, 0, 0));

            exchange.done.get(10, TimeUnit.SECONDS);
            assertEquals("200", exchange.status());
            assertEquals("yes", String.valueOf(exchange.headers.get(0).get("x-app")));
            assertEquals("Microsoft-HTTPAPI/2.0", String.valueOf(exchange.headers.get(0).get("server")));
            assertEquals("over h3", exchange.body.toString());
            assertEquals("0", String.valueOf(exchange.headers.get(1).get("grpc-status")));
        }
    }
}
