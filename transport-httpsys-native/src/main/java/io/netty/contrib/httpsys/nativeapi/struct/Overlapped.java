package io.netty.contrib.httpsys.nativeapi.struct;

import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.NativeField;
import io.netty.contrib.httpsys.nativeapi.NativeStruct;

/**
 * {@code OVERLAPPED}: the per-operation record of an asynchronous call. The transport passes one to every
 * asynchronous HTTP Server API call and recognises the completion by its address in the dequeued
 * {@link OverlappedEntry}; the emulator completes it. On completion {@code Internal} holds the
 * {@code NTSTATUS} in its low 32 bits (read it through
 * {@link io.netty.contrib.httpsys.nativeapi.NtStatus#statusOf(long)}) and {@code InternalHigh} the number
 * of bytes transferred. {@code Offset}/{@code OffsetHigh} and {@code Pointer} share a union; HTTP calls
 * leave them 0.
 *
 * <pre>
 * offset  type       field
 *      0  ULONG_PTR  Internal
 *      8  ULONG_PTR  InternalHigh
 *     16  DWORD      Offset
 *     16  PVOID      Pointer
 *     20  DWORD      OffsetHigh
 *     24  HANDLE     hEvent
 *     32             sizeof = 32
 * </pre>
 */
@NativeStruct("OVERLAPPED")
public final class Overlapped {

    public static final int SIZE = 32;

    @NativeField(value = "Internal", size = 8)
    public static final int INTERNAL = 0;

    @NativeField(value = "InternalHigh", size = 8)
    public static final int INTERNAL_HIGH = 8;

    @NativeField(value = "Offset", size = 4)
    public static final int OFFSET = 16;

    @NativeField(value = "OffsetHigh", size = 4)
    public static final int OFFSET_HIGH = 20;

    @NativeField(value = "Pointer", size = 8)
    public static final int POINTER = 16;

    @NativeField(value = "hEvent", size = 8)
    public static final int EVENT = 24;

    private Overlapped() {
    }

    public static long internal(long address) {
        return NativeAccess.getLong(address + INTERNAL);
    }

    public static void setInternal(long address, long value) {
        NativeAccess.putLong(address + INTERNAL, value);
    }

    public static long internalHigh(long address) {
        return NativeAccess.getLong(address + INTERNAL_HIGH);
    }

    public static void setInternalHigh(long address, long value) {
        NativeAccess.putLong(address + INTERNAL_HIGH, value);
    }

    public static int offset(long address) {
        return NativeAccess.getInt(address + OFFSET);
    }

    public static void setOffset(long address, int value) {
        NativeAccess.putInt(address + OFFSET, value);
    }

    public static int offsetHigh(long address) {
        return NativeAccess.getInt(address + OFFSET_HIGH);
    }

    public static void setOffsetHigh(long address, int value) {
        NativeAccess.putInt(address + OFFSET_HIGH, value);
    }

    public static long pointer(long address) {
        return NativeAccess.getLong(address + POINTER);
    }

    public static void setPointer(long address, long value) {
        NativeAccess.putLong(address + POINTER, value);
    }

    public static long event(long address) {
        return NativeAccess.getLong(address + EVENT);
    }

    public static void setEvent(long address, long value) {
        NativeAccess.putLong(address + EVENT, value);
    }

    /** Zeroes the whole {@code OVERLAPPED} at {@code address}, as required before reusing it for a new call. */
    public static void clear(long address) {
        NativeAccess.setMemory(address, SIZE, (byte) 0);
    }
}
