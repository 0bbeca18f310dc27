package io.netty.contrib.httpsys.nativeapi.conformance;

import io.netty.contrib.httpsys.nativeapi.Http;
import io.netty.contrib.httpsys.nativeapi.HttpApi;
import io.netty.contrib.httpsys.nativeapi.HttpSysBackend;
import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.NativeMemory;
import io.netty.contrib.httpsys.nativeapi.WinError;
import io.netty.contrib.httpsys.nativeapi.struct.HttpBindingInfo;
import io.netty.contrib.httpsys.nativeapi.struct.HttpConnectionLimitInfo;
import io.netty.contrib.httpsys.nativeapi.struct.HttpQosSettingInfo;
import io.netty.contrib.httpsys.nativeapi.struct.HttpRequestV2;
import io.netty.contrib.httpsys.nativeapi.struct.HttpStateInfo;
import io.netty.contrib.httpsys.nativeapi.struct.HttpTimeoutLimitInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Behaviours section 1: sessions, URL groups, request queues, binding and properties (Wine's
 * test_HttpCreateServerSession, test_HttpCreateUrlGroup, test_v2_queue_after_url, test_v2_bound_port).
 */
@Timeout(60)
class SessionsTest {

    private static final int VERSION_1_1 = 0x0001_0001;
    private static final int VERSION_3_0 = 0x0000_0003;
    private static final int BUFFER = 2048;

    private final HttpApi api = HttpSysBackend.current().httpApi();
    private long allocationsBefore;
    private NativeArena arena;

    @BeforeEach
    void setUp() {
        allocationsBefore = NativeMemory.outstandingAllocations();
        arena = new NativeArena();
    }

    @AfterEach
    void tearDown() {
        arena.close();
        assertEquals(allocationsBefore, NativeMemory.outstandingAllocations());
    }

    @Test
    void serverSessionVersions() {
        long out = arena.allocate(8);
        assertEquals(WinError.ERROR_INVALID_PARAMETER, api.HttpCreateServerSession(Http.HTTPAPI_VERSION_1, 0, 0));
        assertEquals(WinError.ERROR_REVISION_MISMATCH, api.HttpCreateServerSession(VERSION_1_1, out, 0));
        assertEquals(WinError.ERROR_REVISION_MISMATCH, api.HttpCreateServerSession(VERSION_3_0, out, 0));
        assertEquals(0, api.HttpCreateServerSession(Http.HTTPAPI_VERSION_2, out, 0));
        assertEquals(0, api.HttpCloseServerSession(NativeAccess.getLong(out)));
        assertEquals(0, api.HttpCreateServerSession(Http.HTTPAPI_VERSION_1, out, 0));
        assertEquals(0, api.HttpCloseServerSession(NativeAccess.getLong(out)));
        assertEquals(WinError.ERROR_INVALID_PARAMETER, api.HttpCloseServerSession(0xdead));
    }

    @Test
    void urlGroupsCloseWithTheirSession() {
        long out = arena.allocate(8);
        NativeAccess.putLong(out, 1);
        assertEquals(WinError.ERROR_INVALID_PARAMETER, api.HttpCreateUrlGroup(0, out, 0));
        assertEquals(1, NativeAccess.getLong(out), "the id must stay untouched");
        assertEquals(0, api.HttpCreateServerSession(Http.HTTPAPI_VERSION_2, out, 0));
        long session = NativeAccess.getLong(out);
        assertEquals(0, api.HttpCreateUrlGroup(session, out, 0));
        long group = NativeAccess.getLong(out);
        assertNotEquals(0, group);
        assertEquals(0, api.HttpCloseServerSession(session));
        assertEquals(WinError.ERROR_INVALID_PARAMETER, api.HttpCloseUrlGroup(group));
    }

    @Test
    void requestQueueHandlesAreDistinctAndDieWithClose() {
        try (TestServer server = new TestServer()) {
            long second = server.createQueue(null, 0);
            assertNotEquals(server.queue, second);
            assertEquals(0, api.HttpCloseRequestQueue(second));
            assertEquals(WinError.ERROR_INVALID_HANDLE, api.HttpReceiveHttpRequest(second, 0, 0,
                    arena.allocate(BUFFER), BUFFER, 0, arena.overlapped()));
            assertTrue(!server.io.CloseHandle(second) && server.io.GetLastError() == WinError.ERROR_INVALID_HANDLE);
        }
    }

    @Test
    void namedQueuesOpenedTwiceShareTheirRequests() {
        String name = "emucore-" + System.nanoTime();
        try (TestServer server = new TestServer()) {
            long first = server.createQueue(name, 0);
            long out = arena.allocate(8);
            assertEquals(WinError.ERROR_ALREADY_EXISTS, api.HttpCreateRequestQueue(Http.HTTPAPI_VERSION_2, name, 0, 0, out));
            assertEquals(WinError.ERROR_FILE_NOT_FOUND, api.HttpCreateRequestQueue(Http.HTTPAPI_VERSION_2,
                    name + "-missing", 0, Http.HTTP_CREATE_REQUEST_QUEUE_FLAG_OPEN_EXISTING, out));
            long second = server.createQueue(name, Http.HTTP_CREATE_REQUEST_QUEUE_FLAG_OPEN_EXISTING);
            assertNotEquals(first, second);
            server.bind(server.group, first);
            int port = server.addLocalhostUrl("/");
            try (RawClient client = new RawClient(port)) {
                client.send(RawClient.simpleGet("/", port));
                long buffer = arena.allocate(BUFFER);
                assertEquals(0, api.HttpReceiveHttpRequest(second, 0, 0, buffer, BUFFER, 0, 0));
                long response = new ResponseBuilder(arena).body("via the second handle").build();
                assertEquals(0, api.HttpSendHttpResponse(first, HttpRequestV2.requestId(buffer), 0, response, 0, 0,
                        0, 0, 0, 0));
                assertTrue(client.readResponse().endsWith("via the second handle"));
            }
            assertEquals(0, api.HttpCloseRequestQueue(second));
            assertEquals(0, api.HttpCloseRequestQueue(first));
        }
    }

    @Test
    void urlsAddedBeforeBindingAndRebindingWork() {
        try (TestServer server = new TestServer()) {
            long out = arena.allocate(8);
            assertEquals(0, api.HttpCreateUrlGroup(server.session, out, 0));
            long group = NativeAccess.getLong(out);
            int port = server.addUrl(group, "http://localhost:%d/", 5);
            long other = server.createQueue(null, 0);
            server.bind(group, server.queue);
            server.bind(group, other);
            try (RawClient client = new RawClient(port)) {
                String request = RawClient.simpleGet("/late", port);
                client.send(request);
                long buffer = arena.allocate(BUFFER);
                assertEquals(0, api.HttpReceiveHttpRequest(other, 0, 0, buffer, BUFFER, 0, 0));
                assertEquals(request.length(), HttpRequestV2.bytesReceived(buffer));
                assertEquals(5, HttpRequestV2.urlContext(buffer));
                assertEquals(0, api.HttpSendHttpResponse(other, HttpRequestV2.requestId(buffer), 0,
                        new ResponseBuilder(arena).build(), 0, 0, 0, 0, 0, 0));
                client.readResponse();
            }
            long binding = arena.allocate(HttpBindingInfo.SIZE);
            assertEquals(WinError.ERROR_INVALID_PARAMETER, api.HttpSetUrlGroupProperty(group,
                    Http.HttpServerBindingProperty, binding, HttpBindingInfo.SIZE - 1));
            assertEquals(0, api.HttpCloseRequestQueue(other));
            assertEquals(0, api.HttpCloseUrlGroup(group));
        }
    }

    @Test
    void queuePropertiesAreCheckedStoredAndQueried() {
        try (TestServer server = new TestServer()) {
            long value = arena.allocate(8);
            long length = arena.allocate(4);
            NativeAccess.putInt(value, 10);
            assertEquals(0, api.HttpSetRequestQueueProperty(server.queue, Http.HttpServerQueueLengthProperty, value, 4, 0, 0));
            assertEquals(WinError.ERROR_INVALID_PARAMETER,
                    api.HttpSetRequestQueueProperty(server.queue, Http.HttpServerQueueLengthProperty, value, 8, 0, 0));
            NativeAccess.putInt(value, 0);
            assertEquals(0, api.HttpQueryRequestQueueProperty(server.queue, Http.HttpServerQueueLengthProperty, value,
                    4, 0, length, 0));
            assertEquals(10, NativeAccess.getInt(value));
            assertEquals(4, NativeAccess.getInt(length));
            NativeAccess.putInt(value, Http.Http503ResponseVerbosityLimited);
            assertEquals(0, api.HttpSetRequestQueueProperty(server.queue, Http.HttpServer503VerbosityProperty, value, 4, 0, 0));

            long state = arena.allocate(HttpStateInfo.SIZE);
            HttpStateInfo.setFlags(state, 1);
            HttpStateInfo.setState(state, Http.HttpEnabledStateActive);
            assertEquals(0, api.HttpSetUrlGroupProperty(server.group, Http.HttpServerStateProperty, state, HttpStateInfo.SIZE));
            assertEquals(WinError.ERROR_INVALID_PARAMETER, api.HttpSetUrlGroupProperty(server.group,
                    Http.HttpServerStateProperty, state, HttpStateInfo.SIZE + 4));

            long timeouts = arena.allocate(HttpTimeoutLimitInfo.SIZE);
            HttpTimeoutLimitInfo.setFlags(timeouts, 1);
            HttpTimeoutLimitInfo.setIdleConnection(timeouts, 30);
            HttpTimeoutLimitInfo.setHeaderWait(timeouts, 15);
            assertEquals(0, api.HttpSetServerSessionProperty(server.session, Http.HttpServerTimeoutsProperty, timeouts,
                    HttpTimeoutLimitInfo.SIZE));
            NativeAccess.setMemory(timeouts, HttpTimeoutLimitInfo.SIZE, (byte) 0);
            assertEquals(WinError.ERROR_MORE_DATA, api.HttpQueryServerSessionProperty(server.session,
                    Http.HttpServerTimeoutsProperty, timeouts, 4, length));
            assertEquals(HttpTimeoutLimitInfo.SIZE, NativeAccess.getInt(length));
            assertEquals(0, api.HttpQueryServerSessionProperty(server.session, Http.HttpServerTimeoutsProperty, timeouts,
                    HttpTimeoutLimitInfo.SIZE, length));
            assertEquals(30, HttpTimeoutLimitInfo.idleConnection(timeouts));
            assertEquals(15, HttpTimeoutLimitInfo.headerWait(timeouts));
        }
    }

    @Test
    void qosConnectionLimitIsStoredAndReported() {
        try (TestServer server = new TestServer()) {
            long limit = arena.allocate(HttpConnectionLimitInfo.SIZE);
            HttpConnectionLimitInfo.setFlags(limit, 1);
            HttpConnectionLimitInfo.setMaxConnections(limit, 50);
            long qos = arena.allocate(HttpQosSettingInfo.SIZE);
            HttpQosSettingInfo.setQosType(qos, Http.HttpQosSettingTypeConnectionLimit);
            HttpQosSettingInfo.setQosSetting(qos, limit);
            assertEquals(0, api.HttpSetUrlGroupProperty(server.group, Http.HttpServerQosProperty, qos,
                    HttpQosSettingInfo.SIZE));
            assertEquals(WinError.ERROR_INVALID_PARAMETER, api.HttpSetUrlGroupProperty(server.group,
                    Http.HttpServerQosProperty, qos, HttpQosSettingInfo.SIZE - 8));
            // Reading QoS back is the emulator's own report (Windows does not document the query).
            assumeTrue(HttpSysBackend.current().isEmulated());
            HttpConnectionLimitInfo.setMaxConnections(limit, 0);
            assertEquals(0, api.HttpQueryUrlGroupProperty(server.group, Http.HttpServerQosProperty, qos,
                    HttpQosSettingInfo.SIZE, arena.allocate(4)));
            assertEquals(50, HttpConnectionLimitInfo.maxConnections(limit));
        }
    }
}
