package io.netty.contrib.httpsys.nativeapi.conformance;

import io.netty.contrib.httpsys.nativeapi.Http;
import io.netty.contrib.httpsys.nativeapi.HttpApi;
import io.netty.contrib.httpsys.nativeapi.HttpSysBackend;
import io.netty.contrib.httpsys.nativeapi.IoCompletion;
import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.struct.HttpBindingInfo;

import java.util.ArrayDeque;
import java.util.Deque;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The v2 set-up of Wine's {@code test_v2_server}: a session, a URL group bound to a request queue. More queues
 * and groups can be added (the v2 form of Wine's v1 tests with several {@code HttpCreateHttpHandle} queues); on
 * close every queue, group and the session are closed in Wine's order, each asserting {@code NO_ERROR}.
 */
final class WineV2Server implements AutoCloseable {

    final HttpApi api = HttpSysBackend.current().httpApi();
    final IoCompletion io = HttpSysBackend.current().ioCompletion();
    final NativeArena arena = new NativeArena();
    final long session;
    final long group;
    final long queue;
    private final Deque<Long> queues = new ArrayDeque<>();
    private final Deque<Long> groups = new ArrayDeque<>();

    WineV2Server() {
        long out = arena.allocate(8);
        assertEquals(0, api.HttpCreateServerSession(Http.HTTPAPI_VERSION_2, out, 0), "HttpCreateServerSession");
        session = NativeAccess.getLong(out);
        group = createGroup();
        queue = createQueue();
        bind(group, queue);
    }

    long createGroup() {
        long out = arena.allocate(8);
        assertEquals(0, api.HttpCreateUrlGroup(session, out, 0), "HttpCreateUrlGroup");
        groups.push(NativeAccess.getLong(out));
        return groups.peek();
    }

    long createQueue() {
        long out = arena.allocate(8);
        assertEquals(0, api.HttpCreateRequestQueue(Http.HTTPAPI_VERSION_2, null, 0, 0, out), "HttpCreateRequestQueue");
        queues.push(NativeAccess.getLong(out));
        return queues.peek();
    }

    void bind(long group, long queue) {
        long binding = arena.allocate(HttpBindingInfo.SIZE);
        HttpBindingInfo.setFlags(binding, 1);
        HttpBindingInfo.setRequestQueueHandle(binding, queue);
        assertEquals(0, api.HttpSetUrlGroupProperty(group, Http.HttpServerBindingProperty, binding, HttpBindingInfo.SIZE),
                "HttpSetUrlGroupProperty(HttpServerBindingProperty)");
    }

    /** A completion port for {@code queue} whose packets carry {@code key}. */
    WineCompletionPort completionPort(long queue, long key) {
        return new WineCompletionPort(io, arena, queue, key);
    }

    @Override
    public void close() {
        try {
            while (!queues.isEmpty()) {
                assertEquals(0, api.HttpCloseRequestQueue(queues.pop()), "HttpCloseRequestQueue");
            }
            while (!groups.isEmpty()) {
                assertEquals(0, api.HttpCloseUrlGroup(groups.pop()), "HttpCloseUrlGroup");
            }
            assertEquals(0, api.HttpCloseServerSession(session), "HttpCloseServerSession");
        } finally {
            arena.close();
        }
    }
}
