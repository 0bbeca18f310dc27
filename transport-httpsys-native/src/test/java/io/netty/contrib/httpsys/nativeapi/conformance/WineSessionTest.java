package io.netty.contrib.httpsys.nativeapi.conformance;

import io.netty.contrib.httpsys.nativeapi.Http;
import io.netty.contrib.httpsys.nativeapi.HttpApi;
import io.netty.contrib.httpsys.nativeapi.HttpSysBackend;
import io.netty.contrib.httpsys.nativeapi.IoCompletion;
import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.WinError;
import io.netty.contrib.httpsys.nativeapi.struct.HttpBindingInfo;
import io.netty.contrib.httpsys.nativeapi.struct.HttpRequestV2;
import io.netty.contrib.httpsys.nativeapi.struct.HttpapiVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Behaviours section 1 (sessions, URL groups, request queues), after Wine's {@code test_HttpCreateServerSession},
 * {@code test_HttpCreateUrlGroup}, {@code test_v2_queue_after_url}, the handle checks of {@code test_v1_server} and
 * the rebinding in {@code test_v2_bound_port}.
 */
@ExtendWith(WineHttpInitialize.class)
@Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class WineSessionTest {

    private final HttpApi api = HttpSysBackend.current().httpApi();
    private final IoCompletion io = HttpSysBackend.current().ioCompletion();

    @Test
    void createServerSessionChecksItsArgumentsAndTheVersion() {
        try (NativeArena arena = new NativeArena()) {
            long session = arena.allocate(8);
            assertEquals(WinError.ERROR_INVALID_PARAMETER, api.HttpCreateServerSession(HttpapiVersion.pack(1, 0), 0, 0));
            assertEquals(WinError.ERROR_REVISION_MISMATCH, api.HttpCreateServerSession(HttpapiVersion.pack(1, 1), session, 0));
            assertEquals(WinError.ERROR_REVISION_MISMATCH, api.HttpCreateServerSession(HttpapiVersion.pack(3, 0), session, 0));

            assertEquals(0, api.HttpCreateServerSession(HttpapiVersion.pack(2, 0), session, 0));
            assertEquals(0, api.HttpCloseServerSession(NativeAccess.getLong(session)));
            assertEquals(0, api.HttpCreateServerSession(HttpapiVersion.pack(1, 0), session, 0));
            assertEquals(0, api.HttpCloseServerSession(NativeAccess.getLong(session)));

            assertEquals(WinError.ERROR_INVALID_PARAMETER, api.HttpCloseServerSession(0xdead));
        }
    }

    @Test
    void urlGroupsNeedASessionAndCloseWithIt() {
        try (NativeArena arena = new NativeArena()) {
            long groupOut = arena.allocate(8);
            NativeAccess.putLong(groupOut, 1);
            assertEquals(WinError.ERROR_INVALID_PARAMETER, api.HttpCreateUrlGroup(0, groupOut, 0));
            assertEquals(1, NativeAccess.getLong(groupOut), "group id written on failure");

            long session = createSession(arena, HttpapiVersion.pack(1, 0));
            NativeAccess.putLong(groupOut, 0);
            assertEquals(0, api.HttpCreateUrlGroup(session, groupOut, 0));
            long group = NativeAccess.getLong(groupOut);
            assertNotEquals(0, group);
            assertEquals(0, api.HttpCloseServerSession(session));
            assertEquals(WinError.ERROR_INVALID_PARAMETER, api.HttpCloseUrlGroup(group),
                    "groups are closed together with their session");

            session = createSession(arena, HttpapiVersion.pack(1, 0));
            NativeAccess.putLong(groupOut, 0);
            assertEquals(0, api.HttpCreateUrlGroup(session, groupOut, 0));
            group = NativeAccess.getLong(groupOut);
            assertNotEquals(0, group);
            assertEquals(0, api.HttpCloseUrlGroup(group));
            assertEquals(0, api.HttpCloseServerSession(session));
        }
    }

    /** {@code HttpCreateHttpHandle} twice in {@code test_v1_server}, with the v2 call that replaced it. */
    @Test
    void everyRequestQueueIsANewHandle() {
        try (NativeArena arena = new NativeArena()) {
            long queue = createQueue(arena);
            long queue2 = createQueue(arena);
            assertNotEquals(0, queue);
            assertNotEquals(0, queue2);
            assertNotEquals(queue, queue2);
            assertTrue(io.CloseHandle(queue2), "CloseHandle(queue2)");
            assertEquals(0, api.HttpCloseRequestQueue(queue));
        }
    }

    /**
     * The end of {@code test_v1_server}: a queue closed with {@code CloseHandle} is an invalid handle afterwards
     * (Wine checks {@code HttpAddUrl}, whose v2 counterpart takes a group; the receive is the queue call here).
     */
    @Test
    void aClosedQueueIsAnInvalidHandle() {
        try (NativeArena arena = new NativeArena()) {
            long queue = createQueue(arena);
            assertTrue(io.CloseHandle(queue), "CloseHandle(queue)");
            long buffer = arena.allocate(2048);
            assertEquals(WinError.ERROR_INVALID_HANDLE,
                    api.HttpReceiveHttpRequest(queue, Http.HTTP_NULL_ID, 0, buffer, 2048, 0, arena.overlapped()));
        }
    }

    /** {@code test_v2_queue_after_url}: URL first, queue and binding later, request before any receive. */
    @Test
    void aUrlAddedBeforeTheGroupIsBoundStillDeliversAndWaitingRequestsAreKept() {
        try (NativeArena arena = new NativeArena()) {
            long session = createSession(arena, Http.HTTPAPI_VERSION_2);
            long group = createGroup(arena, session);
            int port = WineUrls.addUrlV2(api, group, "/");
            long queue = createQueue(arena);
            bind(arena, group, queue);
            try (RawClient client = new RawClient(port)) {
                String request = WineExchange.simpleReq(port);
                client.send(request);
                long buffer = arena.allocate(2048);
                assertEquals(0, api.HttpReceiveHttpRequest(queue, Http.HTTP_NULL_ID, 0, buffer, 2048, 0, 0));
                assertEquals(request.length(), HttpRequestV2.bytesReceived(buffer));
                WineExchange.sendResponseV1(api, queue, HttpRequestV2.requestId(buffer), client);
            }
            assertEquals(0, WineUrls.removeUrlV2(api, group, port));
            assertEquals(0, api.HttpCloseRequestQueue(queue));
            assertEquals(0, api.HttpCloseUrlGroup(group));
            assertEquals(0, api.HttpCloseServerSession(session));
        }
    }

    /** The rebinding half of {@code test_v2_bound_port}. */
    @Test
    void aGroupCanBeReboundToAnotherQueue() {
        try (NativeArena arena = new NativeArena()) {
            long session = createSession(arena, Http.HTTPAPI_VERSION_2);
            long group = createGroup(arena, session);
            long queue = createQueue(arena);
            long dummyQueue = createQueue(arena);
            bind(arena, group, queue);
            bind(arena, group, dummyQueue);
            assertEquals(0, api.HttpCloseRequestQueue(dummyQueue));
            assertEquals(0, api.HttpCloseRequestQueue(queue));
            assertEquals(0, api.HttpCloseUrlGroup(group));
            assertEquals(0, api.HttpCloseServerSession(session));
        }
    }

    private long createSession(NativeArena arena, int version) {
        long out = arena.allocate(8);
        assertEquals(0, api.HttpCreateServerSession(version, out, 0), "HttpCreateServerSession");
        return NativeAccess.getLong(out);
    }

    private long createGroup(NativeArena arena, long session) {
        long out = arena.allocate(8);
        assertEquals(0, api.HttpCreateUrlGroup(session, out, 0), "HttpCreateUrlGroup");
        return NativeAccess.getLong(out);
    }

    private long createQueue(NativeArena arena) {
        long out = arena.allocate(8);
        assertEquals(0, api.HttpCreateRequestQueue(Http.HTTPAPI_VERSION_2, null, 0, 0, out), "HttpCreateRequestQueue");
        return NativeAccess.getLong(out);
    }

    private void bind(NativeArena arena, long group, long queue) {
        long binding = arena.allocate(HttpBindingInfo.SIZE);
        HttpBindingInfo.setFlags(binding, 1);
        HttpBindingInfo.setRequestQueueHandle(binding, queue);
        assertEquals(0, api.HttpSetUrlGroupProperty(group, Http.HttpServerBindingProperty, binding, HttpBindingInfo.SIZE),
                "HttpSetUrlGroupProperty(HttpServerBindingProperty)");
    }
}
