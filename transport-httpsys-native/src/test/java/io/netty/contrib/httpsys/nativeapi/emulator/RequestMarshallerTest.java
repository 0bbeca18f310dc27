package io.netty.contrib.httpsys.nativeapi.emulator;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.contrib.httpsys.nativeapi.Http;
import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.NativeMemory;
import io.netty.contrib.httpsys.nativeapi.Schannel;
import io.netty.contrib.httpsys.nativeapi.WinCrypt;
import io.netty.contrib.httpsys.nativeapi.WinError;
import io.netty.contrib.httpsys.nativeapi.WinSock;
import io.netty.contrib.httpsys.nativeapi.struct.HttpCookedUrl;
import io.netty.contrib.httpsys.nativeapi.struct.HttpDataChunk;
import io.netty.contrib.httpsys.nativeapi.struct.HttpKnownHeader;
import io.netty.contrib.httpsys.nativeapi.struct.HttpRequestHeaders;
import io.netty.contrib.httpsys.nativeapi.struct.HttpRequestInfo;
import io.netty.contrib.httpsys.nativeapi.struct.HttpRequestV2;
import io.netty.contrib.httpsys.nativeapi.struct.HttpSslClientCertInfo;
import io.netty.contrib.httpsys.nativeapi.struct.HttpSslInfo;
import io.netty.contrib.httpsys.nativeapi.struct.HttpSslProtocolInfo;
import io.netty.contrib.httpsys.nativeapi.struct.HttpTransportAddress;
import io.netty.contrib.httpsys.nativeapi.struct.HttpUnknownHeader;
import io.netty.contrib.httpsys.nativeapi.struct.HttpVersion;
import io.netty.contrib.httpsys.nativeapi.struct.Sockaddr;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link RequestMarshaller} against the expectations of Wine's {@code dlls/httpapi/tests/httpapi.c}, which pass
 * on real Windows (behaviours file sections 3.5-3.9 and 4.2-4.3), plus guard bytes after every buffer.
 */
class RequestMarshallerTest {

    private static final int PORT = 50010;
    private static final String HOST = "localhost:" + PORT;
    private static final long CONNECTION_ID = 0x1234_5678_9abcL;
    private static final long REQUEST_ID = 0x0fed_cba9_8765L;
    private static final long URL_CONTEXT = 0xdeadbeefL;
    private static final int GUARD = 64;
    private static final byte FILL = (byte) 0xcc;

    private long allocationsAtStart;
    private final List<ByteBuf> buffers = new ArrayList<>();

    @BeforeEach
    void recordAllocations() {
        allocationsAtStart = NativeMemory.outstandingAllocations();
    }

    @AfterEach
    void releaseAndCheckAllocations() {
        buffers.forEach(ByteBuf::release);
        assertEquals(allocationsAtStart, NativeMemory.outstandingAllocations(), "native allocations leaked");
    }

    @Test
    void simpleGetIsLaidOutAsWineExpects() {
        ParsedRequest request = get("/foobar", "/foobar", null,
                header("Host", HOST), header("Connection", "keep-alive"), header("User-Agent", "WINE"));
        try (Buffer buffer = new Buffer(2048)) {
            RequestMarshaller.Result result = marshal(request, ipv4Connection(), 77, null, 0, buffer);

            assertEquals(WinError.NO_ERROR, result.error());
            assertTrue(result.bytesReturned() > RequestMarshaller.HTTP_REQUEST_V1_SIZE);
            long r = buffer.address;
            assertEquals(0, HttpRequestV2.flags(r));
            assertEquals(CONNECTION_ID, HttpRequestV2.connectionId(r));
            assertEquals(REQUEST_ID, HttpRequestV2.requestId(r));
            assertEquals(URL_CONTEXT, HttpRequestV2.urlContext(r));
            assertEquals(HttpVersion.pack(1, 1), HttpRequestV2.version(r));
            assertEquals(Http.HttpVerbGET, HttpRequestV2.verb(r));
            assertEquals(0, HttpRequestV2.unknownVerbLength(r));
            assertEquals(0, HttpRequestV2.unknownVerb(r));
            assertEquals(7, HttpRequestV2.rawUrlLength(r));
            assertEquals("/foobar", cString(HttpRequestV2.rawUrl(r)));

            long cooked = HttpRequestV2.cookedUrl(r);
            assertEquals(58, HttpCookedUrl.fullUrlLength(cooked));
            assertEquals(30, HttpCookedUrl.hostLength(cooked));
            assertEquals(14, HttpCookedUrl.absPathLength(cooked));
            assertEquals(0, HttpCookedUrl.queryStringLength(cooked));
            long fullUrl = HttpCookedUrl.fullUrl(cooked);
            assertEquals("http://" + HOST + "/foobar", NativeAccess.getUtf16String(fullUrl));
            assertEquals(fullUrl + 2 * 7, HttpCookedUrl.host(cooked));
            assertEquals(fullUrl + 2 * 22, HttpCookedUrl.absPath(cooked));
            assertEquals(0, HttpCookedUrl.queryString(cooked));

            long address = HttpRequestV2.address(r);
            assertEquals(ipv4Connection().remoteAddress(),
                    Sockaddr.toInetSocketAddress(HttpTransportAddress.remoteAddress(address)));
            long local = HttpTransportAddress.localAddress(address);
            assertEquals(WinSock.AF_INET, Sockaddr.saFamily(local));
            assertEquals(new InetSocketAddress(loopback4(), PORT), Sockaddr.toInetSocketAddress(local));

            long headers = HttpRequestV2.headers(r);
            assertEquals(0, HttpRequestHeaders.unknownHeaderCount(headers));
            assertEquals(0, HttpRequestHeaders.unknownHeaders(headers));
            for (int id = 0; id < Http.HttpHeaderRequestMaximum; id++) {
                long known = HttpRequestHeaders.knownHeader(headers, id);
                String expected = id == Http.HttpHeaderConnection ? "keep-alive"
                        : id == Http.HttpHeaderHost ? HOST
                        : id == Http.HttpHeaderUserAgent ? "WINE" : null;
                if (expected == null) {
                    assertEquals(0, HttpKnownHeader.rawValueLength(known), "length of header " + id);
                    assertEquals(0, HttpKnownHeader.rawValue(known), "value of header " + id);
                } else {
                    assertEquals(expected.length(), HttpKnownHeader.rawValueLength(known));
                    assertEquals(expected, cString(HttpKnownHeader.rawValue(known)));
                }
            }
            assertEquals(77, HttpRequestV2.bytesReceived(r));
            assertEquals(0, HttpRequestV2.entityChunkCount(r));
            assertEquals(0, HttpRequestV2.entityChunks(r));
            assertEquals(0, HttpRequestV2.rawConnectionId(r));
            assertEquals(0, HttpRequestV2.sslInfo(r));
            assertEquals(0, HttpRequestV2.requestInfoCount(r));
            assertEquals(0, HttpRequestV2.requestInfo(r));
            assertPointersInside(r, result.bytesReturned());
            buffer.assertGuardIntact();
        }
    }

    @Test
    void queryStringKeepsItsQuestionMark() {
        ParsedRequest request = get("/foobar?a=b", "/foobar", "?a=b", header("Host", HOST));
        try (Buffer buffer = new Buffer(2048)) {
            assertEquals(WinError.NO_ERROR, marshal(request, ipv4Connection(), 0, null, 0, buffer).error());
            long r = buffer.address;
            long cooked = HttpRequestV2.cookedUrl(r);
            assertEquals(11, HttpRequestV2.rawUrlLength(r));
            assertEquals(66, HttpCookedUrl.fullUrlLength(cooked));
            assertEquals(14, HttpCookedUrl.absPathLength(cooked));
            assertEquals(8, HttpCookedUrl.queryStringLength(cooked));
            assertEquals(HttpCookedUrl.fullUrl(cooked) + 2 * 29, HttpCookedUrl.queryString(cooked));
            assertEquals("?a=b", NativeAccess.getUtf16String(HttpCookedUrl.queryString(cooked)));
            buffer.assertGuardIntact();
        }
    }

    @Test
    void absoluteFormTakesTheCookedHostFromTheTarget() {
        String target = "http://" + HOST + "/";
        ParsedRequest request = new ParsedRequest("GET", ascii(target), "http", HOST, "/", null, 1, 1,
                List.of(header("Host", "ignored")), -1, false, true, false, 60);
        try (Buffer buffer = new Buffer(2048)) {
            assertEquals(WinError.NO_ERROR, marshal(request, ipv4Connection(), 0, null, 0, buffer).error());
            long r = buffer.address;
            long cooked = HttpRequestV2.cookedUrl(r);
            assertEquals(23, HttpRequestV2.rawUrlLength(r));
            assertEquals(target, cString(HttpRequestV2.rawUrl(r)));
            assertEquals(30, HttpCookedUrl.hostLength(cooked));
            assertEquals(2, HttpCookedUrl.absPathLength(cooked));
            assertEquals("/", NativeAccess.getUtf16String(HttpCookedUrl.absPath(cooked)));
            buffer.assertGuardIntact();
        }
    }

    @Test
    void unknownVerbAndUnknownHeaderAreReportedAsSent() {
        ParsedRequest request = new ParsedRequest("xyzzy", ascii("/foobar"), "http", HOST, "/foobar", null, 1, 1,
                List.of(header("Host", HOST), header("Qux", "foo baz ")), -1, false, true, false, 60);
        try (Buffer buffer = new Buffer(2048)) {
            RequestMarshaller.Result result = marshal(request, ipv4Connection(), 0, null, 0, buffer);
            assertEquals(WinError.NO_ERROR, result.error());
            long r = buffer.address;
            assertEquals(Http.HttpVerbUnknown, HttpRequestV2.verb(r));
            assertEquals(5, HttpRequestV2.unknownVerbLength(r));
            assertEquals("xyzzy", cString(HttpRequestV2.unknownVerb(r)));

            long headers = HttpRequestV2.headers(r);
            assertEquals(1, HttpRequestHeaders.unknownHeaderCount(headers));
            long qux = HttpUnknownHeader.at(HttpRequestHeaders.unknownHeaders(headers), 0);
            assertEquals(3, HttpUnknownHeader.nameLength(qux));
            assertEquals("Qux", string(HttpUnknownHeader.name(qux), 3));
            assertEquals(7, HttpUnknownHeader.rawValueLength(qux));
            assertEquals("foo baz", string(HttpUnknownHeader.rawValue(qux), 7));
            assertPointersInside(r, result.bytesReturned());
            buffer.assertGuardIntact();
        }
    }

    @Test
    void verbsMatchCaseSensitively() {
        ParsedRequest request = new ParsedRequest("get", ascii("/"), "http", HOST, "/", null, 1, 1,
                List.of(header("Host", HOST)), -1, false, true, false, 30);
        try (Buffer buffer = new Buffer(2048)) {
            marshal(request, ipv4Connection(), 0, null, 0, buffer);
            assertEquals(Http.HttpVerbUnknown, HttpRequestV2.verb(buffer.address));
            assertEquals("get", cString(HttpRequestV2.unknownVerb(buffer.address)));
        }
    }

    @Test
    void repeatedHeadersArriveAsOneCommaSeparatedValue() {
        ParsedRequest request = get("/", "/", null, header("Host", HOST),
                header("Custom-Header", "custom1, and custom2"), header("accept", "text/html"),
                header("custom-header", "custom3"), header("ACCEPT", "*/*"));
        try (Buffer buffer = new Buffer(2048)) {
            assertEquals(WinError.NO_ERROR, marshal(request, ipv4Connection(), 0, null, 0, buffer).error());
            long headers = HttpRequestV2.headers(buffer.address);
            long accept = HttpRequestHeaders.knownHeader(headers, Http.HttpHeaderAccept);
            assertEquals("text/html, */*", string(HttpKnownHeader.rawValue(accept),
                    HttpKnownHeader.rawValueLength(accept)));
            assertEquals(1, HttpRequestHeaders.unknownHeaderCount(headers));
            long custom = HttpUnknownHeader.at(HttpRequestHeaders.unknownHeaders(headers), 0);
            assertEquals("Custom-Header", string(HttpUnknownHeader.name(custom), HttpUnknownHeader.nameLength(custom)));
            assertEquals("custom1, and custom2, custom3",
                    string(HttpUnknownHeader.rawValue(custom), HttpUnknownHeader.rawValueLength(custom)));
        }
    }

    @Test
    void emptyValuesPointAtAnEmptyStringForKnownHeadersAndAtNullForUnknownOnes() {
        ParsedRequest request = get("/", "/", null, header("Host", HOST), header("Accept", ""), header("X-Empty", " "));
        try (Buffer buffer = new Buffer(2048)) {
            marshal(request, ipv4Connection(), 0, null, 0, buffer);
            long headers = HttpRequestV2.headers(buffer.address);
            long accept = HttpRequestHeaders.knownHeader(headers, Http.HttpHeaderAccept);
            assertEquals(0, HttpKnownHeader.rawValueLength(accept));
            assertNotEquals(0, HttpKnownHeader.rawValue(accept));
            assertEquals("", cString(HttpKnownHeader.rawValue(accept)));
            long empty = HttpUnknownHeader.at(HttpRequestHeaders.unknownHeaders(headers), 0);
            assertEquals(0, HttpUnknownHeader.rawValueLength(empty));
            assertEquals(0, HttpUnknownHeader.rawValue(empty));
        }
    }

    @Test
    void bufferSmallerThanV1IsInsufficientAndUntouched() {
        ParsedRequest request = get("/foobar", "/foobar", null, header("Host", HOST));
        int length = RequestMarshaller.HTTP_REQUEST_V1_SIZE - 1;
        try (Buffer buffer = new Buffer(length)) {
            RequestMarshaller.Result result = marshal(request, ipv4Connection(), 0, null, 0, buffer);
            assertEquals(WinError.ERROR_INSUFFICIENT_BUFFER, result.error());
            for (int i = 0; i < length; i++) {
                assertEquals(FILL, NativeAccess.getByte(buffer.address + i), "byte " + i);
            }
            buffer.assertGuardIntact();
        }
    }

    @Test
    void shortBufferAsksForTheRequiredSizeAndThatSizeIsEnough() {
        ParsedRequest request = get("/foobar", "/foobar", null,
                header("Host", HOST), header("Connection", "keep-alive"), header("User-Agent", "WINE"));
        int required;
        try (Buffer buffer = new Buffer(RequestMarshaller.HTTP_REQUEST_V1_SIZE)) {
            RequestMarshaller.Result result = marshal(request, ipv4Connection(), 99, null, 0, buffer);
            assertEquals(WinError.ERROR_MORE_DATA, result.error());
            required = result.bytesReturned();
            assertTrue(required > RequestMarshaller.HTTP_REQUEST_V1_SIZE, "required " + required);
            assertEquals(CONNECTION_ID, HttpRequestV2.connectionId(buffer.address));
            assertEquals(REQUEST_ID, HttpRequestV2.requestId(buffer.address));
            assertEquals(0, HttpRequestV2.version(buffer.address));
            assertEquals(0, HttpRequestV2.bytesReceived(buffer.address));
            buffer.assertGuardIntact();
        }
        try (Buffer buffer = new Buffer(required - 1)) {
            RequestMarshaller.Result result = marshal(request, ipv4Connection(), 99, null, 0, buffer);
            assertEquals(WinError.ERROR_MORE_DATA, result.error());
            assertEquals(required, result.bytesReturned());
            buffer.assertGuardIntact();
        }
        try (Buffer buffer = new Buffer(required)) {
            RequestMarshaller.Result result = marshal(request, ipv4Connection(), 99, null, 0, buffer);
            assertEquals(WinError.NO_ERROR, result.error());
            assertEquals(required, result.bytesReturned());
            assertEquals(REQUEST_ID, HttpRequestV2.requestId(buffer.address));
            assertEquals(99, HttpRequestV2.bytesReceived(buffer.address));
            buffer.assertGuardIntact();
        }
    }

    @Test
    void bodyWithoutCopyBodyIsLeftForReceiveRequestEntityBody() {
        ParsedRequest request = post(5);
        ByteBuf body = track(Unpooled.copiedBuffer("ping!", StandardCharsets.US_ASCII));
        try (Buffer buffer = new Buffer(2048)) {
            RequestMarshaller.Result result = marshal(request, ipv4Connection(), 90, body, 0, buffer);
            assertEquals(WinError.NO_ERROR, result.error());
            assertEquals(0, result.bodyBytesConsumed());
            assertEquals(Http.HTTP_REQUEST_FLAG_MORE_ENTITY_BODY_EXISTS, HttpRequestV2.flags(buffer.address));
            assertEquals(0, HttpRequestV2.entityChunkCount(buffer.address));
            assertEquals(0, HttpRequestV2.entityChunks(buffer.address));
            assertEquals(90, HttpRequestV2.bytesReceived(buffer.address));
            assertEquals(0, body.readerIndex());
        }
    }

    @Test
    void copyBodyThatFitsTravelsInOneChunk() {
        ParsedRequest request = post(5);
        ByteBuf body = track(Unpooled.directBuffer(5).writeBytes(ascii("ping!")));
        try (Buffer buffer = new Buffer(2048)) {
            RequestMarshaller.Result result = marshal(request, ipv4Connection(), 90, body,
                    Http.HTTP_RECEIVE_REQUEST_FLAG_COPY_BODY, buffer);
            assertEquals(WinError.NO_ERROR, result.error());
            assertEquals(5, result.bodyBytesConsumed());
            long r = buffer.address;
            assertEquals(0, HttpRequestV2.flags(r));
            assertEquals(1, HttpRequestV2.entityChunkCount(r));
            long chunk = HttpRequestV2.entityChunks(r);
            assertEquals(0, chunk % 8, "chunk alignment");
            assertEquals(Http.HttpDataChunkFromMemory, HttpDataChunk.dataChunkType(chunk));
            assertEquals(5, HttpDataChunk.fromMemoryBufferLength(chunk));
            assertEquals("ping!", string(HttpDataChunk.fromMemoryBuffer(chunk), 5));
            assertEquals(HttpDataChunk.fromMemoryBuffer(chunk) + 5 - r, result.bytesReturned());
            assertPointersInside(r, result.bytesReturned());
            buffer.assertGuardIntact();
        }
    }

    @Test
    void copyBodyReadsCompositeBuffersFromTheirReaderIndex() {
        ParsedRequest request = post(6);
        CompositeByteBuf body = Unpooled.compositeBuffer();
        track(body);
        body.addComponents(true, Unpooled.copiedBuffer("xxpin", StandardCharsets.US_ASCII),
                Unpooled.directBuffer(3).writeBytes(ascii("g!!")));
        body.readerIndex(2);
        try (Buffer buffer = new Buffer(2048)) {
            RequestMarshaller.Result result = marshal(request, ipv4Connection(), 90, body,
                    Http.HTTP_RECEIVE_REQUEST_FLAG_COPY_BODY, buffer);
            assertEquals(6, result.bodyBytesConsumed());
            long chunk = HttpRequestV2.entityChunks(buffer.address);
            assertEquals("ping!!", string(HttpDataChunk.fromMemoryBuffer(chunk), 6));
            assertEquals(2, body.readerIndex());
            buffer.assertGuardIntact();
        }
    }

    @Test
    void copyBodyThatDoesNotFitFillsTheBufferExactly() {
        ParsedRequest request = post(2048);
        byte[] bytes = randomBytes(new Random(2048), 2048);
        ByteBuf body = track(Unpooled.wrappedBuffer(bytes));
        try (Buffer buffer = new Buffer(2000)) {
            RequestMarshaller.Result result = marshal(request, ipv4Connection(), 2100, body,
                    Http.HTTP_RECEIVE_REQUEST_FLAG_COPY_BODY, buffer);
            assertEquals(WinError.NO_ERROR, result.error());
            assertEquals(2000, result.bytesReturned());
            long r = buffer.address;
            assertEquals(Http.HTTP_REQUEST_FLAG_MORE_ENTITY_BODY_EXISTS, HttpRequestV2.flags(r));
            assertEquals(1, HttpRequestV2.entityChunkCount(r));
            long chunk = HttpRequestV2.entityChunks(r);
            int length = HttpDataChunk.fromMemoryBufferLength(chunk);
            assertTrue(length >= 1 && length <= 1999, "chunk of " + length);
            assertEquals(length, result.bodyBytesConsumed());
            byte[] copied = new byte[length];
            NativeAccess.copyMemory(HttpDataChunk.fromMemoryBuffer(chunk), copied, 0, length);
            assertArrayEquals(Arrays.copyOf(bytes, length), copied);
            buffer.assertGuardIntact();
        }
    }

    @Test
    void incompleteBodyKeepsTheCallersMoreEntityBodyFlag() {
        ParsedRequest request = post(10);
        ByteBuf body = track(Unpooled.copiedBuffer("first", StandardCharsets.US_ASCII));
        try (Buffer buffer = new Buffer(2048)) {
            RequestMarshaller.Result result = RequestMarshaller.marshal(request, ipv4Connection(), REQUEST_ID,
                    URL_CONTEXT, 90, Http.HTTP_REQUEST_FLAG_MORE_ENTITY_BODY_EXISTS, body,
                    Http.HTTP_RECEIVE_REQUEST_FLAG_COPY_BODY, buffer.address, buffer.length);
            assertEquals(5, result.bodyBytesConsumed());
            assertEquals(Http.HTTP_REQUEST_FLAG_MORE_ENTITY_BODY_EXISTS, HttpRequestV2.flags(buffer.address));
        }
    }

    @Test
    void ipv6AddressesAreSockaddrIn6WithWindowsFamily() throws Exception {
        InetSocketAddress remote = new InetSocketAddress(InetAddress.getByName("::1"), 40000);
        InetSocketAddress local = new InetSocketAddress(InetAddress.getByName("::1"), PORT);
        ConnectionInfo connection = new ConnectionInfo(CONNECTION_ID, remote, local, null);
        try (Buffer buffer = new Buffer(2048)) {
            RequestMarshaller.Result result = RequestMarshaller.marshal(get("/", "/", null, header("Host", HOST)),
                    connection, REQUEST_ID, URL_CONTEXT, 0, 0, null, 0, buffer.address, buffer.length);
            long address = HttpRequestV2.address(buffer.address);
            long pRemote = HttpTransportAddress.remoteAddress(address);
            assertEquals(WinSock.AF_INET6, Sockaddr.saFamily(pRemote));
            assertEquals(remote, Sockaddr.toInetSocketAddress(pRemote));
            assertEquals(local, Sockaddr.toInetSocketAddress(HttpTransportAddress.localAddress(address)));
            assertPointersInside(buffer.address, result.bytesReturned());
            buffer.assertGuardIntact();
        }
    }

    @Test
    void tlsConnectionsCarrySslInfoAndTheClientCertificate() {
        byte[] der = randomBytes(new Random(7), 300);
        SslDetails ssl = new SslDetails(256, 2048, "CN=Test CA", "CN=localhost", "TLSv1.3",
                "TLS_AES_256_GCM_SHA384", der);
        ConnectionInfo connection = new ConnectionInfo(CONNECTION_ID, ipv4Connection().remoteAddress(),
                ipv4Connection().localAddress(), ssl);
        ParsedRequest request = new ParsedRequest("GET", ascii("/"), "https", HOST, "/", null, 1, 1,
                List.of(header("Host", HOST)), -1, false, true, false, 30);
        try (Buffer buffer = new Buffer(4096)) {
            RequestMarshaller.Result result = RequestMarshaller.marshal(request, connection, REQUEST_ID, URL_CONTEXT,
                    0, 0, null, 0, buffer.address, buffer.length);
            assertEquals(WinError.NO_ERROR, result.error());
            long info = HttpRequestV2.sslInfo(buffer.address);
            assertEquals(0, info % 8);
            assertEquals(2048, HttpSslInfo.serverCertKeySize(info));
            assertEquals(256, HttpSslInfo.connectionKeySize(info));
            assertEquals("CN=Test CA".length(), HttpSslInfo.serverCertIssuerSize(info));
            assertEquals("CN=Test CA", cString(HttpSslInfo.serverCertIssuer(info)));
            assertEquals("CN=localhost".length(), HttpSslInfo.serverCertSubjectSize(info));
            assertEquals("CN=localhost", cString(HttpSslInfo.serverCertSubject(info)));
            assertEquals(1, HttpSslInfo.sslClientCertNegotiated(info));
            long cert = HttpSslInfo.clientCertInfo(info);
            assertEquals(der.length, HttpSslClientCertInfo.certEncodedSize(cert));
            byte[] copied = new byte[der.length];
            NativeAccess.copyMemory(HttpSslClientCertInfo.certEncoded(cert), copied, 0, der.length);
            assertArrayEquals(der, copied);
            long cooked = HttpRequestV2.cookedUrl(buffer.address);
            assertEquals("https://" + HOST + "/", NativeAccess.getUtf16String(HttpCookedUrl.fullUrl(cooked)));
            assertEquals(HttpCookedUrl.fullUrl(cooked) + 2 * 8, HttpCookedUrl.host(cooked));
            assertPointersInside(buffer.address, result.bytesReturned());
            buffer.assertGuardIntact();
        }
    }

    @Test
    void tlsWithoutClientCertificateHasNoCertInfo() {
        SslDetails ssl = new SslDetails(128, 2048, "CN=Test CA", "CN=localhost", "TLSv1.2",
                "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", null);
        ConnectionInfo connection = new ConnectionInfo(CONNECTION_ID, ipv4Connection().remoteAddress(),
                ipv4Connection().localAddress(), ssl);
        try (Buffer buffer = new Buffer(2048)) {
            RequestMarshaller.marshal(get("/", "/", null, header("Host", HOST)), connection, REQUEST_ID,
                    URL_CONTEXT, 0, 0, null, 0, buffer.address, buffer.length);
            long info = HttpRequestV2.sslInfo(buffer.address);
            assertNotEquals(0, info);
            assertEquals(0, HttpSslInfo.clientCertInfo(info));
            assertEquals(0, HttpSslInfo.sslClientCertNegotiated(info));
            assertEquals(1, HttpRequestV2.requestInfoCount(buffer.address));
            buffer.assertGuardIntact();
        }
    }

    /**
     * JSSE protocol and cipher suite names against what schannel reports for them in
     * {@code SecPkgContext_ConnectionInfo}: server-side {@code SP_PROT_*}, {@code ALG_ID}s, strengths in bits;
     * AEAD suites have no MAC (hash strength 0), TLS 1.3 exchanges ephemeral EC keys.
     */
    static Stream<Arguments> sslProtocolInfos() {
        int ecdhe = WinCrypt.CALG_ECDH_EPHEM;
        return Stream.of(
                Arguments.of("TLSv1.3", "TLS_AES_128_GCM_SHA256", new int[] {Schannel.SP_PROT_TLS1_3_SERVER,
                    WinCrypt.CALG_AES_128, 128, WinCrypt.CALG_SHA_256, 0, ecdhe, 0}),
                Arguments.of("TLSv1.3", "TLS_AES_256_GCM_SHA384", new int[] {Schannel.SP_PROT_TLS1_3_SERVER,
                    WinCrypt.CALG_AES_256, 256, WinCrypt.CALG_SHA_384, 0, ecdhe, 0}),
                Arguments.of("TLSv1.3", "TLS_CHACHA20_POLY1305_SHA256", new int[] {Schannel.SP_PROT_TLS1_3_SERVER,
                    0, 0, WinCrypt.CALG_SHA_256, 0, ecdhe, 0}),
                Arguments.of("TLSv1.2", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", new int[] {
                    Schannel.SP_PROT_TLS1_2_SERVER, WinCrypt.CALG_AES_256, 256, WinCrypt.CALG_SHA_384, 0, ecdhe, 0}),
                Arguments.of("TLSv1.2", "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256", new int[] {
                    Schannel.SP_PROT_TLS1_2_SERVER, WinCrypt.CALG_AES_128, 128, WinCrypt.CALG_SHA_256, 256, ecdhe,
                    0}),
                Arguments.of("TLSv1.2", "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256", new int[] {
                    Schannel.SP_PROT_TLS1_2_SERVER, WinCrypt.CALG_AES_128, 128, WinCrypt.CALG_SHA_256, 0,
                    WinCrypt.CALG_DH_EPHEM, 0}),
                Arguments.of("TLSv1.2", "TLS_RSA_WITH_AES_256_CBC_SHA", new int[] {Schannel.SP_PROT_TLS1_2_SERVER,
                    WinCrypt.CALG_AES_256, 256, WinCrypt.CALG_SHA1, 160, WinCrypt.CALG_RSA_KEYX, 2048}),
                Arguments.of("TLSv1.1", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA", new int[] {
                    Schannel.SP_PROT_TLS1_1_SERVER, WinCrypt.CALG_AES_128, 128, WinCrypt.CALG_SHA1, 160, ecdhe, 0}));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("sslProtocolInfos")
    void tlsRequestsCarryOneSslProtocolRequestInfo(String protocol, String cipherSuite, int[] expected) {
        SslDetails ssl = new SslDetails(expected[2], 2048, "CN=Test CA", "CN=localhost", protocol, cipherSuite,
                null);
        ConnectionInfo connection = new ConnectionInfo(CONNECTION_ID, ipv4Connection().remoteAddress(),
                ipv4Connection().localAddress(), ssl);
        try (Buffer buffer = new Buffer(2048)) {
            RequestMarshaller.Result result = RequestMarshaller.marshal(get("/", "/", null, header("Host", HOST)),
                    connection, REQUEST_ID, URL_CONTEXT, 0, 0, null, 0, buffer.address, buffer.length);
            assertEquals(WinError.NO_ERROR, result.error());
            long r = buffer.address;
            assertEquals(1, HttpRequestV2.requestInfoCount(r));
            long array = HttpRequestV2.requestInfo(r);
            assertEquals(Http.HttpRequestInfoTypeSslProtocol, HttpRequestInfo.infoType(array));
            assertEquals(HttpSslProtocolInfo.SIZE, HttpRequestInfo.infoLength(array));
            assertEquals(28, HttpRequestInfo.infoLength(array), "sizeof(HTTP_SSL_PROTOCOL_INFO)");
            long info = HttpRequestInfo.info(array);
            int[] actual = {HttpSslProtocolInfo.protocol(info), HttpSslProtocolInfo.cipherType(info),
                HttpSslProtocolInfo.cipherStrength(info), HttpSslProtocolInfo.hashType(info),
                HttpSslProtocolInfo.hashStrength(info), HttpSslProtocolInfo.keyExchangeType(info),
                HttpSslProtocolInfo.keyExchangeStrength(info)};
            assertArrayEquals(expected, actual, "Protocol, CipherType/Strength, HashType/Strength, KeyExchange");
            // Both count the bulk cipher's key in bits.
            assertEquals(HttpSslProtocolInfo.cipherStrength(info),
                    HttpSslInfo.connectionKeySize(HttpRequestV2.sslInfo(r)));
            assertPointersInside(r, result.bytesReturned());
            buffer.assertGuardIntact();
        }
    }

    @Test
    void plainHttpHasNoRequestInfo() {
        try (Buffer buffer = new Buffer(2048)) {
            RequestMarshaller.Result result = marshal(get("/", "/", null, header("Host", HOST)), ipv4Connection(),
                    0, null, 0, buffer);
            assertEquals(WinError.NO_ERROR, result.error());
            assertEquals(0, HttpRequestV2.sslInfo(buffer.address));
            assertEquals(0, HttpRequestV2.requestInfoCount(buffer.address));
            assertEquals(0, HttpRequestV2.requestInfo(buffer.address));
            buffer.assertGuardIntact();
        }
    }

    @Test
    void tlsRequestInfoCountsInTheSizeAskedFor() {
        ConnectionInfo connection = tlsConnection(new SslDetails(128, 2048, "CN=Test CA", "CN=localhost",
                "TLSv1.3", "TLS_AES_128_GCM_SHA256", null));
        ParsedRequest request = get("/foobar", "/foobar", null, header("Host", HOST));
        int plain;
        try (Buffer buffer = new Buffer(2048)) {
            plain = marshal(request, ipv4Connection(), 0, null, 0, buffer).bytesReturned();
        }
        int required;
        try (Buffer buffer = new Buffer(RequestMarshaller.HTTP_REQUEST_V1_SIZE)) {
            RequestMarshaller.Result result = marshal(request, connection, 0, null, 0, buffer);
            assertEquals(WinError.ERROR_MORE_DATA, result.error());
            required = result.bytesReturned();
            assertTrue(required >= plain + HttpSslInfo.SIZE + HttpRequestInfo.SIZE + HttpSslProtocolInfo.SIZE,
                    "required " + required + ", plain " + plain);
            buffer.assertGuardIntact();
        }
        try (Buffer buffer = new Buffer(required - 1)) {
            assertEquals(WinError.ERROR_MORE_DATA, marshal(request, connection, 0, null, 0, buffer).error());
            buffer.assertGuardIntact();
        }
        try (Buffer buffer = new Buffer(required)) {
            RequestMarshaller.Result result = marshal(request, connection, 0, null, 0, buffer);
            assertEquals(WinError.NO_ERROR, result.error());
            assertEquals(required, result.bytesReturned());
            assertEquals(1, HttpRequestV2.requestInfoCount(buffer.address));
            assertPointersInside(buffer.address, result.bytesReturned());
            buffer.assertGuardIntact();
        }
    }

    @Test
    void keySizesBeyondAUshortAreRefusedBeforeWriting() {
        ConnectionInfo connection = tlsConnection(new SslDetails(128, 70_000, "CN=Test CA", "CN=localhost",
                "TLSv1.2", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", null));
        try (Buffer buffer = new Buffer(2048)) {
            assertThrows(IllegalArgumentException.class,
                    () -> marshal(get("/", "/", null, header("Host", HOST)), connection, 0, null, 0, buffer));
            assertEquals(FILL, NativeAccess.getByte(buffer.address));
            buffer.assertGuardIntact();
        }
    }

    @Test
    void lengthsBeyondAUshortAreRefusedBeforeWriting() {
        String longValue = "x".repeat(70_000);
        ParsedRequest request = get("/", "/", null, header("Host", HOST), header("X-Long", longValue));
        try (Buffer buffer = new Buffer(2048)) {
            assertThrows(IllegalArgumentException.class, () -> marshal(request, ipv4Connection(), 0, null, 0, buffer));
            assertEquals(FILL, NativeAccess.getByte(buffer.address));
            buffer.assertGuardIntact();
        }
    }

    /**
     * Random requests into random buffer sizes for a bounded time: the guard bytes stay intact, every result is
     * consistent, every pointer stays inside the returned bytes, and the size asked for is always enough.
     */
    @Test
    void randomRequestsNeverWritePastTheBuffer() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        long deadline = System.nanoTime() + 1_500_000_000L;
        int rounds = 0;
        while (rounds < 50 || System.nanoTime() < deadline && rounds < 5000) {
            rounds++;
            fuzzOnce(random, "seed " + seed + " round " + rounds);
        }
    }

    private void fuzzOnce(Random random, String context) {
        ParsedRequest request = randomRequest(random);
        ConnectionInfo connection = random.nextBoolean() ? ipv4Connection() : ipv6Connection(random);
        if (random.nextBoolean()) {
            connection = new ConnectionInfo(connection.connectionId(), connection.remoteAddress(),
                    connection.localAddress(), randomSslDetails(random));
        }
        byte[] bodyBytes = random.nextInt(3) == 0 ? new byte[0] : randomBytes(random, random.nextInt(3000));
        ByteBuf body = bodyBytes.length == 0 && random.nextBoolean() ? null : Unpooled.wrappedBuffer(bodyBytes);
        int receiveFlags = random.nextBoolean() ? Http.HTTP_RECEIVE_REQUEST_FLAG_COPY_BODY : 0;
        try {
            int length = random.nextInt(4) == 0 ? random.nextInt(RequestMarshaller.HTTP_REQUEST_V1_SIZE + 1)
                    : RequestMarshaller.HTTP_REQUEST_V1_SIZE + random.nextInt(6000);
            int required;
            try (Buffer buffer = new Buffer(length)) {
                RequestMarshaller.Result result = RequestMarshaller.marshal(request, connection, REQUEST_ID,
                        URL_CONTEXT, 1, 0, body, receiveFlags, buffer.address, length);
                buffer.assertGuardIntact(context);
                required = checkResult(result, buffer, bodyBytes.length, receiveFlags, context);
            }
            if (required > 0) {
                try (Buffer buffer = new Buffer(required)) {
                    RequestMarshaller.Result result = RequestMarshaller.marshal(request, connection, REQUEST_ID,
                            URL_CONTEXT, 1, 0, body, receiveFlags, buffer.address, required);
                    buffer.assertGuardIntact(context);
                    assertEquals(WinError.NO_ERROR, result.error(), context);
                    assertEquals(required, result.bytesReturned(), context);
                    boolean copied = (receiveFlags & Http.HTTP_RECEIVE_REQUEST_FLAG_COPY_BODY) != 0;
                    assertEquals(copied ? bodyBytes.length : 0, result.bodyBytesConsumed(), context);
                    assertPointersInside(buffer.address, result.bytesReturned());
                    assertEquals(connection.ssl() == null ? 0 : 1, HttpRequestV2.requestInfoCount(buffer.address),
                            context);
                }
            }
        } finally {
            if (body != null) {
                body.release();
            }
        }
    }

    /** Checks one result; returns the size to retry with after ERROR_MORE_DATA, else 0. */
    private static int checkResult(RequestMarshaller.Result result, Buffer buffer, int bodyLength, int receiveFlags,
                                   String context) {
        switch (result.error()) {
            case WinError.ERROR_INSUFFICIENT_BUFFER -> {
                assertTrue(buffer.length < RequestMarshaller.HTTP_REQUEST_V1_SIZE, context);
                return 0;
            }
            case WinError.ERROR_MORE_DATA -> {
                assertTrue(result.bytesReturned() > buffer.length, context);
                assertEquals(REQUEST_ID, HttpRequestV2.requestId(buffer.address), context);
                return result.bytesReturned();
            }
            case WinError.NO_ERROR -> {
                assertTrue(result.bytesReturned() <= buffer.length, context);
                assertPointersInside(buffer.address, result.bytesReturned());
                int flags = HttpRequestV2.flags(buffer.address);
                boolean leftBehind = result.bodyBytesConsumed() < bodyLength;
                assertEquals(leftBehind, (flags & Http.HTTP_REQUEST_FLAG_MORE_ENTITY_BODY_EXISTS) != 0, context);
                if (leftBehind && result.bodyBytesConsumed() > 0) {
                    assertEquals(buffer.length, result.bytesReturned(), context + ": cut body fills the buffer");
                }
                if ((receiveFlags & Http.HTTP_RECEIVE_REQUEST_FLAG_COPY_BODY) == 0) {
                    assertEquals(0, result.bodyBytesConsumed(), context);
                }
                return 0;
            }
            default -> throw new AssertionError(context + ": unexpected error " + result.error());
        }
    }

    /** Asserts that every pointer of the request, and every byte it points at, lies in [r, r + returned). */
    private static void assertPointersInside(long r, int returned) {
        Range range = new Range(r, returned);
        range.check(HttpRequestV2.unknownVerb(r), HttpRequestV2.unknownVerbLength(r) + 1);
        range.check(HttpRequestV2.rawUrl(r), HttpRequestV2.rawUrlLength(r) + 1);
        long cooked = HttpRequestV2.cookedUrl(r);
        range.check(HttpCookedUrl.fullUrl(cooked), HttpCookedUrl.fullUrlLength(cooked) + 2);
        range.check(HttpCookedUrl.host(cooked), HttpCookedUrl.hostLength(cooked));
        range.check(HttpCookedUrl.absPath(cooked), HttpCookedUrl.absPathLength(cooked));
        range.check(HttpCookedUrl.queryString(cooked), HttpCookedUrl.queryStringLength(cooked));
        long address = HttpRequestV2.address(r);
        range.checkAligned(HttpTransportAddress.remoteAddress(address), 16);
        range.checkAligned(HttpTransportAddress.localAddress(address), 16);
        long headers = HttpRequestV2.headers(r);
        for (int id = 0; id < Http.HttpHeaderRequestMaximum; id++) {
            long known = HttpRequestHeaders.knownHeader(headers, id);
            range.check(HttpKnownHeader.rawValue(known), HttpKnownHeader.rawValueLength(known) + 1);
        }
        int unknownCount = HttpRequestHeaders.unknownHeaderCount(headers);
        long unknownArray = HttpRequestHeaders.unknownHeaders(headers);
        range.checkAligned(unknownArray, (long) unknownCount * HttpUnknownHeader.SIZE);
        for (int i = 0; i < unknownCount; i++) {
            long unknown = HttpUnknownHeader.at(unknownArray, i);
            range.check(HttpUnknownHeader.name(unknown), HttpUnknownHeader.nameLength(unknown));
            range.check(HttpUnknownHeader.rawValue(unknown), HttpUnknownHeader.rawValueLength(unknown));
        }
        long chunks = HttpRequestV2.entityChunks(r);
        range.checkAligned(chunks, (long) HttpRequestV2.entityChunkCount(r) * HttpDataChunk.SIZE);
        if (chunks != 0) {
            range.check(HttpDataChunk.fromMemoryBuffer(chunks), HttpDataChunk.fromMemoryBufferLength(chunks));
        }
        int infoCount = HttpRequestV2.requestInfoCount(r);
        long infoArray = HttpRequestV2.requestInfo(r);
        assertEquals(infoCount == 0, infoArray == 0, "RequestInfoCount and pRequestInfo disagree");
        range.checkAligned(infoArray, (long) infoCount * HttpRequestInfo.SIZE);
        for (int i = 0; i < infoCount; i++) {
            long element = HttpRequestInfo.at(infoArray, i);
            long payload = HttpRequestInfo.info(element);
            assertNotEquals(0, payload, "pInfo of request info " + i);
            range.check(payload, Integer.toUnsignedLong(HttpRequestInfo.infoLength(element)));
            assertEquals(0, payload % 4, "request info " + i + " not 4-aligned");
        }
        long ssl = HttpRequestV2.sslInfo(r);
        range.checkAligned(ssl, HttpSslInfo.SIZE);
        if (ssl != 0) {
            range.check(HttpSslInfo.serverCertIssuer(ssl), HttpSslInfo.serverCertIssuerSize(ssl) + 1L);
            range.check(HttpSslInfo.serverCertSubject(ssl), HttpSslInfo.serverCertSubjectSize(ssl) + 1L);
            long cert = HttpSslInfo.clientCertInfo(ssl);
            range.checkAligned(cert, HttpSslClientCertInfo.SIZE);
            if (cert != 0) {
                range.check(HttpSslClientCertInfo.certEncoded(cert), HttpSslClientCertInfo.certEncodedSize(cert));
            }
        }
    }

    private record Range(long start, int length) {
        void check(long pointer, long size) {
            if (pointer == 0) {
                return;
            }
            assertTrue(pointer >= start + HttpRequestV2.SIZE && pointer + size <= start + length,
                    "pointer at offset " + (pointer - start) + " size " + size + " outside " + length);
        }

        void checkAligned(long pointer, long size) {
            check(pointer, size);
            assertEquals(0, pointer % 8, "pointer at offset " + (pointer - start) + " not 8-aligned");
        }
    }

    private static ParsedRequest randomRequest(Random random) {
        String[] verbs = {"GET", "POST", "PUT", "SEARCH", "get", "BREW", "M-SEARCH"};
        String verb = verbs[random.nextInt(verbs.length)];
        String path = "/" + randomToken(random, random.nextInt(200));
        String query = random.nextBoolean() ? null : "?" + randomToken(random, random.nextInt(100));
        String host = "h" + randomToken(random, random.nextInt(40)) + ":" + (1 + random.nextInt(65535));
        String[] names = {"Host", "accept", "COOKIE", "X-Custom", "x-custom", "Qux", "User-Agent", "Te",
            "X-" + randomToken(random, 5)};
        List<RequestHeader> headers = new ArrayList<>();
        int count = random.nextInt(40);
        for (int i = 0; i < count; i++) {
            String name = random.nextInt(5) == 0 ? "X-" + randomToken(random, 1 + random.nextInt(30))
                    : names[random.nextInt(names.length)];
            String value = (random.nextBoolean() ? " " : "") + randomToken(random, random.nextInt(300));
            headers.add(header(name, value));
        }
        String scheme = random.nextBoolean() ? "http" : "https";
        return new ParsedRequest(verb, ascii(path + (query == null ? "" : query)), scheme, host, path, query,
                1, random.nextInt(2), headers, -1, false, true, false, 100);
    }

    private static SslDetails randomSslDetails(Random random) {
        String[] protocols = {"TLSv1.2", "TLSv1.3", "TLSv1.1", "SSLv3", null};
        String[] suites = {"TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_RSA_WITH_AES_128_CBC_SHA", "SSL_RSA_WITH_RC4_128_MD5",
            "", null};
        byte[] certificate = random.nextBoolean() ? null : randomBytes(random, random.nextInt(2000));
        return new SslDetails(random.nextInt(0x10000), random.nextInt(0x10000),
                "CN=" + randomToken(random, random.nextInt(200)), "CN=" + randomToken(random, random.nextInt(200)),
                protocols[random.nextInt(protocols.length)], suites[random.nextInt(suites.length)], certificate);
    }

    private static ConnectionInfo tlsConnection(SslDetails ssl) {
        return new ConnectionInfo(CONNECTION_ID, ipv4Connection().remoteAddress(), ipv4Connection().localAddress(),
                ssl);
    }

    private static String randomToken(Random random, int length) {
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~";
        StringBuilder token = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            token.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return token.toString();
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static RequestMarshaller.Result marshal(ParsedRequest request, ConnectionInfo connection,
                                                    long bytesReceived, ByteBuf body, int receiveFlags,
                                                    Buffer buffer) {
        return RequestMarshaller.marshal(request, connection, REQUEST_ID, URL_CONTEXT, bytesReceived, 0, body,
                receiveFlags, buffer.address, buffer.length);
    }

    private ByteBuf track(ByteBuf buf) {
        buffers.add(buf);
        return buf;
    }

    private static ParsedRequest get(String rawUrl, String path, String query, RequestHeader... headers) {
        return new ParsedRequest("GET", ascii(rawUrl), "http", HOST, path, query, 1, 1, List.of(headers), -1,
                false, true, false, 80);
    }

    private static ParsedRequest post(int contentLength) {
        return new ParsedRequest("POST", ascii("/upload"), "http", HOST, "/upload", null, 1, 1,
                List.of(header("Host", HOST), header("Content-Length", Integer.toString(contentLength))),
                contentLength, false, true, false, 80);
    }

    private static ConnectionInfo ipv4Connection() {
        return new ConnectionInfo(CONNECTION_ID, new InetSocketAddress(loopback4(), 40000),
                new InetSocketAddress(loopback4(), PORT), null);
    }

    private static ConnectionInfo ipv6Connection(Random random) {
        try {
            InetAddress loopback6 = InetAddress.getByName("::1");
            return new ConnectionInfo(CONNECTION_ID, new InetSocketAddress(loopback6, 1 + random.nextInt(65535)),
                    new InetSocketAddress(loopback6, PORT), null);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    private static InetAddress loopback4() {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
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

    private static String cString(long address) {
        int length = 0;
        while (NativeAccess.getByte(address + length) != 0) {
            length++;
        }
        return string(address, length);
    }

    private static String string(long address, int length) {
        byte[] bytes = new byte[length];
        NativeAccess.copyMemory(address, bytes, 0, length);
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /** A native buffer pre-filled with 0xCC (as Wine's tests do) and followed by guard bytes. */
    private static final class Buffer implements AutoCloseable {
        final long address;
        final int length;

        Buffer(int length) {
            this.length = length;
            address = NativeMemory.allocate(length + GUARD);
            NativeAccess.setMemory(address, length + GUARD, FILL);
        }

        void assertGuardIntact() {
            assertGuardIntact("");
        }

        void assertGuardIntact(String context) {
            for (int i = 0; i < GUARD; i++) {
                assertEquals(FILL, NativeAccess.getByte(address + length + i),
                        context + ": guard byte " + i + " after a buffer of " + length + " overwritten");
            }
        }

        @Override
        public void close() {
            NativeMemory.free(address, length + GUARD);
        }
    }
}
