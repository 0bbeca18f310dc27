package io.netty.contrib.httpsys.nativeapi.struct;

import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.NativeField;
import io.netty.contrib.httpsys.nativeapi.NativeStruct;

/**
 * {@code HTTP_BINDING_INFO}: the value of {@code HttpServerBindingProperty} on a URL group, which binds the
 * group to the request queue {@code RequestQueueHandle} so that requests for its URLs arrive there. The
 * server channel sets it once after creating its queue; the emulator reads it to route requests.
 *
 * <pre>
 * offset  type                 field
 *      0  HTTP_PROPERTY_FLAGS  Flags
 *      4                       (4 bytes of padding)
 *      8  HANDLE               RequestQueueHandle
 *     16                       sizeof = 16
 * </pre>
 */
@NativeStruct("HTTP_BINDING_INFO")
public final class HttpBindingInfo {

    public static final int SIZE = 16;

    @NativeField(value = "Flags", size = 4)
    public static final int FLAGS = 0;

    @NativeField(value = "RequestQueueHandle", size = 8)
    public static final int REQUEST_QUEUE_HANDLE = 8;

    private HttpBindingInfo() {
    }

    /** {@code HTTP_PROPERTY_FLAGS}: 1 ({@code Present}) to apply the property, see {@link HttpPropertyFlags}. */
    public static int flags(long address) {
        return NativeAccess.getInt(address + FLAGS);
    }

    public static void setFlags(long address, int value) {
        NativeAccess.putInt(address + FLAGS, value);
    }

    public static long requestQueueHandle(long address) {
        return NativeAccess.getLong(address + REQUEST_QUEUE_HANDLE);
    }

    public static void setRequestQueueHandle(long address, long value) {
        NativeAccess.putLong(address + REQUEST_QUEUE_HANDLE, value);
    }
}
