package io.netty.contrib.httpsys.nativeapi;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.util.AsciiString;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HttpKnownHeadersTest {

    /**
     * Every {@code HttpHeaderXxx} id of {@link Http} names the header whose canonical spelling, without dashes,
     * is {@code Xxx} ignoring case ({@code HttpHeaderWwwAuthenticate} = "WWW-Authenticate"). Checked against the
     * SDK constants so that a name in the wrong slot fails here rather than on the wire.
     */
    @Test
    void everyIdOfHttpNamesItsHeader() throws IllegalAccessException {
        Set<Integer> requestIds = new HashSet<>();
        Set<Integer> responseIds = new HashSet<>();
        for (Field field : Http.class.getFields()) {
            String constant = field.getName();
            if (!Modifier.isStatic(field.getModifiers()) || !constant.startsWith("HttpHeader")
                    || constant.endsWith("Maximum")) {
                continue;
            }
            String expected = constant.substring("HttpHeader".length());
            int id = field.getInt(null);
            boolean request = id < Http.HttpHeaderRequestMaximum
                    && undashed(HttpKnownHeaders.requestHeaderName(id)).equalsIgnoreCase(expected);
            boolean response = id < Http.HttpHeaderResponseMaximum
                    && undashed(HttpKnownHeaders.responseHeaderName(id)).equalsIgnoreCase(expected);
            assertTrue(request || response, constant + " = " + id + " names neither request nor response header");
            if (request) {
                requestIds.add(id);
            }
            if (response) {
                responseIds.add(id);
            }
        }
        assertEquals(Http.HttpHeaderRequestMaximum, requestIds.size(), "request ids named by an Http constant");
        assertEquals(Http.HttpHeaderResponseMaximum, responseIds.size(), "response ids named by an Http constant");
    }

    @Test
    void requestIdsAndNamesMapOneToOne() {
        assertOneToOne(Http.HttpHeaderRequestMaximum, HttpKnownHeaders::requestHeaderName,
                HttpKnownHeaders::requestHeaderLowerCaseName, HttpKnownHeaders::requestHeaderId);
    }

    @Test
    void responseIdsAndNamesMapOneToOne() {
        assertOneToOne(Http.HttpHeaderResponseMaximum, HttpKnownHeaders::responseHeaderName,
                HttpKnownHeaders::responseHeaderLowerCaseName, HttpKnownHeaders::responseHeaderId);
    }

    @Test
    void idsEndAtTheirMaximum() {
        assertThrows(IndexOutOfBoundsException.class,
                () -> HttpKnownHeaders.requestHeaderName(Http.HttpHeaderRequestMaximum));
        assertThrows(IndexOutOfBoundsException.class,
                () -> HttpKnownHeaders.requestHeaderLowerCaseName(Http.HttpHeaderRequestMaximum));
        assertThrows(IndexOutOfBoundsException.class,
                () -> HttpKnownHeaders.responseHeaderName(Http.HttpHeaderResponseMaximum));
        assertThrows(IndexOutOfBoundsException.class,
                () -> HttpKnownHeaders.responseHeaderLowerCaseName(Http.HttpHeaderResponseMaximum));
        assertThrows(IndexOutOfBoundsException.class, () -> HttpKnownHeaders.requestHeaderName(-1));
    }

    @Test
    void generalAndEntityHeadersAreSharedAndTheRestIsNot() {
        for (int id = 0; id <= Http.HttpHeaderLastModified; id++) {
            assertSame(HttpKnownHeaders.requestHeaderName(id), HttpKnownHeaders.responseHeaderName(id));
        }
        for (int id = Http.HttpHeaderAccept; id < Http.HttpHeaderRequestMaximum; id++) {
            AsciiString name = HttpKnownHeaders.requestHeaderName(id);
            assertEquals(HttpKnownHeaders.UNKNOWN, HttpKnownHeaders.responseHeaderId(name), name.toString());
        }
        for (int id = Http.HttpHeaderAcceptRanges; id < Http.HttpHeaderResponseMaximum; id++) {
            AsciiString name = HttpKnownHeaders.responseHeaderName(id);
            assertEquals(HttpKnownHeaders.UNKNOWN, HttpKnownHeaders.requestHeaderId(name), name.toString());
        }
    }

    @Test
    void canonicalNamesAreSpelledAsHttpSysWritesThem() {
        assertEquals("WWW-Authenticate", HttpKnownHeaders.responseHeaderName(Http.HttpHeaderWwwAuthenticate)
                .toString());
        assertEquals("ETag", HttpKnownHeaders.responseHeaderName(Http.HttpHeaderEtag).toString());
        assertEquals("Content-MD5", HttpKnownHeaders.responseHeaderName(Http.HttpHeaderContentMd5).toString());
        assertEquals("TE", HttpKnownHeaders.requestHeaderName(Http.HttpHeaderTe).toString());
    }

    @Test
    void lowerCaseNamesAreNettysOwnConstants() {
        assertSame(HttpHeaderNames.CONTENT_TYPE, HttpKnownHeaders.requestHeaderLowerCaseName(
                Http.HttpHeaderContentType));
        assertSame(HttpHeaderNames.HOST, HttpKnownHeaders.requestHeaderLowerCaseName(Http.HttpHeaderHost));
        assertSame(HttpHeaderNames.WWW_AUTHENTICATE, HttpKnownHeaders.responseHeaderLowerCaseName(
                Http.HttpHeaderWwwAuthenticate));
        // Netty has no constant for WebDAV's Translate; the name is still lower-case.
        assertEquals("translate", HttpKnownHeaders.requestHeaderLowerCaseName(Http.HttpHeaderTranslate)
                .toString());
    }

    @Test
    void lookupsIgnoreCaseAndTheKindOfCharSequence() {
        assertEquals(Http.HttpHeaderContentLength, HttpKnownHeaders.responseHeaderId("CONTENT-LENGTH"));
        assertEquals(Http.HttpHeaderContentLength, HttpKnownHeaders.responseHeaderId(
                new StringBuilder("content-Length")));
        assertEquals(Http.HttpHeaderUserAgent, HttpKnownHeaders.requestHeaderId(
                new AsciiString("user-agent".getBytes(StandardCharsets.US_ASCII), false)));
        assertEquals(Http.HttpHeaderSetCookie, HttpKnownHeaders.responseHeaderId(HttpHeaderNames.SET_COOKIE));
    }

    @Test
    void otherNamesAreUnknown() {
        for (String name : new String[] {"", "X-Powered-By", "Content-Typ", "Content-Types", "Host "}) {
            assertEquals(HttpKnownHeaders.UNKNOWN, HttpKnownHeaders.requestHeaderId(name), name);
            assertEquals(HttpKnownHeaders.UNKNOWN, HttpKnownHeaders.responseHeaderId(name), name);
        }
    }

    private static void assertOneToOne(int count, IntFunction<AsciiString> canonical,
                                       IntFunction<AsciiString> lowerCase, ToIntFunction<CharSequence> idOf) {
        Set<String> seen = new HashSet<>();
        for (int id = 0; id < count; id++) {
            String name = canonical.apply(id).toString();
            assertTrue(seen.add(name.toLowerCase(Locale.ROOT)), "two ids named " + name);
            assertEquals(name.toLowerCase(Locale.ROOT), lowerCase.apply(id).toString());
            assertNotEquals(name, name.toLowerCase(Locale.ROOT), "canonical names are not lower-case: " + name);
            assertEquals(id, idOf.applyAsInt(name), name);
            assertEquals(id, idOf.applyAsInt(name.toUpperCase(Locale.ROOT)), name);
            assertEquals(id, idOf.applyAsInt(name.toLowerCase(Locale.ROOT)), name);
            assertEquals(id, idOf.applyAsInt(lowerCase.apply(id)), name);
        }
    }

    private static String undashed(AsciiString name) {
        return name.toString().replace("-", "");
    }
}
