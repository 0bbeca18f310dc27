package io.netty.contrib.httpsys.nativeapi.conformance;

import io.netty.contrib.httpsys.nativeapi.Http;
import io.netty.contrib.httpsys.nativeapi.HttpApi;
import io.netty.contrib.httpsys.nativeapi.HttpSysBackend;
import io.netty.contrib.httpsys.nativeapi.IoCompletion;
import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.WinError;
import io.netty.contrib.httpsys.nativeapi.struct.HttpBindingInfo;

import java.io.IOException;
import java.net.ServerSocket;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A v2 server as Wine's {@code test_v2_server} sets it up: a session, a URL group bound to a request queue, and
 * {@code http://localhost:P/} on a free port (ports answering 32 or 183 are skipped, as Wine's tests do).
 */
final class TestServer implements AutoCloseable {

    final HttpApi api = HttpSysBackend.current().httpApi();
    final IoCompletion io = HttpSysBackend.current().ioCompletion();
    final NativeArena arena = new NativeArena();
    final long session;
    final long group;
    final long queue;
    int port;

    TestServer() {
        long out = arena.allocate(8);
        assertEquals(0, api.HttpCreateServerSession(Http.HTTPAPI_VERSION_2, out, 0));
        session = NativeAccess.getLong(out);
        assertEquals(0, api.HttpCreateUrlGroup(session, out, 0));
        group = NativeAccess.getLong(out);
        assertEquals(0, api.HttpCreateRequestQueue(Http.HTTPAPI_VERSION_2, null, 0, 0, out));
        queue = NativeAccess.getLong(out);
        bind(group, queue);
    }

    /** Binds {@code group} to {@code queue} with HttpServerBindingProperty. */
    void bind(long group, long queue) {
        long binding = arena.allocate(HttpBindingInfo.SIZE);
        HttpBindingInfo.setFlags(binding, 1);
        HttpBindingInfo.setRequestQueueHandle(binding, queue);
        assertEquals(0, api.HttpSetUrlGroupProperty(group, Http.HttpServerBindingProperty, binding,
                HttpBindingInfo.SIZE));
    }

    /** Adds {@code http://localhost:P<path>} on a free port and returns the port. */
    int addLocalhostUrl(String path) {
        return addUrl(group, "http://localhost:%d" + path, 0xdeadbeefL);
    }

    /** Adds the format (one %d for the port) on the first free port found. */
    int addUrl(long group, String format, long context) {
        for (int attempt = 0; attempt < 50; attempt++) {
            int candidate = freePort();
            int error = api.HttpAddUrlToUrlGroup(group, String.format(format, candidate), context, 0);
            if (error == WinError.NO_ERROR) {
                port = candidate;
                return candidate;
            }
            assertEquals(WinError.ERROR_SHARING_VIOLATION, error, "adding " + format);
        }
        throw new AssertionError("no free port");
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** A request queue handle created with the given name and flags; asserts success. */
    long createQueue(String name, int flags) {
        long out = arena.allocate(8);
        assertEquals(0, api.HttpCreateRequestQueue(Http.HTTPAPI_VERSION_2, name, 0, flags, out));
        return NativeAccess.getLong(out);
    }

    @Override
    public void close() {
        api.HttpCloseRequestQueue(queue);
        api.HttpCloseUrlGroup(group);
        api.HttpCloseServerSession(session);
        arena.close();
    }
}
