package io.netty.contrib.httpsys.nativeapi.emulator;

import io.netty.contrib.httpsys.nativeapi.NtStatus;
import io.netty.contrib.httpsys.nativeapi.WinError;

/**
 * The NTSTATUS values the emulated kernel completes operations with, and their {@code RtlNtStatusToDosError}
 * translation (ntdll's table, restricted to what the emulator posts).
 */
final class NtStatusTable {

    /** STATUS_BUFFER_OVERFLOW: the request did not fit; the completion's byte count is the size needed. */
    static final int STATUS_BUFFER_OVERFLOW = 0x80000005;
    /** STATUS_END_OF_FILE: the entity body is exhausted. */
    static final int STATUS_END_OF_FILE = 0xC0000011;
    /** STATUS_INVALID_PARAMETER. */
    static final int STATUS_INVALID_PARAMETER = 0xC000000D;
    /** STATUS_INVALID_HANDLE. */
    static final int STATUS_INVALID_HANDLE = 0xC0000008;
    /** STATUS_CONNECTION_DISCONNECTED: the client went away while the operation was in flight. */
    static final int STATUS_CONNECTION_DISCONNECTED = 0xC000020C;
    /** STATUS_CONNECTION_RESET. */
    static final int STATUS_CONNECTION_RESET = 0xC000020D;
    /** STATUS_CONNECTION_INVALID: the request or connection is no longer known. */
    static final int STATUS_CONNECTION_INVALID = 0xC000023A;
    /** STATUS_CONNECTION_ABORTED. */
    static final int STATUS_CONNECTION_ABORTED = 0xC0000241;
    /** STATUS_NOT_FOUND. */
    static final int STATUS_NOT_FOUND = 0xC0000225;
    /** STATUS_NOT_SUPPORTED. */
    static final int STATUS_NOT_SUPPORTED = 0xC00000BB;

    private NtStatusTable() {
    }

    /** {@code RtlNtStatusToDosError}: unknown values map to {@code ERROR_MR_MID_NOT_FOUND} (317), as ntdll does. */
    static int toWin32(int status) {
        switch (status) {
            case NtStatus.STATUS_SUCCESS:
                return WinError.NO_ERROR;
            case NtStatus.STATUS_PENDING:
                return WinError.ERROR_IO_PENDING;
            case NtStatus.STATUS_CANCELLED:
                return WinError.ERROR_OPERATION_ABORTED;
            case STATUS_BUFFER_OVERFLOW:
                return WinError.ERROR_MORE_DATA;
            case STATUS_END_OF_FILE:
                return WinError.ERROR_HANDLE_EOF;
            case STATUS_INVALID_PARAMETER:
                return WinError.ERROR_INVALID_PARAMETER;
            case STATUS_INVALID_HANDLE:
                return WinError.ERROR_INVALID_HANDLE;
            case STATUS_CONNECTION_DISCONNECTED:
            case STATUS_CONNECTION_RESET:
                return WinError.ERROR_NETNAME_DELETED;
            case STATUS_CONNECTION_INVALID:
                return WinError.ERROR_CONNECTION_INVALID;
            case STATUS_CONNECTION_ABORTED:
                return WinError.ERROR_CONNECTION_ABORTED;
            case STATUS_NOT_FOUND:
                return WinError.ERROR_NOT_FOUND;
            case STATUS_NOT_SUPPORTED:
                return WinError.ERROR_NOT_SUPPORTED;
            default:
                return 317;
        }
    }
}
