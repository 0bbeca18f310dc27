package io.netty.contrib.httpsys;

import io.netty.contrib.httpsys.nativeapi.HttpKnownHeaders;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.util.AsciiString;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link HttpSysRequestHeaders} against the {@code DefaultHttpHeaders} the decoder used to build: every lookup a
 * handler makes answers the same from the bytes, and every other use sees the same map, in the same order.
 */
class HttpSysRequestHeadersTest {

    /** Known headers in HTTP_HEADER_ID order, then unknown ones, as the decoder lays them out. */
    private static final String[][] HEADERS = {
        {"connection", "keep-alive, Upgrade"},
        {"content-length", "42"},
        {"accept", "text/html,application/xhtml+xml;q=0.9, */*"},
        {"host", "localhost:8080"},
        {"user-agent", "Mozilla/5.0 (X11)"},
        {"X-Trace", "one,  two ,"},
        {"X-Empty", ""},
        {"x-trace", "three"},
    };

    private static final String[] NAMES = {"connection", "Connection", "CONTENT-LENGTH", "accept", "Host",
        "user-agent", "x-trace", "X-TRACE", "x-empty", "cookie", "x-absent", "content-type", "X-Trac"};

    @Test
    void lookupsAnswerAsDefaultHttpHeadersWithoutBuildingTheMap() {
        HttpSysRequestHeaders view = view(HEADERS);
        HttpHeaders expected = eager(HEADERS);
        for (String name : NAMES) {
            assertEquals(expected.get(name), view.get(name), name);
            assertEquals(expected.get(new AsciiString(name)), view.get(new AsciiString(name)), name);
            assertEquals(expected.get(name, "default"), view.get(name, "default"), name);
            assertEquals(expected.contains(name), view.contains(name), name);
            assertEquals(expected.getInt(name), view.getInt(name), name);
            assertEquals(expected.getInt(name, -7), view.getInt(name, -7), name);
            for (String value : new String[] {"keep-alive", "KEEP-ALIVE", "upgrade", "two", "one", "", "three",
                    "*/*", "42", "localhost:8080", "one,  two ,"}) {
                for (boolean ignoreCase : new boolean[] {true, false}) {
                    assertEquals(expected.contains(name, value, ignoreCase), view.contains(name, value, ignoreCase),
                            name + ": " + value);
                    assertEquals(expected.contains(name, value, ignoreCase),
                            view.contains(new AsciiString(name), (CharSequence) value, ignoreCase), name + ": " + value);
                    assertEquals(expected.containsValue(name, value, ignoreCase),
                            view.containsValue(name, value, ignoreCase), name + ": " + value);
                }
            }
        }
        assertEquals(expected.size(), view.size());
        assertFalse(view.isEmpty());
        assertTrue(view(new String[0][]).isEmpty());
        assertEquals(0, view(new String[0][]).size());
        assertNull(unbuilt(view), "lookups alone never build the map");
    }

    @Test
    void everythingElseSeesTheSameMapInTheSameOrder() {
        HttpSysRequestHeaders view = view(HEADERS);
        HttpHeaders expected = eager(HEADERS);
        assertEquals(strings(expected.entries()), strings(view.entries()));
        assertEquals(new ArrayList<>(expected.names()), new ArrayList<>(view.names()));
        assertEquals(expected.getAll("X-TRACE"), view.getAll("X-TRACE"));
        assertEquals(expected.toString(), view.toString());
        assertEquals(expected, view.copy());
        assertTrue(view.equals(expected) && view.hashCode() == expected.hashCode());
        List<String> iterated = new ArrayList<>();
        for (Map.Entry<String, String> e : view) {
            iterated.add(e.getKey() + "=" + e.getValue());
        }
        assertEquals(8, iterated.size());
        assertEquals("connection=keep-alive, Upgrade", iterated.get(0));
        assertEquals("x-trace=three", iterated.get(7));
    }

    @Test
    void changesApplyAndLaterLookupsSeeThem() {
        HttpSysRequestHeaders view = view(HEADERS);
        view.set(HttpHeaderNames.HOST, "example.org").remove("x-trace").add("X-New", "v").setInt("content-length", 7);
        assertEquals("example.org", view.get("host"));
        assertFalse(view.contains("X-Trace"));
        assertEquals("v", view.get("x-new"));
        assertEquals(7, view.getInt(HttpHeaderNames.CONTENT_LENGTH));
        assertEquals(HEADERS.length - 2 + 1, view.size());
        view.clear();
        assertTrue(view.isEmpty());
        assertNull(view.get("accept"));
    }

    @Test
    void anAddedContentLengthComesLastAndCountsEverywhere() {
        String[][] noLength = {{"host", "h"}, {"X-A", "1"}};
        HttpSysRequestHeaders view = view(noLength);
        assertFalse(view.contains(HttpHeaderNames.CONTENT_LENGTH));
        view.addContentLength(HttpHeaderValues.ZERO);
        assertEquals("0", view.get("Content-Length"));
        assertEquals(0, view.getInt(HttpHeaderNames.CONTENT_LENGTH));
        assertTrue(view.containsValue(HttpHeaderNames.CONTENT_LENGTH, "0", false));
        assertEquals(3, view.size());
        assertNull(unbuilt(view));
        assertEquals(List.of("host", "X-A", "content-length"), new ArrayList<>(names(view)));

        HttpSysRequestHeaders changed = view(noLength);
        changed.remove("x-a");
        changed.addContentLength(AsciiString.of("12"));
        assertEquals("12", changed.get(HttpHeaderNames.CONTENT_LENGTH));
        assertEquals(2, changed.size());
    }

    @Test
    void equalityFollowsTheEntries() {
        assertEquals(view(HEADERS), view(HEADERS));
        assertNotEquals(view(HEADERS), view(new String[][] {{"host", "h"}}));
    }

    private static List<String> strings(List<Map.Entry<String, String>> entries) {
        List<String> strings = new ArrayList<>();
        entries.forEach(e -> strings.add(e.getKey() + "=" + e.getValue()));
        return strings;
    }

    private static List<String> names(HttpHeaders headers) {
        List<String> names = new ArrayList<>();
        headers.iteratorCharSequence().forEachRemaining(e -> names.add(e.getKey().toString()));
        return names;
    }

    private static Object unbuilt(HttpSysRequestHeaders view) {
        try {
            java.lang.reflect.Field field = HttpSysRequestHeaders.class.getDeclaredField("headers");
            field.setAccessible(true);
            return field.get(view);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** What the decoder built before: names and values added in order, validation off. */
    private static HttpHeaders eager(String[][] headers) {
        HttpHeaders h = DefaultHttpHeadersFactory.headersFactory().withValidation(false).newHeaders();
        for (String[] header : headers) {
            int id = HttpKnownHeaders.requestHeaderId(header[0]);
            h.add(id >= 0 ? HttpKnownHeaders.requestHeaderLowerCaseName(id) : new AsciiString(header[0]),
                    new AsciiString(header[1]));
        }
        return h;
    }

    /** The view the decoder makes of the same headers, with unrelated bytes between the strings, as in a buffer. */
    private static HttpSysRequestHeaders view(String[][] headers) {
        ByteArrayOutputStream block = new ByteArrayOutputStream();
        int[] index = new int[3 * headers.length];
        for (int i = 0; i < headers.length; i++) {
            int id = HttpKnownHeaders.requestHeaderId(headers[i][0]);
            block.writeBytes(new byte[] {'#', '#'});
            if (id >= 0) {
                index[3 * i] = -1 - id;
            } else {
                index[3 * i] = block.size();
                index[3 * i + 1] = headers[i][0].length() << 16;
                block.writeBytes(headers[i][0].getBytes(StandardCharsets.ISO_8859_1));
            }
            index[3 * i + 1] |= headers[i][1].length();
            index[3 * i + 2] = block.size();
            block.writeBytes(headers[i][1].getBytes(StandardCharsets.ISO_8859_1));
        }
        return new HttpSysRequestHeaders(block.toByteArray(), index, headers.length);
    }
}
