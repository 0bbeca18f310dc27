package io.netty.contrib.httpsys.nativeapi.struct;

import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.NativeField;
import io.netty.contrib.httpsys.nativeapi.NativeStruct;

/**
 * {@code SECURITY_ATTRIBUTES} ({@code minwinbase.h}): the security descriptor a new kernel object gets, here the
 * {@code SecurityAttributes} argument of {@code HttpCreateRequestQueue}, which decides who may later open the
 * named queue. {@code lpSecurityDescriptor} points to a descriptor such as
 * {@code ConvertStringSecurityDescriptorToSecurityDescriptorW} returns; {@code NULL} there gives the object the
 * default descriptor of the caller's access token.
 *
 * <pre>
 * offset  type    field
 *      0  DWORD   nLength
 *      4          (4 bytes of padding)
 *      8  LPVOID  lpSecurityDescriptor
 *     16  BOOL    bInheritHandle
 *     20          (4 bytes of padding)
 *     24          sizeof = 24
 * </pre>
 */
@NativeStruct("SECURITY_ATTRIBUTES")
public final class SecurityAttributes {

    public static final int SIZE = 24;

    @NativeField(value = "nLength", size = 4)
    public static final int N_LENGTH = 0;

    @NativeField(value = "lpSecurityDescriptor", size = 8)
    public static final int LP_SECURITY_DESCRIPTOR = 8;

    @NativeField(value = "bInheritHandle", size = 4)
    public static final int B_INHERIT_HANDLE = 16;

    private SecurityAttributes() {
    }

    /** {@code nLength}: the structure's size, {@link #SIZE}. */
    public static int nLength(long address) {
        return NativeAccess.getInt(address + N_LENGTH);
    }

    public static void setNLength(long address, int value) {
        NativeAccess.putInt(address + N_LENGTH, value);
    }

    /** {@code lpSecurityDescriptor}: the descriptor, or {@code 0} for the token's default. */
    public static long lpSecurityDescriptor(long address) {
        return NativeAccess.getLong(address + LP_SECURITY_DESCRIPTOR);
    }

    public static void setLpSecurityDescriptor(long address, long value) {
        NativeAccess.putLong(address + LP_SECURITY_DESCRIPTOR, value);
    }

    /** {@code bInheritHandle}: whether child processes inherit the handle; the transport never asks for it. */
    public static boolean bInheritHandle(long address) {
        return NativeAccess.getInt(address + B_INHERIT_HANDLE) != 0;
    }

    public static void setBInheritHandle(long address, boolean value) {
        NativeAccess.putInt(address + B_INHERIT_HANDLE, value ? 1 : 0);
    }
}
