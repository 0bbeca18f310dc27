package io.netty.contrib.httpsys.nativeapi.struct;

import io.netty.contrib.httpsys.nativeapi.Http;
import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.NativeField;
import io.netty.contrib.httpsys.nativeapi.NativeStruct;

/**
 * {@code HTTP_DATA_CHUNK}: one piece of an entity body, in the {@code pEntityChunks} arrays of requests
 * (always {@code FromMemory}, the body that arrived with the headers) and of responses and
 * {@code HttpSendResponseEntityBody} (memory for {@code ByteBuf}s passed by address, a file handle for
 * {@code FileRegion}s). {@code DataChunkType} selects the valid member of the union at offset 8. The layout
 * is the SDK's: mingw-w64 lacks the {@code FromFragmentCacheEx} and {@code Trailers} members (the size is
 * the same). The newest SDK adds a {@code FromWinHttpFastForwarding} member, which HTTP.SYS only accepts
 * from WinHTTP fast forwarding and which is therefore not mirrored here.
 *
 * <pre>
 * offset  type                  field
 *      0  HTTP_DATA_CHUNK_TYPE  DataChunkType
 *      4                        (4 bytes of padding)
 *      8  PVOID                 FromMemory.pBuffer
 *      8  HTTP_BYTE_RANGE       FromFileHandle.ByteRange
 *      8  USHORT                FromFragmentCache.FragmentNameLength
 *      8  HTTP_BYTE_RANGE       FromFragmentCacheEx.ByteRange
 *      8  USHORT                Trailers.TrailerCount
 *     16  ULONG                 FromMemory.BufferLength
 *     16  PCWSTR                FromFragmentCache.pFragmentName
 *     16  PHTTP_UNKNOWN_HEADER  Trailers.pTrailers
 *     24  HANDLE                FromFileHandle.FileHandle
 *     24  PCWSTR                FromFragmentCacheEx.pFragmentName
 *     32                        sizeof = 32
 * </pre>
 */
@NativeStruct("HTTP_DATA_CHUNK")
public final class HttpDataChunk {

    public static final int SIZE = 32;

    @NativeField(value = "DataChunkType", size = 4)
    public static final int DATA_CHUNK_TYPE = 0;

    @NativeField(value = "FromMemory.pBuffer", size = 8)
    public static final int FROM_MEMORY_BUFFER = 8;

    @NativeField(value = "FromMemory.BufferLength", size = 4)
    public static final int FROM_MEMORY_BUFFER_LENGTH = 16;

    @NativeField(value = "FromFileHandle.ByteRange", size = 16)
    public static final int FROM_FILE_HANDLE_BYTE_RANGE = 8;

    @NativeField(value = "FromFileHandle.FileHandle", size = 8)
    public static final int FROM_FILE_HANDLE_FILE_HANDLE = 24;

    @NativeField(value = "FromFragmentCache.FragmentNameLength", size = 2)
    public static final int FROM_FRAGMENT_CACHE_FRAGMENT_NAME_LENGTH = 8;

    @NativeField(value = "FromFragmentCache.pFragmentName", size = 8)
    public static final int FROM_FRAGMENT_CACHE_FRAGMENT_NAME = 16;

    @NativeField(value = "FromFragmentCacheEx.ByteRange", size = 16)
    public static final int FROM_FRAGMENT_CACHE_EX_BYTE_RANGE = 8;

    @NativeField(value = "FromFragmentCacheEx.pFragmentName", size = 8)
    public static final int FROM_FRAGMENT_CACHE_EX_FRAGMENT_NAME = 24;

    @NativeField(value = "Trailers.TrailerCount", size = 2)
    public static final int TRAILERS_TRAILER_COUNT = 8;

    @NativeField(value = "Trailers.pTrailers", size = 8)
    public static final int TRAILERS_TRAILERS = 16;

    private HttpDataChunk() {
    }

    public static int dataChunkType(long address) {
        return NativeAccess.getInt(address + DATA_CHUNK_TYPE);
    }

    public static void setDataChunkType(long address, int value) {
        NativeAccess.putInt(address + DATA_CHUNK_TYPE, value);
    }

    public static long fromMemoryBuffer(long address) {
        return NativeAccess.getLong(address + FROM_MEMORY_BUFFER);
    }

    public static void setFromMemoryBuffer(long address, long value) {
        NativeAccess.putLong(address + FROM_MEMORY_BUFFER, value);
    }

    public static int fromMemoryBufferLength(long address) {
        return NativeAccess.getInt(address + FROM_MEMORY_BUFFER_LENGTH);
    }

    public static void setFromMemoryBufferLength(long address, int value) {
        NativeAccess.putInt(address + FROM_MEMORY_BUFFER_LENGTH, value);
    }

    /** The address of the embedded {@code HTTP_BYTE_RANGE}. */
    public static long fromFileHandleByteRange(long address) {
        return address + FROM_FILE_HANDLE_BYTE_RANGE;
    }

    public static long fromFileHandleFileHandle(long address) {
        return NativeAccess.getLong(address + FROM_FILE_HANDLE_FILE_HANDLE);
    }

    public static void setFromFileHandleFileHandle(long address, long value) {
        NativeAccess.putLong(address + FROM_FILE_HANDLE_FILE_HANDLE, value);
    }

    public static int fromFragmentCacheFragmentNameLength(long address) {
        return NativeAccess.getShort(address + FROM_FRAGMENT_CACHE_FRAGMENT_NAME_LENGTH) & 0xFFFF;
    }

    public static void setFromFragmentCacheFragmentNameLength(long address, int value) {
        NativeAccess.putShort(address + FROM_FRAGMENT_CACHE_FRAGMENT_NAME_LENGTH, (short) value);
    }

    public static long fromFragmentCacheFragmentName(long address) {
        return NativeAccess.getLong(address + FROM_FRAGMENT_CACHE_FRAGMENT_NAME);
    }

    public static void setFromFragmentCacheFragmentName(long address, long value) {
        NativeAccess.putLong(address + FROM_FRAGMENT_CACHE_FRAGMENT_NAME, value);
    }

    /** The address of the embedded {@code HTTP_BYTE_RANGE}. */
    public static long fromFragmentCacheExByteRange(long address) {
        return address + FROM_FRAGMENT_CACHE_EX_BYTE_RANGE;
    }

    public static long fromFragmentCacheExFragmentName(long address) {
        return NativeAccess.getLong(address + FROM_FRAGMENT_CACHE_EX_FRAGMENT_NAME);
    }

    public static void setFromFragmentCacheExFragmentName(long address, long value) {
        NativeAccess.putLong(address + FROM_FRAGMENT_CACHE_EX_FRAGMENT_NAME, value);
    }

    public static int trailersTrailerCount(long address) {
        return NativeAccess.getShort(address + TRAILERS_TRAILER_COUNT) & 0xFFFF;
    }

    public static void setTrailersTrailerCount(long address, int value) {
        NativeAccess.putShort(address + TRAILERS_TRAILER_COUNT, (short) value);
    }

    public static long trailersTrailers(long address) {
        return NativeAccess.getLong(address + TRAILERS_TRAILERS);
    }

    public static void setTrailersTrailers(long address, long value) {
        NativeAccess.putLong(address + TRAILERS_TRAILERS, value);
    }

    /** The address of element {@code index} of the array of {@code HTTP_DATA_CHUNK}s at {@code array}. */
    public static long at(long array, int index) {
        return array + (long) index * SIZE;
    }

    /**
     * Fills the chunk at {@code address} as {@code HttpDataChunkFromMemory} over {@code length} bytes at
     * {@code buffer}.
     */
    public static void setFromMemory(long address, long buffer, int length) {
        setDataChunkType(address, Http.HttpDataChunkFromMemory);
        setFromMemoryBuffer(address, buffer);
        setFromMemoryBufferLength(address, length);
    }

    /**
     * Fills the chunk at {@code address} as {@code HttpDataChunkFromFileHandle}: {@code length} bytes (or
     * {@code HTTP_BYTE_RANGE_TO_EOF}) from {@code offset} of the open file {@code fileHandle}.
     */
    public static void setFromFileHandle(long address, long fileHandle, long offset, long length) {
        setDataChunkType(address, Http.HttpDataChunkFromFileHandle);
        long range = fromFileHandleByteRange(address);
        HttpByteRange.setStartingOffset(range, offset);
        HttpByteRange.setLength(range, length);
        setFromFileHandleFileHandle(address, fileHandle);
    }
}
