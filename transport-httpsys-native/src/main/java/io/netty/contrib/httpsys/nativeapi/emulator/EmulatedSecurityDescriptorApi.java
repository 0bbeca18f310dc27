package io.netty.contrib.httpsys.nativeapi.emulator;

import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.NativeMemory;
import io.netty.contrib.httpsys.nativeapi.Sddl;
import io.netty.contrib.httpsys.nativeapi.SecurityDescriptorApi;
import io.netty.contrib.httpsys.nativeapi.WinError;
import io.netty.contrib.httpsys.nativeapi.struct.SecurityAttributes;
import io.netty.util.internal.logging.InternalLogger;
import io.netty.util.internal.logging.InternalLoggerFactory;

/**
 * The emulator's {@link SecurityDescriptorApi}. Applications treat a security descriptor as opaque, so the
 * emulator's is its own: a native block holding a tag, its size and the SDDL string (UTF-16, NUL-terminated),
 * which its {@code HttpCreateRequestQueue} reads back through {@code SECURITY_ATTRIBUTES}. Only the
 * subset of SDDL that {@code QueueSecurity} describes converts; anything else fails with
 * {@code ERROR_INVALID_PARAMETER}, and the reason is logged at WARN. The block comes from {@link NativeMemory}, so a
 * descriptor never given to {@link #LocalFree} shows up as a native leak in tests.
 */
public final class EmulatedSecurityDescriptorApi implements SecurityDescriptorApi {

    private static final InternalLogger logger = InternalLoggerFactory.getInstance(EmulatedSecurityDescriptorApi.class);
    private static final EmulatedSecurityDescriptorApi INSTANCE = new EmulatedSecurityDescriptorApi();

    /** "SDDL", little-endian: marks a live block of this class. */
    private static final int TAG = 0x4C444453;
    private static final int HEADER = 8;

    private final ThreadLocal<int[]> lastError = ThreadLocal.withInitial(() -> new int[1]);

    private EmulatedSecurityDescriptorApi() {
    }

    public static EmulatedSecurityDescriptorApi get() {
        return INSTANCE;
    }

    @Override
    public boolean ConvertStringSecurityDescriptorToSecurityDescriptorW(String stringSecurityDescriptor,
                                                                        int revision, long securityDescriptorOut,
                                                                        long securityDescriptorSizeOut) {
        if (stringSecurityDescriptor == null || securityDescriptorOut == 0 || revision != Sddl.SDDL_REVISION_1) {
            return fail(WinError.ERROR_INVALID_PARAMETER);
        }
        try {
            QueueSecurity.parse(stringSecurityDescriptor);
        } catch (QueueSecurity.UnsupportedSddlException e) {
            logger.warn("ConvertStringSecurityDescriptorToSecurityDescriptorW: {}", e.getMessage());
            return fail(WinError.ERROR_INVALID_PARAMETER);
        }
        int size = HEADER + (stringSecurityDescriptor.length() + 1) * Character.BYTES;
        long block = NativeMemory.allocate(size);
        NativeAccess.putInt(block, TAG);
        NativeAccess.putInt(block + 4, size);
        for (int i = 0; i < stringSecurityDescriptor.length(); i++) {
            NativeAccess.putShort(block + HEADER + 2L * i, (short) stringSecurityDescriptor.charAt(i));
        }
        NativeAccess.putShort(block + size - 2, (short) 0);
        NativeAccess.putLong(securityDescriptorOut, block);
        if (securityDescriptorSizeOut != 0) {
            NativeAccess.putInt(securityDescriptorSizeOut, size);
        }
        return true;
    }

    @Override
    public long LocalFree(long memory) {
        if (memory == 0) {
            return 0;
        }
        if (NativeAccess.getInt(memory) != TAG) {
            fail(WinError.ERROR_INVALID_HANDLE);
            return memory;
        }
        int size = NativeAccess.getInt(memory + 4);
        NativeAccess.putInt(memory, 0);
        NativeMemory.free(memory, size);
        return 0;
    }

    @Override
    public int GetLastError() {
        return lastError.get()[0];
    }

    private boolean fail(int error) {
        lastError.get()[0] = error;
        return false;
    }

    /**
     * The queue security that {@code SECURITY_ATTRIBUTES} at {@code securityAttributes} carries ({@link
     * QueueSecurity#TOKEN_DEFAULT} for a {@code NULL} descriptor), or {@code null} when the structure is malformed or
     * its descriptor is not one of this class's live blocks.
     */
    static QueueSecurity read(long securityAttributes) {
        if (SecurityAttributes.nLength(securityAttributes) != SecurityAttributes.SIZE) {
            return null;
        }
        long descriptor = SecurityAttributes.lpSecurityDescriptor(securityAttributes);
        if (descriptor == 0) {
            return QueueSecurity.TOKEN_DEFAULT;
        }
        if (NativeAccess.getInt(descriptor) != TAG) {
            return null;
        }
        int chars = (NativeAccess.getInt(descriptor + 4) - HEADER) / Character.BYTES - 1;
        char[] sddl = new char[chars];
        for (int i = 0; i < chars; i++) {
            sddl[i] = (char) NativeAccess.getShort(descriptor + HEADER + 2L * i);
        }
        try {
            return QueueSecurity.parse(new String(sddl));
        } catch (QueueSecurity.UnsupportedSddlException e) {
            return null;
        }
    }
}
