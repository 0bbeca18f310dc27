package io.netty.contrib.httpsys.nativeapi.emulator;

import io.netty.contrib.httpsys.nativeapi.Http;
import io.netty.contrib.httpsys.nativeapi.WinNt;
import io.netty.handler.codec.http.HttpHeaderNames;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * What the emulated kernel concluded about a request's credentials, for its {@code HTTP_REQUEST_AUTH_INFO}: the
 * {@code HTTP_AUTH_STATUS}, the {@code SECURITY_STATUS} of a failure, the {@code HTTP_REQUEST_AUTH_TYPE}, the
 * account a token is issued to on success, and the mutual-authentication header the kernel adds to the response.
 *
 * <p>As HTTP.SYS does, the kernel only authenticates; it refuses nothing. A request without credentials, or with
 * credentials that fail, still reaches the application (status {@code HttpAuthStatusNotAuthenticated} or
 * {@code HttpAuthStatusFailure}), which answers {@code 401} with its challenges when it wants a user (ASP.NET
 * Core's {@code HttpSysListener.ValidateRequest} with {@code AllowAnonymous = false}).
 *
 * @param status             {@code HTTP_AUTH_STATUS}
 * @param securityStatus     {@code SecStatus}: why authentication failed, else 0
 * @param type               {@code HTTP_REQUEST_AUTH_TYPE} attempted or established
 * @param account            the authenticated account, or {@code null}
 * @param mutualAuthHeader   the {@code WWW-Authenticate} value that completes a Negotiate handshake, or {@code null}
 * @param receiveMutualAuth  whether the application receives it ({@code pMutualAuthData}) instead of the kernel
 *                           adding it to the response
 */
record RequestAuthentication(int status, int securityStatus, int type, EmulatedAccount account,
                             String mutualAuthHeader, boolean receiveMutualAuth) {

    private static final RequestAuthentication ANONYMOUS =
            new RequestAuthentication(Http.HttpAuthStatusNotAuthenticated, 0, Http.HttpRequestAuthTypeNone, null, null,
                    false);

    /**
     * Authenticates {@code request} as a URL group with {@code settings} does: Basic against {@code accounts},
     * Negotiate through the {@link NegotiateTestDouble}. Credentials of a scheme the group does not enable are
     * ignored, as if absent.
     */
    static RequestAuthentication of(ParsedRequest request, AuthenticationSettings settings,
                                    EmulatedAccounts accounts) {
        String authorization = authorization(request);
        if (authorization == null) {
            return ANONYMOUS;
        }
        int space = authorization.indexOf(' ');
        String scheme = space < 0 ? authorization : authorization.substring(0, space);
        String credentials = space < 0 ? "" : authorization.substring(space + 1).trim();
        if ("Basic".equalsIgnoreCase(scheme) && settings.enables(Http.HTTP_AUTH_ENABLE_BASIC)) {
            EmulatedAccount account = basic(credentials, accounts);
            return account == null
                    ? failure(WinNt.SEC_E_LOGON_DENIED, Http.HttpRequestAuthTypeBasic)
                    : new RequestAuthentication(Http.HttpAuthStatusSuccess, 0, Http.HttpRequestAuthTypeBasic,
                            account, null, false);
        }
        if ("Negotiate".equalsIgnoreCase(scheme) && settings.enables(Http.HTTP_AUTH_ENABLE_NEGOTIATE)) {
            EmulatedAccount account = NegotiateTestDouble.accept(credentials, accounts);
            return account == null
                    ? failure(WinNt.SEC_E_INVALID_TOKEN, Http.HttpRequestAuthTypeNegotiate)
                    : new RequestAuthentication(Http.HttpAuthStatusSuccess, 0, Http.HttpRequestAuthTypeNegotiate,
                            account, NegotiateTestDouble.mutualAuthentication(account), settings.receiveMutualAuth);
        }
        return ANONYMOUS;
    }

    boolean succeeded() {
        return status == Http.HttpAuthStatusSuccess;
    }

    /**
     * {@code pMutualAuthData} ("the Base64 encoded mutual authentication data used in the WWW-Authenticate
     * header", HTTP_REQUEST_AUTH_INFO), when the application receives it; else {@code null}.
     */
    String mutualAuthData() {
        if (!receiveMutualAuth || mutualAuthHeader == null) {
            return null;
        }
        return mutualAuthHeader.substring(mutualAuthHeader.indexOf(' ') + 1);
    }

    /** The {@code WWW-Authenticate} value the kernel adds to the response itself, or {@code null}. */
    String kernelMutualAuthHeader() {
        return receiveMutualAuth ? null : mutualAuthHeader;
    }

    private static RequestAuthentication failure(int securityStatus, int type) {
        return new RequestAuthentication(Http.HttpAuthStatusFailure, securityStatus, type, null, null, false);
    }

    private static EmulatedAccount basic(String credentials, EmulatedAccounts accounts) {
        String decoded;
        try {
            // RFC 7617: user-id ":" password; the user-id holds no colon.
            decoded = new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
        int colon = decoded.indexOf(':');
        return colon <= 0 ? null : accounts.verify(decoded.substring(0, colon), decoded.substring(colon + 1));
    }

    private static String authorization(ParsedRequest request) {
        for (RequestHeader header : request.headers()) {
            if (KernelResponseWriter.is(header.name(), HttpHeaderNames.AUTHORIZATION)) {
                return new String(header.value(), StandardCharsets.ISO_8859_1);
            }
        }
        return null;
    }
}
