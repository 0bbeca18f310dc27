package io.netty.contrib.httpsys;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Records the calls made through an interface of the native layer ({@code HttpApi}, {@code IoCompletion}) and
 * passes each one on to the real implementation, so that a test can check what the kernel was asked and what it
 * answered, instead of the values the test configured. An observer can read a call's native arguments while they
 * are still valid (during the call).
 *
 * <p>Give {@link #proxy()} to a server channel ({@link TestServer.Builder#httpApi}) or to event loops
 * ({@link HttpSysIoHandler#newFactory(io.netty.contrib.httpsys.nativeapi.IoCompletion)}): only that server or
 * those loops go through it, the other tests of the JVM do not.
 */
final class CallRecorder<T> {

    /** One call: the function's name, its arguments and what it returned. */
    record Call(String function, Object[] args, Object result) {
        long longArg(int index) {
            return ((Number) args[index]).longValue();
        }

        int intArg(int index) {
            return ((Number) args[index]).intValue();
        }

        int intResult() {
            return ((Number) result).intValue();
        }

        boolean booleanResult() {
            return (Boolean) result;
        }
    }

    private final T proxy;
    private final List<Call> calls = new ArrayList<>();
    private final Map<String, Consumer<Object[]>> observers = new ConcurrentHashMap<>();

    private CallRecorder(Class<T> type, T target) {
        proxy = type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (self, method, args) -> invoke(target, method, args)));
    }

    static <T> CallRecorder<T> of(Class<T> type, T target) {
        return new CallRecorder<>(type, target);
    }

    T proxy() {
        return proxy;
    }

    /** Runs {@code observer} on the arguments of every call of {@code function}, before the call is passed on. */
    CallRecorder<T> observe(String function, Consumer<Object[]> observer) {
        observers.put(function, observer);
        return this;
    }

    private Object invoke(T target, Method method, Object[] args) throws Throwable {
        Object[] arguments = args == null ? new Object[0] : args;
        if (method.getDeclaringClass() == Object.class) {
            return method.invoke(this, arguments);
        }
        Consumer<Object[]> observer = observers.get(method.getName());
        if (observer != null) {
            observer.accept(arguments);
        }
        Object result;
        try {
            result = method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
        synchronized (this) {
            calls.add(new Call(method.getName(), arguments.clone(), result));
            notifyAll();
        }
        return result;
    }

    /** The calls of {@code function} so far, in order. */
    synchronized List<Call> calls(String function) {
        return callsSince(0, function);
    }

    /** How many calls were recorded so far, of any function: a mark for {@link #callsSince}. */
    synchronized int mark() {
        return calls.size();
    }

    /** The calls of {@code function} recorded after {@code mark}. */
    synchronized List<Call> callsSince(int mark, String function) {
        List<Call> matching = new ArrayList<>();
        for (Call call : calls.subList(mark, calls.size())) {
            if (call.function().equals(function)) {
                matching.add(call);
            }
        }
        return matching;
    }

    /** Waits until a call of {@code function} for which {@code match} holds has returned; fails after 10 s. */
    synchronized Call await(String function, Predicate<Call> match) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (int seen = 0; ; ) {
            for (; seen < calls.size(); seen++) {
                Call call = calls.get(seen);
                if (call.function().equals(function) && match.test(call)) {
                    return call;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no matching call of " + function + " within 10 s");
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }
}
