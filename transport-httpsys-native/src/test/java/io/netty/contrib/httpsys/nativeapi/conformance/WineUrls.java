package io.netty.contrib.httpsys.nativeapi.conformance;

import io.netty.contrib.httpsys.nativeapi.HttpApi;
import io.netty.contrib.httpsys.nativeapi.WinError;
import org.junit.jupiter.api.Assumptions;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Wine's {@code add_url_v2} / {@code remove_url_v2}: registers {@code http://localhost:P/} on a free port. Wine walks
 * 50000..51000; here the candidates are ports the OS just handed out, and 32 (a port in use by someone else) or 183
 * (already registered) mean "try the next one", as in Wine.
 */
final class WineUrls {

    /** Wine's {@code add_url_v2} passes this UrlContext. */
    static final long CONTEXT = 0xdeadbeefL;

    private WineUrls() {
    }

    static String localhost(int port, String path) {
        return "http://localhost:" + port + path;
    }

    /** Adds {@code http://localhost:P<path>} to {@code group} on a free port P and returns P. */
    static int addUrlV2(HttpApi api, long group, String path) {
        int error = 0;
        for (int attempt = 0; attempt < 50; attempt++) {
            int port = TestServer.freePort();
            error = api.HttpAddUrlToUrlGroup(group, localhost(port, path), CONTEXT, 0);
            if (error == WinError.NO_ERROR) {
                return port;
            }
            // Like Wine's test_v1_urls for "+": without the right (admin or a URL ACL) Windows says 5; skip then.
            Assumptions.assumeFalse(error == WinError.ERROR_ACCESS_DENIED, "no permission to register " + localhost(port, path));
            assertTrue(error == WinError.ERROR_SHARING_VIOLATION || error == WinError.ERROR_ALREADY_EXISTS,
                    "HttpAddUrlToUrlGroup: " + error);
        }
        throw new AssertionError("no free port, last error " + error);
    }

    static int removeUrlV2(HttpApi api, long group, int port) {
        return api.HttpRemoveUrlFromUrlGroup(group, localhost(port, "/"), 0);
    }
}
