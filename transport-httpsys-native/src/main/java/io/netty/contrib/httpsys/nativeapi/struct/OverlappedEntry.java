package io.netty.contrib.httpsys.nativeapi.struct;

import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.NativeField;
import io.netty.contrib.httpsys.nativeapi.NativeStruct;

/**
 * {@code OVERLAPPED_ENTRY}: one completion dequeued by {@code GetQueuedCompletionStatusEx}, an element of
 * the array the event loop passes. {@code lpOverlapped} identifies the operation, {@code Internal} holds
 * its {@code NTSTATUS} in the low 32 bits (see
 * {@link io.netty.contrib.httpsys.nativeapi.NtStatus#statusOf(long)}) and
 * {@code dwNumberOfBytesTransferred} the bytes transferred.
 *
 * <pre>
 * offset  type          field
 *      0  ULONG_PTR     lpCompletionKey
 *      8  LPOVERLAPPED  lpOverlapped
 *     16  ULONG_PTR     Internal
 *     24  DWORD         dwNumberOfBytesTransferred
 *     28                (4 bytes of padding)
 *     32                sizeof = 32
 * </pre>
 */
@NativeStruct("OVERLAPPED_ENTRY")
public final class OverlappedEntry {

    public static final int SIZE = 32;

    @NativeField(value = "lpCompletionKey", size = 8)
    public static final int COMPLETION_KEY = 0;

    @NativeField(value = "lpOverlapped", size = 8)
    public static final int OVERLAPPED = 8;

    @NativeField(value = "Internal", size = 8)
    public static final int INTERNAL = 16;

    @NativeField(value = "dwNumberOfBytesTransferred", size = 4)
    public static final int NUMBER_OF_BYTES_TRANSFERRED = 24;

    private OverlappedEntry() {
    }

    public static long completionKey(long address) {
        return NativeAccess.getLong(address + COMPLETION_KEY);
    }

    public static void setCompletionKey(long address, long value) {
        NativeAccess.putLong(address + COMPLETION_KEY, value);
    }

    public static long overlapped(long address) {
        return NativeAccess.getLong(address + OVERLAPPED);
    }

    public static void setOverlapped(long address, long value) {
        NativeAccess.putLong(address + OVERLAPPED, value);
    }

    public static long internal(long address) {
        return NativeAccess.getLong(address + INTERNAL);
    }

    public static void setInternal(long address, long value) {
        NativeAccess.putLong(address + INTERNAL, value);
    }

    public static int numberOfBytesTransferred(long address) {
        return NativeAccess.getInt(address + NUMBER_OF_BYTES_TRANSFERRED);
    }

    public static void setNumberOfBytesTransferred(long address, int value) {
        NativeAccess.putInt(address + NUMBER_OF_BYTES_TRANSFERRED, value);
    }

    /** The address of element {@code index} of the array of {@code OVERLAPPED_ENTRY}s at {@code array}. */
    public static long at(long array, int index) {
        return array + (long) index * SIZE;
    }
}
