package io.netty.contrib.httpsys;

import io.netty.contrib.httpsys.nativeapi.HttpKnownHeaders;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.util.AsciiString;

import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The headers of a received request: a read-only view over one private copy of the request's header bytes, that
 * becomes a {@code DefaultHttpHeaders} the first time anything but a lookup is asked of it.
 *
 * <p>Why: a {@code DefaultHttpHeaders} of a browser's request is a bucket array, a map object and one entry and
 * one value object per header, built before the handler has looked at any of them, and most handlers only ask
 * for two or three ({@code HttpUtil.isKeepAlive}, {@code Content-Type}, {@code Host}). The lookups ({@code get},
 * {@code contains}, {@code containsValue}, {@code getInt}, {@code size}) answer from the bytes; everything else
 * (a change, iteration, {@code getAll}, {@code names}, copies, {@code equals}, {@code toString}) first builds the
 * {@code DefaultHttpHeaders} once ({@link #materialize()}), with the same names, values and order the decoder
 * built eagerly before, and then delegates to it. The bytes are this request's own copy, never the receive
 * buffer, so a handler that keeps the headers of a finished request never sees another request's data.
 *
 * <p>Entries are known headers first, in {@code HTTP_HEADER_ID} order, then unknown ones in arrival order; a
 * {@code Content-Length} the decoder adds for an aggregated request ({@link #addContentLength}) comes last, as
 * {@code set} on a {@code DefaultHttpHeaders} would put it. Not thread-safe, like {@code DefaultHttpHeaders}.
 */
final class HttpSysRequestHeaders extends HttpHeaders {

    /** HTTP.SYS has rejected malformed names and values already; validating again is wasted work. */
    private static final DefaultHttpHeadersFactory MATERIALIZED =
            DefaultHttpHeadersFactory.headersFactory().withValidation(false);
    private static final int CONTENT_LENGTH_ID = HttpKnownHeaders.requestHeaderId(HttpHeaderNames.CONTENT_LENGTH);

    /** The names (of unknown headers) and values, one after the other. */
    private final byte[] block;
    /**
     * Three ints per header: the name ({@code >= 0}: offset in {@link #block} of an unknown header's name;
     * {@code < 0}: {@code -1 - id} of a known header), the lengths of name and value (both {@code USHORT}s in
     * HTTP.SYS's structs) as {@code nameLength << 16 | valueLength}, and the value's offset.
     */
    private final int[] index;
    private final int count;
    /** The {@code Content-Length} the decoder added, or {@code null}. */
    private AsciiString addedContentLength;
    /** Everything once anything but a lookup was asked; {@code null} until then. */
    private HttpHeaders headers;

    HttpSysRequestHeaders(byte[] block, int[] index, int count) {
        this.block = block;
        this.index = index;
        this.count = count;
    }

    /**
     * Adds {@code Content-Length: value} without building the map, for a header the request did not have: what
     * {@code HttpObjectAggregator} sets on an aggregated request.
     */
    void addContentLength(AsciiString value) {
        if (headers != null || addedContentLength != null) {
            materialize().set(HttpHeaderNames.CONTENT_LENGTH, value);
        } else {
            addedContentLength = value;
        }
    }

    /** The map this view stands for, built on first use. */
    HttpHeaders materialize() {
        HttpHeaders h = headers;
        if (h == null) {
            h = MATERIALIZED.newHeaders();
            for (int i = 0; i < count; i++) {
                h.add(name(i), value(i));
            }
            if (addedContentLength != null) {
                h.add(HttpHeaderNames.CONTENT_LENGTH, addedContentLength);
            }
            headers = h;
        }
        return h;
    }

    private CharSequence name(int i) {
        int name = index[3 * i];
        return name < 0 ? HttpKnownHeaders.requestHeaderLowerCaseName(-1 - name) : view(name, index[3 * i + 1] >>> 16);
    }

    private AsciiString view(int offset, int length) {
        return length == 0 ? AsciiString.EMPTY_STRING : new AsciiString(block, offset, length, false);
    }

    /** The entry of the first header called {@code name}, {@code count} for the added Content-Length, or -1. */
    private int find(CharSequence name, int from) {
        int id = HttpKnownHeaders.requestHeaderId(name);
        for (int i = from; i < count; i++) {
            int n = index[3 * i];
            if (n < 0 ? -1 - n == id
                    : id == HttpKnownHeaders.UNKNOWN && equalsIgnoreCase(n, index[3 * i + 1] >>> 16, name)) {
                return i;
            }
        }
        return id == CONTENT_LENGTH_ID && addedContentLength != null && from <= count ? count : -1;
    }

    private boolean equalsIgnoreCase(int offset, int length, CharSequence name) {
        if (name.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (AsciiString.toLowerCase((char) (block[offset + i] & 0xFF)) != AsciiString.toLowerCase(name.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private CharSequence value(int entry) {
        return entry == count ? addedContentLength : view(index[3 * entry + 2], index[3 * entry + 1] & 0xFFFF);
    }

    private String valueString(int entry) {
        if (entry == count) {
            return addedContentLength.toString();
        }
        return new String(block, index[3 * entry + 2], index[3 * entry + 1] & 0xFFFF, StandardCharsets.ISO_8859_1);
    }

    @Override
    public String get(String name) {
        return get((CharSequence) name);
    }

    @Override
    public String get(CharSequence name) {
        if (headers != null) {
            return headers.get(name);
        }
        int entry = find(name, 0);
        return entry < 0 ? null : valueString(entry);
    }

    @Override
    public Integer getInt(CharSequence name) {
        if (headers != null) {
            return headers.getInt(name);
        }
        int entry = find(name, 0);
        if (entry < 0) {
            return null;
        }
        try {
            return AsciiString.of(value(entry)).parseInt();
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public String get(CharSequence name, String defaultValue) {
        String value = get(name);
        return value != null ? value : defaultValue;
    }

    @Override
    public int getInt(CharSequence name, int defaultValue) {
        Integer value = getInt(name);
        return value != null ? value : defaultValue;
    }

    @Override
    public boolean contains(String name) {
        return contains((CharSequence) name);
    }

    @Override
    public boolean contains(CharSequence name) {
        return headers != null ? headers.contains(name) : find(name, 0) >= 0;
    }

    @Override
    public boolean contains(String name, String value, boolean ignoreCase) {
        return contains((CharSequence) name, value, ignoreCase);
    }

    /** As {@code DefaultHttpHeaders}: some value of {@code name} equals {@code value} as a whole. */
    @Override
    public boolean contains(CharSequence name, CharSequence value, boolean ignoreCase) {
        if (headers != null) {
            return headers.contains(name, value, ignoreCase);
        }
        for (int entry = find(name, 0); entry >= 0; entry = find(name, entry + 1)) {
            if (matches(value(entry), value, ignoreCase)) {
                return true;
            }
        }
        return false;
    }

    /** As {@code HttpHeaders}: some comma-separated element of a value of {@code name}, trimmed, equals {@code value}. */
    @Override
    public boolean containsValue(CharSequence name, CharSequence value, boolean ignoreCase) {
        if (headers != null) {
            return headers.containsValue(name, value, ignoreCase);
        }
        for (int entry = find(name, 0); entry >= 0; entry = find(name, entry + 1)) {
            if (containsElement(AsciiString.of(value(entry)), value, ignoreCase)) {
                return true;
            }
        }
        return false;
    }

    /** {@code HttpHeaders.containsValue}'s rule for one value: its last element counts only when not empty. */
    private static boolean containsElement(AsciiString list, CharSequence expected, boolean ignoreCase) {
        int end = list.indexOf(',', 0);
        if (end < 0) {
            return matches(list.trim(), expected, ignoreCase);
        }
        int begin = 0;
        do {
            if (matches(list.subSequence(begin, end, false).trim(), expected, ignoreCase)) {
                return true;
            }
            begin = end + 1;
            end = list.indexOf(',', begin);
        } while (end >= 0);
        return begin < list.length() && matches(list.subSequence(begin, list.length(), false).trim(), expected,
                ignoreCase);
    }

    private static boolean matches(CharSequence element, CharSequence expected, boolean ignoreCase) {
        return ignoreCase ? AsciiString.contentEqualsIgnoreCase(element, expected)
                : AsciiString.contentEquals(element, expected);
    }

    @Override
    public boolean isEmpty() {
        return headers != null ? headers.isEmpty() : count == 0 && addedContentLength == null;
    }

    @Override
    public int size() {
        return headers != null ? headers.size() : count + (addedContentLength != null ? 1 : 0);
    }

    @Override
    public Short getShort(CharSequence name) {
        return materialize().getShort(name);
    }

    @Override
    public short getShort(CharSequence name, short defaultValue) {
        return materialize().getShort(name, defaultValue);
    }

    @Override
    public Long getTimeMillis(CharSequence name) {
        return materialize().getTimeMillis(name);
    }

    @Override
    public long getTimeMillis(CharSequence name, long defaultValue) {
        return materialize().getTimeMillis(name, defaultValue);
    }

    @Override
    public List<String> getAll(String name) {
        return materialize().getAll(name);
    }

    @Override
    public List<String> getAll(CharSequence name) {
        return materialize().getAll(name);
    }

    @Override
    public List<Map.Entry<String, String>> entries() {
        return materialize().entries();
    }

    @Override
    public Iterator<Map.Entry<String, String>> iterator() {
        return materialize().iterator();
    }

    @Override
    public Iterator<Map.Entry<CharSequence, CharSequence>> iteratorCharSequence() {
        return materialize().iteratorCharSequence();
    }

    @Override
    public Iterator<String> valueStringIterator(CharSequence name) {
        return materialize().valueStringIterator(name);
    }

    @Override
    public Iterator<? extends CharSequence> valueCharSequenceIterator(CharSequence name) {
        return materialize().valueCharSequenceIterator(name);
    }

    @Override
    public Set<String> names() {
        return materialize().names();
    }

    @Override
    public HttpHeaders add(String name, Object value) {
        materialize().add(name, value);
        return this;
    }

    @Override
    public HttpHeaders add(CharSequence name, Object value) {
        materialize().add(name, value);
        return this;
    }

    @Override
    public HttpHeaders add(String name, Iterable<?> values) {
        materialize().add(name, values);
        return this;
    }

    @Override
    public HttpHeaders add(CharSequence name, Iterable<?> values) {
        materialize().add(name, values);
        return this;
    }

    @Override
    public HttpHeaders add(HttpHeaders other) {
        materialize().add(other);
        return this;
    }

    @Override
    public HttpHeaders addInt(CharSequence name, int value) {
        materialize().addInt(name, value);
        return this;
    }

    @Override
    public HttpHeaders addShort(CharSequence name, short value) {
        materialize().addShort(name, value);
        return this;
    }

    @Override
    public HttpHeaders set(String name, Object value) {
        materialize().set(name, value);
        return this;
    }

    @Override
    public HttpHeaders set(CharSequence name, Object value) {
        materialize().set(name, value);
        return this;
    }

    @Override
    public HttpHeaders set(String name, Iterable<?> values) {
        materialize().set(name, values);
        return this;
    }

    @Override
    public HttpHeaders set(CharSequence name, Iterable<?> values) {
        materialize().set(name, values);
        return this;
    }

    @Override
    public HttpHeaders set(HttpHeaders other) {
        materialize().set(other == this ? materialize() : other);
        return this;
    }

    @Override
    public HttpHeaders setAll(HttpHeaders other) {
        materialize().setAll(other == this ? materialize() : other);
        return this;
    }

    @Override
    public HttpHeaders setInt(CharSequence name, int value) {
        materialize().setInt(name, value);
        return this;
    }

    @Override
    public HttpHeaders setShort(CharSequence name, short value) {
        materialize().setShort(name, value);
        return this;
    }

    @Override
    public HttpHeaders remove(String name) {
        materialize().remove(name);
        return this;
    }

    @Override
    public HttpHeaders remove(CharSequence name) {
        materialize().remove(name);
        return this;
    }

    @Override
    public HttpHeaders clear() {
        materialize().clear();
        return this;
    }

    @Override
    public HttpHeaders copy() {
        return materialize().copy();
    }

    /** Equal to another request's headers or a {@code DefaultHttpHeaders} with the same entries. */
    @Override
    public boolean equals(Object o) {
        return o instanceof HttpSysRequestHeaders ? materialize().equals(((HttpSysRequestHeaders) o).materialize())
                : materialize().equals(o);
    }

    @Override
    public int hashCode() {
        return materialize().hashCode();
    }

    @Override
    public String toString() {
        return materialize().toString();
    }
}
