package io.netty.contrib.httpsys;

import io.netty.channel.IoHandle;
import io.netty.channel.IoHandler;
import io.netty.channel.IoHandlerContext;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.IoOps;
import io.netty.channel.IoRegistration;
import io.netty.contrib.httpsys.nativeapi.HttpApi;
import io.netty.contrib.httpsys.nativeapi.HttpSysBackend;
import io.netty.contrib.httpsys.nativeapi.IoCompletion;
import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.NativeMemory;
import io.netty.contrib.httpsys.nativeapi.NtStatus;
import io.netty.contrib.httpsys.nativeapi.WinBase;
import io.netty.contrib.httpsys.nativeapi.WinError;
import io.netty.contrib.httpsys.nativeapi.struct.OverlappedEntry;
import io.netty.util.concurrent.ThreadAwareExecutor;
import io.netty.util.internal.StringUtil;
import io.netty.util.internal.logging.InternalLogger;
import io.netty.util.internal.logging.InternalLoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The {@link IoHandler} of the HTTP.SYS transport: one I/O completion port per event loop, drained in batches
 * with {@code GetQueuedCompletionStatusEx}.
 *
 * <p>Every request queue handle that an event loop uses is associated with that loop's port, so a request
 * received on a loop is processed and answered there: no thread hops. {@code OVERLAPPED}s come from a native
 * slab per loop and map back to their owner through an int slot id; an {@code OVERLAPPED} and the buffers of its
 * operation stay alive until the operation's completion has been dequeued, even when the channel that started it
 * closed long before (the stale-{@code OVERLAPPED} problem OpenJDK's {@code PendingIoCache} solves).
 *
 * <p>Use it through {@link HttpSysEventLoopGroup}, or {@code new MultiThreadIoEventLoopGroup(HttpSysIoHandler.newFactory())}.
 */
public final class HttpSysIoHandler implements IoHandler {

    private static final InternalLogger logger = InternalLoggerFactory.getInstance(HttpSysIoHandler.class);

    /** Completions dequeued per {@code GetQueuedCompletionStatusEx} call. */
    private static final int BATCH = 64;
    private static final long ENTRIES_SIZE = (long) OverlappedEntry.SIZE * BATCH;
    /** Further non-blocking dequeues in one {@link #run} when a batch came back full. */
    private static final int MAX_EXTRA_BATCHES = 4;
    /** The completion key of wake-up packets; operations use {@link #OPERATION_KEY}. */
    private static final long WAKEUP_KEY = 0x6E657474L;
    private static final long OPERATION_KEY = 0;
    private static final long DESTROY_DRAIN_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final ThreadAwareExecutor executor;
    private final HttpApi httpApi;
    private final IoCompletion io;
    private final long port;
    private final long entries;
    private final long scratch;
    private final OverlappedSlab slab = new OverlappedSlab();
    private final Set<Registration> registrations = new LinkedHashSet<>();
    private final AtomicBoolean wakeupPending = new AtomicBoolean();
    private boolean destroyed;

    private HttpSysIoHandler(ThreadAwareExecutor executor) {
        this(executor, HttpSysBackend.current().ioCompletion());
    }

    private HttpSysIoHandler(ThreadAwareExecutor executor, IoCompletion io) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.httpApi = HttpSysBackend.current().httpApi();
        this.io = io;
        long port = io.CreateIoCompletionPort(IoCompletion.INVALID_HANDLE_VALUE, 0, 0, 1);
        if (port == 0) {
            throw new IllegalStateException("CreateIoCompletionPort failed: " + WinError.nameOf(io.GetLastError()));
        }
        this.port = port;
        this.entries = NativeMemory.allocate(ENTRIES_SIZE);
        this.scratch = NativeMemory.allocate(Long.BYTES);
    }

    /**
     * A factory for event loops of this transport; pass it to {@code MultiThreadIoEventLoopGroup}.
     *
     * @throws UnsupportedOperationException where native memory cannot be reached ({@link NativeAccess}), with what
     *         to do
     */
    public static IoHandlerFactory newFactory() {
        NativeAccess.ensureAvailable();
        return HttpSysIoHandler::new;
    }

    /** Loops whose completion-port calls go through {@code io} (this JVM's backend underneath): for tests. */
    static IoHandlerFactory newFactory(IoCompletion io) {
        return executor -> new HttpSysIoHandler(executor, io);
    }

    @Override
    public int run(IoHandlerContext context) {
        long start = context.shouldReportActiveIoTime() ? System.nanoTime() : 0;
        int timeout = context.canBlock() ? timeoutMillis(context.delayNanos(System.nanoTime())) : 0;
        int handled = dequeue(timeout);
        for (int extra = 0; handled == BATCH * (extra + 1) && extra < MAX_EXTRA_BATCHES; extra++) {
            handled += dequeue(0);
        }
        if (start != 0) {
            context.reportActiveIoTime(System.nanoTime() - start);
        }
        return handled;
    }

    private static int timeoutMillis(long delayNanos) {
        if (delayNanos <= 0) {
            return 0;
        }
        // Round up: waking a little late is fine, waking early only spins once more.
        long millis = TimeUnit.NANOSECONDS.toMillis(delayNanos + 999_999);
        return (int) Math.min(millis, Integer.MAX_VALUE - 1);
    }

    /** One {@code GetQueuedCompletionStatusEx}: dispatches what it got and returns how many it got. */
    private int dequeue(int timeoutMillis) {
        NativeAccess.putInt(scratch, 0);
        if (!io.GetQueuedCompletionStatusEx(port, entries, BATCH, scratch, timeoutMillis, false)) {
            int error = io.GetLastError();
            if (error != WinError.WAIT_TIMEOUT) {
                logger.warn("GetQueuedCompletionStatusEx failed: {}", WinError.nameOf(error));
            }
            return 0;
        }
        int removed = NativeAccess.getInt(scratch);
        for (int i = 0; i < removed; i++) {
            long entry = OverlappedEntry.at(entries, i);
            long key = OverlappedEntry.completionKey(entry);
            long overlapped = OverlappedEntry.overlapped(entry);
            if (key == WAKEUP_KEY && overlapped == 0) {
                wakeupPending.set(false);
                continue;
            }
            int status = NtStatus.statusOf(OverlappedEntry.internal(entry));
            int error = status == NtStatus.STATUS_SUCCESS ? WinError.ERROR_SUCCESS : io.RtlNtStatusToDosError(status);
            dispatch(overlapped, error, OverlappedEntry.numberOfBytesTransferred(entry));
        }
        return removed;
    }

    private void dispatch(long overlapped, int error, int bytes) {
        int slot = slab.slotOf(overlapped);
        if (slot < 0) {
            logger.warn("Ignoring a completion for an OVERLAPPED this event loop does not own: 0x{}",
                    Long.toHexString(overlapped));
            return;
        }
        CompletionHandler owner = slab.owner(slot);
        int operation = slab.operation(slot);
        slab.release(slot);
        try {
            owner.completed(operation, error, bytes);
        } catch (Throwable t) {
            logger.warn("Completion handler {} threw", owner, t);
        }
    }

    @Override
    public void wakeup() {
        if (!inEventLoop() && wakeupPending.compareAndSet(false, true)) {
            io.PostQueuedCompletionStatus(port, 0, WAKEUP_KEY, 0);
        }
    }

    @Override
    public void prepareToDestroy() {
        for (Registration registration : new ArrayList<>(registrations)) {
            registration.closeHandle();
        }
    }

    @Override
    public void destroy() {
        if (destroyed) {
            return;
        }
        destroyed = true;
        prepareToDestroy();
        for (Registration registration : new ArrayList<>(registrations)) {
            registration.abortHandle();
        }
        // Owners free their buffers only when their completion arrives: wait for every outstanding operation
        // (cancelled ones, and the disconnect waits of a queue handle that closed, complete with
        // ERROR_OPERATION_ABORTED), but not forever.
        long deadline = System.nanoTime() + DESTROY_DRAIN_NANOS;
        while (slab.inUse() > 0 && System.nanoTime() - deadline < 0) {
            dequeue(50);
        }
        if (slab.inUse() > 0) {
            logger.warn("{} operations did not complete within {} s of shutdown; leaking their OVERLAPPEDs",
                    slab.inUse(), TimeUnit.NANOSECONDS.toSeconds(DESTROY_DRAIN_NANOS));
        } else {
            slab.free();
        }
        io.CloseHandle(port);
        NativeMemory.free(entries, ENTRIES_SIZE);
        NativeMemory.free(scratch, Long.BYTES);
    }

    @Override
    public IoRegistration register(IoHandle handle) {
        HttpSysIoHandle httpSysHandle = cast(handle);
        long kernelHandle = httpSysHandle.kernelHandle();
        if (kernelHandle != 0) {
            associate(kernelHandle);
        }
        Registration registration = new Registration(httpSysHandle);
        registrations.add(registration);
        httpSysHandle.registered();
        return registration;
    }

    private void associate(long kernelHandle) {
        if (io.CreateIoCompletionPort(kernelHandle, port, OPERATION_KEY, 0) == 0) {
            throw new IllegalStateException("CreateIoCompletionPort (associating a request queue) failed: "
                    + WinError.nameOf(io.GetLastError()));
        }
        // A call that succeeds synchronously is handled inline by its caller: no packet to dequeue later.
        if (!io.SetFileCompletionNotificationModes(kernelHandle, (byte) WinBase.FILE_SKIP_COMPLETION_PORT_ON_SUCCESS)) {
            throw new IllegalStateException("SetFileCompletionNotificationModes failed: "
                    + WinError.nameOf(io.GetLastError()));
        }
    }

    private static HttpSysIoHandle cast(IoHandle handle) {
        if (handle instanceof HttpSysIoHandle) {
            return (HttpSysIoHandle) handle;
        }
        throw new IllegalArgumentException("IoHandle of type " + StringUtil.simpleClassName(handle)
                + " not supported by " + StringUtil.simpleClassName(HttpSysIoHandler.class));
    }

    @Override
    public boolean isCompatible(Class<? extends IoHandle> handleType) {
        return HttpSysIoHandle.class.isAssignableFrom(handleType);
    }

    // ---- for the transport's channels, on this loop's thread only ----

    HttpApi httpApi() {
        return httpApi;
    }

    IoCompletion ioCompletion() {
        return io;
    }

    /** Takes an {@code OVERLAPPED} slot for an operation of {@code owner}; see {@link #overlapped(int)}. */
    int acquire(CompletionHandler owner, int operation) {
        return slab.acquire(owner, operation);
    }

    long overlapped(int slot) {
        return slab.address(slot);
    }

    /**
     * Ends an operation that will queue no packet: it completed synchronously (success is never queued thanks to
     * {@code FILE_SKIP_COMPLETION_PORT_ON_SUCCESS}) or failed immediately.
     */
    void release(int slot) {
        slab.release(slot);
    }

    /**
     * Whether a call that returned {@code error} with an {@code OVERLAPPED} will still queue a completion packet:
     * only {@code ERROR_IO_PENDING}. Every other result is final and handled inline, exactly once. That includes
     * {@code ERROR_MORE_DATA}: its {@code STATUS_BUFFER_OVERFLOW} is a warning, and a handle in
     * {@code FILE_SKIP_COMPLETION_PORT_ON_SUCCESS} mode gets no packet for a synchronous non-error status (WDK,
     * {@code FILE_OBJECT}: {@code FO_SKIP_COMPLETION_PORT}; Wine {@code server/async.c}; ASP.NET Core's
     * {@code AsyncAcceptContext} retries at once). The I/O manager still writes the {@code IO_STATUS_BLOCK} for a
     * warning, so the size needed is in {@code OVERLAPPED.InternalHigh}.
     */
    static boolean completesLater(int error) {
        return error == WinError.ERROR_IO_PENDING;
    }

    /** A ULONG for the synchronous-result out-parameters ({@code pBytesReturned}); read it right after the call. */
    long scratchUlong() {
        return scratch;
    }

    int outstandingOperations() {
        return slab.inUse();
    }

    boolean inEventLoop() {
        return executor.isExecutorThread(Thread.currentThread());
    }

    private final class Registration implements IoRegistration {
        private final HttpSysIoHandle handle;
        private boolean valid = true;

        Registration(HttpSysIoHandle handle) {
            this.handle = handle;
        }

        @SuppressWarnings("unchecked")
        @Override
        public <T> T attachment() {
            return (T) HttpSysIoHandler.this;
        }

        @Override
        public long submit(IoOps ops) {
            throw new UnsupportedOperationException("HTTP.SYS operations are started by the channels themselves");
        }

        @Override
        public boolean isValid() {
            return valid;
        }

        @Override
        public boolean cancel() {
            if (!valid) {
                return false;
            }
            valid = false;
            if (inEventLoop()) {
                unregister();
            } else {
                executor.execute(this::unregister);
            }
            return true;
        }

        private void unregister() {
            if (registrations.remove(this)) {
                handle.unregistered();
            }
        }

        void abortHandle() {
            try {
                handle.abort();
            } catch (Exception e) {
                logger.warn("Failed to abort {}", handle, e);
            }
        }

        void closeHandle() {
            try {
                handle.close();
            } catch (Exception e) {
                logger.warn("Failed to close {}", handle, e);
            }
        }
    }
}
