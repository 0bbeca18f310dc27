package io.netty.contrib.httpsys.nativeapi;

/**
 * The {@code kernel32.dll} functions the transport needs around HTTP.SYS: I/O completion ports,
 * cancellation, handle closing, and opening files for {@code HttpDataChunkFromFileHandle} responses.
 *
 * <p>Mapped for the x64 ABI like {@link HttpApi}: handles and pointers are {@code long} addresses
 * ({@code 0} for {@code NULL}), {@code DWORD}/{@code ULONG} are {@code int}. Unlike the HTTP Server API,
 * these functions report failure through their return value ({@code FALSE} or a {@code NULL} /
 * {@code INVALID_HANDLE_VALUE} handle) and the thread's last error, read with {@link #GetLastError()}
 * right after the failed call on the same thread.
 */
public interface IoCompletion {

    /** {@code INVALID_HANDLE_VALUE}, {@code (HANDLE) -1}. */
    long INVALID_HANDLE_VALUE = -1L;

    /**
     * {@code CreateIoCompletionPort(HANDLE FileHandle, HANDLE ExistingCompletionPort, ULONG_PTR CompletionKey,
     * DWORD NumberOfConcurrentThreads)}: a new port when {@code fileHandle} is
     * {@link #INVALID_HANDLE_VALUE}, else associates the handle with {@code existingCompletionPort}.
     * Returns the port, or {@code 0} on failure.
     */
    long CreateIoCompletionPort(long fileHandle, long existingCompletionPort, long completionKey,
                                int numberOfConcurrentThreads);

    /**
     * {@code GetQueuedCompletionStatusEx(HANDLE, LPOVERLAPPED_ENTRY, ULONG ulCount, PULONG ulNumEntriesRemoved,
     * DWORD dwMilliseconds, BOOL fAlertable)}. Returns {@code false} with last error {@code WAIT_TIMEOUT}
     * (258) when nothing arrived in time.
     */
    boolean GetQueuedCompletionStatusEx(long completionPort, long completionPortEntries, int count,
                                        long numEntriesRemoved, int milliseconds, boolean alertable);

    /** {@code PostQueuedCompletionStatus(HANDLE, DWORD dwNumberOfBytesTransferred, ULONG_PTR, LPOVERLAPPED)}. */
    boolean PostQueuedCompletionStatus(long completionPort, int numberOfBytesTransferred, long completionKey,
                                       long overlapped);

    /** {@code CancelIoEx(HANDLE hFile, LPOVERLAPPED lpOverlapped)}; {@code overlapped == 0} cancels all. */
    boolean CancelIoEx(long handle, long overlapped);

    /** {@code SetFileCompletionNotificationModes(HANDLE FileHandle, UCHAR Flags)}. */
    boolean SetFileCompletionNotificationModes(long fileHandle, byte flags);

    /** {@code CloseHandle(HANDLE)}. */
    boolean CloseHandle(long handle);

    /**
     * {@code CreateFileW(LPCWSTR, DWORD dwDesiredAccess, DWORD dwShareMode, LPSECURITY_ATTRIBUTES,
     * DWORD dwCreationDisposition, DWORD dwFlagsAndAttributes, HANDLE hTemplateFile)}. Returns
     * {@link #INVALID_HANDLE_VALUE} on failure.
     */
    long CreateFileW(String fileName, int desiredAccess, int shareMode, long securityAttributes,
                     int creationDisposition, int flagsAndAttributes, long templateFile);

    /** {@code GetFileSizeEx(HANDLE, PLARGE_INTEGER)}. */
    boolean GetFileSizeEx(long file, long fileSizeOut);

    /** {@code GetLastError()}: the calling thread's last error, set by the failed call before it. */
    int GetLastError();

    /**
     * {@code RtlNtStatusToDosError(NTSTATUS)} (ntdll): the Win32 error for the NTSTATUS that a completion
     * carries in the low 32 bits of {@code OVERLAPPED.Internal} / {@code OVERLAPPED_ENTRY.Internal}.
     */
    int RtlNtStatusToDosError(int status);
}
