package io.netty.contrib.httpsys.nativeapi.emulator;

import io.netty.handler.codec.http.LastHttpContent;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

import static io.netty.contrib.httpsys.nativeapi.emulator.DecoderHarness.release;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Feeds random bytes and mutated valid requests, split at random points, for a bounded time. The decoder must
 * never let an exception out, never deliver a request after it answered the connection itself, deliver only
 * requests that satisfy the kernel's rules, and release every buffer ({@link DecoderHarness#close()}).
 */
class KernelRequestDecoderFuzzTest {

    private static final long BUDGET_NANOS = 3_000_000_000L;

    private static final String[] VALID = {
        "GET /foobar?a=b HTTP/1.1\r\nHost: localhost:8080\r\nUser-Agent: x\r\n\r\n",
        "POST /p HTTP/1.1\r\nHost: a:1\r\nContent-Length: 5\r\n\r\nhello",
        "PUT /c%20d HTTP/1.1\r\nHost: a:1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\nT: v\r\n\r\n",
        "GET http://h:2/x/../y HTTP/1.1\r\nHost: ignored\r\n\r\nGET /2 HTTP/1.1\r\nHost: a:1\r\n\r\n",
        "GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n",
    };

    private static final byte[] INTERESTING = {
        '\r', '\n', 0, ' ', ':', '%', '/', '.', '\\', '\t', (byte) 0xC3, '0', 'f'};

    @Test
    void survivesRandomAndMutatedInput() {
        long seed = System.nanoTime();
        SplittableRandom random = new SplittableRandom(seed);
        long deadline = System.nanoTime() + BUDGET_NANOS;
        int cases = 0;
        int delivering = 0;
        int answering = 0;
        while (System.nanoTime() < deadline) {
            byte[] input = random.nextInt(4) == 0 ? randomBytes(random) : mutate(random,
                    VALID[random.nextInt(VALID.length)].getBytes(StandardCharsets.ISO_8859_1));
            try {
                int[] counts = runCase(random, input);
                delivering += counts[0] > 0 ? 1 : 0;
                answering += counts[2];
            } catch (AssertionError | RuntimeException e) {
                fail("seed " + seed + ", input " + new String(input, StandardCharsets.ISO_8859_1), e);
            }
            cases++;
        }
        assertTrue(cases > 100, "only " + cases + " cases ran");
        // Both outcomes must be common, or the mutations test nothing.
        assertTrue(delivering > cases / 20 && answering > cases / 20,
                cases + " cases, " + delivering + " delivered, " + answering + " answered");
    }

    @Test
    void validRequestsSplitAnywhereAreAllDelivered() {
        SplittableRandom random = new SplittableRandom(42);
        for (String valid : VALID) {
            for (int i = 0; i < 50; i++) {
                int[] counts = runCase(random, valid.getBytes(StandardCharsets.ISO_8859_1));
                assertEquals(counts[0], counts[1], "requests vs last contents for " + valid);
                assertTrue(counts[0] >= 1, valid);
                assertFalse(counts[2] > 0, "a valid request was answered by the kernel: " + valid);
            }
        }
    }

    /** Returns {requests delivered, last contents, kernel answers written}. */
    private static int[] runCase(SplittableRandom random, byte[] input) {
        int requests = 0;
        int lasts = 0;
        boolean answered = false;
        try (DecoderHarness h = new DecoderHarness()) {
            int offset = 0;
            while (offset < input.length && h.channel.isOpen()) {
                int n = 1 + random.nextInt(Math.min(input.length - offset, 1 + random.nextInt(64)));
                byte[] piece = new byte[n];
                System.arraycopy(input, offset, piece, 0, n);
                offset += n;
                h.feed(piece);
                List<Object> messages = h.inbound();
                for (Object message : messages) {
                    if (message instanceof ParsedRequest request) {
                        assertFalse(answered, "a request was delivered after the kernel answered");
                        checkInvariants(request);
                        requests++;
                    } else if (message instanceof LastHttpContent) {
                        lasts++;
                    }
                }
                release(messages);
                if (h.outbound().startsWith("HTTP/1.1 ")) {
                    answered = true;
                }
                if (h.decoder.isHolding()) {
                    h.decoder.continueWithNextRequest();
                    for (Object message : h.inbound()) {
                        if (message instanceof ParsedRequest request) {
                            checkInvariants(request);
                            requests++;
                        } else if (message instanceof LastHttpContent) {
                            lasts++;
                        }
                        release(List.of(message));
                    }
                }
            }
        }
        return new int[] {requests, lasts, answered ? 1 : 0};
    }

    private static void checkInvariants(ParsedRequest r) {
        assertFalse(r.verb().isEmpty());
        assertTrue(r.verb().chars().allMatch(c -> c > 0x20 && c < 0x7F && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0),
                r.verb());
        assertEquals(1, r.versionMajor());
        assertTrue(r.cookedAbsPath().startsWith("/"), r.cookedAbsPath());
        assertTrue(r.cookedAbsPath().chars().noneMatch(c -> c < 0x20 || c >= 0x7F && c <= 0x9F || c == '\\'));
        assertTrue(r.cookedHost().matches(".+:\\d{1,5}"), r.cookedHost());
        assertTrue(r.headBytes() > 0);
        for (RequestHeader header : r.headers()) {
            byte[] v = header.value();
            assertTrue(v.length == 0
                    || v[0] != ' ' && v[0] != '\t' && v[v.length - 1] != ' ' && v[v.length - 1] != '\t');
        }
        assertFalse(r.chunked() && r.contentLength() >= 0);
    }

    private static byte[] randomBytes(SplittableRandom random) {
        byte[] bytes = new byte[random.nextInt(300)];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = random.nextInt(3) == 0 ? INTERESTING[random.nextInt(INTERESTING.length)]
                    : (byte) random.nextInt(256);
        }
        return bytes;
    }

    private static byte[] mutate(SplittableRandom random, byte[] valid) {
        byte[] bytes = valid.clone();
        int mutations = random.nextInt(4);
        for (int m = 0; m < mutations && bytes.length > 0; m++) {
            int at = random.nextInt(bytes.length);
            switch (random.nextInt(4)) {
                case 0 -> bytes[at] = INTERESTING[random.nextInt(INTERESTING.length)];
                case 1 -> bytes[at] = (byte) random.nextInt(256);
                case 2 -> {
                    byte[] shorter = new byte[bytes.length - 1];
                    System.arraycopy(bytes, 0, shorter, 0, at);
                    System.arraycopy(bytes, at + 1, shorter, at, bytes.length - at - 1);
                    bytes = shorter;
                }
                default -> {
                    byte[] longer = new byte[bytes.length + 1];
                    System.arraycopy(bytes, 0, longer, 0, at);
                    longer[at] = INTERESTING[random.nextInt(INTERESTING.length)];
                    System.arraycopy(bytes, at, longer, at + 1, bytes.length - at);
                    bytes = longer;
                }
            }
        }
        return bytes;
    }
}
