package io.netty.contrib.httpsys.nativeapi.emulator;

import io.netty.contrib.httpsys.nativeapi.IoCompletion;

/**
 * An {@link IoCompletion} that passes every call on to another: the base of the emulator's wrappers, which
 * override only the functions they change.
 */
abstract class ForwardingIoCompletion implements IoCompletion {

    protected final IoCompletion delegate;

    ForwardingIoCompletion(IoCompletion delegate) {
        this.delegate = delegate;
    }

    @Override
    public long CreateIoCompletionPort(long fileHandle, long existingCompletionPort, long completionKey,
                                       int numberOfConcurrentThreads) {
        return delegate.CreateIoCompletionPort(fileHandle, existingCompletionPort, completionKey,
                numberOfConcurrentThreads);
    }

    @Override
    public boolean GetQueuedCompletionStatusEx(long completionPort, long completionPortEntries, int count,
                                               long numEntriesRemoved, int milliseconds, boolean alertable) {
        return delegate.GetQueuedCompletionStatusEx(completionPort, completionPortEntries, count, numEntriesRemoved,
                milliseconds, alertable);
    }

    @Override
    public boolean PostQueuedCompletionStatus(long completionPort, int numberOfBytesTransferred, long completionKey,
                                              long overlapped) {
        return delegate.PostQueuedCompletionStatus(completionPort, numberOfBytesTransferred, completionKey, overlapped);
    }

    @Override
    public boolean CancelIoEx(long handle, long overlapped) {
        return delegate.CancelIoEx(handle, overlapped);
    }

    @Override
    public boolean SetFileCompletionNotificationModes(long fileHandle, byte flags) {
        return delegate.SetFileCompletionNotificationModes(fileHandle, flags);
    }

    @Override
    public boolean CloseHandle(long handle) {
        return delegate.CloseHandle(handle);
    }

    @Override
    public long CreateFileW(String fileName, int desiredAccess, int shareMode, long securityAttributes,
                            int creationDisposition, int flagsAndAttributes, long templateFile) {
        return delegate.CreateFileW(fileName, desiredAccess, shareMode, securityAttributes, creationDisposition,
                flagsAndAttributes, templateFile);
    }

    @Override
    public boolean GetFileSizeEx(long file, long fileSizeOut) {
        return delegate.GetFileSizeEx(file, fileSizeOut);
    }

    @Override
    public int GetLastError() {
        return delegate.GetLastError();
    }

    @Override
    public int RtlNtStatusToDosError(int status) {
        return delegate.RtlNtStatusToDosError(status);
    }
}
