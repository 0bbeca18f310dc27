package io.netty.contrib.httpsys.nativeapi;

/**
 * The address families ({@code ws2def.h}) found in the {@code sa_family} of the socket addresses that
 * HTTP.SYS reports in {@code HTTP_TRANSPORT_ADDRESS}. {@code AF_INET6} is 23 on Windows, not Linux's 10:
 * the emulator writes Windows values even when it runs on Linux.
 */
@NativeConstants("ws2def.h")
public final class WinSock {

    public static final int AF_INET = 2;
    public static final int AF_INET6 = 23;

    private WinSock() {
    }
}
