package io.netty.contrib.httpsys.nativeapi.struct;

import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.NativeField;
import io.netty.contrib.httpsys.nativeapi.NativeStruct;
import io.netty.contrib.httpsys.nativeapi.WinSock;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * {@code SOCKADDR_IN}: an IPv4 socket address as HTTP.SYS reports it in {@code HTTP_TRANSPORT_ADDRESS}.
 * {@code sin_port} and {@code sin_addr} are in network byte order; the accessors convert, so
 * {@link #sinPort(long)} returns the port number itself. {@code sin_family} is
 * {@link io.netty.contrib.httpsys.nativeapi.WinSock#AF_INET}; {@code sin_zero} is zero.
 *
 * <pre>
 * offset  type            field
 *      0  ADDRESS_FAMILY  sin_family
 *      2  USHORT          sin_port
 *      4  IN_ADDR         sin_addr
 *      8  CHAR[8]         sin_zero
 *     16                  sizeof = 16
 * </pre>
 */
@NativeStruct("SOCKADDR_IN")
public final class SockaddrIn {

    public static final int SIZE = 16;

    @NativeField(value = "sin_family", size = 2)
    public static final int SIN_FAMILY = 0;

    @NativeField(value = "sin_port", size = 2)
    public static final int SIN_PORT = 2;

    @NativeField(value = "sin_addr", size = 4)
    public static final int SIN_ADDR = 4;

    @NativeField(value = "sin_zero", size = 8)
    public static final int SIN_ZERO = 8;

    private SockaddrIn() {
    }

    public static int sinFamily(long address) {
        return NativeAccess.getShort(address + SIN_FAMILY) & 0xFFFF;
    }

    public static void setSinFamily(long address, int value) {
        NativeAccess.putShort(address + SIN_FAMILY, (short) value);
    }

    /** The port number, converted from network byte order. */
    public static int sinPort(long address) {
        return Sockaddr.networkPort(address + SIN_PORT);
    }

    /** Writes the port number {@code port} in network byte order. */
    public static void setSinPort(long address, int port) {
        Sockaddr.setNetworkPort(address + SIN_PORT, port);
    }

    /** The IPv4 address. */
    public static Inet4Address sinAddr(long address) {
        byte[] bytes = new byte[4];
        NativeAccess.copyMemory(address + SIN_ADDR, bytes, 0, bytes.length);
        try {
            return (Inet4Address) InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the IPv4 address {@code inetAddress}, which is already in network byte order. */
    public static void setSinAddr(long address, Inet4Address inetAddress) {
        byte[] bytes = inetAddress.getAddress();
        NativeAccess.copyMemory(bytes, 0, address + SIN_ADDR, bytes.length);
    }

    /** Reads the {@code SOCKADDR_IN} at {@code address}. */
    public static InetSocketAddress toInetSocketAddress(long address) {
        return new InetSocketAddress(sinAddr(address), sinPort(address));
    }

    /**
     * Writes {@code socketAddress}, which must hold a resolved IPv4 address, as a whole {@code SOCKADDR_IN}
     * (family {@code AF_INET}, {@code sin_zero} cleared) at {@code address}.
     */
    public static void write(long address, InetSocketAddress socketAddress) {
        InetAddress inetAddress = Sockaddr.resolvedAddress(socketAddress);
        if (!(inetAddress instanceof Inet4Address)) {
            throw new IllegalArgumentException("not an IPv4 address: " + socketAddress);
        }
        NativeAccess.setMemory(address, SIZE, (byte) 0);
        setSinFamily(address, WinSock.AF_INET);
        setSinPort(address, socketAddress.getPort());
        setSinAddr(address, (Inet4Address) inetAddress);
    }
}
