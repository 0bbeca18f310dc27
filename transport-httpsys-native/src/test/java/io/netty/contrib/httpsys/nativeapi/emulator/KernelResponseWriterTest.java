package io.netty.contrib.httpsys.nativeapi.emulator;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static io.netty.contrib.httpsys.nativeapi.emulator.KernelResponseWriter.HTTP_SEND_RESPONSE_FLAG_DISCONNECT;
import static io.netty.contrib.httpsys.nativeapi.emulator.KernelResponseWriter.HTTP_SEND_RESPONSE_FLAG_MORE_DATA;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KernelResponseWriterTest {

    // Thu, 26 Nov 2026 10:35:59 GMT
    private static final long NOW = 1795689359000L;
    private static final String DATE = "Date: Thu, 26 Nov 2026 10:35:59 GMT\r\n";

    private static ParsedRequest request(String verb, int minor, boolean keepAlive) {
        return new ParsedRequest(verb, "/".getBytes(StandardCharsets.US_ASCII), "http", "localhost:8080", "/", null,
                1, minor, List.of(), -1, false, keepAlive, false, 40);
    }

    private static ResponseHead head(int status, String reason, String... nameValues) {
        List<ResponseHeader> headers = new ArrayList<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            headers.add(new ResponseHeader(nameValues[i].getBytes(StandardCharsets.US_ASCII),
                    nameValues[i + 1].getBytes(StandardCharsets.US_ASCII)));
        }
        return new ResponseHead(1, 1, status, reason.getBytes(StandardCharsets.US_ASCII), headers, 0);
    }

    private static String text(KernelResponseWriter.Head head) {
        return new String(head.bytes(), StandardCharsets.US_ASCII);
    }

    @Test
    void addsDateServerAndContentLengthOfTheChunks() {
        KernelResponseWriter.Head h = KernelResponseWriter.encodeHead(request("GET", 1, true),
                head(418, "I'm a teapot", "Retry-After", "120"), 8, 0, NOW);
        assertEquals("HTTP/1.1 418 I'm a teapot\r\nRetry-After: 120\r\nServer: Microsoft-HTTPAPI/2.0\r\n" + DATE
                + "Content-Length: 8\r\n\r\n", text(h));
        assertTrue(h.sendBody());
        assertFalse(h.closeAfter());
    }

    @Test
    void replacesTheApplicationsDateAndKeepsItsServer() {
        String t = text(KernelResponseWriter.encodeHead(request("GET", 1, true),
                head(200, "OK", "Date", "Mon, 01 Jan 2001 00:00:00 GMT", "Server", "mine"), 0, 0, NOW));
        assertEquals("HTTP/1.1 200 OK\r\nServer: mine\r\n" + DATE + "Content-Length: 0\r\n\r\n", t);
    }

    @Test
    void keepsTheApplicationsContentLengthEvenWhenWrong() {
        String t = text(KernelResponseWriter.encodeHead(request("GET", 1, true),
                head(200, "OK", "Content-Length", "6"), 8, 0, NOW));
        assertEquals("HTTP/1.1 200 OK\r\nContent-Length: 6\r\nServer: Microsoft-HTTPAPI/2.0\r\n" + DATE + "\r\n", t);
    }

    @Test
    void moreDataMeansNoAutomaticContentLengthAndNoChunking() {
        String t = text(KernelResponseWriter.encodeHead(request("GET", 1, true), head(200, "OK"), 8,
                HTTP_SEND_RESPONSE_FLAG_MORE_DATA, NOW));
        assertEquals("HTTP/1.1 200 OK\r\nServer: Microsoft-HTTPAPI/2.0\r\n" + DATE + "\r\n", t);
    }

    @Test
    void headGetsTheGetHeadButNoBody() {
        KernelResponseWriter.Head h = KernelResponseWriter.encodeHead(request("HEAD", 1, true), head(200, "OK"), 5, 0,
                NOW);
        assertTrue(text(h).contains("Content-Length: 5\r\n"));
        assertFalse(h.sendBody());
    }

    @Test
    void closeRules() {
        KernelResponseWriter.Head disconnect = KernelResponseWriter.encodeHead(request("GET", 1, true),
                head(200, "OK"), 0, HTTP_SEND_RESPONSE_FLAG_DISCONNECT, NOW);
        assertTrue(disconnect.closeAfter());
        assertTrue(text(disconnect).contains("\r\nConnection: close\r\n"));
        KernelResponseWriter.Head notKeepAlive = KernelResponseWriter.encodeHead(request("GET", 1, false),
                head(200, "OK", "Connection", "keep-alive"), 0, 0, NOW);
        assertTrue(notKeepAlive.closeAfter());
        assertFalse(text(notKeepAlive).contains("keep-alive"));
        assertTrue(text(notKeepAlive).contains("\r\nConnection: close\r\n"));
        KernelResponseWriter.Head appClose = KernelResponseWriter.encodeHead(request("GET", 1, true),
                head(200, "OK", "Connection", "close"), 0, 0, NOW);
        assertTrue(appClose.closeAfter());
        assertEquals(1, text(appClose).split("Connection", -1).length - 1);
        assertTrue(KernelResponseWriter.closesAfter(request("GET", 1, true), HTTP_SEND_RESPONSE_FLAG_DISCONNECT));
        assertFalse(KernelResponseWriter.closesAfter(request("GET", 1, true), HTTP_SEND_RESPONSE_FLAG_MORE_DATA));
    }

    @Test
    void http10RequestsGetAnHttp11StatusLineAndNoKeepAliveHeader() {
        KernelResponseWriter.Head keptAlive = KernelResponseWriter.encodeHead(request("GET", 0, true),
                new ResponseHead(1, 0, 200, "OK".getBytes(StandardCharsets.US_ASCII), List.of(), 0), 2, 0, NOW);
        assertEquals("HTTP/1.1 200 OK\r\nServer: Microsoft-HTTPAPI/2.0\r\n" + DATE + "Content-Length: 2\r\n\r\n",
                text(keptAlive));
        assertFalse(keptAlive.closeAfter());
        KernelResponseWriter.Head closing = KernelResponseWriter.encodeHead(request("GET", 0, false),
                head(200, "OK"), 2, 0, NOW);
        assertTrue(closing.closeAfter());
        assertTrue(text(closing).startsWith("HTTP/1.1 200 OK\r\n"));
        assertTrue(text(closing).contains("\r\nConnection: close\r\n"));
    }

    @Test
    void noContentLengthOn204() {
        assertFalse(text(KernelResponseWriter.encodeHead(request("GET", 1, true), head(204, "No Content"), 0, 0, NOW))
                .contains("Content-Length"));
    }

    @Test
    void continueBytes() {
        assertArrayEquals("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII),
                KernelResponseWriter.CONTINUE_100);
    }
}
