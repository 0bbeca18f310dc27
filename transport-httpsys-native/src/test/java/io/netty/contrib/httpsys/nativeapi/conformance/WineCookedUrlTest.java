package io.netty.contrib.httpsys.nativeapi.conformance;

import io.netty.contrib.httpsys.nativeapi.Http;
import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.struct.HttpCookedUrl;
import io.netty.contrib.httpsys.nativeapi.struct.HttpRequestHeaders;
import io.netty.contrib.httpsys.nativeapi.struct.HttpRequestV2;
import io.netty.contrib.httpsys.nativeapi.struct.HttpUnknownHeader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.concurrent.TimeUnit;

import static io.netty.contrib.httpsys.nativeapi.conformance.NativeArena.readAscii;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Behaviours 3.7-3.9, after Wine's {@code test_v1_cooked_url} and {@code test_v1_unknown_tokens}: the query string,
 * an absolute-form request line whose URI beats the Host header, an unknown verb and an unknown header with its
 * surrounding whitespace trimmed. Offsets into {@code pFullUrl} are in WCHARs, as in Wine.
 */
@ExtendWith(WineHttpInitialize.class)
@Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class WineCookedUrlTest {

    private static final int BUFFER = 2048;

    private WineV2Server server;
    private RawClient client;
    private int port;
    private long req;

    @BeforeEach
    @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void setUp() {
        server = new WineV2Server();
        port = WineUrls.addUrlV2(server.api, server.group, "/");
        client = new RawClient(port);
        req = server.arena.guarded(BUFFER);
    }

    @AfterEach
    @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void tearDown() {
        client.close();
        server.close();
    }

    private void receive(String request) {
        client.send(request);
        long size = server.arena.allocate(4);
        assertEquals(0, server.api.HttpReceiveHttpRequest(server.queue, Http.HTTP_NULL_ID, 0, req, BUFFER, size, 0));
        assertTrue(NativeAccess.getInt(size) > WineExchange.HTTP_REQUEST_V1_SIZE);
        NativeArena.assertGuardIntact(req, BUFFER);
    }

    @Test
    void theQueryStringIsPartOfTheCookedUrl() {
        receive("GET /foobar?a=b HTTP/1.1\r\nHost: localhost:" + port + "\r\nConnection: keep-alive\r\n\r\n");
        assertEquals(11, HttpRequestV2.rawUrlLength(req));
        assertEquals("/foobar?a=b\0", readAscii(HttpRequestV2.rawUrl(req), 12));
        long cooked = HttpRequestV2.cookedUrl(req);
        assertEquals(66, HttpCookedUrl.fullUrlLength(cooked));
        assertEquals(30, HttpCookedUrl.hostLength(cooked));
        assertEquals(14, HttpCookedUrl.absPathLength(cooked));
        assertEquals(8, HttpCookedUrl.queryStringLength(cooked));
        long fullUrl = HttpCookedUrl.fullUrl(cooked);
        assertEquals("http://localhost:" + port + "/foobar?a=b\0", NativeAccess.getUtf16String(fullUrl, 66 + 2));
        assertEquals(fullUrl + 7 * 2, HttpCookedUrl.host(cooked));
        assertEquals(fullUrl + 22 * 2, HttpCookedUrl.absPath(cooked));
        assertEquals(fullUrl + 29 * 2, HttpCookedUrl.queryString(cooked));
        WineExchange.sendResponseV1(server.api, server.queue, HttpRequestV2.requestId(req), client);
    }

    @Test
    void anAbsoluteFormUriWinsOverTheHostHeader() {
        receive("GET http://localhost:" + port + "/ HTTP/1.1\r\nHost: ignored\r\nConnection: keep-alive\r\n\r\n");
        String absolute = "http://localhost:" + port + "/";
        assertEquals(23, HttpRequestV2.rawUrlLength(req));
        assertEquals(absolute + "\0", readAscii(HttpRequestV2.rawUrl(req), 24));
        long cooked = HttpRequestV2.cookedUrl(req);
        assertEquals(46, HttpCookedUrl.fullUrlLength(cooked));
        assertEquals(30, HttpCookedUrl.hostLength(cooked));
        assertEquals(2, HttpCookedUrl.absPathLength(cooked));
        assertEquals(0, HttpCookedUrl.queryStringLength(cooked));
        long fullUrl = HttpCookedUrl.fullUrl(cooked);
        assertEquals(absolute + "\0", NativeAccess.getUtf16String(fullUrl, 46 + 2));
        assertEquals(fullUrl + 7 * 2, HttpCookedUrl.host(cooked));
        assertEquals(fullUrl + 22 * 2, HttpCookedUrl.absPath(cooked));
        assertEquals(0, HttpCookedUrl.queryString(cooked));
        WineExchange.sendResponseV1(server.api, server.queue, HttpRequestV2.requestId(req), client);
    }

    @Test
    void unknownVerbsAndHeadersAreKeptTrimmed() {
        receive("xyzzy / HTTP/1.1\r\nHost: localhost:" + port + "\r\nConnection: keep-alive\r\nQux: foo baz \r\n\r\n");
        assertEquals(Http.HttpVerbUnknown, HttpRequestV2.verb(req));
        assertEquals(5, HttpRequestV2.unknownVerbLength(req));
        assertEquals("xyzzy\0", readAscii(HttpRequestV2.unknownVerb(req), 6));
        long headers = HttpRequestV2.headers(req);
        assertEquals(1, HttpRequestHeaders.unknownHeaderCount(headers));
        long qux = HttpUnknownHeader.at(HttpRequestHeaders.unknownHeaders(headers), 0);
        assertEquals(3, HttpUnknownHeader.nameLength(qux));
        assertEquals("Qux\0", readAscii(HttpUnknownHeader.name(qux), 4));
        assertEquals(7, HttpUnknownHeader.rawValueLength(qux));
        assertEquals("foo baz\0", readAscii(HttpUnknownHeader.rawValue(qux), 8));
        WineExchange.sendResponseV1(server.api, server.queue, HttpRequestV2.requestId(req), client);
    }
}
