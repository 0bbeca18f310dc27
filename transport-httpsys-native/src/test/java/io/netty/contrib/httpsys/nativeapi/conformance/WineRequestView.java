package io.netty.contrib.httpsys.nativeapi.conformance;

import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.struct.HttpCookedUrl;
import io.netty.contrib.httpsys.nativeapi.struct.HttpRequestV2;

/** Reads strings out of a received {@code HTTP_REQUEST_V2} for assertion messages and routing checks. */
final class WineRequestView {

    private WineRequestView() {
    }

    /** {@code CookedUrl.pFullUrl}, decoded from UTF-16 with its length. */
    static String fullUrl(long req) {
        long cooked = HttpRequestV2.cookedUrl(req);
        return NativeAccess.getUtf16String(HttpCookedUrl.fullUrl(cooked), HttpCookedUrl.fullUrlLength(cooked));
    }

    /** {@code pRawUrl} with its length. */
    static String rawUrl(long req) {
        return NativeArena.readAscii(HttpRequestV2.rawUrl(req), HttpRequestV2.rawUrlLength(req));
    }
}
