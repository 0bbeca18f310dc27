package io.netty.contrib.httpsys.nativeapi;

/**
 * The server-side protocol flags of {@code schannel.h} that {@code HTTP_SSL_PROTOCOL_INFO.Protocol} reports,
 * as {@code SecPkgContext_ConnectionInfo.dwProtocol} does: HTTP.SYS is the TLS server, so a TLS 1.2
 * connection reads {@code SP_PROT_TLS1_2_SERVER}, never the {@code _CLIENT} flag.
 */
@NativeConstants("schannel.h")
public final class Schannel {

    public static final int SP_PROT_TLS1_0_SERVER = 0x40;
    public static final int SP_PROT_TLS1_1_SERVER = 0x100;
    public static final int SP_PROT_TLS1_2_SERVER = 0x400;
    public static final int SP_PROT_TLS1_3_SERVER = 0x1000;

    private Schannel() {
    }
}
