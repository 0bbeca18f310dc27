package io.netty.contrib.httpsys.nativeapi.windows;

import io.netty.contrib.httpsys.nativeapi.HttpApi;
import io.netty.contrib.httpsys.nativeapi.IoCompletion;
import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The FFM binding's ABI check, runnable on any OS with JDK 22+ (httpapi.dll cannot be called off Windows): each
 * downcall descriptor, transcribed from the C prototype in {@link ForeignSignatures}, must be the x64 mapping of
 * the {@link HttpApi} / {@link IoCompletion} method it serves ({@code long} -> {@code JAVA_LONG}, {@code int} ->
 * {@code JAVA_INT}, {@code short} -> {@code JAVA_SHORT}, {@code byte} -> {@code JAVA_BYTE}, {@code String}
 * ({@code PCWSTR}) -> {@code ADDRESS}, {@code boolean} ({@code BOOL}) -> {@code JAVA_INT}); and the method handle
 * the platform linker makes from it must have exactly the type that the binding's {@code invokeExact} calls use,
 * which otherwise fail only at the first call on Windows.
 */
@SuppressWarnings("restricted") // unbound downcall handles, made only to read their type
class ForeignSignaturesTest {

    private static final Set<String> NOT_DOWNCALLS = Set.of("isDelegationSupported", "isRequestPropertySupported",
            "GetLastError", "RtlNtStatusToDosError");

    @Test
    void everyHttpApiFunctionHasTheDescriptorOfItsMethod() {
        assertEquals(downcallNames(HttpApi.class), new TreeSet<>(ForeignSignatures.HTTP_API.keySet()));
        for (Method method : HttpApi.class.getMethods()) {
            if (!NOT_DOWNCALLS.contains(method.getName())) {
                assertDescriptorMatches(method, ForeignSignatures.HTTP_API.get(method.getName()));
            }
        }
    }

    @Test
    void everyKernel32FunctionHasTheDescriptorOfItsMethod() throws Exception {
        assertEquals(downcallNames(IoCompletion.class), new TreeSet<>(ForeignSignatures.KERNEL32.keySet()));
        for (Method method : IoCompletion.class.getMethods()) {
            if (!NOT_DOWNCALLS.contains(method.getName())) {
                assertDescriptorMatches(method, ForeignSignatures.KERNEL32.get(method.getName()));
            }
        }
        assertDescriptorMatches(IoCompletion.class.getMethod("RtlNtStatusToDosError", int.class),
                ForeignSignatures.RTL_NT_STATUS_TO_DOS_ERROR);
    }

    @Test
    void theReceiveCallHasHttpReceiveHttpRequestsX64Shape() {
        // HANDLE, HTTP_REQUEST_ID, ULONG, PHTTP_REQUEST, ULONG, PULONG, LPOVERLAPPED -> ULONG (http.h)
        assertEquals(FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG,
                        ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG,
                        ValueLayout.JAVA_LONG),
                ForeignSignatures.HTTP_API.get("HttpReceiveHttpRequest"));
    }

    @Test
    void wideStringsAreNulTerminatedUtf16LittleEndianAndNullIsNull() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment url = ForeignCalls.wide(arena, "http://+:80/é/");
            byte[] expected = Arrays.copyOf("http://+:80/é/".getBytes(StandardCharsets.UTF_16LE), 30);
            assertArrayEquals(expected, url.toArray(ValueLayout.JAVA_BYTE));
            assertEquals(MemorySegment.NULL, ForeignCalls.wide(arena, null));
        }
    }

    private static Set<String> downcallNames(Class<?> api) {
        Set<String> names = new TreeSet<>();
        for (Method method : api.getMethods()) {
            if (!NOT_DOWNCALLS.contains(method.getName())) {
                names.add(method.getName());
            }
        }
        return names;
    }

    private static void assertDescriptorMatches(Method method, FunctionDescriptor actual) {
        assertNotNull(actual, method.getName());
        MemoryLayout[] arguments = Arrays.stream(method.getParameterTypes())
                .map(ForeignSignaturesTest::x64Layout).toArray(MemoryLayout[]::new);
        FunctionDescriptor expected = FunctionDescriptor.of(x64Layout(method.getReturnType()), arguments);
        assertEquals(expected, actual, method.getName());
        // The type the binding's invokeExact uses: the interface's, with PCWSTR as a segment and BOOL as an int.
        Map<Class<?>, Class<?>> carrier = new HashMap<>(Map.of(String.class, MemorySegment.class,
                boolean.class, int.class));
        Class<?>[] parameters = Arrays.stream(method.getParameterTypes())
                .map(type -> carrier.getOrDefault(type, type)).toArray(Class<?>[]::new);
        MethodType expectedType = MethodType.methodType(
                carrier.getOrDefault(method.getReturnType(), method.getReturnType()), parameters);
        assertEquals(expectedType, Linker.nativeLinker().downcallHandle(actual).type().dropParameterTypes(0, 1),
                method.getName());
    }

    private static MemoryLayout x64Layout(Class<?> type) {
        if (type == long.class) {
            return ValueLayout.JAVA_LONG;
        }
        if (type == int.class || type == boolean.class) {
            return ValueLayout.JAVA_INT;
        }
        if (type == short.class) {
            return ValueLayout.JAVA_SHORT;
        }
        if (type == byte.class) {
            return ValueLayout.JAVA_BYTE;
        }
        if (type == String.class) {
            return ValueLayout.ADDRESS;
        }
        throw new AssertionError("no x64 mapping for " + type);
    }
}
