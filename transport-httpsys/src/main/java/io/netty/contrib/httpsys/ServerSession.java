package io.netty.contrib.httpsys;

import io.netty.contrib.httpsys.nativeapi.Http;
import io.netty.contrib.httpsys.nativeapi.HttpApi;
import io.netty.contrib.httpsys.nativeapi.HttpSysException;
import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.NativeMemory;

/**
 * An HTTP Server API server session ({@code HTTP_SERVER_SESSION_ID}), together with the
 * {@code HttpInitialize(HTTP_INITIALIZE_SERVER)} it needs; closed exactly once.
 */
final class ServerSession implements AutoCloseable {

    private final HttpApi api;
    private final long id;
    private boolean closed;

    private ServerSession(HttpApi api, long id) {
        this.api = api;
        this.id = id;
    }

    static ServerSession create(HttpApi api) throws HttpSysException {
        HttpSysException.check(api.HttpInitialize(Http.HTTPAPI_VERSION_2, Http.HTTP_INITIALIZE_SERVER, 0),
                "HttpInitialize");
        long out = NativeMemory.allocate(Long.BYTES);
        try {
            int error = api.HttpCreateServerSession(Http.HTTPAPI_VERSION_2, out, 0);
            if (error != 0) {
                api.HttpTerminate(Http.HTTP_INITIALIZE_SERVER, 0);
                throw HttpSysException.of("HttpCreateServerSession", error);
            }
            return new ServerSession(api, NativeAccess.getLong(out));
        } finally {
            NativeMemory.free(out, Long.BYTES);
        }
    }

    long id() {
        return id;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        api.HttpCloseServerSession(id);
        api.HttpTerminate(Http.HTTP_INITIALIZE_SERVER, 0);
    }
}
