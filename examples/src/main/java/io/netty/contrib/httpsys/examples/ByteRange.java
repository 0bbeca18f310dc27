package io.netty.contrib.httpsys.examples;

/**
 * One satisfiable byte range of a {@code Range: bytes=...} header (RFC 9110 section 14.1.2), inclusive bounds.
 * Only a single range is honoured; a list of ranges is answered with the whole file, which the RFC allows.
 */
record ByteRange(long first, long last) {

    /** The marker for a range that lies wholly beyond the end of the file ({@code 416}). */
    static final ByteRange UNSATISFIABLE = new ByteRange(-1, -1);

    long length() {
        return last - first + 1;
    }

    /**
     * The range {@code header} asks for within {@code length} bytes: {@code null} to send the whole file (no
     * header, a malformed one, several ranges), {@link #UNSATISFIABLE}, or the range clipped to the file.
     */
    static ByteRange parse(String header, long length) {
        if (header == null || !header.startsWith("bytes=") || header.indexOf(',') >= 0) {
            return null;
        }
        String spec = header.substring("bytes=".length()).trim();
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return null;
        }
        try {
            String from = spec.substring(0, dash).trim();
            String to = spec.substring(dash + 1).trim();
            if (from.isEmpty()) {
                long suffix = Long.parseLong(to);
                if (suffix <= 0) {
                    return suffix == 0 ? UNSATISFIABLE : null;
                }
                return length == 0 ? UNSATISFIABLE : new ByteRange(Math.max(0, length - suffix), length - 1);
            }
            long first = Long.parseLong(from);
            long last = to.isEmpty() ? Long.MAX_VALUE : Long.parseLong(to);
            if (first < 0 || last < first) {
                return null;
            }
            return first >= length ? UNSATISFIABLE : new ByteRange(first, Math.min(last, length - 1));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
