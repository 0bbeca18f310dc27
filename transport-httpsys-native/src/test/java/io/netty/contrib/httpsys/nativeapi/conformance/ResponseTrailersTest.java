package io.netty.contrib.httpsys.nativeapi.conformance;

import io.netty.contrib.httpsys.nativeapi.Http;
import io.netty.contrib.httpsys.nativeapi.HttpSysBackend;
import io.netty.contrib.httpsys.nativeapi.WinError;
import io.netty.contrib.httpsys.nativeapi.struct.HttpDataChunk;
import io.netty.contrib.httpsys.nativeapi.struct.HttpRequestV2;
import io.netty.contrib.httpsys.nativeapi.struct.HttpResponseV2;
import io.netty.contrib.httpsys.nativeapi.struct.HttpUnknownHeader;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.pkitesting.CertificateBuilder;
import io.netty.pkitesting.X509Bundle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code HttpDataChunkTrailers}. HTTP.SYS sends response trailers on HTTP/2 and HTTP/3 only (ASP.NET Core offers
 * them for version 2.0 and later; dotnet/aspnetcore#16877: "Http/1.1 chunked trailers are not supported"), in the
 * call that ends the response. What Windows answers to one on HTTP/1.1 or with MORE_DATA is not documented, so
 * these pin the emulator's choice (ERROR_INVALID_PARAMETER, nothing sent); they run on the emulator only (on
 * Windows the HTTP/2 case would also need a certificate binding).
 */
@Timeout(60)
class ResponseTrailersTest extends ServerTestBase {

    private static final int BUFFER = 4096;
    private static final String CERTIFICATE = "io.netty.contrib.httpsys.emulator.certificate";
    private static final String KEY = "io.netty.contrib.httpsys.emulator.key";

    private int port;

    @BeforeEach
    void setUp() {
        assumeTrue(HttpSysBackend.current().isEmulated(), "the answer of Windows is undocumented");
        port = server.addLocalhostUrl("/");
    }

    @Test
    void theEmulatedBuildHasResponseTrailers() {
        assertTrue(server.api.HttpIsFeatureSupported(Http.HttpFeatureResponseTrailers));
    }

    @Test
    void trailersOnAnHttp11RequestAreRefusedBeforeAnythingIsSent() {
        try (RawClient client = new RawClient(port)) {
            long id = receive(client);
            long response = new ResponseBuilder(arena).status(200, "OK").build();
            HttpResponseV2.setEntityChunks(response, bodyAndTrailers("pong"));
            HttpResponseV2.setEntityChunkCount(response, 2);
            assertEquals(WinError.ERROR_INVALID_PARAMETER, server.api.HttpSendHttpResponse(server.queue, id, 0,
                    response, 0, 0, 0, 0, 0, 0));

            assertEquals(0, server.api.HttpSendHttpResponse(server.queue, id, Http.HTTP_SEND_RESPONSE_FLAG_MORE_DATA,
                    new ResponseBuilder(arena).status(200, "OK").build(), 0, 0, 0, 0, 0, 0));
            assertEquals(WinError.ERROR_INVALID_PARAMETER, server.api.HttpSendResponseEntityBody(server.queue, id, 0,
                    (short) 2, bodyAndTrailers("late"), 0, 0, 0, 0, 0));
            assertEquals(0, server.api.HttpSendResponseEntityBody(server.queue, id, 0, (short) 1,
                    ResponseBuilder.memoryChunks(arena, "done"), 0, 0, 0, 0, 0));
            String head = client.readHead();
            assertTrue(head.startsWith("HTTP/1.1 200 OK\r\n"), head);
            assertEquals("done", new String(client.readExactly(4), StandardCharsets.ISO_8859_1),
                    "neither refused call put a byte on the wire");
        }
    }

    @Test
    void onHttp2TheTrailersEndTheStreamAndATrailersChunkWithMoreDataIsRefused() throws Exception {
        X509Bundle certificate = new CertificateBuilder().subject("CN=localhost").addSanDnsName("localhost")
                .setIsCertificateAuthority(true).algorithm(CertificateBuilder.Algorithm.ecp256).buildSelfSigned();
        System.setProperty(CERTIFICATE, certificate.toTempCertChainPem().getPath());
        System.setProperty(KEY, certificate.toTempPrivateKeyPem().getPath());
        int httpsPort = server.addUrl(server.group, "https://localhost:%d/", 0);
        try (H2Client client = new H2Client(httpsPort, certificate.toTrustManager(),
                ApplicationProtocolNames.HTTP_2)) {
            H2Client.Stream stream = client.get("/t", httpsPort);
            long id = receive();
            assertEquals(0, server.api.HttpSendHttpResponse(server.queue, id, Http.HTTP_SEND_RESPONSE_FLAG_MORE_DATA,
                    new ResponseBuilder(arena).status(200, "OK").build(), 0, 0, 0, 0, 0, 0));
            assertEquals(WinError.ERROR_INVALID_PARAMETER, server.api.HttpSendResponseEntityBody(server.queue, id,
                    Http.HTTP_SEND_RESPONSE_FLAG_MORE_DATA, (short) 2, bodyAndTrailers("early"), 0, 0, 0, 0, 0));
            assertEquals(0, server.api.HttpSendResponseEntityBody(server.queue, id, 0, (short) 2,
                    bodyAndTrailers("pong"), 0, 0, 0, 0, 0));

            H2Client.Headers head = assertInstanceOf(H2Client.Headers.class, stream.next());
            assertEquals("200", head.headers().status().toString());
            StringBuilder body = new StringBuilder();
            H2Client.Event event = stream.next();
            while (event instanceof H2Client.Data data) {
                assertFalse(data.endStream(), "the trailers end the stream");
                body.append(data.text());
                event = stream.next();
            }
            assertEquals("pong", body.toString(), "the refused call sent nothing");
            H2Client.Headers trailers = assertInstanceOf(H2Client.Headers.class, event);
            assertTrue(trailers.endStream());
            assertEquals("abc", trailers.headers().get("x-checksum").toString());
        } finally {
            System.clearProperty(CERTIFICATE);
            System.clearProperty(KEY);
        }
    }

    private long receive(RawClient client) {
        client.send(RawClient.simpleGet("/", port));
        return receive();
    }

    private long receive() {
        long buffer = arena.allocate(BUFFER);
        assertEquals(0, server.api.HttpReceiveHttpRequest(server.queue, 0, 0, buffer, BUFFER, 0, 0));
        return HttpRequestV2.requestId(buffer);
    }

    /** A memory chunk of {@code body}, then a trailers chunk with {@code X-Checksum: abc}. */
    private long bodyAndTrailers(String body) {
        long chunks = arena.allocate(2L * HttpDataChunk.SIZE);
        HttpDataChunk.setFromMemory(HttpDataChunk.at(chunks, 0), arena.ascii(body), body.length());
        long trailer = arena.allocate(HttpUnknownHeader.SIZE);
        HttpUnknownHeader.setName(trailer, arena.ascii("X-Checksum"));
        HttpUnknownHeader.setNameLength(trailer, 10);
        HttpUnknownHeader.setRawValue(trailer, arena.ascii("abc"));
        HttpUnknownHeader.setRawValueLength(trailer, 3);
        long trailers = HttpDataChunk.at(chunks, 1);
        HttpDataChunk.setDataChunkType(trailers, Http.HttpDataChunkTrailers);
        HttpDataChunk.setTrailersTrailerCount(trailers, 1);
        HttpDataChunk.setTrailersTrailers(trailers, trailer);
        return chunks;
    }
}
