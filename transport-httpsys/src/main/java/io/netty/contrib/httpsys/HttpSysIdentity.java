package io.netty.contrib.httpsys;

import io.netty.contrib.httpsys.nativeapi.Http;
import io.netty.contrib.httpsys.nativeapi.HttpSysBackend;
import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.struct.HttpRequestAuthInfo;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What HTTP.SYS's authentication concluded about one request ({@code HTTP_REQUEST_AUTH_INFO}), when the server
 * channel enables {@link HttpSysChannelOption#AUTHENTICATION}: the status, the scheme, and for an authenticated
 * user the account name, the SID and the access token for impersonation.
 *
 * <p>Who closes the token: Microsoft's documentation of {@code HTTP_REQUEST_AUTH_INFO} says the application closes
 * {@code AccessToken} with {@code CloseHandle} when it no longer needs it, and that the token is valid for the
 * request's lifetime only (ASP.NET Core duplicates it into a {@code WindowsIdentity} and closes the original in
 * {@code NativeRequestContext.GetUser}). Here the transport closes it when the request's channel closes, unless
 * the application called {@link #takeAccessToken()}: from then on the application owns the handle and must close
 * it itself ({@code CloseHandle}, for example through JNA's {@code Kernel32}), or the process leaks it.
 *
 * <p>The account name and SID are looked up on first use ({@code GetTokenInformation}, {@code LookupAccountSidW},
 * {@code ConvertSidToStringSidW}), so a request whose handler never asks costs no call: ask while the request
 * channel is open, or take the token. Thread-safe.
 */
public final class HttpSysIdentity {

    /** {@code HTTP_AUTH_STATUS}. */
    public enum Status {
        /** The client authenticated ({@code HttpAuthStatusSuccess}). */
        SUCCESS,
        /** The request carried no credentials of an enabled scheme ({@code HttpAuthStatusNotAuthenticated}). */
        NOT_AUTHENTICATED,
        /** The credentials were refused ({@code HttpAuthStatusFailure}); {@link #securityStatus()} says why. */
        FAILURE
    }

    private final Status status;
    private final int securityStatus;
    private final HttpSysAuthentication.Scheme scheme;
    private final String mutualAuthData;
    private final AtomicLong accessToken;
    private volatile TokenUserLookup.User user;

    private HttpSysIdentity(Status status, int securityStatus, HttpSysAuthentication.Scheme scheme,
                            long accessToken, String mutualAuthData) {
        this.status = status;
        this.securityStatus = securityStatus;
        this.scheme = scheme;
        this.accessToken = new AtomicLong(accessToken);
        this.mutualAuthData = mutualAuthData;
    }

    /**
     * Reads the {@code HTTP_REQUEST_AUTH_INFO} at {@code address}. Members other than
     * AuthStatus, SecStatus and AuthType are only read for a success, as the documentation says to disregard them
     * otherwise.
     */
    static HttpSysIdentity read(long address) {
        Status status = switch (HttpRequestAuthInfo.authStatus(address)) {
            case Http.HttpAuthStatusSuccess -> Status.SUCCESS;
            case Http.HttpAuthStatusFailure -> Status.FAILURE;
            default -> Status.NOT_AUTHENTICATED;
        };
        boolean success = status == Status.SUCCESS;
        return new HttpSysIdentity(status, HttpRequestAuthInfo.secStatus(address),
                scheme(HttpRequestAuthInfo.authType(address)),
                success ? HttpRequestAuthInfo.accessToken(address) : 0,
                success ? ansi(HttpRequestAuthInfo.mutualAuthData(address),
                        HttpRequestAuthInfo.mutualAuthDataLength(address)) : null);
    }

    public Status status() {
        return status;
    }

    /** Whether the client authenticated: {@link #status()} is {@link Status#SUCCESS}. */
    public boolean isAuthenticated() {
        return status == Status.SUCCESS;
    }

    /** The scheme attempted or established ({@code AuthType}), or {@code null} when none was attempted. */
    public HttpSysAuthentication.Scheme scheme() {
        return scheme;
    }

    /** {@code SecStatus}: the {@code SECURITY_STATUS} of a {@link Status#FAILURE} ({@code SEC_E_*}), else 0. */
    public int securityStatus() {
        return securityStatus;
    }

    /**
     * The account name as Windows writes it, domain, backslash, user ({@code CONTOSO\alice}); the SID string when
     * the SID maps to no account; {@code null} unless {@link #isAuthenticated()}.
     *
     * @throws IllegalStateException when first asked after the token was closed or taken
     */
    public String userName() {
        TokenUserLookup.User resolved = resolve();
        return resolved == null ? null : resolved.accountName() != null ? resolved.accountName() : resolved.sid();
    }

    /**
     * The user's SID ({@code S-1-5-21-...}), or {@code null} unless {@link #isAuthenticated()}.
     *
     * @throws IllegalStateException when first asked after the token was closed or taken
     */
    public String sid() {
        TokenUserLookup.User resolved = resolve();
        return resolved == null ? null : resolved.sid();
    }

    /**
     * The server's final Negotiate token for the client ({@code pMutualAuthData}), when the channel's
     * {@link HttpSysAuthentication#receiveMutualAuth()} asked for it; send it as {@code WWW-Authenticate}.
     * {@code null} otherwise (the kernel then sends it itself).
     */
    public String mutualAuthData() {
        return mutualAuthData;
    }

    /**
     * The access token ({@code HANDLE}) while the transport owns it, for impersonation during the request; 0
     * once the request channel closed, after {@link #takeAccessToken()}, or unless {@link #isAuthenticated()}.
     * Do not close it: the transport does.
     */
    public long accessToken() {
        return accessToken.get();
    }

    /**
     * Takes the access token out of the transport's hands: it is no longer closed with the request channel, and
     * the caller must close it with {@code CloseHandle} when done. The account name and SID are looked up first,
     * so {@link #userName()} and {@link #sid()} keep answering. Returns 0 when there is no token to take (not
     * authenticated, already taken, or the request channel closed).
     */
    public long takeAccessToken() {
        if (accessToken.get() != 0) {
            resolve();
        }
        return accessToken.getAndSet(0);
    }

    /** Closes the access token unless the application took it; from the request channel's close. Idempotent. */
    void closeAccessToken() {
        long token = accessToken.getAndSet(0);
        if (token != 0) {
            HttpSysBackend.current().ioCompletion().CloseHandle(token);
        }
    }

    private TokenUserLookup.User resolve() {
        TokenUserLookup.User resolved = user;
        if (resolved != null || !isAuthenticated()) {
            return resolved;
        }
        synchronized (this) {
            if (user == null) {
                long token = accessToken.get();
                if (token == 0) {
                    throw new IllegalStateException("the access token was closed with its request (or taken): ask "
                            + "for the user while the request channel is open");
                }
                user = TokenUserLookup.lookup(HttpSysBackend.current().tokenApi(), token);
            }
            return user;
        }
    }

    private static HttpSysAuthentication.Scheme scheme(int authType) {
        return switch (authType) {
            case Http.HttpRequestAuthTypeBasic -> HttpSysAuthentication.Scheme.BASIC;
            case Http.HttpRequestAuthTypeDigest -> HttpSysAuthentication.Scheme.DIGEST;
            case Http.HttpRequestAuthTypeNTLM -> HttpSysAuthentication.Scheme.NTLM;
            case Http.HttpRequestAuthTypeNegotiate -> HttpSysAuthentication.Scheme.NEGOTIATE;
            case Http.HttpRequestAuthTypeKerberos -> HttpSysAuthentication.Scheme.KERBEROS;
            default -> null;
        };
    }

    /** {@code pMutualAuthData}: Base64 text, {@code MutualAuthDataLength} bytes. */
    private static String ansi(long address, int length) {
        if (address == 0 || length <= 0) {
            return null;
        }
        byte[] bytes = new byte[length];
        NativeAccess.copyMemory(address, bytes, 0, length);
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    @Override
    public String toString() {
        return "HttpSysIdentity(" + status + (scheme == null ? "" : ", " + scheme)
                + (user == null ? "" : ", " + userName()) + ')';
    }
}
