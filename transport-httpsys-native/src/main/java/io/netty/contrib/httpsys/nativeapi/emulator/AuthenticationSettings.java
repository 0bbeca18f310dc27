package io.netty.contrib.httpsys.nativeapi.emulator;

import io.netty.contrib.httpsys.nativeapi.Http;
import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.WinError;
import io.netty.contrib.httpsys.nativeapi.struct.HttpPropertyFlags;
import io.netty.contrib.httpsys.nativeapi.struct.HttpServerAuthenticationBasicParams;
import io.netty.contrib.httpsys.nativeapi.struct.HttpServerAuthenticationInfo;

/**
 * A URL group's or server session's {@code HttpServerAuthenticationProperty}, as the emulator uses it: the
 * enabled {@code HTTP_AUTH_ENABLE_*} schemes, whether the application receives the mutual-authentication data
 * instead of the kernel sending it, and the Basic realm. The other members (NTLM and Kerberos credential
 * caching, captured credentials, Digest parameters) are accepted and have nothing to act on here.
 */
final class AuthenticationSettings {

    private static final int HTTP_AUTH_ENABLE_ALL = Http.HTTP_AUTH_ENABLE_BASIC | Http.HTTP_AUTH_ENABLE_DIGEST
            | Http.HTTP_AUTH_ENABLE_NTLM | Http.HTTP_AUTH_ENABLE_NEGOTIATE | Http.HTTP_AUTH_ENABLE_KERBEROS;

    final int schemes;
    final boolean receiveMutualAuth;
    final String basicRealm;

    private AuthenticationSettings(int schemes, boolean receiveMutualAuth, String basicRealm) {
        this.schemes = schemes;
        this.receiveMutualAuth = receiveMutualAuth;
        this.basicRealm = basicRealm;
    }

    boolean enables(int scheme) {
        return (schemes & scheme) != 0;
    }

    /**
     * Applies an {@code HTTP_SERVER_AUTHENTICATION_INFO} to {@code properties}: {@code Present} clear, or no
     * scheme, turns authentication off.
     */
    static int set(GroupProperties properties, long info, int length) {
        if (length != HttpServerAuthenticationInfo.SIZE) {
            return WinError.ERROR_INVALID_PARAMETER;
        }
        int schemes = HttpServerAuthenticationInfo.authSchemes(info);
        if ((schemes & ~HTTP_AUTH_ENABLE_ALL) != 0) {
            return WinError.ERROR_INVALID_PARAMETER;
        }
        if (!HttpPropertyFlags.present(info + HttpServerAuthenticationInfo.FLAGS) || schemes == 0) {
            properties.authentication = null;
            return WinError.NO_ERROR;
        }
        long basic = HttpServerAuthenticationInfo.basicParams(info);
        int realmLength = HttpServerAuthenticationBasicParams.realmLength(basic);
        properties.authentication = new AuthenticationSettings(schemes,
                HttpServerAuthenticationInfo.receiveMutualAuth(info) != 0,
                realmLength == 0 ? null
                        : NativeAccess.getUtf16String(HttpServerAuthenticationBasicParams.realm(basic), realmLength));
        return WinError.NO_ERROR;
    }
}
