package io.netty.contrib.httpsys.nativeapi.emulator;

import java.util.List;

/**
 * The head of a response as read out of an {@code HTTP_RESPONSE_V2}: status, reason and headers, known
 * headers under their canonical names first (in {@code HTTP_HEADER_ID} order), then the unknown headers in
 * array order, then any {@code HttpResponseInfoTypeMultipleKnownHeaders} values.
 *
 * @param versionMajor response version major (0.0 means "same as the request")
 * @param versionMinor response version minor
 * @param statusCode   the status code
 * @param reason       the reason phrase bytes (may be empty)
 * @param headers      header name/value pairs as raw bytes
 * @param responseFlags {@code HTTP_RESPONSE_V2.Flags}
 */
public record ResponseHead(int versionMajor, int versionMinor, int statusCode, byte[] reason,
                           List<ResponseHeader> headers, int responseFlags) {
}
