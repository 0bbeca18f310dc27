package io.netty.contrib.httpsys.nativeapi.emulator;

/**
 * One satisfiable byte range of a {@code Range} request header (RFC 9110 section 14.1.2), resolved against
 * the length of a representation: what the kernel cache needs to answer a {@code Range} request from a cached
 * entry.
 *
 * @param first the first byte position
 * @param last  the last byte position (inclusive)
 */
record ByteRange(long first, long last) {

    /** The bytes the range covers. */
    long length() {
        return last - first + 1;
    }

    /**
     * The range {@code header} asks of a representation of {@code length} bytes, or {@code null} when it is not
     * exactly one syntactically valid, satisfiable byte range ({@code bytes=a-b}, {@code bytes=a-},
     * {@code bytes=-n}). Several ranges are {@code null} too: no source shows HTTP.SYS building a
     * {@code multipart/byteranges} answer from its cache.
     */
    static ByteRange parse(String header, long length) {
        String spec = header.trim();
        if (spec.length() < 7 || !spec.regionMatches(true, 0, "bytes", 0, 5)) {
            return null;
        }
        int equals = spec.indexOf('=');
        if (equals < 0 || !spec.substring(5, equals).isBlank()) {
            return null;
        }
        String set = spec.substring(equals + 1).trim();
        int dash = set.indexOf('-');
        if (dash < 0 || set.indexOf(',') >= 0) {
            return null;
        }
        long first = number(set.substring(0, dash).trim());
        long last = number(set.substring(dash + 1).trim());
        if (first == -1 && last == -1 || length == 0) {
            return null;
        }
        if (first == -1) {
            // A suffix range: the last n bytes.
            if (last <= 0) {
                return null;
            }
            return new ByteRange(Math.max(0, length - last), length - 1);
        }
        if (first == -2 || last == -2 || first >= length || last != -1 && last < first) {
            return null;
        }
        return new ByteRange(first, last == -1 ? length - 1 : Math.min(last, length - 1));
    }

    /** Decimal digits as a number; -1 for an empty string, -2 for anything else. */
    private static long number(String digits) {
        if (digits.isEmpty()) {
            return -1;
        }
        if (digits.length() > 18) {
            return -2;
        }
        long n = 0;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                return -2;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }
}
