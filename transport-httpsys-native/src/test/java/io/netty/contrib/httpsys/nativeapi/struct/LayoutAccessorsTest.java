package io.netty.contrib.httpsys.nativeapi.struct;

import io.netty.contrib.httpsys.nativeapi.Http;
import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.NativeMemory;
import io.netty.contrib.httpsys.nativeapi.NtStatus;
import io.netty.contrib.httpsys.nativeapi.WinError;
import io.netty.contrib.httpsys.nativeapi.WinSock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Round trips through the flyweight accessors over real native memory: each value written comes back, lands
 * on the bytes the SDK layout says, and disturbs neither neighbouring fields nor the guard bytes around the
 * struct (an accessor one size too wide would).
 */
class LayoutAccessorsTest {

    private static final int GUARD = 16;
    private static final byte GUARD_BYTE = (byte) 0xA5;

    private final List<long[]> blocks = new ArrayList<>();
    private long allocationsAtStart;

    @BeforeEach
    void recordAllocations() {
        allocationsAtStart = NativeMemory.outstandingAllocations();
    }

    @AfterEach
    void freeEverything() {
        for (long[] block : blocks) {
            NativeMemory.free(block[0], block[1]);
        }
        blocks.clear();
        assertEquals(allocationsAtStart, NativeMemory.outstandingAllocations());
    }

    @Test
    void requestIdsVersionAndLengthsRoundTrip() {
        long request = guarded(HttpRequestV2.SIZE);
        long connectionId = 0x0123_4567_89AB_CDEFL;
        long requestId = 0xFEDC_BA98_7654_3210L;
        int version = HttpVersion.pack(1, 1);

        HttpRequestV2.setFlags(request, Http.HTTP_REQUEST_FLAG_MORE_ENTITY_BODY_EXISTS);
        HttpRequestV2.setConnectionId(request, connectionId);
        HttpRequestV2.setRequestId(request, requestId);
        HttpRequestV2.setVersion(request, version);
        HttpRequestV2.setVerb(request, Http.HttpVerbPOST);
        HttpRequestV2.setUnknownVerbLength(request, 0xFFFF);
        HttpRequestV2.setRawUrlLength(request, 0x8001);
        HttpRequestV2.setRequestInfoCount(request, 3);
        HttpRequestV2.setRequestInfo(request, requestId);

        assertEquals(Http.HTTP_REQUEST_FLAG_MORE_ENTITY_BODY_EXISTS, HttpRequestV2.flags(request));
        assertEquals(connectionId, HttpRequestV2.connectionId(request));
        assertEquals(requestId, HttpRequestV2.requestId(request));
        assertEquals(Http.HttpVerbPOST, HttpRequestV2.verb(request));
        assertEquals(0xFFFF, HttpRequestV2.unknownVerbLength(request));
        assertEquals(0x8001, HttpRequestV2.rawUrlLength(request));
        assertEquals(3, HttpRequestV2.requestInfoCount(request));
        assertEquals(requestId, HttpRequestV2.requestInfo(request));

        long versionAddress = request + HttpRequestV2.VERSION;
        assertEquals(version, HttpRequestV2.version(request));
        assertEquals(1, HttpVersion.majorVersion(versionAddress));
        assertEquals(1, HttpVersion.minorVersion(versionAddress));
        HttpVersion.setMinorVersion(versionAddress, 0);
        assertEquals(HttpVersion.pack(1, 0), HttpVersion.get(versionAddress));
        assertEquals(1, HttpVersion.major(HttpRequestV2.version(request)));
        assertEquals(0, HttpVersion.minor(HttpRequestV2.version(request)));

        assertBytesZero(request + HttpRequestV2.URL_CONTEXT, 8);
        assertBytesZero(request + HttpRequestV2.UNKNOWN_VERB,
                HttpRequestV2.BYTES_RECEIVED - HttpRequestV2.UNKNOWN_VERB);
        assertGuardsIntact();
    }

    @Test
    void nestedStructsAreAddressedThroughTheirOwnClasses() {
        long request = guarded(HttpRequestV2.SIZE);
        long host = HttpRequestHeaders.knownHeader(HttpRequestV2.headers(request), Http.HttpHeaderHost);
        HttpKnownHeader.setRawValueLength(host, 9);
        HttpCookedUrl.setAbsPath(HttpRequestV2.cookedUrl(request), 0x1000);
        HttpTransportAddress.setLocalAddress(HttpRequestV2.address(request), 0x2000);

        long hostOffset = HttpRequestV2.HEADERS + HttpRequestHeaders.KNOWN_HEADERS
                + (long) Http.HttpHeaderHost * HttpKnownHeader.SIZE;
        assertEquals(9, NativeAccess.getShort(request + hostOffset));
        assertEquals(0x1000, NativeAccess.getLong(
                request + HttpRequestV2.COOKED_URL + HttpCookedUrl.ABS_PATH));
        assertEquals(0x2000, NativeAccess.getLong(
                request + HttpRequestV2.ADDRESS + HttpTransportAddress.LOCAL_ADDRESS));
        assertThrows(IndexOutOfBoundsException.class,
                () -> HttpRequestHeaders.knownHeader(request + HttpRequestV2.HEADERS, Http.HttpHeaderRequestMaximum));
        assertGuardsIntact();
    }

    @Test
    void dataChunkFromMemoryFillsOnlyItsElement() {
        long chunks = guarded(2 * HttpDataChunk.SIZE);
        long second = HttpDataChunk.at(chunks, 1);
        long buffer = 0x7FFF_0000_1234_5678L;

        HttpDataChunk.setFromMemory(second, buffer, 0xFFFF_FFF0);

        assertEquals(chunks + HttpDataChunk.SIZE, second);
        assertEquals(Http.HttpDataChunkFromMemory, HttpDataChunk.dataChunkType(second));
        assertEquals(buffer, HttpDataChunk.fromMemoryBuffer(second));
        assertEquals(0xFFFF_FFF0, HttpDataChunk.fromMemoryBufferLength(second));
        assertBytesZero(chunks, HttpDataChunk.SIZE);
        assertBytesZero(second + HttpDataChunk.FROM_MEMORY_BUFFER_LENGTH + 4,
                HttpDataChunk.SIZE - HttpDataChunk.FROM_MEMORY_BUFFER_LENGTH - 4);

        HttpDataChunk.setFromFileHandle(second, 0x44, 10, Http.HTTP_BYTE_RANGE_TO_EOF);
        assertEquals(Http.HttpDataChunkFromFileHandle, HttpDataChunk.dataChunkType(second));
        assertEquals(10, HttpByteRange.startingOffset(HttpDataChunk.fromFileHandleByteRange(second)));
        assertEquals(Http.HTTP_BYTE_RANGE_TO_EOF, HttpByteRange.length(HttpDataChunk.fromFileHandleByteRange(second)));
        assertEquals(0x44, HttpDataChunk.fromFileHandleFileHandle(second));
        assertGuardsIntact();
    }

    @Test
    void ipv6LoopbackRoundTripsInWindowsLayout() throws Exception {
        long sockaddr = guarded(SockaddrIn6.SIZE);
        InetSocketAddress written = new InetSocketAddress(InetAddress.getByName("::1"), 0xC351);

        assertEquals(SockaddrIn6.SIZE, Sockaddr.write(sockaddr, written));

        assertEquals(written, SockaddrIn6.toInetSocketAddress(sockaddr));
        assertEquals(written, Sockaddr.toInetSocketAddress(sockaddr));
        assertEquals(WinSock.AF_INET6, Sockaddr.saFamily(sockaddr));
        assertEquals((byte) 0xC3, NativeAccess.getByte(sockaddr + SockaddrIn6.SIN6_PORT));
        assertEquals((byte) 0x51, NativeAccess.getByte(sockaddr + SockaddrIn6.SIN6_PORT + 1));
        assertEquals(1, NativeAccess.getByte(sockaddr + SockaddrIn6.SIN6_ADDR + 15));
        assertGuardsIntact();
    }

    @Test
    void ipv4LoopbackRoundTripsInWindowsLayout() throws Exception {
        long sockaddr = guarded(SockaddrIn.SIZE);
        InetSocketAddress written = new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0x1F90);

        assertEquals(SockaddrIn.SIZE, Sockaddr.write(sockaddr, written));

        assertEquals(written, SockaddrIn.toInetSocketAddress(sockaddr));
        assertEquals(written, Sockaddr.toInetSocketAddress(sockaddr));
        assertEquals(WinSock.AF_INET, SockaddrIn.sinFamily(sockaddr));
        assertEquals((byte) 0x1F, NativeAccess.getByte(sockaddr + SockaddrIn.SIN_PORT));
        assertEquals((byte) 127, NativeAccess.getByte(sockaddr + SockaddrIn.SIN_ADDR));
        assertBytesZero(sockaddr + SockaddrIn.SIN_ZERO, SockaddrIn.SIZE - SockaddrIn.SIN_ZERO);
        assertGuardsIntact();
    }

    @Test
    void ipv4PeerOfDualStackListenerReadsAsIpv4() throws Exception {
        long sockaddr = guarded(SockaddrIn6.SIZE);
        InetSocketAddress written = new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 443);

        SockaddrIn6.write(sockaddr, written);

        assertEquals(WinSock.AF_INET6, SockaddrIn6.sin6Family(sockaddr));
        assertEquals(written, Sockaddr.toInetSocketAddress(sockaddr));
        assertGuardsIntact();
    }

    @Test
    void errorNamesAndStatuses() {
        assertEquals("ERROR_SUCCESS", WinError.nameOf(WinError.NO_ERROR));
        assertEquals("ERROR_MORE_DATA", WinError.nameOf(WinError.ERROR_MORE_DATA));
        assertEquals("WAIT_TIMEOUT", WinError.nameOf(WinError.WAIT_TIMEOUT));
        assertEquals("ERROR_424242", WinError.nameOf(424242));
        assertEquals(NtStatus.STATUS_CANCELLED, NtStatus.statusOf(0xDEAD_BEEF_0000_0000L | 0xC000_0120L));
    }

    /** Allocates {@code size} zeroed bytes between two guard areas and returns the address of the first. */
    private long guarded(int size) {
        long total = size + 2L * GUARD;
        long base = NativeMemory.allocate(total);
        blocks.add(new long[] {base, total, size});
        NativeAccess.setMemory(base, GUARD, GUARD_BYTE);
        NativeAccess.setMemory(base + GUARD + size, GUARD, GUARD_BYTE);
        return base + GUARD;
    }

    private void assertGuardsIntact() {
        for (long[] block : blocks) {
            long base = block[0];
            long size = block[2];
            for (int i = 0; i < GUARD; i++) {
                assertEquals(GUARD_BYTE, NativeAccess.getByte(base + i), "guard before, byte " + i);
                assertEquals(GUARD_BYTE, NativeAccess.getByte(base + GUARD + size + i), "guard after, byte " + i);
            }
        }
    }

    private static void assertBytesZero(long address, long length) {
        for (long i = 0; i < length; i++) {
            assertEquals(0, NativeAccess.getByte(address + i), "byte " + i);
        }
    }
}
