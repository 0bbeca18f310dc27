package io.netty.contrib.httpsys.nativeapi.emulator;

import io.netty.contrib.httpsys.nativeapi.WinError;
import io.netty.contrib.httpsys.nativeapi.WinSock;
import io.netty.contrib.httpsys.nativeapi.struct.Sockaddr;
import io.netty.contrib.httpsys.nativeapi.struct.SockaddrIn;
import io.netty.contrib.httpsys.nativeapi.struct.SockaddrIn6;
import io.netty.util.internal.PlatformDependent;

import java.net.InetSocketAddress;
import java.util.List;

/**
 * The two structs of {@code HttpServiceConfigIPListenList} (http.h, x64), which have no layout class of their
 * own: {@code HTTP_SERVICE_CONFIG_IP_LISTEN_PARAM} (Set/Delete input: {@code USHORT AddrLength} at 0,
 * {@code PSOCKADDR pAddress} at 8, 16 bytes) and {@code HTTP_SERVICE_CONFIG_IP_LISTEN_QUERY} (Query output:
 * {@code ULONG AddrCount} at 0, then {@code SOCKADDR_STORAGE AddrList[]} from offset 8, 128 bytes each).
 */
final class IpListen {

    static final int PARAM_SIZE = 16;
    private static final int PARAM_ADDRESS = 8;
    private static final int QUERY_LIST = 8;
    private static final int SOCKADDR_STORAGE_SIZE = 128;

    private IpListen() {
    }

    /** The address of an {@code HTTP_SERVICE_CONFIG_IP_LISTEN_PARAM}, or {@code null} when it is not valid. */
    static InetSocketAddress address(long param) {
        int length = PlatformDependent.getShort(param) & 0xFFFF;
        long address = PlatformDependent.getLong(param + PARAM_ADDRESS);
        if (address == 0) {
            return null;
        }
        int family = Sockaddr.saFamily(address);
        if (family == WinSock.AF_INET && length == SockaddrIn.SIZE
                || family == WinSock.AF_INET6 && length == SockaddrIn6.SIZE) {
            return Sockaddr.toInetSocketAddress(address);
        }
        return null;
    }

    /** Writes the list as an {@code HTTP_SERVICE_CONFIG_IP_LISTEN_QUERY}; 122 with the size when it does not fit. */
    static int writeQuery(List<InetSocketAddress> list, long output, int outputLength, long returnLength) {
        int size = QUERY_LIST + SOCKADDR_STORAGE_SIZE * Math.max(1, list.size());
        ServerProperties.writeLength(returnLength, size);
        if (output == 0 || outputLength < size) {
            return WinError.ERROR_INSUFFICIENT_BUFFER;
        }
        PlatformDependent.setMemory(output, size, (byte) 0);
        PlatformDependent.putInt(output, list.size());
        for (int i = 0; i < list.size(); i++) {
            Sockaddr.write(output + QUERY_LIST + (long) i * SOCKADDR_STORAGE_SIZE, list.get(i));
        }
        return WinError.NO_ERROR;
    }
}
