package io.netty.contrib.httpsys.nativeapi.conformance;

import io.netty.contrib.httpsys.nativeapi.HttpApi;
import io.netty.contrib.httpsys.nativeapi.struct.HttpRequestV2;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The request texts of Wine's {@code httpapi.c} and its {@code send_response_v1} helper. */
final class WineExchange {

    /** {@code sizeof(HTTP_REQUEST_V1)} on x64: the {@code HTTP_REQUEST_V2} fields before {@code RequestInfoCount}. */
    static final int HTTP_REQUEST_V1_SIZE = HttpRequestV2.REQUEST_INFO_COUNT;

    private WineExchange() {
    }

    /** Wine's {@code simple_req}. */
    static String simpleReq(int port) {
        return relativeReq("/foobar", port);
    }

    /** Wine's {@code relative_req}: {@code simple_req} for another path. */
    static String relativeReq(String path, int port) {
        return "GET " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nConnection: keep-alive\r\n"
                + "User-Agent: WINE\r\n\r\n";
    }

    /** Wine's {@code post_req} as sent ({@code strlen + 1} bytes): a 5-byte body "ping" plus its NUL. */
    static String postReq(int port) {
        return "POST /xyzzy HTTP/1.1\r\nHost: localhost:" + port + "\r\nConnection: keep-alive\r\n"
                + "Content-Length: 5\r\n\r\nping\0";
    }

    /** Wine's {@code post_req2}: the head of a POST with a 2048-byte body. */
    static String postReq2(int port) {
        return "POST /xyzzy HTTP/1.1\r\nHost: localhost:" + port + "\r\nConnection: keep-alive\r\n"
                + "Content-Length: 2048\r\n\r\n";
    }

    /** Wine's {@code req_body}: byte i is i / 111. */
    static byte[] reqBody() {
        byte[] body = new byte[2048];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) (i / 111);
        }
        return body;
    }

    /** {@code send_response_v1}: a synchronous 418 for {@code requestId}, read back from the client. */
    static WineWireResponse sendResponseV1(HttpApi api, long queue, long requestId, RawClient client) {
        try (NativeArena arena = new NativeArena()) {
            long response = new ResponseBuilder(arena).status(418, "I'm a teapot").build();
            assertEquals(0, api.HttpSendHttpResponse(queue, requestId, 0, response, 0, 0, 0, 0, 0, 0),
                    "HttpSendHttpResponse");
        }
        WineWireResponse wire = WineWireResponse.read(client, -1);
        assertEquals("HTTP/1.1 418 I'm a teapot", wire.statusLine());
        return wire;
    }
}
