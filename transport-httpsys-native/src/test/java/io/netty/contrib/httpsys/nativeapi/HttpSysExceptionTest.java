package io.netty.contrib.httpsys.nativeapi;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HttpSysExceptionTest {

    private static final String PREFIX = "http://+:8123/app/";

    @Test
    void carriesCodeNameFunctionAndObject() {
        HttpSysException e = HttpSysException.forUrlPrefix("HttpAddUrlToUrlGroup", 5, PREFIX);
        assertAll(
            () -> assertEquals(5, e.errorCode()),
            () -> assertEquals("ERROR_ACCESS_DENIED", e.errorName()),
            () -> assertEquals("HttpAddUrlToUrlGroup", e.function()),
            () -> assertEquals(PREFIX, e.object()),
            () -> assertTrue(e.getMessage().startsWith(
                    "HttpAddUrlToUrlGroup(" + PREFIX + ") failed: 5 ERROR_ACCESS_DENIED: "), e.getMessage()));
    }

    @Test
    void accessDeniedOnPrefixGivesTheUrlAclCommandForThisUser() {
        String message = HttpSysException.forUrlPrefix("HttpAddUrlToUrlGroup", 5, PREFIX).getMessage();
        String user = System.getProperty("user.name");
        String domain = System.getenv("USERDOMAIN");
        String account = domain == null || domain.isEmpty() ? user : domain + '\\' + user;
        if (account.chars().anyMatch(Character::isWhitespace)) {
            account = '"' + account + '"';
        }
        assertTrue(message.contains("netsh http add urlacl url=" + PREFIX + " user=" + account), message);
        assertTrue(message.contains("elevated"), message);
    }

    @Test
    void accessDeniedWithoutPrefixSaysRunElevated() {
        String message = HttpSysException.of("HttpSetServiceConfiguration", 5).getMessage();
        assertTrue(message.contains("elevated"), message);
        assertTrue(!message.contains("url="), message);
    }

    @Test
    void alreadyExistsNamesThePrefixAndTheNetshCommands() {
        String message = HttpSysException.forUrlPrefix("HttpAddUrlToUrlGroup", 183, PREFIX).getMessage();
        assertTrue(message.contains("ERROR_ALREADY_EXISTS"), message);
        assertTrue(message.contains("already registered " + PREFIX), message);
        assertTrue(message.contains("trailing slash"), message);
        assertTrue(message.contains("netsh http show servicestate"), message);
        assertTrue(message.contains("netsh http show urlacl"), message);
    }

    @Test
    void sharingViolationShowsHowToFindThePortOwner() {
        String message = HttpSysException.forUrlPrefix("HttpAddUrlToUrlGroup", 32, PREFIX).getMessage();
        assertTrue(message.contains("ERROR_SHARING_VIOLATION"), message);
        assertTrue(message.contains("port 8123"), message);
        assertTrue(message.endsWith(HttpSysException.portInUseAdvice(8123, System.getProperty("os.name"))), message);
    }

    @Test
    void onWindowsThePortOwnerIsFoundWithNetstat() {
        String advice = HttpSysException.portInUseAdvice(8123, "Windows Server 2022");
        assertTrue(advice.contains("plain socket rather than through HTTP.SYS"), advice);
        assertTrue(advice.contains("netstat -ano | findstr :8123"), advice);
        assertFalse(advice.contains("emulator"), advice);
    }

    @Test
    void onLinuxThePortOwnerMayBeAnotherEmulatorJvmFoundWithSs() {
        String advice = HttpSysException.portInUseAdvice(8123, "Linux");
        assertTrue(advice.contains("another process, possibly another JVM running the emulator"), advice);
        assertTrue(advice.contains("ss -ltnp | grep :8123"), advice);
        assertFalse(advice.contains("netstat"), advice);
        assertTrue(HttpSysException.portInUseAdvice(8123, "Mac OS X").contains("lsof -nP -iTCP:8123 -sTCP:LISTEN"));
    }

    @Test
    void withoutAPrefixTheAdviceStillNamesTheCommand() {
        String message = HttpSysException.of("HttpAddUrlToUrlGroup", 32).getMessage();
        assertTrue(message.endsWith(HttpSysException.portInUseAdvice(-1, System.getProperty("os.name"))), message);
        assertTrue(HttpSysException.portInUseAdvice(-1, "Linux").contains("ss -ltnp | grep :<port>"));
    }

    @Test
    void invalidParameterNamesTheBrokenRule() {
        String noSlash = HttpSysException.forUrlPrefix("HttpAddUrlToUrlGroup", 87, "http://+:8123/app").getMessage();
        assertTrue(noSlash.contains(UrlPrefixRules.Rule.TRAILING_SLASH.description()), noSlash);
        assertTrue(!noSlash.contains(UrlPrefixRules.Rule.EXPLICIT_PORT.description()), noSlash);

        String noPort = HttpSysException.forUrlPrefix("HttpAddUrlToUrlGroup", 87, "http://+/app/").getMessage();
        assertTrue(noPort.contains(UrlPrefixRules.Rule.EXPLICIT_PORT.description()), noPort);
        assertTrue(!noPort.contains(UrlPrefixRules.Rule.TRAILING_SLASH.description()), noPort);

        String query = HttpSysException.forUrlPrefix("HttpAddUrlToUrlGroup", 87, "ftp://+:21/a/?q").getMessage();
        assertTrue(query.contains(UrlPrefixRules.Rule.SCHEME.description()), query);
        assertTrue(query.contains(UrlPrefixRules.Rule.NO_QUERY.description()), query);
    }

    @Test
    void invalidParameterOnAWellFormedPrefixBlamesAnotherArgument() {
        String message = HttpSysException.forUrlPrefix("HttpAddUrlToUrlGroup", 87, PREFIX).getMessage();
        assertTrue(message.contains("well-formed"), message);
    }

    @Test
    void shortMeaningsOfCommonCompletionErrors() {
        assertTrue(HttpSysException.of("HttpSendHttpResponse", 1229).getMessage()
                .contains("ERROR_CONNECTION_INVALID: the client's connection is gone"));
        assertTrue(HttpSysException.of("HttpReceiveHttpRequest", 995).getMessage()
                .contains("ERROR_OPERATION_ABORTED: the I/O was cancelled"));
        assertTrue(HttpSysException.of("HttpDelegateRequestEx", 127).getMessage()
                .contains("needs a newer Windows"));
    }

    @Test
    void unknownCodesStillNameTheCode() {
        HttpSysException e = HttpSysException.of("HttpCreateUrlGroup", 4242);
        assertEquals("HttpCreateUrlGroup failed: 4242 ERROR_4242", e.getMessage());
        assertNull(e.object());
    }

    @Test
    void checkThrowsOnlyOnFailure() {
        assertDoesNotThrow(() -> HttpSysException.check(0, "HttpInitialize"));
        HttpSysException e = assertThrows(HttpSysException.class, () -> HttpSysException.check(1306,
                "HttpCreateServerSession"));
        assertEquals(1306, e.errorCode());
        assertEquals("HttpCreateServerSession", e.function());

        assertDoesNotThrow(() -> HttpSysException.checkUrlPrefix(0, "HttpAddUrlToUrlGroup", PREFIX));
        HttpSysException prefixed = assertThrows(HttpSysException.class,
                () -> HttpSysException.checkUrlPrefix(183, "HttpAddUrlToUrlGroup", PREFIX));
        assertEquals(PREFIX, prefixed.object());
    }
}
