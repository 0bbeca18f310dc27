package io.netty.contrib.httpsys.nativeapi.emulator;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The single byte ranges the kernel cache answers (RFC 9110 section 14.1.2), and the ones it passes on. */
class ByteRangeTest {

    @Test
    void satisfiableSingleRanges() {
        assertEquals(new ByteRange(0, 10), ByteRange.parse("bytes=0-10", 20));
        assertEquals(new ByteRange(5, 19), ByteRange.parse("bytes=5-", 20));
        assertEquals(new ByteRange(15, 19), ByteRange.parse("bytes=-5", 20));
        assertEquals(new ByteRange(0, 19), ByteRange.parse("bytes=-50", 20), "a suffix longer than the body");
        assertEquals(new ByteRange(10, 19), ByteRange.parse("bytes=10-99", 20), "the last position is clipped");
        assertEquals(new ByteRange(1, 2), ByteRange.parse(" Bytes = 1 - 2 ", 20));
        assertEquals(11, ByteRange.parse("bytes=0-10", 20).length());
    }

    @Test
    void anythingElseIsNotAnsweredFromTheCache() {
        for (String header : new String[] {"bytes=20-30", "bytes=5-4", "bytes=-0", "bytes=-", "bytes=0-1,3-4",
                "lines=0-1", "bytes 0-1", "bytes=a-1", "bytes=1-b", "bytes=-x", "bytes=99999999999999999999-"}) {
            assertNull(ByteRange.parse(header, 20), header);
        }
        assertNull(ByteRange.parse("bytes=0-", 0), "nothing to take a range of");
    }
}
