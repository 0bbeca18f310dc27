package io.netty.contrib.httpsys.nativeapi.emulator;

import io.netty.contrib.httpsys.nativeapi.HttpApi;
import io.netty.contrib.httpsys.nativeapi.IoCompletion;
import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.NtStatus;
import io.netty.contrib.httpsys.nativeapi.WinBase;
import io.netty.contrib.httpsys.nativeapi.WinError;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * The emulator's {@code kernel32} completion-port functions. They share the handle space of
 * {@link EmulatedHttpApi}: request queue handles are associated with ports here, and closing a queue handle
 * with {@code CloseHandle} is {@code HttpCloseRequestQueue}. Failures set the calling thread's last error.
 */
final class EmulatedIoCompletion implements IoCompletion {

    private static final ThreadLocal<int[]> LAST_ERROR = ThreadLocal.withInitial(() -> new int[1]);

    private final Kernel kernel;
    private final HttpApi httpApi;

    EmulatedIoCompletion(Kernel kernel, HttpApi httpApi) {
        this.kernel = kernel;
        this.httpApi = httpApi;
    }

    private static boolean fail(int error) {
        LAST_ERROR.get()[0] = error;
        return false;
    }

    private static long failHandle(int error, long failureValue) {
        LAST_ERROR.get()[0] = error;
        return failureValue;
    }

    @Override
    public long CreateIoCompletionPort(long fileHandle, long existingCompletionPort, long completionKey,
                                       int numberOfConcurrentThreads) {
        HandleTable handles = kernel.handles();
        if (fileHandle == INVALID_HANDLE_VALUE) {
            if (existingCompletionPort != 0) {
                return failHandle(WinError.ERROR_INVALID_PARAMETER, 0);
            }
            return handles.register(HandleTable.HANDLE_TAG, new CompletionPort());
        }
        KernelHandle target = handles.get(fileHandle, KernelHandle.class);
        if (target == null || target.isClosed()) {
            return failHandle(WinError.ERROR_INVALID_HANDLE, 0);
        }
        long portHandle = existingCompletionPort;
        CompletionPort port;
        if (portHandle == 0) {
            port = new CompletionPort();
            portHandle = handles.register(HandleTable.HANDLE_TAG, port);
        } else {
            port = handles.get(portHandle, CompletionPort.class);
            if (port == null) {
                return failHandle(WinError.ERROR_INVALID_HANDLE, 0);
            }
        }
        if (!target.associate(port, completionKey)) {
            // A handle belongs to one port for its whole life.
            if (existingCompletionPort == 0) {
                handles.remove(portHandle);
            }
            return failHandle(WinError.ERROR_INVALID_PARAMETER, 0);
        }
        return portHandle;
    }

    @Override
    public boolean GetQueuedCompletionStatusEx(long completionPort, long completionPortEntries, int count,
                                               long numEntriesRemoved, int milliseconds, boolean alertable) {
        CompletionPort port = kernel.handles().get(completionPort, CompletionPort.class);
        if (port == null) {
            return fail(WinError.ERROR_INVALID_HANDLE);
        }
        if (completionPortEntries == 0 || count <= 0 || numEntriesRemoved == 0) {
            return fail(WinError.ERROR_INVALID_PARAMETER);
        }
        int error = port.dequeue(completionPortEntries, count, numEntriesRemoved, milliseconds);
        if (error != WinError.NO_ERROR) {
            NativeAccess.putInt(numEntriesRemoved, 0);
            return fail(error);
        }
        return true;
    }

    @Override
    public boolean PostQueuedCompletionStatus(long completionPort, int numberOfBytesTransferred, long completionKey,
                                              long overlapped) {
        CompletionPort port = kernel.handles().get(completionPort, CompletionPort.class);
        if (port == null) {
            return fail(WinError.ERROR_INVALID_HANDLE);
        }
        port.post(new CompletionPacket(completionKey, overlapped, numberOfBytesTransferred, NtStatus.STATUS_SUCCESS));
        return true;
    }

    @Override
    public boolean CancelIoEx(long handle, long overlapped) {
        KernelHandle target = kernel.handles().get(handle, KernelHandle.class);
        if (target == null) {
            return fail(WinError.ERROR_INVALID_HANDLE);
        }
        List<PendingIo> ops = target.inFlight(overlapped);
        // Disconnect waits are not cancelled: nothing documents that HttpWaitForDisconnect can be, and ASP.NET
        // Core never tries (DisconnectListener.cs keeps one wait per connection, ended by the disconnect or by
        // closing the queue). The conservative reading makes a transport that relies on cancelling them hang here
        // as it might on Windows; CancelIoEx then finds nothing to cancel: ERROR_NOT_FOUND.
        ops.removeIf(op -> !op.isCancellable());
        if (ops.isEmpty()) {
            return fail(WinError.ERROR_NOT_FOUND);
        }
        synchronized (kernel) {
            for (PendingIo op : ops) {
                op.abort(NtStatus.STATUS_CANCELLED);
            }
        }
        return true;
    }

    @Override
    public boolean SetFileCompletionNotificationModes(long fileHandle, byte flags) {
        KernelHandle target = kernel.handles().get(fileHandle, KernelHandle.class);
        if (target != null) {
            target.setSkipCompletionPortOnSuccess((flags & WinBase.FILE_SKIP_COMPLETION_PORT_ON_SUCCESS) != 0);
            return true;
        }
        if (kernel.handles().get(fileHandle, FileHandle.class) != null) {
            return true;
        }
        return fail(WinError.ERROR_INVALID_HANDLE);
    }

    @Override
    public boolean CloseHandle(long handle) {
        HandleTable handles = kernel.handles();
        CompletionPort port = handles.get(handle, CompletionPort.class);
        if (port != null) {
            handles.remove(handle);
            port.close();
            return true;
        }
        if (handles.get(handle, RequestQueueHandle.class) != null) {
            int error = httpApi.HttpCloseRequestQueue(handle);
            return error == WinError.NO_ERROR || fail(error);
        }
        FileHandle file = handles.get(handle, FileHandle.class);
        if (file != null && handles.remove(handle)) {
            file.close();
            return true;
        }
        if (handles.get(handle, EmulatedAccessToken.class) != null && handles.remove(handle)) {
            return true;
        }
        return fail(WinError.ERROR_INVALID_HANDLE);
    }

    @Override
    public long CreateFileW(String fileName, int desiredAccess, int shareMode, long securityAttributes,
                            int creationDisposition, int flagsAndAttributes, long templateFile) {
        if (fileName == null) {
            return failHandle(WinError.ERROR_INVALID_PARAMETER, INVALID_HANDLE_VALUE);
        }
        if (creationDisposition != WinBase.OPEN_EXISTING || (desiredAccess & ~WinBase.GENERIC_READ) != 0) {
            // The emulator opens files only to send them: reading an existing file is all it supports.
            return failHandle(WinError.ERROR_CALL_NOT_IMPLEMENTED, INVALID_HANDLE_VALUE);
        }
        try {
            Path path = Path.of(fileName);
            if (Files.isDirectory(path)) {
                return failHandle(WinError.ERROR_ACCESS_DENIED, INVALID_HANDLE_VALUE);
            }
            FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
            return kernel.handles().register(HandleTable.HANDLE_TAG, new FileHandle(path, channel));
        } catch (NoSuchFileException e) {
            Path parent = Path.of(fileName).toAbsolutePath().getParent();
            return failHandle(parent != null && !Files.isDirectory(parent) ? 3 /* ERROR_PATH_NOT_FOUND */
                    : WinError.ERROR_FILE_NOT_FOUND, INVALID_HANDLE_VALUE);
        } catch (AccessDeniedException e) {
            return failHandle(WinError.ERROR_ACCESS_DENIED, INVALID_HANDLE_VALUE);
        } catch (InvalidPathException e) {
            return failHandle(123 /* ERROR_INVALID_NAME */, INVALID_HANDLE_VALUE);
        } catch (IOException e) {
            return failHandle(WinError.ERROR_ACCESS_DENIED, INVALID_HANDLE_VALUE);
        }
    }

    @Override
    public boolean GetFileSizeEx(long file, long fileSizeOut) {
        FileHandle handle = kernel.handles().get(file, FileHandle.class);
        if (handle == null) {
            return fail(WinError.ERROR_INVALID_HANDLE);
        }
        try {
            NativeAccess.putLong(fileSizeOut, handle.size());
            return true;
        } catch (IOException e) {
            return fail(WinError.ERROR_INVALID_HANDLE);
        }
    }

    @Override
    public int GetLastError() {
        return LAST_ERROR.get()[0];
    }

    @Override
    public int RtlNtStatusToDosError(int status) {
        return NtStatusTable.toWin32(status);
    }
}
