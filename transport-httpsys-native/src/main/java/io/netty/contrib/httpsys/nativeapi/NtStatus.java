package io.netty.contrib.httpsys.nativeapi;

/**
 * The {@code NTSTATUS} values ({@code ntstatus.h}) that a completed {@code OVERLAPPED} carries in its
 * {@code Internal} field. {@code GetQueuedCompletionStatusEx} reports completions as
 * {@code OVERLAPPED_ENTRY}s whose {@code Internal} holds this status rather than a Win32 error code, which
 * {@code IoCompletion.RtlNtStatusToDosError} maps to one. These are the statuses the emulator posts.
 */
@NativeConstants("ntstatus.h")
public final class NtStatus {

    public static final int STATUS_SUCCESS = 0;
    public static final int STATUS_PENDING = 0x103;
    // A warning, not an error: the data did not fit the buffer (ERROR_MORE_DATA).
    public static final int STATUS_BUFFER_OVERFLOW = 0x80000005;
    public static final int STATUS_INVALID_PARAMETER = 0xC000000D;
    public static final int STATUS_END_OF_FILE = 0xC0000011;
    public static final int STATUS_CANCELLED = 0xC0000120;
    public static final int STATUS_CONNECTION_DISCONNECTED = 0xC000020C;
    public static final int STATUS_CONNECTION_INVALID = 0xC000023A;

    private NtStatus() {
    }

    /**
     * The {@code NTSTATUS} in an {@code OVERLAPPED.Internal} / {@code OVERLAPPED_ENTRY.Internal} value:
     * the field is a {@code ULONG_PTR}, but only its low 32 bits hold the status, and the high bits are
     * not guaranteed to be zero.
     */
    public static int statusOf(long overlappedInternal) {
        return (int) (overlappedInternal & 0xFFFFFFFFL);
    }

    /**
     * {@code NT_ERROR(status)} of {@code ntdef.h}: severity 3. Warnings such as {@link #STATUS_BUFFER_OVERFLOW}
     * (severity 2) are not errors: a call that ends with one at once still writes its {@code IO_STATUS_BLOCK}, and
     * {@code FILE_SKIP_COMPLETION_PORT_ON_SUCCESS} suppresses its packet like a success's.
     */
    public static boolean isError(int status) {
        return status >>> 30 == 3;
    }
}
