package io.netty.contrib.httpsys;

import io.netty.contrib.httpsys.nativeapi.WinError;
import io.netty.util.collection.LongObjectHashMap;
import io.netty.util.collection.LongObjectMap;
import io.netty.util.internal.logging.InternalLogger;
import io.netty.util.internal.logging.InternalLoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * Tells the request channels of one event loop's request queue handle when their client's connection goes away:
 * one {@code HttpWaitForDisconnectEx} per {@code ConnectionId}, shared by every request of that connection that
 * asks, as ASP.NET Core's {@code DisconnectListener} keeps one per connection
 * (dotnet/aspnetcore src/Servers/HttpSys/src/NativeInterop/DisconnectListener.cs).
 *
 * <p>A wait is never cancelled: nothing documents that {@code HttpWaitForDisconnect} can be, and ASP.NET Core never
 * tries. It ends when the connection goes away (with any status: "broken for any reason", HttpWaitForDisconnect
 * docs), or with {@code ERROR_OPERATION_ABORTED} when the loop's queue handle is closed or the queue shut down,
 * which says nothing about the client and so aborts no request. Its {@code OVERLAPPED} slot and its entry here
 * live until that completion, so a request channel leaves ({@link #unregister}) without a kernel call and without
 * waiting, and its loop's receiver closes the handle without waiting for clients that keep their connections open.
 *
 * <p>Under HTTP/2 HTTP.SYS gives every request a {@code ConnectionId} of its own (aspnet/HttpSysServer#442): there
 * is then one wait per request, which ends with the request (aspnet/AspNetKatana#432), and the map stays right.
 * Loop-confined, like the {@link LoopReceiver} that owns it.
 */
final class DisconnectListener {

    private static final InternalLogger logger = InternalLoggerFactory.getInstance(DisconnectListener.class);

    private final LoopReceiver receiver;
    private final LongObjectMap<ConnectionWait> waits = new LongObjectHashMap<>();

    DisconnectListener(LoopReceiver receiver) {
        this.receiver = receiver;
    }

    /**
     * Tells {@code child} (through {@link HttpSysRequestChannel#disconnected()}) when its connection goes away; at
     * once when the connection is gone already. A wait that cannot be started (a resource error) leaves the child
     * unwatched rather than aborting a request that can still be answered; the connection's next request tries
     * again.
     */
    void register(HttpSysRequestChannel child) {
        long connectionId = child.requestInfo().connectionId();
        ConnectionWait wait = waits.get(connectionId);
        if (wait == null) {
            wait = new ConnectionWait(connectionId);
            int error = wait.start();
            if (error == WinError.NO_ERROR || error == WinError.ERROR_CONNECTION_INVALID) {
                // NO_ERROR: the wait ended inside the call, the connection closed meanwhile (no packet in skip
                // mode); ERROR_CONNECTION_INVALID: HTTP.SYS no longer knows the connection.
                child.disconnected();
                return;
            }
            if (!HttpSysIoHandler.completesLater(error)) {
                logger.debug("{}: cannot watch for the client's disconnect: {}", child, WinError.nameOf(error));
                return;
            }
            waits.put(connectionId, wait);
        }
        wait.watchers.add(child);
    }

    /** {@code child} no longer wants to be told; its connection's wait stays for the connection's next requests. */
    void unregister(HttpSysRequestChannel child) {
        ConnectionWait wait = waits.get(child.requestInfo().connectionId());
        if (wait != null) {
            wait.watchers.remove(child);
        }
    }

    /** Connections with a wait pending on this loop's handle. */
    int pendingWaits() {
        return waits.size();
    }

    /** The wait of one connection: the owner of its {@code OVERLAPPED} slot until the completion. */
    private final class ConnectionWait implements CompletionHandler {
        private final long connectionId;
        /** Usually one: the requests of an HTTP/1.1 connection come one after another. */
        private final List<HttpSysRequestChannel> watchers = new ArrayList<>(1);

        ConnectionWait(long connectionId) {
            this.connectionId = connectionId;
        }

        /** Issues the wait and returns its immediate result; the slot stays taken only while it is pending. */
        int start() {
            HttpSysIoHandler handler = receiver.handler();
            int slot = handler.acquire(this, 0);
            int error;
            try {
                error = receiver.api().HttpWaitForDisconnectEx(receiver.queueHandle(), connectionId, 0,
                        handler.overlapped(slot));
            } catch (Throwable t) {
                handler.release(slot);
                throw t;
            }
            if (!HttpSysIoHandler.completesLater(error)) {
                handler.release(slot);
            }
            return error;
        }

        @Override
        public void completed(int operation, int error, int bytesTransferred) {
            if (waits.get(connectionId) == this) {
                waits.remove(connectionId);
            }
            if (error == WinError.ERROR_OPERATION_ABORTED) {
                // The handle closed (no watchers are left by then) or the queue was shut down: the client may
                // still be there, and a response in progress may still complete; the watchers just lose the watch.
                watchers.clear();
                return;
            }
            // Any other status: the connection is gone, whichever status HTTP.SYS reports it with.
            HttpSysRequestChannel[] told = watchers.toArray(new HttpSysRequestChannel[0]);
            watchers.clear();
            for (HttpSysRequestChannel child : told) {
                child.disconnected();
            }
        }
    }
}
