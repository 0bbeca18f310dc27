package io.netty.contrib.httpsys.nativeapi.conformance;

import io.netty.contrib.httpsys.nativeapi.NativeMemory;
import io.netty.contrib.httpsys.nativeapi.WinError;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The setup most conformance tests share: a fresh {@link TestServer} and {@link NativeArena} per test, both closed
 * afterwards, and a check that every native allocation made during the test was freed. Subclasses' own
 * {@code @BeforeEach} methods run after the server is open and their {@code @AfterEach} methods before it closes.
 */
abstract class ServerTestBase {

    private static final int RECEIVE_BUFFER = 2048;

    private long allocationsBefore;
    TestServer server;
    NativeArena arena;

    @BeforeEach
    final void openServer() {
        allocationsBefore = NativeMemory.outstandingAllocations();
        server = new TestServer();
        arena = new NativeArena();
    }

    @AfterEach
    final void closeServerAndCheckAllocations() {
        arena.close();
        server.close();
        assertEquals(allocationsBefore, NativeMemory.outstandingAllocations(), "native allocations left behind");
    }

    /** Proves no request is waiting: a receive stays pending (and is then cancelled). */
    void assertQueueEmpty() {
        long ovl = arena.overlapped();
        assertEquals(WinError.ERROR_IO_PENDING, server.api.HttpReceiveHttpRequest(server.queue, 0, 0,
                arena.allocate(RECEIVE_BUFFER), RECEIVE_BUFFER, 0, ovl));
        assertTrue(server.io.CancelIoEx(server.queue, ovl));
    }
}
