package io.netty.contrib.httpsys.nativeapi.emulator;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class KernelResponsesTest {

    /**
     * Content-Length values of real HTTP.SYS answers, as captured: nmap scans of Microsoft-HTTPAPI/2.0 ports
     * (Invalid Verb 326), pasted raw responses (Bad Request 311, Request Too Long 346, Not Found 315 from a
     * 0xdf ghost.htb write-up), a pg_net note (Invalid Header 339), and the sizes implied by the verbatim
     * bodies in WCF's HttpChannelUtilities (Invalid Hostname) and an Azure test fixture (Invalid URL 324).
     */
    private static final Map<KernelAnswer, Integer> CAPTURED_LENGTHS = Map.of(
            KernelAnswer.BAD_REQUEST, 311,
            KernelAnswer.INVALID_VERB, 326,
            KernelAnswer.INVALID_URL, 324,
            KernelAnswer.INVALID_HOSTNAME, 334,
            KernelAnswer.INVALID_HEADER, 339,
            KernelAnswer.REQUEST_TOO_LONG, 346,
            KernelAnswer.NOT_FOUND, 315);

    @Test
    void bodiesHaveTheCapturedLengths() {
        CAPTURED_LENGTHS.forEach((answer, length) -> assertEquals(length, answer.body().length, answer.name()));
    }

    @Test
    void invalidVerbMatchesTheNmapCaptureByteForByte() {
        String wire = new String(KernelResponses.encode(KernelAnswer.INVALID_VERB, 1661811697000L),
                StandardCharsets.US_ASCII);
        assertEquals("HTTP/1.1 400 Bad Request\r\n"
                + "Content-Type: text/html; charset=us-ascii\r\n"
                + "Server: Microsoft-HTTPAPI/2.0\r\n"
                + "Date: Mon, 29 Aug 2022 22:21:37 GMT\r\n"
                + "Connection: close\r\n"
                + "Content-Length: 326\r\n"
                + "\r\n"
                + "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\"\"http://www.w3.org/TR/html4/strict.dtd\">\r\n"
                + "<HTML><HEAD><TITLE>Bad Request</TITLE>\r\n"
                + "<META HTTP-EQUIV=\"Content-Type\" Content=\"text/html; charset=us-ascii\"></HEAD>\r\n"
                + "<BODY><h2>Bad Request - Invalid Verb</h2>\r\n"
                + "<hr><p>HTTP Error 400. The request verb is invalid.</p>\r\n"
                + "</BODY></HTML>\r\n", wire);
    }

    @Test
    void everyAnswerCloses() {
        for (KernelAnswer answer : KernelAnswer.values()) {
            KernelRequestDecoderTest.assertResponse(
                    new String(KernelResponses.encode(answer), StandardCharsets.US_ASCII), answer);
        }
    }
}
