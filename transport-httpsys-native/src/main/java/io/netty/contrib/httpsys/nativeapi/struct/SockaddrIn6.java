package io.netty.contrib.httpsys.nativeapi.struct;

import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.NativeField;
import io.netty.contrib.httpsys.nativeapi.NativeStruct;
import io.netty.contrib.httpsys.nativeapi.WinSock;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * {@code SOCKADDR_IN6}: an IPv6 socket address as HTTP.SYS reports it in {@code HTTP_TRANSPORT_ADDRESS}.
 * {@code sin6_port} and {@code sin6_addr} are in network byte order; the accessors convert, so
 * {@link #sin6Port(long)} returns the port number itself. {@code sin6_family} is
 * {@link io.netty.contrib.httpsys.nativeapi.WinSock#AF_INET6} (23 on Windows). {@code sin6_flowinfo} is
 * passed through as stored; {@code sin6_scope_id} is the interface index of a link-local address.
 *
 * <pre>
 * offset  type            field
 *      0  ADDRESS_FAMILY  sin6_family
 *      2  USHORT          sin6_port
 *      4  ULONG           sin6_flowinfo
 *      8  IN6_ADDR        sin6_addr
 *     24  ULONG           sin6_scope_id
 *     28                  sizeof = 28
 * </pre>
 */
@NativeStruct("SOCKADDR_IN6")
public final class SockaddrIn6 {

    public static final int SIZE = 28;

    @NativeField(value = "sin6_family", size = 2)
    public static final int SIN6_FAMILY = 0;

    @NativeField(value = "sin6_port", size = 2)
    public static final int SIN6_PORT = 2;

    @NativeField(value = "sin6_flowinfo", size = 4)
    public static final int SIN6_FLOWINFO = 4;

    @NativeField(value = "sin6_addr", size = 16)
    public static final int SIN6_ADDR = 8;

    @NativeField(value = "sin6_scope_id", size = 4)
    public static final int SIN6_SCOPE_ID = 24;

    private SockaddrIn6() {
    }

    public static int sin6Family(long address) {
        return NativeAccess.getShort(address + SIN6_FAMILY) & 0xFFFF;
    }

    public static void setSin6Family(long address, int value) {
        NativeAccess.putShort(address + SIN6_FAMILY, (short) value);
    }

    public static int sin6Flowinfo(long address) {
        return NativeAccess.getInt(address + SIN6_FLOWINFO);
    }

    public static void setSin6Flowinfo(long address, int value) {
        NativeAccess.putInt(address + SIN6_FLOWINFO, value);
    }

    public static int sin6ScopeId(long address) {
        return NativeAccess.getInt(address + SIN6_SCOPE_ID);
    }

    public static void setSin6ScopeId(long address, int value) {
        NativeAccess.putInt(address + SIN6_SCOPE_ID, value);
    }

    /** The port number, converted from network byte order. */
    public static int sin6Port(long address) {
        return Sockaddr.networkPort(address + SIN6_PORT);
    }

    /** Writes the port number {@code port} in network byte order. */
    public static void setSin6Port(long address, int port) {
        Sockaddr.setNetworkPort(address + SIN6_PORT, port);
    }

    /** The 16 bytes of the IPv6 address, in network byte order. */
    public static byte[] sin6Addr(long address) {
        byte[] bytes = new byte[16];
        NativeAccess.copyMemory(address + SIN6_ADDR, bytes, 0, bytes.length);
        return bytes;
    }

    /** Writes the 16 bytes {@code bytes} (network byte order) of an IPv6 address. */
    public static void setSin6Addr(long address, byte[] bytes) {
        if (bytes.length != 16) {
            throw new IllegalArgumentException("an IPv6 address has 16 bytes, not " + bytes.length);
        }
        NativeAccess.copyMemory(bytes, 0, address + SIN6_ADDR, bytes.length);
    }

    /**
     * Reads the {@code SOCKADDR_IN6} at {@code address}. An IPv4-mapped address ({@code ::ffff:a.b.c.d}, a
     * dual-stack listener's IPv4 peer) comes back as the {@code Inet4Address}, as Java's own sockets report it.
     */
    public static InetSocketAddress toInetSocketAddress(long address) {
        byte[] bytes = sin6Addr(address);
        int scopeId = sin6ScopeId(address);
        try {
            InetAddress inetAddress = scopeId != 0
                    ? Inet6Address.getByAddress(null, bytes, scopeId)
                    : InetAddress.getByAddress(bytes);
            return new InetSocketAddress(inetAddress, sin6Port(address));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Writes {@code socketAddress} as a whole {@code SOCKADDR_IN6} (family {@code AF_INET6}, flow info 0) at
     * {@code address}. An IPv4 address is written in its IPv4-mapped form, as a dual-stack listener reports it.
     */
    public static void write(long address, InetSocketAddress socketAddress) {
        InetAddress inetAddress = Sockaddr.resolvedAddress(socketAddress);
        byte[] bytes;
        int scopeId = 0;
        if (inetAddress instanceof Inet6Address) {
            bytes = inetAddress.getAddress();
            scopeId = ((Inet6Address) inetAddress).getScopeId();
        } else {
            bytes = new byte[16];
            bytes[10] = (byte) 0xFF;
            bytes[11] = (byte) 0xFF;
            System.arraycopy(inetAddress.getAddress(), 0, bytes, 12, 4);
        }
        NativeAccess.setMemory(address, SIZE, (byte) 0);
        setSin6Family(address, WinSock.AF_INET6);
        setSin6Port(address, socketAddress.getPort());
        setSin6Addr(address, bytes);
        setSin6ScopeId(address, scopeId);
    }
}
