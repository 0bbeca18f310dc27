package io.netty.contrib.httpsys.nativeapi.conformance;

import io.netty.contrib.httpsys.nativeapi.Http;
import io.netty.contrib.httpsys.nativeapi.HttpApi;
import io.netty.contrib.httpsys.nativeapi.HttpSysBackend;
import io.netty.contrib.httpsys.nativeapi.NativeMemory;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Brackets each test like Wine's {@code START_TEST(httpapi)}: {@code HttpInitialize(2.0, HTTP_INITIALIZE_SERVER)}
 * before (the real DLL requires it; it is reference counted), {@code HttpTerminate} after, and then checks that
 * every native allocation the test made was freed.
 */
final class WineHttpInitialize implements BeforeEachCallback, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(WineHttpInitialize.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(NAMESPACE).put("allocations", NativeMemory.outstandingAllocations());
        assertEquals(0, api().HttpInitialize(Http.HTTPAPI_VERSION_2, Http.HTTP_INITIALIZE_SERVER, 0), "HttpInitialize");
    }

    @Override
    public void afterEach(ExtensionContext context) {
        assertEquals(0, api().HttpTerminate(Http.HTTP_INITIALIZE_SERVER, 0), "HttpTerminate");
        long before = context.getStore(NAMESPACE).get("allocations", Long.class);
        assertEquals(before, NativeMemory.outstandingAllocations(), "native allocations left behind");
    }

    private static HttpApi api() {
        return HttpSysBackend.current().httpApi();
    }
}
