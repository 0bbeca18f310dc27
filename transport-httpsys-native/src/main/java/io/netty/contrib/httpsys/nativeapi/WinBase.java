package io.netty.contrib.httpsys.nativeapi;

/**
 * The {@code kernel32} constants that {@link IoCompletion} callers pass or compare: wait results, the
 * completion-notification modes, and the {@code CreateFileW} arguments used to open a file for an
 * {@code HttpDataChunkFromFileHandle} response body.
 *
 * <p>Named verbatim as in the SDK. Some of them are declared in {@code winnt.h} or {@code fileapi.h},
 * which {@code windows.h} pulls in beside {@code winbase.h}; they are kept together here because they are
 * used together. {@code DWORD} values above {@code 0x7FFFFFFF} are written in hex and read as unsigned.
 */
@NativeConstants("winbase.h")
public final class WinBase {

    // Timeout of GetQueuedCompletionStatusEx: wait forever.
    public static final int INFINITE = 0xFFFFFFFF;

    // Wait results.
    public static final int WAIT_OBJECT_0 = 0;
    public static final int WAIT_IO_COMPLETION = 0xC0;

    // SetFileCompletionNotificationModes flags (UCHAR): a call that completes synchronously queues no
    // completion packet, and the handle's event is not set on completion.
    public static final int FILE_SKIP_COMPLETION_PORT_ON_SUCCESS = 0x1;
    public static final int FILE_SKIP_SET_EVENT_ON_HANDLE = 0x2;

    // CreateFileW dwDesiredAccess.
    public static final int GENERIC_READ = 0x80000000;

    // CreateFileW dwShareMode: let the application replace or delete a file while it is being sent.
    public static final int FILE_SHARE_READ = 0x1;
    public static final int FILE_SHARE_WRITE = 0x2;
    public static final int FILE_SHARE_DELETE = 0x4;

    // CreateFileW dwCreationDisposition.
    public static final int OPEN_EXISTING = 3;

    // CreateFileW dwFlagsAndAttributes.
    public static final int FILE_ATTRIBUTE_NORMAL = 0x80;
    public static final int FILE_FLAG_OVERLAPPED = 0x40000000;
    public static final int FILE_FLAG_SEQUENTIAL_SCAN = 0x08000000;

    private WinBase() {
    }
}
