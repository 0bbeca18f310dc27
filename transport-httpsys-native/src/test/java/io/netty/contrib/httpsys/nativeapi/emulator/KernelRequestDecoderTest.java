package io.netty.contrib.httpsys.nativeapi.emulator;

import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.PrematureChannelClosureException;
import io.netty.handler.codec.http.LastHttpContent;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static io.netty.contrib.httpsys.nativeapi.emulator.DecoderHarness.body;
import static io.netty.contrib.httpsys.nativeapi.emulator.DecoderHarness.lastCount;
import static io.netty.contrib.httpsys.nativeapi.emulator.DecoderHarness.release;
import static io.netty.contrib.httpsys.nativeapi.emulator.DecoderHarness.requests;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KernelRequestDecoderTest {

    private static ParsedRequest parseOne(String request) {
        try (DecoderHarness h = new DecoderHarness()) {
            h.feed(request);
            List<Object> messages = h.inbound();
            assertEquals("", h.outbound(), "the kernel answered a request it should deliver");
            List<ParsedRequest> requests = requests(messages);
            assertEquals(1, requests.size());
            assertEquals(1, lastCount(messages));
            release(messages);
            return requests.get(0);
        }
    }

    /** Sends {@code request}, expects the kernel's own answer, and returns what went on the wire. */
    private static String rejected(String request, KernelAnswer expected) {
        return rejected(request, expected, KernelLimits.DEFAULT);
    }

    private static String rejected(String request, KernelAnswer expected, KernelLimits limits) {
        try (DecoderHarness h = new DecoderHarness(limits)) {
            h.feed(request);
            List<Object> messages = h.inbound();
            assertEquals(List.of(), messages, "a refused request reached the owner");
            String wire = h.outbound();
            assertResponse(wire, expected);
            assertFalse(h.channel.isOpen(), "the connection stays open after a kernel answer");
            return wire;
        }
    }

    static void assertResponse(String wire, KernelAnswer answer) {
        String body = new String(answer.body(), StandardCharsets.US_ASCII);
        String expected = "HTTP/1.1 " + answer.statusCode() + " " + answer.reason() + "\r\n"
                + "Content-Type: text/html; charset=us-ascii\r\n"
                + "Server: Microsoft-HTTPAPI/2.0\r\n"
                + "Date: DATE\r\n"
                + "Connection: close\r\n"
                + "Content-Length: " + body.length() + "\r\n\r\n" + body;
        assertEquals(expected, wire.replaceFirst(
                "Date: [A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT", "Date: DATE"));
    }

    @Test
    void parsesTheWineGetRequest() {
        String head = "GET /foobar HTTP/1.1\r\nHost: localhost:8080\r\nConnection: keep-alive\r\n"
                + "User-Agent: WINE\r\n\r\n";
        ParsedRequest r = parseOne(head);
        assertEquals("GET", r.verb());
        assertArrayEquals("/foobar".getBytes(StandardCharsets.US_ASCII), r.rawUrl());
        assertEquals("http://localhost:8080/foobar", r.cookedFullUrl());
        assertEquals("localhost:8080", r.cookedHost());
        assertNull(r.cookedQuery());
        assertEquals(1, r.versionMajor());
        assertEquals(1, r.versionMinor());
        assertEquals(3, r.headers().size());
        assertEquals("User-Agent", new String(r.headers().get(2).name(), StandardCharsets.US_ASCII));
        assertEquals("WINE", new String(r.headers().get(2).value(), StandardCharsets.US_ASCII));
        assertEquals(-1, r.contentLength());
        assertFalse(r.hasEntityBody());
        assertTrue(r.keepAlive());
        assertFalse(r.expectContinue());
        assertEquals(head.length(), r.headBytes());
    }

    @Test
    void keepsTheQueryRawWithItsQuestionMark() {
        ParsedRequest r = parseOne("GET /foobar?a=b&c=%41 HTTP/1.1\r\nHost: localhost:8080\r\n\r\n");
        assertEquals("/foobar", r.cookedAbsPath());
        assertEquals("?a=b&c=%41", r.cookedQuery());
    }

    @Test
    void absoluteFormTargetWinsOverTheHostHeader() {
        ParsedRequest r = parseOne("GET http://localhost:8080/ HTTP/1.1\r\nHost: ignored\r\n\r\n");
        assertEquals("http://localhost:8080/", new String(r.rawUrl(), StandardCharsets.US_ASCII));
        assertEquals("localhost:8080", r.cookedHost());
        assertEquals("/", r.cookedAbsPath());
    }

    @Test
    void unknownVerbAndTrimmedHeaderValue() {
        ParsedRequest r = parseOne("xyzzy / HTTP/1.1\r\nHost: localhost:8080\r\nQux: foo baz \r\n\r\n");
        assertEquals("xyzzy", r.verb());
        RequestHeader qux = r.headers().get(1);
        assertEquals("Qux", new String(qux.name(), StandardCharsets.US_ASCII));
        assertEquals("foo baz", new String(qux.value(), StandardCharsets.US_ASCII));
    }

    @Test
    void http10WithoutHostUsesTheLocalAddressAndCloses() {
        ParsedRequest r = parseOne("GET /x HTTP/1.0\r\n\r\n");
        assertEquals("127.0.0.1:8080", r.cookedHost());
        assertFalse(r.keepAlive());
        assertTrue(parseOne("GET /x HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n").keepAlive());
    }

    @Test
    void connectionCloseAndExpectContinue() {
        assertFalse(parseOne("GET / HTTP/1.1\r\nHost: a:1\r\nConnection: TE, close\r\n\r\n").keepAlive());
        ParsedRequest r = parseOne("POST / HTTP/1.1\r\nHost: a:1\r\nExpect: 100-continue\r\nContent-Length: 0\r\n\r\n");
        assertTrue(r.expectContinue());
        assertEquals(0, r.contentLength());
    }

    @Test
    void hostWithoutPortGetsThePortTheConnectionArrivedOn() {
        assertEquals("localhost:8080", parseOne("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n").cookedHost());
        assertEquals("[::1]:9000", parseOne("GET / HTTP/1.1\r\nHost: [::1]:9000\r\n\r\n").cookedHost());
    }

    @Test
    void cooksThePath() {
        assertEquals("/b/c d", path("/a/%2e%2e/b/./c%20d"));
        assertEquals("/caf\u00e9", path("/caf%C3%A9"));
        assertEquals("/\u00e9", path("/%E9"), "invalid UTF-8 falls back to the ANSI code page");
        assertEquals("/\u20ac", path("/%80"), "0x80 is the euro sign in windows-1252");
        assertEquals("/a/b", path("/a\\b"));
        assertEquals("/x", path("/../x"));
        assertEquals("/A", path("/%u0041"));
        assertEquals("/dir/", path("/dir/sub/.."));
    }

    private static String path(String target) {
        return parseOne("GET " + target + " HTTP/1.1\r\nHost: h:1\r\n\r\n").cookedAbsPath();
    }

    @Test
    void wineBadRequest() {
        rejected("foo\r\n", KernelAnswer.BAD_REQUEST);
    }

    @Test
    void refusesMalformedHeads() {
        rejected("G@T / HTTP/1.1\r\nHost: a:1\r\n\r\n", KernelAnswer.INVALID_VERB);
        rejected("GET / HTTP/1.1\r\nHost: a:1\r\nBad Name: x\r\n\r\n", KernelAnswer.INVALID_HEADER);
        rejected("GET / HTTP/1.1\r\nHost: a:1\r\nNoColon\r\n\r\n", KernelAnswer.INVALID_HEADER);
        rejected("GET / HTTP/1.1\r\n\r\n", KernelAnswer.BAD_REQUEST);
        rejected("GET / HTTP/1.1\r\nHost: http://a/b\r\n\r\n", KernelAnswer.INVALID_HOSTNAME);
        rejected("GET / HTTP/1.1\r\nHost: a:1\r\nContent-Length: 1x\r\n\r\n", KernelAnswer.BAD_REQUEST);
        rejected("GET / HTTP/1.1\r\nHost: a:1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n",
                KernelAnswer.BAD_REQUEST);
        rejected("POST / HTTP/1.1\r\nHost: a:1\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n",
                KernelAnswer.BAD_REQUEST);
        rejected("POST / HTTP/1.1\r\nHost: a:1\r\nTransfer-Encoding: gzip\r\n\r\n", KernelAnswer.NOT_IMPLEMENTED);
        rejected("GET / HTTP/2.0\r\nHost: a:1\r\n\r\n", KernelAnswer.VERSION_NOT_SUPPORTED);
        rejected("GET / HTTP/1.1x\r\nHost: a:1\r\n\r\n", KernelAnswer.BAD_REQUEST);
        rejected("GET /\r\n\r\n", KernelAnswer.BAD_REQUEST);
        rejected("GET / HTTP/1.1\nHost: a:1\n\n", KernelAnswer.BAD_REQUEST);
        rejected("GET / HTTP/1.1\r\nHost: a:1\r\n folded\r\n\r\n", KernelAnswer.BAD_REQUEST);
        rejected("GET /a%00b HTTP/1.1\r\nHost: a:1\r\n\r\n", KernelAnswer.INVALID_URL);
        rejected("GET /a%zz HTTP/1.1\r\nHost: a:1\r\n\r\n", KernelAnswer.INVALID_URL);
        rejected("GET a/b HTTP/1.1\r\nHost: a:1\r\n\r\n", KernelAnswer.INVALID_URL);
    }

    @Test
    void enforcesTheRegistryLimits() {
        String big = "a".repeat(16385);
        rejected("GET / HTTP/1.1\r\nHost: a:1\r\nX: " + big + "\r\n\r\n", KernelAnswer.HEADER_FIELD_TOO_LONG);
        StringBuilder many = new StringBuilder("GET / HTTP/1.1\r\nHost: a:1\r\n");
        for (int i = 0; i < 20; i++) {
            many.append("X-").append(i).append(": ").append("b".repeat(1000)).append("\r\n");
        }
        rejected(many + "\r\n", KernelAnswer.REQUEST_TOO_LONG);
        rejected("GET /" + big + " HTTP/1.1\r\nHost: a:1\r\n\r\n", KernelAnswer.URL_TOO_LONG);
        rejected("GET /" + "s".repeat(261) + " HTTP/1.1\r\nHost: a:1\r\n\r\n", KernelAnswer.INVALID_URL);
        assertEquals(261, path("/" + "s".repeat(260)).length());
        rejected("GET " + "/s".repeat(256) + " HTTP/1.1\r\nHost: a:1\r\n\r\n", KernelAnswer.INVALID_URL);
        assertEquals(510, path("/s".repeat(255)).length());
        KernelLimits small = new KernelLimits(64, 256, 260, 255, 16384);
        rejected("GET /" + "u".repeat(70) + " HTTP/1.1\r\nHost: a:1\r\n\r\n", KernelAnswer.URL_TOO_LONG, small);
    }

    @Test
    void anOverlongHeadIsRefusedBeforeItEnds() {
        try (DecoderHarness h = new DecoderHarness()) {
            h.feed("GET / HTTP/1.1\r\nHost: a:1\r\nX: " + "c".repeat(20000));
            assertEquals(List.of(), h.inbound());
            assertResponse(h.outbound(), KernelAnswer.HEADER_FIELD_TOO_LONG);
            assertTrue(h.decoder.bufferedBytes() == 0);
        }
    }

    @Test
    void aLongHeaderTricklingInByteByByteIsParsed() {
        String value = "v".repeat(16000);
        try (DecoderHarness h = new DecoderHarness()) {
            for (byte b : ("GET / HTTP/1.1\r\nHost: a:1\r\nX-Long: " + value + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII)) {
                h.feed(new byte[] {b});
            }
            List<Object> messages = h.inbound();
            byte[] received = requests(messages).get(0).headers().get(1).value();
            assertEquals(value, new String(received, StandardCharsets.US_ASCII));
            release(messages);
        }
    }

    @Test
    void inputAfterARefusalIsDiscarded() {
        try (DecoderHarness h = new DecoderHarness()) {
            h.feed("BAD\r\nGET / HTTP/1.1\r\nHost: a:1\r\n\r\n");
            assertEquals(List.of(), h.inbound());
            assertResponse(h.outbound(), KernelAnswer.BAD_REQUEST);
        }
    }

    @Test
    void streamsAContentLengthBodyAcrossReads() {
        try (DecoderHarness h = new DecoderHarness()) {
            h.feed("POST /p HTTP/1.1\r\nHost: a:1\r\nContent-Length: 11\r\n\r\nhel");
            List<Object> first = h.inbound();
            assertEquals(11, requests(first).get(0).contentLength());
            assertEquals(0, lastCount(first));
            assertEquals("hel", body(first));
            h.feed("lo world");
            List<Object> rest = h.inbound();
            assertEquals("lo world", body(rest));
            assertSame(LastHttpContent.EMPTY_LAST_CONTENT, rest.get(rest.size() - 1));
        }
    }

    @Test
    void decodesAChunkedBodyFedOneByteAtATime() {
        String request = "POST /c HTTP/1.1\r\nHost: a:1\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5\r\nhello\r\n6;ext=1\r\n world\r\n0\r\nTrailer-X: y\r\n\r\n";
        try (DecoderHarness h = new DecoderHarness()) {
            for (byte b : request.getBytes(StandardCharsets.US_ASCII)) {
                h.feed(new byte[] {b});
            }
            List<Object> messages = h.inbound();
            assertTrue(requests(messages).get(0).chunked());
            assertEquals(1, lastCount(messages));
            assertEquals("hello world", body(messages));
            assertEquals("", h.outbound());
            assertTrue(h.decoder.isHolding());
        }
    }

    @Test
    void malformedChunkFailsTheBodyAndAnswers400() {
        try (DecoderHarness h = new DecoderHarness()) {
            h.feed("POST /c HTTP/1.1\r\nHost: a:1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcX\r\n");
            List<Object> messages = h.inbound();
            assertEquals(1, requests(messages).size());
            LastHttpContent last = (LastHttpContent) messages.get(messages.size() - 1);
            assertInstanceOf(DecoderException.class, last.decoderResult().cause());
            assertEquals("abc", body(messages));
            assertResponse(h.outbound(), KernelAnswer.BAD_REQUEST);
            assertFalse(h.channel.isOpen());
        }
    }

    @Test
    void malformedChunkAfterTheResponseBeganOnlyCloses() {
        try (DecoderHarness h = new DecoderHarness()) {
            h.feed("POST /c HTTP/1.1\r\nHost: a:1\r\nTransfer-Encoding: chunked\r\n\r\n");
            release(h.inbound());
            h.decoder.responseStarted();
            h.feed("zz\r\n");
            List<Object> messages = h.inbound();
            assertTrue(((LastHttpContent) messages.get(0)).decoderResult().isFailure());
            assertEquals("", h.outbound());
            assertFalse(h.channel.isOpen());
        }
    }

    @Test
    void clientClosingMidBodyFailsTheLastContent() {
        try (DecoderHarness h = new DecoderHarness()) {
            h.feed("POST /p HTTP/1.1\r\nHost: a:1\r\nContent-Length: 10\r\n\r\n12345");
            assertEquals("12345", body(h.inbound()));
            h.channel.close();
            List<Object> messages = h.inbound();
            LastHttpContent last = (LastHttpContent) messages.get(0);
            assertInstanceOf(PrematureChannelClosureException.class, last.decoderResult().cause());
        }
    }

    @Test
    void holdsPipelinedRequestsUntilTheOwnerContinues() {
        try (DecoderHarness h = new DecoderHarness()) {
            h.feed("GET /1 HTTP/1.1\r\nHost: a:1\r\n\r\nGET /2 HTTP/1.1\r\nHost: a:1\r\n\r\n");
            List<Object> first = h.inbound();
            assertEquals(List.of("/1"), requests(first).stream().map(ParsedRequest::cookedAbsPath).toList());
            assertTrue(h.decoder.isHolding());
            assertTrue(h.decoder.bufferedBytes() > 0);
            h.decoder.continueWithNextRequest();
            List<Object> second = h.inbound();
            assertEquals(List.of("/2"), requests(second).stream().map(ParsedRequest::cookedAbsPath).toList());
            assertEquals(1, lastCount(second));
            h.decoder.continueWithNextRequest();
            assertEquals(List.of(), h.inbound());
            assertFalse(h.decoder.isHolding());
        }
    }

    @Test
    void continuingBeforeTheBodyEndsReleasesTheNextRequestRightAfterIt() {
        try (DecoderHarness h = new DecoderHarness()) {
            h.feed("POST /1 HTTP/1.1\r\nHost: a:1\r\nContent-Length: 4\r\n\r\nab");
            release(h.inbound());
            h.decoder.continueWithNextRequest();
            h.feed("cdGET /2 HTTP/1.1\r\nHost: a:1\r\n\r\n");
            List<Object> messages = h.inbound();
            assertEquals(2, lastCount(messages));
            assertEquals("/2", requests(messages).get(0).cookedAbsPath());
            assertEquals("cd", body(messages));
        }
    }

    @Test
    void stopsReadingWhileHeldBytesPileUp() {
        try (DecoderHarness h = new DecoderHarness()) {
            String second = "GET /2 HTTP/1.1\r\nHost: a:1\r\nX: " + "p".repeat(15000) + "\r\n\r\n";
            h.feed("GET /1 HTTP/1.1\r\nHost: a:1\r\n\r\n" + second + second);
            release(h.inbound());
            assertFalse(h.channel.config().isAutoRead());
            h.decoder.continueWithNextRequest();
            release(h.inbound());
            assertTrue(h.channel.config().isAutoRead());
        }
    }

    @Test
    void streamsA100MegabyteBodyWithBoundedBuffering() {
        int piece = 64 * 1024;
        long total = 100L * 1024 * 1024;
        byte[] data = new byte[piece];
        try (DecoderHarness h = new DecoderHarness()) {
            h.feed("PUT /big HTTP/1.1\r\nHost: a:1\r\nContent-Length: " + total + "\r\n\r\n");
            release(h.inbound());
            long received = 0;
            long lasts = 0;
            for (long sent = 0; sent < total; sent += piece) {
                h.feed(data);
                assertTrue(h.decoder.bufferedBytes() <= piece, "the decoder buffers the body");
                for (Object message : h.inbound()) {
                    if (message instanceof io.netty.handler.codec.http.HttpContent content) {
                        received += content.content().readableBytes();
                        lasts += message instanceof LastHttpContent ? 1 : 0;
                        content.release();
                    }
                }
            }
            assertEquals(total, received);
            assertEquals(1, lasts);
        }
    }
}
