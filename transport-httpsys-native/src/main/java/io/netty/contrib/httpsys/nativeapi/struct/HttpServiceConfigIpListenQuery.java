package io.netty.contrib.httpsys.nativeapi.struct;

import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.NativeField;
import io.netty.contrib.httpsys.nativeapi.NativeStruct;

/**
 * {@code HTTP_SERVICE_CONFIG_IP_LISTEN_QUERY}: the output of {@code HttpQueryServiceConfiguration} for
 * {@code HttpServiceConfigIPListenList}: {@code AddrCount} addresses, each in a {@link SockaddrStorage} of the
 * inline {@code AddrList} array. The SDK declares the array with one element ({@code ANYSIZE_ARRAY}), so
 * {@code SIZE} holds one address and a longer list runs past it: {@link #sizeOf(int)} is the real size.
 *
 * <pre>
 * offset  type                 field
 *      0  ULONG                AddrCount
 *      4                       (4 bytes of padding)
 *      8  SOCKADDR_STORAGE[1]  AddrList (ANYSIZE_ARRAY, 128 bytes per element)
 *    136                       sizeof = 136
 * </pre>
 */
@NativeStruct("HTTP_SERVICE_CONFIG_IP_LISTEN_QUERY")
public final class HttpServiceConfigIpListenQuery {

    public static final int SIZE = 136;

    @NativeField(value = "AddrCount", size = 4)
    public static final int ADDR_COUNT = 0;

    @NativeField(value = "AddrList", size = 128)
    public static final int ADDR_LIST = 8;

    private HttpServiceConfigIpListenQuery() {
    }

    /** The bytes an {@code HTTP_SERVICE_CONFIG_IP_LISTEN_QUERY} with {@code addrCount} addresses occupies. */
    public static int sizeOf(int addrCount) {
        return ADDR_LIST + addrCount * SockaddrStorage.SIZE;
    }

    public static int addrCount(long address) {
        return NativeAccess.getInt(address + ADDR_COUNT);
    }

    public static void setAddrCount(long address, int value) {
        NativeAccess.putInt(address + ADDR_COUNT, value);
    }

    /** The address of the first element of the inline {@code AddrList} array. */
    public static long addrList(long address) {
        return address + ADDR_LIST;
    }

    /** The address of {@code AddrList[index]} (a {@link SockaddrStorage}) of the query at {@code query}. */
    public static long addr(long query, int index) {
        return query + ADDR_LIST + (long) index * SockaddrStorage.SIZE;
    }
}
