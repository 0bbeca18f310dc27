package io.netty.contrib.httpsys.nativeapi.emulator;

import io.netty.buffer.ByteBuf;
import io.netty.contrib.httpsys.nativeapi.NativeAccess;

/** Copies between {@link ByteBuf}s and caller-owned native memory. */
final class NativeCopy {

    private NativeCopy() {
    }

    /** Copies {@code length} bytes of {@code source} from {@code index} to {@code address}. */
    static void toNative(ByteBuf source, int index, long address, int length) {
        if (length == 0) {
            return;
        }
        if (source.hasMemoryAddress()) {
            NativeAccess.copyMemory(source.memoryAddress() + index, address, length);
        } else if (source.hasArray()) {
            NativeAccess.copyMemory(source.array(), source.arrayOffset() + index, address, length);
        } else {
            byte[] bytes = new byte[length];
            source.getBytes(index, bytes);
            NativeAccess.copyMemory(bytes, 0, address, length);
        }
    }

    /** Copies {@code length} bytes at {@code address} into a new array. */
    static byte[] toArray(long address, int length) {
        byte[] bytes = new byte[length];
        if (length != 0) {
            NativeAccess.copyMemory(address, bytes, 0, length);
        }
        return bytes;
    }
}
