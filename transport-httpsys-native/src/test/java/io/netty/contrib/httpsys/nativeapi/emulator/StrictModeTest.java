package io.netty.contrib.httpsys.nativeapi.emulator;

import io.netty.contrib.httpsys.nativeapi.Http;
import io.netty.contrib.httpsys.nativeapi.HttpApi;
import io.netty.contrib.httpsys.nativeapi.IoCompletion;
import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.NativeMemory;
import io.netty.contrib.httpsys.nativeapi.NtStatus;
import io.netty.contrib.httpsys.nativeapi.WinBase;
import io.netty.contrib.httpsys.nativeapi.WinError;
import io.netty.contrib.httpsys.nativeapi.struct.HttpBindingInfo;
import io.netty.contrib.httpsys.nativeapi.struct.HttpRequestV2;
import io.netty.contrib.httpsys.nativeapi.struct.Overlapped;
import io.netty.contrib.httpsys.nativeapi.struct.OverlappedEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link StrictMode} under the emulator's functions: results the emulator gives at once become pending and come
 * through the port with the OVERLAPPED written; held-back packets all arrive, once each; an injected fault leaves
 * the request either untouched (ERROR_NOT_ENOUGH_MEMORY) or its client's connection gone.
 */
@Timeout(60)
class StrictModeTest {

    private static final Kernel KERNEL = new Kernel();
    private static final int SHORT = 1024;

    private final List<long[]> allocations = new ArrayList<>();
    private final List<Socket> clients = new ArrayList<>();
    private HttpApi api;
    private IoCompletion io;
    private long session;
    private long group;
    private long queue;
    private long port;
    private int tcpPort;
    private long entries;
    private long removed;

    private StrictMode open(double pendRate, double delayRate, double faultRate) throws IOException {
        StrictMode strict = new StrictMode(8, pendRate, delayRate, 500, faultRate);
        HttpApi emulated = new EmulatedHttpApi(KERNEL);
        api = new StrictHttpApi(KERNEL, emulated, strict);
        io = new StrictIoCompletion(KERNEL, new EmulatedIoCompletion(KERNEL, emulated), strict);
        long out = allocate(8);
        assertEquals(0, api.HttpCreateServerSession(Http.HTTPAPI_VERSION_2, out, 0));
        session = NativeAccess.getLong(out);
        assertEquals(0, api.HttpCreateUrlGroup(session, out, 0));
        group = NativeAccess.getLong(out);
        assertEquals(0, api.HttpCreateRequestQueue(Http.HTTPAPI_VERSION_2, null, 0, 0, out));
        queue = NativeAccess.getLong(out);
        long binding = allocate(HttpBindingInfo.SIZE);
        HttpBindingInfo.setFlags(binding, 1);
        HttpBindingInfo.setRequestQueueHandle(binding, queue);
        assertEquals(0, api.HttpSetUrlGroupProperty(group, Http.HttpServerBindingProperty, binding,
                HttpBindingInfo.SIZE));
        try (ServerSocket probe = new ServerSocket(0)) {
            tcpPort = probe.getLocalPort();
        }
        assertEquals(0, api.HttpAddUrlToUrlGroup(group, "http://localhost:" + tcpPort + "/", 1, 0));
        port = io.CreateIoCompletionPort(queue, 0, 7, 0);
        assertNotEquals(0, port);
        assertTrue(io.SetFileCompletionNotificationModes(queue, (byte) WinBase.FILE_SKIP_COMPLETION_PORT_ON_SUCCESS));
        entries = allocate(OverlappedEntry.SIZE * 8L);
        removed = allocate(4);
        return strict;
    }

    @AfterEach
    void close() throws IOException {
        for (Socket client : clients) {
            client.close();
        }
        if (api != null) {
            api.HttpCloseRequestQueue(queue);
            api.HttpCloseUrlGroup(group);
            api.HttpCloseServerSession(session);
            io.CloseHandle(port);
        }
        for (long[] allocation : allocations) {
            NativeMemory.free(allocation[0], allocation[1]);
        }
    }

    @Test
    void resultsGivenAtOnceBecomePendingAndComeThroughThePort() throws IOException {
        StrictMode strict = open(1, 0, 0);
        Socket client = client("GET /big HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "x".repeat(6000) + "\r\n\r\n");
        long buffer = allocate(SHORT);
        long bytes = allocate(4);
        // Synchronous calls are never made pending: this one binds the request to its id.
        assertEquals(WinError.ERROR_MORE_DATA, api.HttpReceiveHttpRequest(queue, 0, 0, buffer, SHORT, bytes, 0));
        long requestId = HttpRequestV2.requestId(buffer);
        int needed = NativeAccess.getInt(bytes);

        // The retry by id would end at once with ERROR_MORE_DATA (no packet in skip mode): now it is pending.
        long ovl = overlapped();
        assertEquals(WinError.ERROR_IO_PENDING, api.HttpReceiveHttpRequest(queue, requestId, 0, buffer, SHORT, 0,
                ovl));
        long[] packet = dequeueOne(ovl);
        assertEquals(NtStatus.STATUS_BUFFER_OVERFLOW, (int) packet[0]);
        assertEquals(needed, packet[1]);
        assertEquals(NtStatus.STATUS_BUFFER_OVERFLOW, NtStatus.statusOf(Overlapped.internal(ovl)));
        assertEquals(needed, Overlapped.internalHigh(ovl));

        // And the receive into a buffer large enough, which would succeed at once.
        long full = allocate(needed);
        long ovl2 = overlapped();
        assertEquals(WinError.ERROR_IO_PENDING, api.HttpReceiveHttpRequest(queue, requestId, 0, full, needed, 0,
                ovl2));
        packet = dequeueOne(ovl2);
        assertEquals(NtStatus.STATUS_SUCCESS, (int) packet[0]);
        assertEquals(needed, packet[1]);
        assertEquals(requestId, HttpRequestV2.requestId(full));
        assertEquals(2, strict.counts().get("pended"));
        assertEquals(0, dequeue(0), "one packet per operation");
        assertTrue(client.isConnected());
    }

    @Test
    void heldBackPacketsAllArriveOnceEach() throws IOException {
        StrictMode strict = open(0, 1, 0);
        Set<Long> receives = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            long ovl = overlapped();
            assertEquals(WinError.ERROR_IO_PENDING, api.HttpReceiveHttpRequest(queue, 0, 0, allocate(4096), 4096, 0,
                    ovl));
            receives.add(ovl);
        }
        for (int i = 0; i < 3; i++) {
            client("GET /" + i + " HTTP/1.1\r\nHost: localhost\r\n\r\n");
        }
        Set<Long> completed = new HashSet<>();
        while (completed.size() < 3) {
            int n = dequeue(10_000);
            assertTrue(n > 0, "completions missing: " + completed.size() + " of 3 arrived");
            for (int i = 0; i < n; i++) {
                long entry = OverlappedEntry.at(entries, i);
                assertEquals(NtStatus.STATUS_SUCCESS, NtStatus.statusOf(OverlappedEntry.internal(entry)));
                assertTrue(completed.add(OverlappedEntry.overlapped(entry)), "a packet came twice");
            }
        }
        assertEquals(receives, completed);
        assertEquals(3, strict.counts().get("delayed"));
        assertEquals(0, dequeue(0));
    }

    @Test
    void anInjectedFaultLeavesTheRequestUntouchedOrItsClientGone() throws IOException {
        StrictMode strict = open(0, 0, 0);
        Set<Integer> outcomes = new HashSet<>();
        for (int round = 0; round < 24; round++) {
            Socket client = client("POST /body HTTP/1.1\r\nHost: localhost\r\nContent-Length: 10\r\n\r\n");
            long buffer = allocate(4096);
            strict.faultRate(0);
            assertEquals(WinError.NO_ERROR, api.HttpReceiveHttpRequest(queue, 0, 0, buffer, 4096, 0, 0));
            long requestId = HttpRequestV2.requestId(buffer);

            strict.faultRate(1);
            long ovl = overlapped();
            int result = api.HttpReceiveRequestEntityBody(queue, requestId, 0, allocate(64), 64, 0, ovl);
            strict.faultRate(0);
            if (result == WinError.ERROR_NOT_ENOUGH_MEMORY) {
                // Nothing started: no packet, and the request is as it was.
                assertEquals(0, dequeue(0));
                assertEquals(WinError.NO_ERROR, api.HttpCancelHttpRequest(queue, requestId, 0));
            } else if (result == WinError.ERROR_IO_PENDING) {
                // Pending: an error at once after a reset, or the body read ended by a client dropped later.
                result = io.RtlNtStatusToDosError((int) dequeueOne(ovl)[0]);
            }
            outcomes.add(result);
            assertTrue(Set.of(WinError.ERROR_NOT_ENOUGH_MEMORY, WinError.ERROR_CONNECTION_INVALID,
                    WinError.ERROR_NETNAME_DELETED, WinError.ERROR_OPERATION_ABORTED).contains(result),
                    "not a documented failure of a body read: " + WinError.nameOf(result));
            assertEquals(-1, read(client), "the client's connection ends without a response");
            assertEquals(0, dequeue(0), "one packet per operation");
        }
        assertTrue(outcomes.size() >= 3, "24 rounds meet several kinds of fault: " + outcomes);
    }

    private Socket client(String request) throws IOException {
        Socket client = new Socket(InetAddress.getLoopbackAddress(), tcpPort);
        client.setSoTimeout(10_000);
        clients.add(client);
        client.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        return client;
    }

    /** The first byte the server sends, or -1 when the connection ends (closed or reset) before any. */
    private static int read(Socket client) throws IOException {
        InputStream in = client.getInputStream();
        try {
            return in.read();
        } catch (SocketException reset) {
            return -1;
        }
    }

    private int dequeue(int milliseconds) {
        if (!io.GetQueuedCompletionStatusEx(port, entries, 8, removed, milliseconds, false)) {
            assertEquals(WinError.WAIT_TIMEOUT, io.GetLastError());
            return 0;
        }
        return NativeAccess.getInt(removed);
    }

    /** Waits for the one packet of {@code ovl}: its status and byte count. */
    private long[] dequeueOne(long ovl) {
        assertEquals(1, dequeue(10_000), "the completion of a pending operation");
        assertEquals(ovl, OverlappedEntry.overlapped(entries));
        assertEquals(7, OverlappedEntry.completionKey(entries));
        return new long[] {NtStatus.statusOf(OverlappedEntry.internal(entries)),
                OverlappedEntry.numberOfBytesTransferred(entries)};
    }

    private long overlapped() {
        long ovl = allocate(Overlapped.SIZE);
        NativeAccess.setMemory(ovl, Overlapped.SIZE, (byte) 0);
        return ovl;
    }

    private long allocate(long size) {
        long address = NativeMemory.allocate(size);
        allocations.add(new long[] {address, size});
        return address;
    }
}
