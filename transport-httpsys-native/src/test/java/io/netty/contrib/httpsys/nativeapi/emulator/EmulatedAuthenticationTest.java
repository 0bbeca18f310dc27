package io.netty.contrib.httpsys.nativeapi.emulator;

import io.netty.contrib.httpsys.nativeapi.Http;
import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.NativeMemory;
import io.netty.contrib.httpsys.nativeapi.WinError;
import io.netty.contrib.httpsys.nativeapi.WinNt;
import io.netty.contrib.httpsys.nativeapi.struct.HttpRequestAuthInfo;
import io.netty.contrib.httpsys.nativeapi.struct.HttpRequestInfo;
import io.netty.contrib.httpsys.nativeapi.struct.HttpRequestV2;
import io.netty.contrib.httpsys.nativeapi.struct.HttpServerAuthenticationInfo;
import io.netty.contrib.httpsys.nativeapi.struct.HttpSslProtocolInfo;
import io.netty.contrib.httpsys.nativeapi.struct.TokenUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The emulator's side of authentication without sockets: what {@link RequestAuthentication} concludes from an
 * {@code Authorization} header, the {@code HttpRequestInfoTypeAuth} entry the marshaller writes (beside the TLS
 * entry of an HTTPS request), and the emulated token functions' buffer-size contract, which Windows documents
 * and the transport relies on (ask for the size, then read).
 */
class EmulatedAuthenticationTest {

    private static final Kernel KERNEL = new Kernel();

    @TempDir
    static Path directory;

    @BeforeAll
    static void accounts() throws Exception {
        Path credentials = Files.writeString(directory.resolve("credentials"), "alice:secret\n");
        System.setProperty(EmulatedAccounts.CREDENTIALS_PROPERTY, credentials.toString());
    }

    @AfterAll
    static void forgetAccounts() {
        System.clearProperty(EmulatedAccounts.CREDENTIALS_PROPERTY);
    }

    private static AuthenticationSettings settings(int schemes, boolean receiveMutualAuth) {
        GroupProperties properties = new GroupProperties();
        long info = NativeMemory.allocate(HttpServerAuthenticationInfo.SIZE);
        try {
            NativeAccess.putInt(info + HttpServerAuthenticationInfo.FLAGS, 1);
            HttpServerAuthenticationInfo.setAuthSchemes(info, schemes);
            HttpServerAuthenticationInfo.setReceiveMutualAuth(info, (byte) (receiveMutualAuth ? 1 : 0));
            assertEquals(WinError.NO_ERROR, AuthenticationSettings.set(properties, info,
                    HttpServerAuthenticationInfo.SIZE));
        } finally {
            NativeMemory.free(info, HttpServerAuthenticationInfo.SIZE);
        }
        return properties.authentication;
    }

    private static ParsedRequest get(String authorization) {
        List<RequestHeader> headers = authorization == null ? List.of(header("Host", "localhost"))
                : List.of(header("Host", "localhost"), header("Authorization", authorization));
        return new ParsedRequest("GET", "/".getBytes(StandardCharsets.US_ASCII), "https", "localhost", "/", null, 1, 1,
                headers, -1, false, true, false, 80);
    }

    private static RequestHeader header(String name, String value) {
        return new RequestHeader(name.getBytes(StandardCharsets.ISO_8859_1),
                value.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static RequestAuthentication authenticate(int schemes, String authorization) {
        return RequestAuthentication.of(get(authorization), settings(schemes, false), KERNEL.accounts());
    }

    @Test
    void basicAgainstTheCredentialsFile() {
        RequestAuthentication ok = authenticate(Http.HTTP_AUTH_ENABLE_BASIC, "Basic " + base64("ALICE:secret"));
        RequestAuthentication wrong = authenticate(Http.HTTP_AUTH_ENABLE_BASIC, "Basic " + base64("alice:Secret"));
        RequestAuthentication garbage = authenticate(Http.HTTP_AUTH_ENABLE_BASIC, "Basic %%%");

        assertEquals(Http.HttpAuthStatusSuccess, ok.status());
        assertEquals("alice", ok.account().user, "account names are case-insensitive, the file's spelling wins");
        assertEquals(Http.HttpAuthStatusFailure, wrong.status());
        assertEquals(WinNt.SEC_E_LOGON_DENIED, wrong.securityStatus());
        assertEquals(Http.HttpRequestAuthTypeBasic, wrong.type());
        assertEquals(Http.HttpAuthStatusFailure, garbage.status());
    }

    @Test
    void credentialsOfASchemeTheGroupDoesNotEnableAreIgnored() {
        RequestAuthentication basicOnNegotiate = authenticate(Http.HTTP_AUTH_ENABLE_NEGOTIATE,
                "Basic " + base64("alice:secret"));
        RequestAuthentication none = authenticate(Http.HTTP_AUTH_ENABLE_BASIC, null);

        assertEquals(Http.HttpAuthStatusNotAuthenticated, basicOnNegotiate.status());
        assertEquals(Http.HttpRequestAuthTypeNone, basicOnNegotiate.type());
        assertEquals(Http.HttpAuthStatusNotAuthenticated, none.status());
    }

    @Test
    void negotiateTestDoubleAcceptsOnlyItsOwnTokenForAKnownAccount() {
        RequestAuthentication ok = authenticate(Http.HTTP_AUTH_ENABLE_NEGOTIATE,
                "Negotiate " + base64("emulator-test:alice"));
        RequestAuthentication unknown = authenticate(Http.HTTP_AUTH_ENABLE_NEGOTIATE,
                "Negotiate " + base64("emulator-test:mallory"));
        RequestAuthentication realSpnego = authenticate(Http.HTTP_AUTH_ENABLE_NEGOTIATE,
                "Negotiate YIIGhgYGKwYBBQUCoIIGejCCBnagMDAu");

        assertEquals(Http.HttpAuthStatusSuccess, ok.status());
        assertEquals("Negotiate " + base64("emulator-test-mutual:alice"), ok.kernelMutualAuthHeader());
        assertEquals(WinNt.SEC_E_INVALID_TOKEN, unknown.securityStatus());
        assertEquals(Http.HttpAuthStatusFailure, realSpnego.status());
    }

    @Test
    void httpsRequestCarriesTheTlsAndTheAuthEntries() throws Exception {
        RequestAuthentication authentication = RequestAuthentication.of(
                get("Negotiate " + base64("emulator-test:alice")),
                settings(Http.HTTP_AUTH_ENABLE_NEGOTIATE, true), KERNEL.accounts());
        InetAddress loopback = InetAddress.getLoopbackAddress();
        ConnectionInfo connection = new ConnectionInfo(7, new InetSocketAddress(loopback, 40000),
                new InetSocketAddress(loopback, 443), new SslDetails(256, 2048, "CN=Test CA", "CN=localhost",
                "TLSv1.3", "TLS_AES_256_GCM_SHA384", null));
        int length = 4096;
        long buffer = NativeMemory.allocate(length);
        try {
            RequestMarshaller.Result result = RequestMarshaller.marshal(get(null), connection, 9, 0, 0, 0, null, 0,
                    buffer, length, authentication, 0x4854_0000_0000_1000L);

            assertEquals(WinError.NO_ERROR, result.error());
            assertEquals(2, HttpRequestV2.requestInfoCount(buffer));
            long array = HttpRequestV2.requestInfo(buffer);
            assertEquals(Http.HttpRequestInfoTypeSslProtocol, HttpRequestInfo.infoType(HttpRequestInfo.at(array, 0)));
            assertEquals(HttpSslProtocolInfo.SIZE, HttpRequestInfo.infoLength(HttpRequestInfo.at(array, 0)));
            long entry = HttpRequestInfo.at(array, 1);
            assertEquals(Http.HttpRequestInfoTypeAuth, HttpRequestInfo.infoType(entry));
            assertEquals(HttpRequestAuthInfo.SIZE, HttpRequestInfo.infoLength(entry));
            long info = HttpRequestInfo.info(entry);
            assertEquals(0, (info - buffer) % 8, "HTTP_REQUEST_AUTH_INFO is 8-byte aligned");
            assertTrue(info > buffer && info + HttpRequestAuthInfo.SIZE <= buffer + result.bytesReturned());
            assertEquals(Http.HttpAuthStatusSuccess, HttpRequestAuthInfo.authStatus(info));
            assertEquals(Http.HttpRequestAuthTypeNegotiate, HttpRequestAuthInfo.authType(info));
            assertEquals(0x4854_0000_0000_1000L, HttpRequestAuthInfo.accessToken(info));
            long data = HttpRequestAuthInfo.mutualAuthData(info);
            byte[] mutual = new byte[HttpRequestAuthInfo.mutualAuthDataLength(info)];
            NativeAccess.copyMemory(data, mutual, 0, mutual.length);
            assertEquals(base64("emulator-test-mutual:alice"), new String(mutual, StandardCharsets.US_ASCII));
            assertTrue(data > buffer && data + mutual.length <= buffer + result.bytesReturned());
        } finally {
            NativeMemory.free(buffer, length);
        }
    }

    @Test
    void tokenFunctionsAnswerForTheAccountTheTokenWasIssuedTo() {
        EmulatedAccount alice = KERNEL.accounts().verify("alice", "secret");
        long token = KERNEL.handles().register(HandleTable.HANDLE_TAG, new EmulatedAccessToken(alice));
        EmulatedTokenApi api = new EmulatedTokenApi(KERNEL);
        long scratch = NativeMemory.allocate(256);
        try {
            // Asked without a buffer: the size needed and ERROR_INSUFFICIENT_BUFFER, as GetTokenInformation does.
            assertFalse(api.GetTokenInformation(token, WinNt.TokenUser, 0, 0, scratch));
            assertEquals(WinError.ERROR_INSUFFICIENT_BUFFER, api.GetLastError());
            int size = NativeAccess.getInt(scratch);
            assertEquals(TokenUser.SIZE + 8 + 4 * 5, size);
            long tokenUser = scratch + 8;
            assertTrue(api.GetTokenInformation(token, WinNt.TokenUser, tokenUser, size, scratch));
            long sid = TokenUser.userSid(tokenUser);
            assertEquals(tokenUser + TokenUser.SIZE, sid, "the SID follows the TOKEN_USER in the same buffer");

            long sidOut = scratch + 128;
            assertTrue(api.ConvertSidToStringSidW(sid, sidOut));
            long sidString = NativeAccess.getLong(sidOut);
            assertEquals("S-1-5-21-1000000001-1000000002-1000000003-1000", wide(sidString));
            assertEquals(0, api.LocalFree(sidString));
            assertEquals(sidString, api.LocalFree(sidString), "freed twice");

            long lengths = scratch + 136;
            NativeAccess.putInt(lengths, 2);
            NativeAccess.putInt(lengths + 4, 2);
            assertFalse(api.LookupAccountSidW(0, sid, scratch + 160, lengths, scratch + 200, lengths + 4, 0));
            assertEquals(WinError.ERROR_INSUFFICIENT_BUFFER, api.GetLastError());
            assertEquals("alice".length() + 1, NativeAccess.getInt(lengths));
            assertEquals(EmulatedAccounts.DEFAULT_DOMAIN.length() + 1, NativeAccess.getInt(lengths + 4));
            assertTrue(api.LookupAccountSidW(0, sid, scratch + 160, lengths, scratch + 200, lengths + 4, 0));
            assertEquals("alice", wide(scratch + 160));
            assertEquals(EmulatedAccounts.DEFAULT_DOMAIN, wide(scratch + 200));
        } finally {
            NativeMemory.free(scratch, 256);
        }
        assertTrue(new EmulatedIoCompletion(KERNEL, new EmulatedHttpApi(KERNEL)).CloseHandle(token));
        assertFalse(api.GetTokenInformation(token, WinNt.TokenUser, 0, 0, 0));
        assertEquals(WinError.ERROR_INVALID_HANDLE, api.GetLastError());
        assertNull(KERNEL.handles().get(token, EmulatedAccessToken.class));
    }

    private static String wide(long address) {
        StringBuilder text = new StringBuilder();
        for (long at = address; NativeAccess.getShort(at) != 0; at += 2) {
            text.append((char) NativeAccess.getShort(at));
        }
        return text.toString();
    }
}
