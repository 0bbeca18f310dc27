package io.netty.contrib.httpsys.nativeapi.struct;

import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.NativeField;
import io.netty.contrib.httpsys.nativeapi.NativeStruct;
import io.netty.contrib.httpsys.nativeapi.WinSock;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * {@code SOCKADDR}: the generic socket address that {@code HTTP_TRANSPORT_ADDRESS} points to; its
 * {@code sa_family} ({@link io.netty.contrib.httpsys.nativeapi.WinSock#AF_INET} or
 * {@link io.netty.contrib.httpsys.nativeapi.WinSock#AF_INET6}, Windows values) says whether it is a
 * {@link SockaddrIn} or a {@link SockaddrIn6}. {@link #toInetSocketAddress(long)} and
 * {@link #write(long, InetSocketAddress)} dispatch on it, so callers need not.
 *
 * <pre>
 * offset  type            field
 *      0  ADDRESS_FAMILY  sa_family
 *      2  CHAR[14]        sa_data
 *     16                  sizeof = 16
 * </pre>
 */
@NativeStruct("SOCKADDR")
public final class Sockaddr {

    public static final int SIZE = 16;

    @NativeField(value = "sa_family", size = 2)
    public static final int SA_FAMILY = 0;

    @NativeField(value = "sa_data", size = 14)
    public static final int SA_DATA = 2;

    private Sockaddr() {
    }

    public static int saFamily(long address) {
        return NativeAccess.getShort(address + SA_FAMILY) & 0xFFFF;
    }

    public static void setSaFamily(long address, int value) {
        NativeAccess.putShort(address + SA_FAMILY, (short) value);
    }

    /**
     * Reads the {@code SOCKADDR_IN} or {@code SOCKADDR_IN6} at {@code address}; {@code null} for a {@code NULL}
     * address.
     *
     * @throws IllegalArgumentException for a family other than {@code AF_INET} / {@code AF_INET6}
     */
    public static InetSocketAddress toInetSocketAddress(long address) {
        if (address == 0) {
            return null;
        }
        int family = saFamily(address);
        if (family == WinSock.AF_INET) {
            return SockaddrIn.toInetSocketAddress(address);
        }
        if (family == WinSock.AF_INET6) {
            return SockaddrIn6.toInetSocketAddress(address);
        }
        throw new IllegalArgumentException("unsupported address family " + family);
    }

    /**
     * Writes {@code socketAddress} at {@code address} as a {@code SOCKADDR_IN} (IPv4) or {@code SOCKADDR_IN6}
     * (IPv6) and returns the number of bytes written; the memory must hold at least {@link SockaddrIn6#SIZE}
     * bytes when the address may be IPv6.
     *
     * @throws IllegalArgumentException for an unresolved address
     */
    public static int write(long address, InetSocketAddress socketAddress) {
        if (socketAddress.getAddress() instanceof Inet4Address) {
            SockaddrIn.write(address, socketAddress);
            return SockaddrIn.SIZE;
        }
        SockaddrIn6.write(address, socketAddress);
        return SockaddrIn6.SIZE;
    }

    /** Reads the big-endian (network byte order) port at {@code address}. */
    static int networkPort(long address) {
        return (NativeAccess.getByte(address) & 0xFF) << 8 | NativeAccess.getByte(address + 1) & 0xFF;
    }

    /** Writes {@code port} at {@code address} in network byte order. */
    static void setNetworkPort(long address, int port) {
        NativeAccess.putByte(address, (byte) (port >>> 8));
        NativeAccess.putByte(address + 1, (byte) port);
    }

    /** The {@code InetAddress} of a socket address that must be resolved to be written. */
    static InetAddress resolvedAddress(InetSocketAddress socketAddress) {
        InetAddress address = socketAddress.getAddress();
        if (address == null) {
            throw new IllegalArgumentException("unresolved address: " + socketAddress);
        }
        return address;
    }
}
