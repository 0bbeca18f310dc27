package io.netty.contrib.httpsys.nativeapi.emulator;

import java.nio.charset.StandardCharsets;

/**
 * The responses HTTP.SYS writes by itself, without involving any application, with the texts of its HTML
 * error page. The page is always {@code <h2>heading</h2>} and {@code HTTP Error code. text} inside the same
 * HTML 4.01 frame (see {@link KernelResponses}).
 *
 * <p>Sources for the texts (the body lengths they give are checked by the tests): nmap scans of
 * {@code Microsoft-HTTPAPI/2.0} ports (Invalid Verb, 326 bytes), WCF's HttpChannelUtilities (Invalid
 * Hostname), ASP.NET Core HostFilteringMiddleware ("Matches Http.Sys"), pasted raw responses for Bad Request
 * (311 bytes), Invalid URL (324), Invalid Header (339), Request Too Long (346), Not Found (315), and the
 * SharePoint Online troubleshooting article for Header Field Too Long. The 411, 414, 501 and 505 texts follow
 * the same pattern but were not found verbatim.
 */
public enum KernelAnswer {
    /** Malformed request line, version, framing, line ending or header value. */
    BAD_REQUEST(400, "Bad Request", "Bad Request", "The request is badly formed."),
    /** Host missing a match, or malformed. */
    INVALID_HOSTNAME(400, "Bad Request", "Bad Request - Invalid Hostname", "The request hostname is invalid."),
    /** Bad target, bad escaping, restricted characters, too many or too long segments. */
    INVALID_URL(400, "Bad Request", "Bad Request - Invalid URL", "The request URL is invalid."),
    /** A verb with characters outside the token set. */
    INVALID_VERB(400, "Bad Request", "Bad Request - Invalid Verb", "The request verb is invalid."),
    /** A header name with characters outside the token set. */
    INVALID_HEADER(400, "Bad Request", "Bad Request - Invalid Header", "The request has an invalid header name."),
    /** One header line longer than {@code MaxFieldLength}. */
    HEADER_FIELD_TOO_LONG(400, "Bad Request", "Bad Request - Header Field Too Long",
            "A request header field is too long."),
    /** Request line plus headers longer than {@code MaxRequestBytes}. */
    REQUEST_TOO_LONG(400, "Bad Request", "Bad Request - Request Too Long",
            "The size of the request headers is too long."),
    /** A request target longer than the URL limit. */
    URL_TOO_LONG(414, "Request URL Too Long", "Request URL Too Long", "The request URL is too long."),
    /** A body-bearing request the kernel cannot frame. */
    LENGTH_REQUIRED(411, "Length Required", "Length Required",
            "The request must be chunked or have a content length."),
    /**
     * A transfer coding other than {@code chunked}: RFC 9112 section 6.1 says 501, and HTTP.SYS's error log
     * has a reason phrase for a 501 it sends itself ({@code N/I}, "Types of Errors Logged by the HTTP Server
     * API").
     */
    NOT_IMPLEMENTED(501, "Not Implemented", "Not Implemented", "The request is not supported."),
    /** No registered URL prefix matches. */
    NOT_FOUND(404, "Not Found", "Not Found", "The requested resource is not found."),
    /** The request queue is full ({@code HttpServerQueueLengthProperty}). */
    SERVICE_UNAVAILABLE(503, "Service Unavailable", "Service Unavailable", "The service is unavailable."),
    /** An HTTP major version other than 1. */
    VERSION_NOT_SUPPORTED(505, "HTTP Version Not Supported", "HTTP Version Not Supported",
            "The HTTP version is not supported.");

    private final int statusCode;
    private final String reason;
    private final String heading;
    private final String text;

    KernelAnswer(int statusCode, String reason, String heading, String text) {
        this.statusCode = statusCode;
        this.reason = reason;
        this.heading = heading;
        this.text = text;
    }

    /** The status code on the status line. */
    public int statusCode() {
        return statusCode;
    }

    /** The reason phrase on the status line (also the HTML title). */
    public String reason() {
        return reason;
    }

    /** The complete HTML body, exactly as HTTP.SYS sends it. */
    public byte[] body() {
        String html = "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\""
                + "\"http://www.w3.org/TR/html4/strict.dtd\">\r\n"
                + "<HTML><HEAD><TITLE>" + reason + "</TITLE>\r\n"
                + "<META HTTP-EQUIV=\"Content-Type\" Content=\"text/html; charset=us-ascii\"></HEAD>\r\n"
                + "<BODY><h2>" + heading + "</h2>\r\n"
                + "<hr><p>HTTP Error " + statusCode + ". " + text + "</p>\r\n"
                + "</BODY></HTML>\r\n";
        return html.getBytes(StandardCharsets.US_ASCII);
    }
}
