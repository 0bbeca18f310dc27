package io.netty.contrib.httpsys.nativeapi;

/**
 * The constants {@link TokenApi} callers pass or compare: the {@code TOKEN_INFORMATION_CLASS} that asks
 * {@code GetTokenInformation} for the token's user ({@code winnt.h}), and the {@code SECURITY_STATUS} codes
 * ({@code winerror.h}) that {@code HTTP_REQUEST_AUTH_INFO.SecStatus} carries when authentication failed. They are
 * kept together because only authentication uses them. Named verbatim as in the SDK.
 */
@NativeConstants("winnt.h")
public final class WinNt {

    // TOKEN_INFORMATION_CLASS: GetTokenInformation returns a TOKEN_USER.
    public static final int TokenUser = 1;

    // SECURITY_STATUS of a failed logon: wrong user name or password, and a token the package could not read.
    public static final int SEC_E_LOGON_DENIED = 0x8009030C;
    public static final int SEC_E_INVALID_TOKEN = 0x80090308;

    private WinNt() {
    }
}
