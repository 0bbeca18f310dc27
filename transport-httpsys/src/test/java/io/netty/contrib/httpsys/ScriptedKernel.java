package io.netty.contrib.httpsys;

import io.netty.contrib.httpsys.nativeapi.HttpApi;
import io.netty.contrib.httpsys.nativeapi.HttpSysBackend;
import io.netty.contrib.httpsys.nativeapi.IoCompletion;
import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.NtStatus;
import io.netty.contrib.httpsys.nativeapi.WinError;
import io.netty.contrib.httpsys.nativeapi.emulator.Emulator;
import io.netty.contrib.httpsys.nativeapi.struct.Overlapped;
import io.netty.contrib.httpsys.nativeapi.struct.OverlappedEntry;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.HashSet;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A fault injector under the transport: {@link HttpApi} and {@link IoCompletion} that pass every call to the
 * emulator, except the calls a test scripted. A script answers the next matching call of one function instead of
 * the emulator: it returns an error inline, completes later with a status of its choice (a packet it queues on the
 * handle's completion port), stays pending for ever, fails a {@code kernel32} function with a last error, or lets
 * the emulator answer and edits the result. Unarmed, the kernel behaves exactly as the emulator.
 *
 * <p>{@link HttpSysBackend#install} is once per JVM, so the test classes that use this kernel are named
 * {@code *Faults} and run in their own surefire execution ({@code scripted-kernel} in this module's pom), never in
 * the JVM of the other tests; there {@link ScriptedKernelInstaller} installs it before the first test class.
 */
final class ScriptedKernel {

    /** The key of this kernel's own wake-up packets: they make a blocked dequeue look at the injected packets. */
    private static final long INJECTION_KEY = 0x5343524950544544L;

    /** Where each overlapped function has its {@code OVERLAPPED} and {@code pBytesReturned}/{@code pBytesSent}. */
    private static final Map<String, int[]> OVERLAPPED_ARGS = Map.of(
            "HttpReceiveHttpRequest", new int[] {6, 5},
            "HttpReceiveRequestEntityBody", new int[] {6, 5},
            "HttpSendHttpResponse", new int[] {8, 5},
            "HttpSendResponseEntityBody", new int[] {8, 5},
            "HttpWaitForDisconnect", new int[] {2, -1},
            "HttpWaitForDisconnectEx", new int[] {3, -1},
            "HttpCancelHttpRequest", new int[] {2, -1});

    /** Set by the {@code scripted-kernel} surefire execution: this JVM is the scripted kernel's. */
    static final String EXECUTION_PROPERTY = "io.netty.contrib.httpsys.test.scriptedKernel";

    private final HttpApi realApi = Emulator.get().httpApi();
    private final IoCompletion realIo = Emulator.get().ioCompletion();
    private final CopyOnWriteArrayList<Script> scripts = new CopyOnWriteArrayList<>();
    /** The completion port each handle was associated with. */
    private final Map<Long, Long> ports = new ConcurrentHashMap<>();
    private final Map<Long, Queue<long[]>> injected = new ConcurrentHashMap<>();
    /** What to do to an operation's result when its packet is dequeued, before the transport sees it. */
    private final Map<Long, Runnable> onCompletion = new ConcurrentHashMap<>();
    private final ThreadLocal<int[]> scriptedLastError = ThreadLocal.withInitial(() -> new int[1]);

    private ScriptedKernel() {
        InvocationHandler handler = this::invoke;
        HttpApi httpApi = (HttpApi) Proxy.newProxyInstance(HttpApi.class.getClassLoader(),
                new Class<?>[] {HttpApi.class}, handler);
        IoCompletion ioCompletion = (IoCompletion) Proxy.newProxyInstance(IoCompletion.class.getClassLoader(),
                new Class<?>[] {IoCompletion.class}, handler);
        HttpSysBackend.install("scripted", httpApi, ioCompletion);
    }

    /**
     * The kernel of this JVM, installed as its HTTP.SYS backend on first use. Outside the {@code scripted-kernel}
     * execution (a {@code -Dtest=} run also picks the {@code *Faults} classes up in the JVM of the other tests) the
     * test is skipped: that execution runs it.
     */
    static ScriptedKernel get() {
        assumeTrue(Boolean.getBoolean(EXECUTION_PROPERTY),
                "runs only in the scripted-kernel surefire execution, where nothing else chose the backend");
        return Holder.INSTANCE;
    }

    private static final class Holder {
        static final ScriptedKernel INSTANCE = new ScriptedKernel();
    }

    /** Scripts the next call of {@code function}. */
    Script next(String function, Action action) {
        return on(function, 1, call -> true, action);
    }

    /** Scripts the next {@code times} calls of {@code function} for which {@code when} holds. */
    Script on(String function, int times, Predicate<Call> when, Action action) {
        Script script = new Script(function, times, when, action);
        scripts.add(script);
        return script;
    }

    /** Removes every script, fired or not: what one test armed does not reach the next. */
    void reset() {
        scripts.clear();
        onCompletion.clear();
    }

    /**
     * Queues a completion packet on {@code port}, dequeued by the next {@code GetQueuedCompletionStatusEx} on it
     * before anything the emulator queued.
     */
    void injectPacket(long port, long key, long overlapped, int ntStatus, int bytes) {
        injected(port).add(new long[] {key, overlapped, ntStatus, bytes});
        realIo.PostQueuedCompletionStatus(port, 0, INJECTION_KEY, 0);
    }

    /** The completion ports that open handles are associated with: one per event loop of a running server. */
    Set<Long> ports() {
        return new HashSet<>(ports.values());
    }

    private Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return method.invoke(this, args);
        }
        String name = method.getName();
        for (Script script : scripts) {
            Call call = new Call(method, args);
            if (script.function.equals(name) && script.take(call)) {
                return script.action.perform(call);
            }
        }
        return delegate(method, args);
    }

    private Object delegate(Method method, Object[] args) throws Throwable {
        String name = method.getName();
        if (method.getDeclaringClass() == IoCompletion.class) {
            if (name.equals("GetLastError")) {
                int[] scripted = scriptedLastError.get();
                if (scripted[0] != 0) {
                    int error = scripted[0];
                    scripted[0] = 0;
                    return error;
                }
                return realIo.GetLastError();
            }
            scriptedLastError.get()[0] = 0;
            if (name.equals("GetQueuedCompletionStatusEx")) {
                return dequeue((long) args[0], (long) args[1], (int) args[2], (long) args[3], (int) args[4],
                        (boolean) args[5]);
            }
            Object result = call(realIo, method, args);
            if (name.equals("CreateIoCompletionPort") && (long) result != 0 && (long) args[0] != -1L) {
                ports.put((long) args[0], (long) result);
            } else if (name.equals("CloseHandle")) {
                forget((long) args[0]);
            }
            return result;
        }
        if (name.equals("HttpCloseRequestQueue")) {
            forget((long) args[0]);
        }
        return call(realApi, method, args);
    }

    private void forget(long handle) {
        ports.remove(handle);
        ports.values().removeIf(port -> port == handle);
        injected.remove(handle);
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** The emulator's dequeue, with this kernel's injected packets added and its wake-up packets taken out. */
    private boolean dequeue(long port, long entries, int count, long removedOut, int millis, boolean alertable) {
        Queue<long[]> queue = injected(port);
        int removed = 0;
        if (queue.isEmpty()) {
            if (!realIo.GetQueuedCompletionStatusEx(port, entries, count, removedOut, millis, alertable)) {
                return false;
            }
            int dequeued = NativeAccess.getInt(removedOut);
            for (int i = 0; i < dequeued; i++) {
                long entry = OverlappedEntry.at(entries, i);
                if (OverlappedEntry.completionKey(entry) == INJECTION_KEY && OverlappedEntry.overlapped(entry) == 0) {
                    continue;
                }
                if (removed != i) {
                    NativeAccess.copyMemory(entry, OverlappedEntry.at(entries, removed), OverlappedEntry.SIZE);
                }
                removed++;
            }
        }
        for (long[] packet; removed < count && (packet = queue.poll()) != null; removed++) {
            long entry = OverlappedEntry.at(entries, removed);
            OverlappedEntry.setCompletionKey(entry, packet[0]);
            OverlappedEntry.setOverlapped(entry, packet[1]);
            OverlappedEntry.setInternal(entry, packet[2] & 0xFFFFFFFFL);
            OverlappedEntry.setNumberOfBytesTransferred(entry, (int) packet[3]);
        }
        for (int i = 0; i < removed && !onCompletion.isEmpty(); i++) {
            Runnable edit = onCompletion.remove(OverlappedEntry.overlapped(OverlappedEntry.at(entries, i)));
            if (edit != null) {
                edit.run();
            }
        }
        NativeAccess.putInt(removedOut, removed);
        return true;
    }

    private Queue<long[]> injected(long port) {
        return injected.computeIfAbsent(port, p -> new ConcurrentLinkedQueue<>());
    }

    /** What a script does instead of the emulator. */
    @FunctionalInterface
    interface Action {
        Object perform(Call call) throws Throwable;
    }

    /** One armed script: fires for the next {@code times} matching calls. */
    static final class Script {
        private final String function;
        private final Predicate<Call> when;
        private final Action action;
        private final CountDownLatch remaining;

        Script(String function, int times, Predicate<Call> when, Action action) {
            this.function = function;
            this.when = when;
            this.action = action;
            this.remaining = new CountDownLatch(times);
        }

        private synchronized boolean take(Call call) {
            if (remaining.getCount() == 0 || !when.test(call)) {
                return false;
            }
            remaining.countDown();
            return true;
        }

        /** Waits until the script fired as often as armed. */
        void awaitFired() throws InterruptedException {
            assertTrue(remaining.await(10, TimeUnit.SECONDS), function + " was not called as scripted");
        }
    }

    /** One scripted call: its arguments, and the ways to answer it. */
    final class Call {
        private final Method method;
        private final Object[] args;

        Call(Method method, Object[] args) {
            this.method = method;
            this.args = args;
        }

        long arg(int index) {
            return ((Number) args[index]).longValue();
        }

        /** What the emulator does with the call. */
        Object proceed() throws Throwable {
            return delegate(method, args);
        }

        /**
         * What the emulator does with the call, then {@code edit} on its result once it is there: at once for a
         * synchronous success, when its packet is dequeued for a pending call.
         */
        Object proceedThen(Runnable edit) throws Throwable {
            Object result = proceed();
            if (result.equals(WinError.NO_ERROR)) {
                edit.run();
            } else if (result.equals(WinError.ERROR_IO_PENDING)) {
                onCompletion.put(arg(overlappedArgs()[0]), edit);
            }
            return result;
        }

        /**
         * Returns {@code error} at once, as a call that finished synchronously: no packet follows. For a success
         * or {@code ERROR_MORE_DATA} (a warning) the I/O manager writes the {@code OVERLAPPED} and the byte-count
         * out parameter, so they get {@code bytes}; an error writes neither.
         */
        int returnInline(int error, int bytes) {
            int[] at = overlappedArgs();
            if (error == WinError.NO_ERROR || error == WinError.ERROR_MORE_DATA) {
                long overlapped = arg(at[0]);
                int status = error == WinError.NO_ERROR ? NtStatus.STATUS_SUCCESS : NtStatus.STATUS_BUFFER_OVERFLOW;
                Overlapped.setInternal(overlapped, status & 0xFFFFFFFFL);
                Overlapped.setInternalHigh(overlapped, bytes);
                if (at[1] >= 0 && arg(at[1]) != 0) {
                    NativeAccess.putInt(arg(at[1]), bytes);
                }
            }
            return error;
        }

        int returnInline(int error) {
            return returnInline(error, 0);
        }

        /**
         * Returns {@code ERROR_IO_PENDING} and queues a completion packet with {@code ntStatus} and {@code bytes}
         * on the completion port of the call's handle, as the kernel does when the operation ends.
         */
        int completeLater(int ntStatus, int bytes) {
            long overlapped = arg(overlappedArgs()[0]);
            Long port = ports.get(arg(0));
            if (port == null) {
                throw new IllegalStateException("handle 0x" + Long.toHexString(arg(0)) + " has no completion port");
            }
            Overlapped.setInternal(overlapped, ntStatus & 0xFFFFFFFFL);
            Overlapped.setInternalHigh(overlapped, bytes);
            injectPacket(port, 0, overlapped, ntStatus, bytes);
            return WinError.ERROR_IO_PENDING;
        }

        /** Returns {@code ERROR_IO_PENDING} and never completes: an operation the kernel keeps for ever. */
        int pendForever() {
            return WinError.ERROR_IO_PENDING;
        }

        /** Fails a {@code kernel32} function: its failure value, with {@code error} as the last error. */
        Object fail(int error) {
            scriptedLastError.get()[0] = error;
            Class<?> type = method.getReturnType();
            if (type == boolean.class) {
                return false;
            }
            if (method.getName().equals("CreateFileW")) {
                return IoCompletion.INVALID_HANDLE_VALUE;
            }
            return type == long.class ? 0L : (Object) error;
        }

        private int[] overlappedArgs() {
            int[] at = OVERLAPPED_ARGS.get(method.getName());
            if (at == null) {
                throw new IllegalStateException(method.getName() + " takes no OVERLAPPED this kernel knows of");
            }
            return at;
        }
    }
}
