package io.netty.contrib.httpsys.nativeapi.emulator;

import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.WinError;
import io.netty.contrib.httpsys.nativeapi.WinSock;
import io.netty.contrib.httpsys.nativeapi.struct.HttpServiceConfigIpListenParam;
import io.netty.contrib.httpsys.nativeapi.struct.HttpServiceConfigIpListenQuery;
import io.netty.contrib.httpsys.nativeapi.struct.Sockaddr;
import io.netty.contrib.httpsys.nativeapi.struct.SockaddrIn;
import io.netty.contrib.httpsys.nativeapi.struct.SockaddrIn6;

import java.net.InetSocketAddress;
import java.util.List;

/**
 * Reads and writes the two structs of {@code HttpServiceConfigIPListenList}: the
 * {@link HttpServiceConfigIpListenParam} that Set and Delete take, and the {@link HttpServiceConfigIpListenQuery}
 * that Query returns.
 */
final class IpListen {

    private IpListen() {
    }

    /** The address of an {@code HTTP_SERVICE_CONFIG_IP_LISTEN_PARAM}, or {@code null} when it is not valid. */
    static InetSocketAddress address(long param) {
        int length = HttpServiceConfigIpListenParam.addrLength(param);
        long address = HttpServiceConfigIpListenParam.address(param);
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

    /**
     * Writes the list as an {@code HTTP_SERVICE_CONFIG_IP_LISTEN_QUERY}; 122 with the size when it does not fit.
     * An empty list still takes the struct's declared size (one {@code AddrList} element).
     */
    static int writeQuery(List<InetSocketAddress> list, long output, int outputLength, long returnLength) {
        int size = HttpServiceConfigIpListenQuery.sizeOf(Math.max(1, list.size()));
        ServerProperties.writeLength(returnLength, size);
        if (output == 0 || outputLength < size) {
            return WinError.ERROR_INSUFFICIENT_BUFFER;
        }
        NativeAccess.setMemory(output, size, (byte) 0);
        HttpServiceConfigIpListenQuery.setAddrCount(output, list.size());
        for (int i = 0; i < list.size(); i++) {
            Sockaddr.write(HttpServiceConfigIpListenQuery.addr(output, i), list.get(i));
        }
        return WinError.NO_ERROR;
    }
}
