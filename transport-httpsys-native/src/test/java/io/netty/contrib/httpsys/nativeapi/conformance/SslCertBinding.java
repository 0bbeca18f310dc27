package io.netty.contrib.httpsys.nativeapi.conformance;

import io.netty.contrib.httpsys.nativeapi.Http;
import io.netty.contrib.httpsys.nativeapi.HttpApi;
import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.WinError;
import io.netty.contrib.httpsys.nativeapi.struct.HttpServiceConfigSslKey;
import io.netty.contrib.httpsys.nativeapi.struct.HttpServiceConfigSslParam;
import io.netty.contrib.httpsys.nativeapi.struct.HttpServiceConfigSslSet;
import io.netty.contrib.httpsys.nativeapi.struct.Sockaddr;
import io.netty.contrib.httpsys.nativeapi.struct.SockaddrIn6;

import java.net.InetSocketAddress;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An {@code HttpServiceConfigSSLCertInfo} binding of 127.0.0.1:port with the given {@code DefaultFlags}, as
 * {@code netsh http add sslcert} makes one, deleted again at close. The hash is made up: only the emulator accepts
 * it (Windows checks it against its certificate store).
 */
final class SslCertBinding implements AutoCloseable {

    private final HttpApi api;
    private final long set;

    private SslCertBinding(HttpApi api, long set) {
        this.api = api;
        this.set = set;
    }

    static SslCertBinding add(HttpApi api, NativeArena arena, int port, int flags) {
        long set = arena.allocate(HttpServiceConfigSslSet.SIZE);
        NativeAccess.setMemory(set, HttpServiceConfigSslSet.SIZE, (byte) 0);
        long address = arena.allocate(SockaddrIn6.SIZE);
        Sockaddr.write(address, new InetSocketAddress("127.0.0.1", port));
        HttpServiceConfigSslKey.setIpPort(HttpServiceConfigSslSet.keyDesc(set), address);
        long param = HttpServiceConfigSslSet.paramDesc(set);
        long hash = arena.allocate(20);
        NativeAccess.setMemory(hash, 20, (byte) 0x5A);
        HttpServiceConfigSslParam.setSslHashLength(param, 20);
        HttpServiceConfigSslParam.setSslHash(param, hash);
        HttpServiceConfigSslParam.setAppId(param, UUID.fromString("4dc3e181-e14b-4a21-b022-59fc669b0914"));
        HttpServiceConfigSslParam.setDefaultFlags(param, flags);
        assertEquals(WinError.NO_ERROR, api.HttpSetServiceConfiguration(0, Http.HttpServiceConfigSSLCertInfo, set,
                HttpServiceConfigSslSet.SIZE, 0));
        return new SslCertBinding(api, set);
    }

    @Override
    public void close() {
        api.HttpDeleteServiceConfiguration(0, Http.HttpServiceConfigSSLCertInfo, set, HttpServiceConfigSslSet.SIZE, 0);
    }
}
