package io.netty.contrib.httpsys;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.contrib.httpsys.nativeapi.Http;
import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.NativeMemory;
import io.netty.contrib.httpsys.nativeapi.Schannel;
import io.netty.contrib.httpsys.nativeapi.WinCrypt;
import io.netty.contrib.httpsys.nativeapi.WinError;
import io.netty.contrib.httpsys.nativeapi.emulator.ConnectionInfo;
import io.netty.contrib.httpsys.nativeapi.emulator.ParsedRequest;
import io.netty.contrib.httpsys.nativeapi.emulator.RequestHeader;
import io.netty.contrib.httpsys.nativeapi.emulator.RequestMarshaller;
import io.netty.contrib.httpsys.nativeapi.emulator.SslDetails;
import io.netty.contrib.httpsys.nativeapi.struct.HttpKnownHeader;
import io.netty.contrib.httpsys.nativeapi.struct.HttpRequestHeaders;
import io.netty.contrib.httpsys.nativeapi.struct.HttpRequestInfo;
import io.netty.contrib.httpsys.nativeapi.struct.HttpRequestV2;
import io.netty.contrib.httpsys.nativeapi.struct.HttpSslProtocolInfo;
import io.netty.contrib.httpsys.nativeapi.struct.HttpUnknownHeader;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Builds real {@code HTTP_REQUEST_V2} structures with the emulator's {@link RequestMarshaller} and checks the
 * Netty request a handler would see, and the {@link HttpSysRequestInfo} beside it.
 */
@ExtendWith(LeakCheck.class)
class HttpSysRequestDecoderTest {

    private static final int PORT = 50123;
    private static final String HOST = "localhost:" + PORT;
    private static final long CONNECTION_ID = 0x1122_3344_5566L;
    private static final long REQUEST_ID = 0x0abc_def0_1234L;
    private static final long URL_CONTEXT = 42;

    private final ByteBufAllocator alloc = PooledByteBufAllocator.DEFAULT;
    private final HttpSysRequestDecoder decoder = new HttpSysRequestDecoder();
    private final List<Runnable> cleanups = new ArrayList<>();
    private long allocationsAtStart;

    @BeforeEach
    void recordAllocations() {
        allocationsAtStart = NativeMemory.outstandingAllocations();
    }

    @AfterEach
    void freeAndCheck() {
        cleanups.forEach(Runnable::run);
        assertEquals(allocationsAtStart, NativeMemory.outstandingAllocations(), "native allocations leaked");
    }

    @Test
    void getWithKnownUnknownAndRepeatedHeaders() {
        ParsedRequest parsed = request("GET", "/foobar?a=b%20c", "/foobar", "?a=b c", 1, 1, -1, false,
                header("Host", HOST), header("User-Agent", "curl/8"), header("X-Trace", "one"),
                header("Accept", "text/html"), header("X-Trace", "two"), header("Accept", "*/*"));
        long r = marshal(parsed, ipv4(), 0, null, 0);

        HttpSysRequestInfo info = decoder.decodeInfo(r);
        FullHttpRequest req = decoder.decodeFull(r, info, alloc);
        try {
            assertSame(HttpMethod.GET, req.method());
            assertEquals("/foobar?a=b%20c", req.uri(), "the raw, still-encoded target");
            assertSame(HttpVersion.HTTP_1_1, req.protocolVersion());
            assertEquals(HOST, req.headers().get("host"));
            assertEquals("curl/8", req.headers().get(HttpHeaderNames.USER_AGENT));
            // HTTP.SYS merges repeated headers with ", ".
            assertEquals("text/html, */*", req.headers().get("Accept"));
            assertEquals("one, two", req.headers().get("x-trace"));
            assertEquals("0", req.headers().get(HttpHeaderNames.CONTENT_LENGTH),
                    "as after HttpObjectAggregator, a full request states its length");
            assertEquals(0, req.content().readableBytes());
            assertTrue(req.decoderResult().isSuccess());

            assertEquals(REQUEST_ID, info.requestId());
            assertEquals(CONNECTION_ID, info.connectionId());
            assertEquals(URL_CONTEXT, info.urlContext());
            assertEquals(HttpSysRequestInfo.Protocol.HTTP_1, info.protocol());
            assertFalse(info.isSecure());
            assertFalse(info.hasMoreEntityBody());
            assertEquals(new InetSocketAddress(loopback("127.0.0.1"), 40001), info.remoteAddress());
            assertEquals(new InetSocketAddress(loopback("127.0.0.1"), PORT), info.localAddress());
            assertSame(info.remoteAddress(), info.remoteAddress(), "made once");
            assertEquals("http://" + HOST + "/foobar?a=b c", info.cookedUrl());
            assertNull(info.serverCertSubject());
            assertNull(info.clientCertificate());
            assertNull(info.sslProtocolInfo());
        } finally {
            req.release();
        }
    }

    /**
     * The receive buffer is reused for the next request as soon as a request is decoded: nothing of a decoded
     * request (headers looked up before or after, their map, the cooked URL) may still read it.
     */
    @Test
    void aDecodedRequestKeepsItsDataWhenTheReceiveBufferIsReused() {
        ParsedRequest parsed = request("GET", "/a?q=1", "/a", "?q=1", 1, 1, -1, false,
                header("Host", HOST), header("Accept", "text/html"), header("X-Trace", "one"),
                header("Connection", "keep-alive"));
        long r = marshal(parsed, ipv4(), 0, null, 0);
        HttpSysRequestInfo info = decoder.decodeInfo(r);
        FullHttpRequest req = decoder.decodeFull(r, info, alloc);
        try {
            assertEquals("text/html", req.headers().get(HttpHeaderNames.ACCEPT), "looked up before the reuse");
            NativeAccess.setMemory(r, 16 * 1024, (byte) 'Z');

            assertEquals(HOST, req.headers().get("Host"));
            assertEquals("one", req.headers().get("x-trace"));
            assertTrue(HttpUtil.isKeepAlive(req));
            assertEquals("http://" + HOST + "/a?q=1", info.cookedUrl());
            assertEquals("/a?q=1", req.uri());
            List<String> entries = new ArrayList<>();
            req.headers().forEach(e -> entries.add(e.getKey() + ": " + e.getValue()));
            assertEquals(List.of("connection: keep-alive", "accept: text/html", "host: " + HOST, "X-Trace: one",
                    "content-length: 0"), entries);
        } finally {
            req.release();
        }
    }

    /**
     * The decoder copies the header strings in one piece when they lie together, as HTTP.SYS and the emulator
     * write them; a kernel that scatters them (here: one value and one unknown name moved 12 KiB away) is read
     * string by string, with the same result.
     */
    @Test
    void headerStringsFarApartAreCopiedOneByOne() {
        ParsedRequest parsed = request("GET", "/", "/", null, 1, 1, -1, false,
                header("Host", HOST), header("User-Agent", "curl/8"), header("X-Far", "away"),
                header("X-Near", "here"));
        long r = marshal(parsed, ipv4(), 0, null, 0);
        long headers = HttpRequestV2.headers(r);
        long agent = HttpRequestHeaders.knownHeader(headers, Http.HttpHeaderUserAgent);
        long far = r + 12 * 1024;
        NativeAccess.copyMemory(HttpKnownHeader.rawValue(agent), far, HttpKnownHeader.rawValueLength(agent));
        HttpKnownHeader.setRawValue(agent, far);
        long unknown = HttpUnknownHeader.at(HttpRequestHeaders.unknownHeaders(headers), 0);
        long farName = far + 100;
        NativeAccess.copyMemory(HttpUnknownHeader.name(unknown), farName, HttpUnknownHeader.nameLength(unknown));
        HttpUnknownHeader.setName(unknown, farName);

        FullHttpRequest req = decoder.decodeFull(r, decoder.decodeInfo(r), alloc);
        try {
            NativeAccess.setMemory(r, 16 * 1024, (byte) 'Z');
            assertEquals("curl/8", req.headers().get(HttpHeaderNames.USER_AGENT));
            assertEquals("away", req.headers().get("x-far"));
            assertEquals("here", req.headers().get("X-Near"));
            assertEquals(HOST, req.headers().get(HttpHeaderNames.HOST));
            assertEquals(List.of("X-Far", "X-Near"), req.headers().names().stream()
                    .filter(n -> n.startsWith("X-")).collect(Collectors.toList()));
        } finally {
            req.release();
        }
    }

    @Test
    void chunkedPostBodyIsCopiedAndLengthMadeConsistent() {
        byte[] body = "hello, http.sys".getBytes(StandardCharsets.US_ASCII);
        ParsedRequest parsed = request("POST", "/upload", "/upload", null, 1, 1, -1, true,
                header("Host", HOST), header("Transfer-Encoding", "chunked"), header("Content-Type", "text/plain"));
        ByteBuf received = Unpooled.wrappedBuffer(body);
        long r = marshal(parsed, ipv4(), 0, received, Http.HTTP_RECEIVE_REQUEST_FLAG_COPY_BODY);

        HttpSysRequestInfo info = decoder.decodeInfo(r);
        FullHttpRequest req = decoder.decodeFull(r, info, alloc);
        try {
            assertSame(HttpMethod.POST, req.method());
            assertEquals("hello, http.sys", req.content().toString(StandardCharsets.US_ASCII));
            assertFalse(req.headers().contains(HttpHeaderNames.TRANSFER_ENCODING),
                    "the kernel de-chunked the body: the header would lie");
            assertEquals(Integer.toString(body.length), req.headers().get(HttpHeaderNames.CONTENT_LENGTH));
            assertEquals("text/plain", req.headers().get(HttpHeaderNames.CONTENT_TYPE));
        } finally {
            req.release();
            received.release();
        }
    }

    @Test
    void partialBodyKeepsHeadAsReceivedAndCopiesWhatArrived() {
        byte[] body = new byte[100];
        Arrays.fill(body, (byte) 'x');
        ParsedRequest parsed = request("PUT", "/f", "/f", null, 1, 1, 300, false,
                header("Host", HOST), header("Content-Length", "300"));
        ByteBuf received = Unpooled.wrappedBuffer(body);
        long r = marshal(parsed, ipv4(), 0, received,
                Http.HTTP_REQUEST_FLAG_MORE_ENTITY_BODY_EXISTS, Http.HTTP_RECEIVE_REQUEST_FLAG_COPY_BODY);

        HttpSysRequestInfo info = decoder.decodeInfo(r);
        assertTrue(info.hasMoreEntityBody());
        HttpRequest head = decoder.decodeHead(r, info);
        assertFalse(head instanceof FullHttpRequest);
        assertSame(HttpMethod.PUT, head.method());
        assertEquals("300", head.headers().get(HttpHeaderNames.CONTENT_LENGTH));
        ByteBuf first = decoder.copyEntityChunks(r, alloc);
        assertEquals(100, first.readableBytes());
        assertEquals('x', first.getByte(99));

        ByteBuf rest = alloc.buffer(200).writeZero(200);
        FullHttpRequest full = HttpSysRequestDecoder.aggregate(head, alloc.compositeBuffer()
                .addComponents(true, first, rest));
        try {
            assertEquals(300, full.content().readableBytes());
            assertEquals("300", full.headers().get(HttpHeaderNames.CONTENT_LENGTH));
            assertEquals("/f", full.uri());
        } finally {
            full.release();
            received.release();
        }
    }

    @Test
    void verbsHttpSysDoesNotKnowKeepTheirName() {
        long r = marshal(request("PATCH", "/p", "/p", null, 1, 1, -1, false, header("Host", HOST)), ipv4(), 0,
                null, 0);
        HttpSysRequestInfo info = decoder.decodeInfo(r);
        assertSame(HttpMethod.PATCH, decoder.decodeHead(r, info).method());

        long r2 = marshal(request("xyzzy", "/p", "/p", null, 1, 1, -1, false, header("Host", HOST)), ipv4(), 0,
                null, 0);
        assertEquals("xyzzy", decoder.decodeHead(r2, decoder.decodeInfo(r2)).method().name());

        long r3 = marshal(request("PROPFIND", "/p", "/p", null, 1, 1, -1, false, header("Host", HOST)), ipv4(),
                0, null, 0);
        assertEquals("PROPFIND", decoder.decodeHead(r3, decoder.decodeInfo(r3)).method().name());
    }

    @Test
    void absoluteFormTargetBecomesOriginForm() {
        assertEquals("/a/b%2Fc?q=1", uriOf("http://" + HOST + "/a/b%2Fc?q=1", "/a/b/c", "?q=1"));
        assertEquals("/", uriOf("http://" + HOST, "/", null));
        assertEquals("/?x", uriOf("http://" + HOST + "?x", "/", "?x"));
        assertEquals("*", uriOf("*", "/", null));
        assertEquals("example.com:443", uriOf("example.com:443", "/", null), "authority-form stays as sent");
    }

    @Test
    void versionsAndProtocols() {
        long r10 = marshal(request("GET", "/", "/", null, 1, 0, -1, false, header("Host", HOST)), ipv4(), 0,
                null, 0);
        HttpSysRequestInfo info10 = decoder.decodeInfo(r10);
        assertSame(HttpVersion.HTTP_1_0, decoder.decodeHead(r10, info10).protocolVersion());

        long r2 = marshal(request("GET", "/", "/", null, 2, 0, -1, false,
                header("Host", HOST)), ipv6(), 0, null, Http.HTTP_REQUEST_FLAG_HTTP2, 0);
        HttpSysRequestInfo info2 = decoder.decodeInfo(r2);
        assertEquals(HttpSysRequestInfo.Protocol.HTTP_2, info2.protocol());
        assertSame(HttpVersion.HTTP_1_1, decoder.decodeHead(r2, info2).protocolVersion(),
                "handlers speak HTTP/1.x; the info tells h2 apart");
        assertEquals(new InetSocketAddress(loopback("::1"), 40002), info2.remoteAddress());
        assertEquals(new InetSocketAddress(loopback("::1"), PORT), info2.localAddress());

        long r3 = marshal(request("GET", "/", "/", null, 3, 0, -1, false,
                header("Host", HOST)), ipv4(), 0, null, Http.HTTP_REQUEST_FLAG_HTTP3, 0);
        assertEquals(HttpSysRequestInfo.Protocol.HTTP_3, decoder.decodeInfo(r3).protocol());
    }

    @Test
    void tlsDetails() {
        byte[] der = {0x30, (byte) 0x82, 1, 2, 3, 4, 5};
        long r = marshal(secureRequest(), secure(new SslDetails(256, 2048, "CN=Issuer", "CN=localhost", "TLSv1.3",
                "TLS_AES_256_GCM_SHA384", der)), 0, null, 0);
        HttpSysRequestInfo info = decoder.decodeInfo(r);
        assertTrue(info.isSecure());
        assertEquals(256, info.connectionKeySize());
        assertEquals(2048, info.serverCertKeySize());
        assertEquals("CN=Issuer", info.serverCertIssuer());
        assertEquals("CN=localhost", info.serverCertSubject());
        assertArrayEquals(der, info.clientCertificate());
        assertEquals("https://" + HOST + "/s", info.cookedUrl());

        HttpSysRequestInfo.SslProtocolInfo tls = info.sslProtocolInfo();
        assertEquals("TLSv1.3", tls.protocol(), "the JSSE name");
        assertEquals(Schannel.SP_PROT_TLS1_3_SERVER, tls.schannelProtocol());
        assertEquals(WinCrypt.CALG_AES_256, tls.cipherType());
        assertEquals(256, tls.cipherStrength());
        assertEquals(WinCrypt.CALG_SHA_384, tls.hashType());
        assertEquals(WinCrypt.CALG_ECDH_EPHEM, tls.keyExchangeType());
        assertTrue(info.toString().contains("tls=TLSv1.3"), info.toString());
    }

    @Test
    void tls12ProtocolIsNamedAsJsseNamesIt() {
        long r = marshal(secureRequest(), secure(new SslDetails(128, 2048, "CN=Issuer", "CN=localhost", "TLSv1.2",
                "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", null)), 0, null, 0);
        HttpSysRequestInfo.SslProtocolInfo tls = decoder.decodeInfo(r).sslProtocolInfo();
        assertEquals("TLSv1.2", tls.protocol());
        assertEquals(WinCrypt.CALG_AES_128, tls.cipherType());
        assertEquals(128, tls.cipherStrength());
    }

    @Test
    void requestInfoArrayIsWalkedPastOtherTypes() {
        long r = marshal(secureRequest(), secure(new SslDetails(256, 2048, "CN=Issuer", "CN=localhost", "TLSv1.3",
                "TLS_AES_256_GCM_SHA384", null)), 0, null, 0);
        // As Windows may: an entry of another type first, then the TLS parameters, all fields distinct.
        int size = 2 * HttpRequestInfo.SIZE + 8 + HttpSslProtocolInfo.SIZE;
        long block = NativeMemory.allocate(size);
        cleanups.add(() -> NativeMemory.free(block, size));
        long other = block + 2 * HttpRequestInfo.SIZE;
        long protocolInfo = other + 8;
        HttpRequestInfo.setInfoType(block, Http.HttpRequestInfoTypeRequestTiming);
        HttpRequestInfo.setInfoLength(block, 8);
        HttpRequestInfo.setInfo(block, other);
        long second = HttpRequestInfo.at(block, 1);
        HttpRequestInfo.setInfoType(second, Http.HttpRequestInfoTypeSslProtocol);
        HttpRequestInfo.setInfoLength(second, HttpSslProtocolInfo.SIZE);
        HttpRequestInfo.setInfo(second, protocolInfo);
        HttpSslProtocolInfo.setProtocol(protocolInfo, Schannel.SP_PROT_TLS1_1_SERVER);
        HttpSslProtocolInfo.setCipherType(protocolInfo, 11);
        HttpSslProtocolInfo.setCipherStrength(protocolInfo, 12);
        HttpSslProtocolInfo.setHashType(protocolInfo, 13);
        HttpSslProtocolInfo.setHashStrength(protocolInfo, 14);
        HttpSslProtocolInfo.setKeyExchangeType(protocolInfo, 15);
        HttpSslProtocolInfo.setKeyExchangeStrength(protocolInfo, 16);
        HttpRequestV2.setRequestInfoCount(r, 2);
        HttpRequestV2.setRequestInfo(r, block);

        assertEquals(new HttpSysRequestInfo.SslProtocolInfo("TLSv1.1", Schannel.SP_PROT_TLS1_1_SERVER, 11, 12, 13,
                14, 15, 16), decoder.decodeInfo(r).sslProtocolInfo());

        HttpSslProtocolInfo.setProtocol(protocolInfo, 0x10);
        HttpSysRequestInfo.SslProtocolInfo unknown = decoder.decodeInfo(r).sslProtocolInfo();
        assertNull(unknown.protocol(), "a protocol this version cannot name");
        assertEquals(0x10, unknown.schannelProtocol());

        HttpRequestInfo.setInfoLength(second, HttpSslProtocolInfo.SIZE - 4);
        assertNull(decoder.decodeInfo(r).sslProtocolInfo(), "an entry too short for its type is not read");
        HttpRequestV2.setRequestInfoCount(r, 1);
        assertNull(decoder.decodeInfo(r).sslProtocolInfo(), "only the timing entry is left");
    }

    private static ParsedRequest secureRequest() {
        return new ParsedRequest("GET", ascii("/s"), "https", HOST, "/s", null, 1, 1, List.of(header("Host", HOST)),
                -1, false, true, false, 40);
    }

    private static ConnectionInfo secure(SslDetails ssl) {
        return new ConnectionInfo(CONNECTION_ID, new InetSocketAddress(loopback("127.0.0.1"), 40001),
                new InetSocketAddress(loopback("127.0.0.1"), PORT), ssl);
    }

    private String uriOf(String rawUrl, String path, String query) {
        long r = marshal(request("GET", rawUrl, path, query, 1, 1, -1, false, header("Host", HOST)), ipv4(), 0,
                null, 0);
        return decoder.decodeHead(r, decoder.decodeInfo(r)).uri();
    }

    // ---- building requests ----

    private long marshal(ParsedRequest parsed, ConnectionInfo connection, long bytesReceived, ByteBuf body,
                         int receiveFlags) {
        return marshal(parsed, connection, bytesReceived, body, 0, receiveFlags);
    }

    /** Marshals into a fresh native buffer that the test frees at its end. */
    private long marshal(ParsedRequest parsed, ConnectionInfo connection, long bytesReceived, ByteBuf body,
                         int requestFlags, int receiveFlags) {
        int size = 16 * 1024;
        long buffer = NativeMemory.allocate(size);
        cleanups.add(() -> NativeMemory.free(buffer, size));
        RequestMarshaller.Result result = RequestMarshaller.marshal(parsed, connection, REQUEST_ID, URL_CONTEXT,
                bytesReceived, requestFlags, body, receiveFlags, buffer, size);
        assertEquals(WinError.NO_ERROR, result.error());
        return buffer;
    }

    private static ParsedRequest request(String verb, String rawUrl, String path, String query, int major, int minor,
                                         long contentLength, boolean chunked, RequestHeader... headers) {
        return new ParsedRequest(verb, ascii(rawUrl), "http", HOST, path, query, major, minor, List.of(headers),
                contentLength, chunked, true, false, 80);
    }

    private static ConnectionInfo ipv4() {
        return new ConnectionInfo(CONNECTION_ID, new InetSocketAddress(loopback("127.0.0.1"), 40001),
                new InetSocketAddress(loopback("127.0.0.1"), PORT), null);
    }

    private static ConnectionInfo ipv6() {
        return new ConnectionInfo(CONNECTION_ID, new InetSocketAddress(loopback("::1"), 40002),
                new InetSocketAddress(loopback("::1"), PORT), null);
    }

    private static InetAddress loopback(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    private static RequestHeader header(String name, String value) {
        return new RequestHeader(ascii(name), ascii(value));
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
