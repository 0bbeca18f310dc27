package io.netty.contrib.httpsys.nativeapi.windows;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.WString;
import io.netty.contrib.httpsys.nativeapi.IoCompletion;

/**
 * {@link IoCompletion} bound to the real {@code kernel32.dll} (and {@code ntdll.dll} for
 * {@code RtlNtStatusToDosError}) through JNA direct mapping.
 *
 * <p>{@code BOOL} results are declared {@code int} in the native methods and compared with zero here, so the
 * width is explicit rather than resting on JNA's mapping of {@code boolean}.
 *
 * <p>Last error: JNA's direct-call dispatcher reads the thread's {@code GetLastError()} right after every
 * native call and keeps it per Java thread ({@code dispatch.c}: {@code JNA_set_last_error} after
 * {@code ffi_call}); {@link Native#getLastError()} returns that copy. Calling the real {@code GetLastError}
 * through JNA instead would be wrong: the JVM itself may change the thread's last error between two
 * native calls. The alternative, declaring {@code throws LastErrorException}, was rejected: JNA then throws
 * whenever the last error is non-zero after the call, even on success, and a few of these functions
 * set it on success ({@code CreateFileW} with {@code OPEN_ALWAYS} sets {@code ERROR_ALREADY_EXISTS}).
 */
final class WindowsIoCompletion implements IoCompletion {

    private static final String KERNEL32 = "kernel32";
    private static final String NTDLL = "ntdll";

    private WindowsIoCompletion() {
    }

    /**
     * Registers the {@code kernel32.dll} and {@code ntdll.dll} functions; call once per JVM.
     *
     * @throws UnsatisfiedLinkError when one of them is missing
     */
    static WindowsIoCompletion load() {
        Native.register(Exports.class, NativeLibrary.getInstance(KERNEL32));
        Native.register(NtdllExports.class, NativeLibrary.getInstance(NTDLL));
        return new WindowsIoCompletion();
    }

    @Override
    public long CreateIoCompletionPort(long fileHandle, long existingCompletionPort, long completionKey,
                                       int numberOfConcurrentThreads) {
        return Exports.CreateIoCompletionPort(fileHandle, existingCompletionPort, completionKey,
                numberOfConcurrentThreads);
    }

    @Override
    public boolean GetQueuedCompletionStatusEx(long completionPort, long completionPortEntries, int count,
                                               long numEntriesRemoved, int milliseconds, boolean alertable) {
        return Exports.GetQueuedCompletionStatusEx(completionPort, completionPortEntries, count,
                numEntriesRemoved, milliseconds, alertable ? 1 : 0) != 0;
    }

    @Override
    public boolean PostQueuedCompletionStatus(long completionPort, int numberOfBytesTransferred,
                                              long completionKey, long overlapped) {
        return Exports.PostQueuedCompletionStatus(completionPort, numberOfBytesTransferred, completionKey,
                overlapped) != 0;
    }

    @Override
    public boolean CancelIoEx(long handle, long overlapped) {
        return Exports.CancelIoEx(handle, overlapped) != 0;
    }

    @Override
    public boolean SetFileCompletionNotificationModes(long fileHandle, byte flags) {
        return Exports.SetFileCompletionNotificationModes(fileHandle, flags) != 0;
    }

    @Override
    public boolean CloseHandle(long handle) {
        return Exports.CloseHandle(handle) != 0;
    }

    @Override
    public long CreateFileW(String fileName, int desiredAccess, int shareMode, long securityAttributes,
                            int creationDisposition, int flagsAndAttributes, long templateFile) {
        return Exports.CreateFileW(fileName == null ? null : new WString(fileName), desiredAccess, shareMode,
                securityAttributes, creationDisposition, flagsAndAttributes, templateFile);
    }

    @Override
    public boolean GetFileSizeEx(long file, long fileSizeOut) {
        return Exports.GetFileSizeEx(file, fileSizeOut) != 0;
    }

    @Override
    public int GetLastError() {
        return Native.getLastError();
    }

    @Override
    public int RtlNtStatusToDosError(int status) {
        return NtdllExports.RtlNtStatusToDosError(status);
    }

    /**
     * The {@code kernel32.dll} exports, x64 mapping: {@code HANDLE}, {@code ULONG_PTR} and pointers as
     * {@code long}, {@code DWORD}/{@code ULONG}/{@code BOOL} as {@code int}, {@code UCHAR} as {@code byte}.
     */
    private static final class Exports {
        private Exports() {
        }

        /** {@code HANDLE CreateIoCompletionPort(HANDLE, HANDLE, ULONG_PTR, DWORD)}. */
        static native long CreateIoCompletionPort(long fileHandle, long existingCompletionPort,
                                                  long completionKey, int numberOfConcurrentThreads);

        /** {@code BOOL GetQueuedCompletionStatusEx(HANDLE, LPOVERLAPPED_ENTRY, ULONG, PULONG, DWORD, BOOL)}. */
        static native int GetQueuedCompletionStatusEx(long completionPort, long completionPortEntries, int count,
                                                      long numEntriesRemoved, int milliseconds, int alertable);

        /** {@code BOOL PostQueuedCompletionStatus(HANDLE, DWORD, ULONG_PTR, LPOVERLAPPED)}. */
        static native int PostQueuedCompletionStatus(long completionPort, int numberOfBytesTransferred,
                                                     long completionKey, long overlapped);

        /** {@code BOOL CancelIoEx(HANDLE, LPOVERLAPPED)}. */
        static native int CancelIoEx(long handle, long overlapped);

        /** {@code BOOL SetFileCompletionNotificationModes(HANDLE, UCHAR)}. */
        static native int SetFileCompletionNotificationModes(long fileHandle, byte flags);

        /** {@code BOOL CloseHandle(HANDLE)}. */
        static native int CloseHandle(long handle);

        /** {@code HANDLE CreateFileW(LPCWSTR, DWORD, DWORD, LPSECURITY_ATTRIBUTES, DWORD, DWORD, HANDLE)}. */
        static native long CreateFileW(WString fileName, int desiredAccess, int shareMode, long securityAttributes,
                                       int creationDisposition, int flagsAndAttributes, long templateFile);

        /** {@code BOOL GetFileSizeEx(HANDLE, PLARGE_INTEGER)}. */
        static native int GetFileSizeEx(long file, long fileSizeOut);
    }

    /** The {@code ntdll.dll} export: {@code ULONG RtlNtStatusToDosError(NTSTATUS)}, both 32-bit. */
    private static final class NtdllExports {
        private NtdllExports() {
        }

        static native int RtlNtStatusToDosError(int status);
    }
}
