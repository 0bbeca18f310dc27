package io.netty.contrib.httpsys.nativeapi.struct;

import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.NativeField;
import io.netty.contrib.httpsys.nativeapi.NativeStruct;

/**
 * {@code HTTP_TIMEOUT_LIMIT_INFO}: the value of {@code HttpServerTimeoutsProperty}, the connection timeouts
 * HTTP.SYS enforces by itself (in seconds, 0 for the default) and the minimum response send rate in bytes
 * per second. The transport maps its idle and header-wait channel options onto it.
 *
 * <pre>
 * offset  type                 field
 *      0  HTTP_PROPERTY_FLAGS  Flags
 *      4  USHORT               EntityBody
 *      6  USHORT               DrainEntityBody
 *      8  USHORT               RequestQueue
 *     10  USHORT               IdleConnection
 *     12  USHORT               HeaderWait
 *     14                       (2 bytes of padding)
 *     16  ULONG                MinSendRate
 *     20                       sizeof = 20
 * </pre>
 */
@NativeStruct("HTTP_TIMEOUT_LIMIT_INFO")
public final class HttpTimeoutLimitInfo {

    public static final int SIZE = 20;

    @NativeField(value = "Flags", size = 4)
    public static final int FLAGS = 0;

    @NativeField(value = "EntityBody", size = 2)
    public static final int ENTITY_BODY = 4;

    @NativeField(value = "DrainEntityBody", size = 2)
    public static final int DRAIN_ENTITY_BODY = 6;

    @NativeField(value = "RequestQueue", size = 2)
    public static final int REQUEST_QUEUE = 8;

    @NativeField(value = "IdleConnection", size = 2)
    public static final int IDLE_CONNECTION = 10;

    @NativeField(value = "HeaderWait", size = 2)
    public static final int HEADER_WAIT = 12;

    @NativeField(value = "MinSendRate", size = 4)
    public static final int MIN_SEND_RATE = 16;

    private HttpTimeoutLimitInfo() {
    }

    /** {@code HTTP_PROPERTY_FLAGS}: 1 ({@code Present}) to apply the property, see {@link HttpPropertyFlags}. */
    public static int flags(long address) {
        return NativeAccess.getInt(address + FLAGS);
    }

    public static void setFlags(long address, int value) {
        NativeAccess.putInt(address + FLAGS, value);
    }

    /** Seconds allowed for the request entity body to arrive. */
    public static int entityBody(long address) {
        return NativeAccess.getShort(address + ENTITY_BODY) & 0xFFFF;
    }

    public static void setEntityBody(long address, int value) {
        NativeAccess.putShort(address + ENTITY_BODY, (short) value);
    }

    /** Seconds allowed to drain an entity body on a keep-alive connection. */
    public static int drainEntityBody(long address) {
        return NativeAccess.getShort(address + DRAIN_ENTITY_BODY) & 0xFFFF;
    }

    public static void setDrainEntityBody(long address, int value) {
        NativeAccess.putShort(address + DRAIN_ENTITY_BODY, (short) value);
    }

    /** Seconds a request may stay in the queue before an application takes it. */
    public static int requestQueue(long address) {
        return NativeAccess.getShort(address + REQUEST_QUEUE) & 0xFFFF;
    }

    public static void setRequestQueue(long address, int value) {
        NativeAccess.putShort(address + REQUEST_QUEUE, (short) value);
    }

    /** Seconds an idle connection is kept. */
    public static int idleConnection(long address) {
        return NativeAccess.getShort(address + IDLE_CONNECTION) & 0xFFFF;
    }

    public static void setIdleConnection(long address, int value) {
        NativeAccess.putShort(address + IDLE_CONNECTION, (short) value);
    }

    /** Seconds allowed to parse the request headers. */
    public static int headerWait(long address) {
        return NativeAccess.getShort(address + HEADER_WAIT) & 0xFFFF;
    }

    public static void setHeaderWait(long address, int value) {
        NativeAccess.putShort(address + HEADER_WAIT, (short) value);
    }

    /** Minimum send rate in bytes per second. */
    public static int minSendRate(long address) {
        return NativeAccess.getInt(address + MIN_SEND_RATE);
    }

    public static void setMinSendRate(long address, int value) {
        NativeAccess.putInt(address + MIN_SEND_RATE, value);
    }
}
