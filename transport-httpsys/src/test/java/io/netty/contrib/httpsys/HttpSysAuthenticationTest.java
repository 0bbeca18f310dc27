package io.netty.contrib.httpsys;

import io.netty.contrib.httpsys.HttpSysAuthentication.Scheme;
import io.netty.contrib.httpsys.nativeapi.Http;
import io.netty.contrib.httpsys.nativeapi.HttpApi;
import io.netty.contrib.httpsys.nativeapi.HttpSysBackend;
import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.struct.HttpPropertyFlags;
import io.netty.contrib.httpsys.nativeapi.struct.HttpServerAuthenticationBasicParams;
import io.netty.contrib.httpsys.nativeapi.struct.HttpServerAuthenticationDigestParams;
import io.netty.contrib.httpsys.nativeapi.struct.HttpServerAuthenticationInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link HttpSysAuthentication}: what reaches the URL group's {@code HTTP_SERVER_AUTHENTICATION_INFO} when the
 * server binds (read during the kernel call, on the emulator and on Windows alike), and the settings it refuses.
 */
@ExtendWith(LeakCheck.class)
@Timeout(60)
class HttpSysAuthenticationTest {

    /** The members of the {@code HTTP_SERVER_AUTHENTICATION_INFO} the kernel was given. */
    private record Passed(boolean present, int schemes, int receiveMutualAuth, int disableNtlmCaching, int exFlags,
                          String basicRealm, String digestRealm, String digestDomain) {
    }

    private static Passed bind(HttpSysAuthentication authentication) throws Exception {
        AtomicReference<Passed> passed = new AtomicReference<>();
        CallRecorder<HttpApi> kernel = CallRecorder.of(HttpApi.class, HttpSysBackend.current().httpApi())
                .observe("HttpSetUrlGroupProperty", args -> {
                    long info = (Long) args[2];
                    if ((Integer) args[1] == Http.HttpServerAuthenticationProperty
                            && (Integer) args[3] == HttpServerAuthenticationInfo.SIZE) {
                        long basic = HttpServerAuthenticationInfo.basicParams(info);
                        long digest = HttpServerAuthenticationInfo.digestParams(info);
                        passed.set(new Passed(HttpPropertyFlags.present(info + HttpServerAuthenticationInfo.FLAGS),
                                HttpServerAuthenticationInfo.authSchemes(info),
                                HttpServerAuthenticationInfo.receiveMutualAuth(info),
                                HttpServerAuthenticationInfo.disableNtlmCredentialCaching(info),
                                HttpServerAuthenticationInfo.exFlags(info),
                                NativeAccess.getUtf16String(HttpServerAuthenticationBasicParams.realm(basic),
                                        HttpServerAuthenticationBasicParams.realmLength(basic)),
                                NativeAccess.getUtf16String(HttpServerAuthenticationDigestParams.realm(digest),
                                        HttpServerAuthenticationDigestParams.realmLength(digest)),
                                NativeAccess.getUtf16String(HttpServerAuthenticationDigestParams.domainName(digest),
                                        HttpServerAuthenticationDigestParams.domainNameLength(digest))));
                    }
                });
        try (TestServer server = TestServer.builder().httpApi(kernel.proxy())
                .option(HttpSysChannelOption.AUTHENTICATION, authentication).start()) {
            assertEquals(authentication, server.channel().config().getOption(HttpSysChannelOption.AUTHENTICATION));
        }
        return passed.get();
    }

    @Test
    void everySettingReachesTheUrlGroup() throws Exception {
        HttpSysAuthentication authentication = HttpSysAuthentication.builder()
                .schemes(EnumSet.of(Scheme.NEGOTIATE, Scheme.NTLM, Scheme.DIGEST, Scheme.BASIC))
                .realm("Réalm").digestDomain("example.com").disableNtlmCredentialCaching(true)
                .enableKerberosCredentialCaching(true).captureCredentials(true).receiveMutualAuth(true).build();

        Passed passed = bind(authentication);

        assertNotNull(passed, "HttpServerAuthenticationProperty was never set on the URL group");
        assertTrue(passed.present());
        assertEquals(Http.HTTP_AUTH_ENABLE_NEGOTIATE | Http.HTTP_AUTH_ENABLE_NTLM | Http.HTTP_AUTH_ENABLE_DIGEST
                | Http.HTTP_AUTH_ENABLE_BASIC, passed.schemes());
        assertEquals(1, passed.receiveMutualAuth());
        assertEquals(1, passed.disableNtlmCaching());
        assertEquals(Http.HTTP_AUTH_EX_FLAG_ENABLE_KERBEROS_CREDENTIAL_CACHING
                | Http.HTTP_AUTH_EX_FLAG_CAPTURE_CREDENTIAL, passed.exFlags());
        assertEquals("Réalm", passed.basicRealm());
        assertEquals("Réalm", passed.digestRealm());
        assertEquals("example.com", passed.digestDomain());
    }

    @Test
    void defaultsLeaveKernelDefaults() throws Exception {
        Passed passed = bind(HttpSysAuthentication.builder().schemes(Scheme.BASIC).build());

        assertEquals(new Passed(true, Http.HTTP_AUTH_ENABLE_BASIC, 0, 0, 0, null, null, null), passed);
    }

    @Test
    void withoutASchemeTheUrlGroupIsLeftAlone() throws Exception {
        assertEquals(null, bind(HttpSysAuthentication.NONE));
    }

    @Test
    void refusingAnonymousRequestsNeedsAScheme() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HttpSysAuthentication.builder().allowAnonymous(false).build());
        assertTrue(e.getMessage().contains("allowAnonymous(false)"), e.getMessage());
    }

    @Test
    void kerberosFlagsNeedKerberosOrNegotiate() {
        assertThrows(IllegalArgumentException.class, () -> HttpSysAuthentication.builder().schemes(Scheme.NTLM)
                .enableKerberosCredentialCaching(true).build());
        assertThrows(IllegalArgumentException.class, () -> HttpSysAuthentication.builder().schemes(Scheme.BASIC)
                .captureCredentials(true).build());
        HttpSysAuthentication.builder().schemes(Scheme.KERBEROS).captureCredentials(true).build();
    }

    @Test
    void aRealmThatWouldBreakTheHeaderIsRefusedAndQuotesAreEscaped() {
        assertThrows(IllegalArgumentException.class, () -> HttpSysAuthentication.builder().realm("a\r\nX: y"));

        HttpSysAuthentication quoted = HttpSysAuthentication.builder().schemes(Scheme.BASIC).realm("say \"hi\"")
                .build();
        assertEquals(List.of("Basic realm=\"say \\\"hi\\\"\""), quoted.challenges());
    }

    @Test
    void toBuilderKeepsEverySetting() {
        HttpSysAuthentication authentication = HttpSysAuthentication.builder().schemes(Scheme.KERBEROS)
                .allowAnonymous(false).realm("r").digestDomain("d").disableNtlmCredentialCaching(true)
                .enableKerberosCredentialCaching(true).captureCredentials(true).receiveMutualAuth(true).build();

        assertEquals(authentication, authentication.toBuilder().build());
    }
}
