package io.netty.contrib.httpsys.nativeapi.struct;

import io.netty.contrib.httpsys.nativeapi.NativeStruct;

/**
 * {@code SOCKADDR_STORAGE}: room for any socket address. The emulator reserves this much for each address
 * it writes into a request buffer, so that IPv4 and IPv6 connections lay out requests alike. Its members
 * are opaque; read the address through {@link Sockaddr}.
 *
 * <pre>
 * offset  type             field
 *      0  ADDRESS_FAMILY   ss_family
 *      2  (opaque)         room for the largest address, 8-byte aligned
 *    128                   sizeof = 128
 * </pre>
 */
@NativeStruct("SOCKADDR_STORAGE")
public final class SockaddrStorage {

    public static final int SIZE = 128;

    private SockaddrStorage() {
    }
}
