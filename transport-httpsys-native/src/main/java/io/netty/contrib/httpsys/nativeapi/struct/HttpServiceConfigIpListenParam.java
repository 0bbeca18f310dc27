package io.netty.contrib.httpsys.nativeapi.struct;

import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.NativeField;
import io.netty.contrib.httpsys.nativeapi.NativeStruct;

/**
 * {@code HTTP_SERVICE_CONFIG_IP_LISTEN_PARAM}: the input of {@code HttpSetServiceConfiguration} and
 * {@code HttpDeleteServiceConfiguration} for {@code HttpServiceConfigIPListenList}: one address to add to or
 * remove from the list of addresses HTTP.SYS listens on. {@code pAddress} points to a {@link SockaddrIn} or
 * {@link SockaddrIn6}, and {@code AddrLength} is that struct's size.
 *
 * <pre>
 * offset  type       field
 *      0  USHORT     AddrLength
 *      2             (6 bytes of padding)
 *      8  PSOCKADDR  pAddress
 *     16             sizeof = 16
 * </pre>
 */
@NativeStruct("HTTP_SERVICE_CONFIG_IP_LISTEN_PARAM")
public final class HttpServiceConfigIpListenParam {

    public static final int SIZE = 16;

    @NativeField(value = "AddrLength", size = 2)
    public static final int ADDR_LENGTH = 0;

    @NativeField(value = "pAddress", size = 8)
    public static final int ADDRESS = 8;

    private HttpServiceConfigIpListenParam() {
    }

    public static int addrLength(long address) {
        return NativeAccess.getShort(address + ADDR_LENGTH) & 0xFFFF;
    }

    public static void setAddrLength(long address, int value) {
        NativeAccess.putShort(address + ADDR_LENGTH, (short) value);
    }

    /** The address of the {@code SOCKADDR} the param points to, {@code 0} for {@code NULL}. */
    public static long address(long address) {
        return NativeAccess.getLong(address + ADDRESS);
    }

    public static void setAddress(long address, long value) {
        NativeAccess.putLong(address + ADDRESS, value);
    }
}
