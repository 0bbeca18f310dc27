package io.netty.contrib.httpsys.nativeapi.struct;

import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.NativeField;
import io.netty.contrib.httpsys.nativeapi.NativeStruct;

/**
 * {@code HTTP_TRANSPORT_ADDRESS}: the connection's endpoints, embedded in {@code HTTP_REQUEST_V2.Address}.
 * Both pointers address a {@code SOCKADDR_IN} or {@code SOCKADDR_IN6} (tell them apart by
 * {@code sa_family}, see {@link Sockaddr#toInetSocketAddress(long)}) inside the request buffer. The
 * transport turns them into the child channel's remote and local addresses.
 *
 * <pre>
 * offset  type       field
 *      0  PSOCKADDR  pRemoteAddress
 *      8  PSOCKADDR  pLocalAddress
 *     16             sizeof = 16
 * </pre>
 */
@NativeStruct("HTTP_TRANSPORT_ADDRESS")
public final class HttpTransportAddress {

    public static final int SIZE = 16;

    @NativeField(value = "pRemoteAddress", size = 8)
    public static final int REMOTE_ADDRESS = 0;

    @NativeField(value = "pLocalAddress", size = 8)
    public static final int LOCAL_ADDRESS = 8;

    private HttpTransportAddress() {
    }

    public static long remoteAddress(long address) {
        return NativeAccess.getLong(address + REMOTE_ADDRESS);
    }

    public static void setRemoteAddress(long address, long value) {
        NativeAccess.putLong(address + REMOTE_ADDRESS, value);
    }

    public static long localAddress(long address) {
        return NativeAccess.getLong(address + LOCAL_ADDRESS);
    }

    public static void setLocalAddress(long address, long value) {
        NativeAccess.putLong(address + LOCAL_ADDRESS, value);
    }
}
