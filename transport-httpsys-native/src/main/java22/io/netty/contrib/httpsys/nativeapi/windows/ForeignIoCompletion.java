package io.netty.contrib.httpsys.nativeapi.windows;

import io.netty.contrib.httpsys.nativeapi.IoCompletion;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

import static io.netty.contrib.httpsys.nativeapi.windows.ForeignCalls.rethrow;
import static io.netty.contrib.httpsys.nativeapi.windows.ForeignCalls.wide;

/**
 * {@link IoCompletion} bound to the real {@code kernel32.dll} (and {@code ntdll.dll} for
 * {@code RtlNtStatusToDosError}) through {@code java.lang.foreign} (JDK 22 and later).
 *
 * <p>Last error: these functions report failure through the thread's last error, and the JVM may overwrite
 * it between two Java statements, so each kernel32 downcall captures it as it returns
 * ({@link Linker.Option#captureCallState}{@code ("GetLastError")}, the documented way) into a segment of the
 * calling thread; {@link #GetLastError()} reads that copy, as JNA's {@code Native.getLastError()} does for
 * {@link WindowsIoCompletion}. One segment per thread, allocated once, so a call allocates nothing.
 */
@SuppressWarnings("restricted") // linking native functions is what this class is for
final class ForeignIoCompletion implements IoCompletion {

    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
    private static final long LAST_ERROR_OFFSET =
            CALL_STATE.byteOffset(MemoryLayout.PathElement.groupElement("GetLastError"));
    private static final Linker.Option CAPTURE_LAST_ERROR = Linker.Option.captureCallState("GetLastError");
    // Each segment is freed by the GC once its thread has ended and nothing else refers to it.
    private static final ThreadLocal<MemorySegment> CALL_STATE_OF_THREAD =
            ThreadLocal.withInitial(() -> Arena.ofAuto().allocate(CALL_STATE));

    private static final SymbolLookup KERNEL32 = SymbolLookup.libraryLookup("kernel32", Arena.global());
    private static final SymbolLookup NTDLL = SymbolLookup.libraryLookup("ntdll", Arena.global());

    private static final MethodHandle CREATE_IO_COMPLETION_PORT = kernel32("CreateIoCompletionPort");
    private static final MethodHandle GET_QUEUED_COMPLETION_STATUS_EX = kernel32("GetQueuedCompletionStatusEx");
    private static final MethodHandle POST_QUEUED_COMPLETION_STATUS = kernel32("PostQueuedCompletionStatus");
    private static final MethodHandle CANCEL_IO_EX = kernel32("CancelIoEx");
    private static final MethodHandle SET_FILE_COMPLETION_NOTIFICATION_MODES =
            kernel32("SetFileCompletionNotificationModes");
    private static final MethodHandle CLOSE_HANDLE = kernel32("CloseHandle");
    private static final MethodHandle CREATE_FILE_W = kernel32("CreateFileW");
    private static final MethodHandle GET_FILE_SIZE_EX = kernel32("GetFileSizeEx");
    private static final MethodHandle RTL_NT_STATUS_TO_DOS_ERROR = LINKER.downcallHandle(
            find(NTDLL, "ntdll.dll", "RtlNtStatusToDosError"), ForeignSignatures.RTL_NT_STATUS_TO_DOS_ERROR);

    private ForeignIoCompletion() {
    }

    /**
     * Links every function; called reflectively by {@link WindowsBinding}, once per JVM.
     *
     * @throws ExceptionInInitializerError when one of them is missing
     */
    static IoCompletion load() {
        return new ForeignIoCompletion();
    }

    private static MethodHandle kernel32(String name) {
        FunctionDescriptor descriptor = ForeignSignatures.KERNEL32.get(name);
        return LINKER.downcallHandle(find(KERNEL32, "kernel32.dll", name), descriptor, CAPTURE_LAST_ERROR);
    }

    private static MemorySegment find(SymbolLookup library, String libraryName, String name) {
        return library.find(name)
                .orElseThrow(() -> new UnsatisfiedLinkError(libraryName + " does not export " + name));
    }

    private static MemorySegment callState() {
        return CALL_STATE_OF_THREAD.get();
    }

    @Override
    public long CreateIoCompletionPort(long fileHandle, long existingCompletionPort, long completionKey,
                                       int numberOfConcurrentThreads) {
        try {
            return (long) CREATE_IO_COMPLETION_PORT.invokeExact(callState(), fileHandle, existingCompletionPort,
                    completionKey, numberOfConcurrentThreads);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public boolean GetQueuedCompletionStatusEx(long completionPort, long completionPortEntries, int count,
                                               long numEntriesRemoved, int milliseconds, boolean alertable) {
        try {
            return (int) GET_QUEUED_COMPLETION_STATUS_EX.invokeExact(callState(), completionPort,
                    completionPortEntries, count, numEntriesRemoved, milliseconds, alertable ? 1 : 0) != 0;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public boolean PostQueuedCompletionStatus(long completionPort, int numberOfBytesTransferred,
                                              long completionKey, long overlapped) {
        try {
            return (int) POST_QUEUED_COMPLETION_STATUS.invokeExact(callState(), completionPort,
                    numberOfBytesTransferred, completionKey, overlapped) != 0;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public boolean CancelIoEx(long handle, long overlapped) {
        try {
            return (int) CANCEL_IO_EX.invokeExact(callState(), handle, overlapped) != 0;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public boolean SetFileCompletionNotificationModes(long fileHandle, byte flags) {
        try {
            return (int) SET_FILE_COMPLETION_NOTIFICATION_MODES.invokeExact(callState(), fileHandle, flags) != 0;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public boolean CloseHandle(long handle) {
        try {
            return (int) CLOSE_HANDLE.invokeExact(callState(), handle) != 0;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public long CreateFileW(String fileName, int desiredAccess, int shareMode, long securityAttributes,
                            int creationDisposition, int flagsAndAttributes, long templateFile) {
        try (Arena arena = Arena.ofConfined()) {
            return (long) CREATE_FILE_W.invokeExact(callState(), wide(arena, fileName), desiredAccess, shareMode,
                    securityAttributes, creationDisposition, flagsAndAttributes, templateFile);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public boolean GetFileSizeEx(long file, long fileSizeOut) {
        try {
            return (int) GET_FILE_SIZE_EX.invokeExact(callState(), file, fileSizeOut) != 0;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int GetLastError() {
        return callState().get(ValueLayout.JAVA_INT, LAST_ERROR_OFFSET);
    }

    @Override
    public int RtlNtStatusToDosError(int status) {
        try {
            return (int) RTL_NT_STATUS_TO_DOS_ERROR.invokeExact(status);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }
}
