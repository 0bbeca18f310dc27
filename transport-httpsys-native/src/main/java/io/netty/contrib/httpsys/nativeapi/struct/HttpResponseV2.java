package io.netty.contrib.httpsys.nativeapi.struct;

import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.NativeField;
import io.netty.contrib.httpsys.nativeapi.NativeStruct;

/**
 * {@code HTTP_RESPONSE_V2} (the SDK's {@code HTTP_RESPONSE}): the response head, and optionally the first
 * body chunks, that the transport builds in native memory for {@code HttpSendHttpResponse} and the emulator
 * reads back. {@code Headers} is an embedded {@link HttpResponseHeaders} (address it from
 * {@link #headers(long)}); the V2 fields {@code ResponseInfoCount} / {@code pResponseInfo} carry
 * {@link HttpResponseInfo}s such as {@link HttpMultipleKnownHeaders}. {@code pReason} is ASCII of
 * {@code ReasonLength} bytes.
 *
 * <pre>
 * offset  type                   field
 *      0  ULONG                  Flags
 *      4  HTTP_VERSION           Version
 *      8  USHORT                 StatusCode
 *     10  USHORT                 ReasonLength
 *     12                         (4 bytes of padding)
 *     16  PCSTR                  pReason
 *     24  HTTP_RESPONSE_HEADERS  Headers
 *    536  USHORT                 EntityChunkCount
 *    538                         (6 bytes of padding)
 *    544  PHTTP_DATA_CHUNK       pEntityChunks
 *    552  USHORT                 ResponseInfoCount
 *    554                         (6 bytes of padding)
 *    560  PHTTP_RESPONSE_INFO    pResponseInfo
 *    568                         sizeof = 568
 * </pre>
 */
@NativeStruct("HTTP_RESPONSE_V2")
public final class HttpResponseV2 {

    public static final int SIZE = 568;

    @NativeField(value = "Flags", size = 4)
    public static final int FLAGS = 0;

    @NativeField(value = "Version", size = 4)
    public static final int VERSION = 4;

    @NativeField(value = "StatusCode", size = 2)
    public static final int STATUS_CODE = 8;

    @NativeField(value = "ReasonLength", size = 2)
    public static final int REASON_LENGTH = 10;

    @NativeField(value = "pReason", size = 8)
    public static final int REASON = 16;

    @NativeField(value = "Headers", size = 512)
    public static final int HEADERS = 24;

    @NativeField(value = "EntityChunkCount", size = 2)
    public static final int ENTITY_CHUNK_COUNT = 536;

    @NativeField(value = "pEntityChunks", size = 8)
    public static final int ENTITY_CHUNKS = 544;

    @NativeField(value = "ResponseInfoCount", size = 2)
    public static final int RESPONSE_INFO_COUNT = 552;

    @NativeField(value = "pResponseInfo", size = 8)
    public static final int RESPONSE_INFO = 560;

    private HttpResponseV2() {
    }

    public static int flags(long address) {
        return NativeAccess.getInt(address + FLAGS);
    }

    public static void setFlags(long address, int value) {
        NativeAccess.putInt(address + FLAGS, value);
    }

    /** The protocol version, packed as in {@link HttpVersion#pack(int, int)}. */
    public static int version(long address) {
        return NativeAccess.getInt(address + VERSION);
    }

    public static void setVersion(long address, int value) {
        NativeAccess.putInt(address + VERSION, value);
    }

    public static int statusCode(long address) {
        return NativeAccess.getShort(address + STATUS_CODE) & 0xFFFF;
    }

    public static void setStatusCode(long address, int value) {
        NativeAccess.putShort(address + STATUS_CODE, (short) value);
    }

    /** Length of {@code pReason} in bytes. */
    public static int reasonLength(long address) {
        return NativeAccess.getShort(address + REASON_LENGTH) & 0xFFFF;
    }

    public static void setReasonLength(long address, int value) {
        NativeAccess.putShort(address + REASON_LENGTH, (short) value);
    }

    public static long reason(long address) {
        return NativeAccess.getLong(address + REASON);
    }

    public static void setReason(long address, long value) {
        NativeAccess.putLong(address + REASON, value);
    }

    /** The address of the embedded {@code HTTP_RESPONSE_HEADERS}. */
    public static long headers(long address) {
        return address + HEADERS;
    }

    public static int entityChunkCount(long address) {
        return NativeAccess.getShort(address + ENTITY_CHUNK_COUNT) & 0xFFFF;
    }

    public static void setEntityChunkCount(long address, int value) {
        NativeAccess.putShort(address + ENTITY_CHUNK_COUNT, (short) value);
    }

    public static long entityChunks(long address) {
        return NativeAccess.getLong(address + ENTITY_CHUNKS);
    }

    public static void setEntityChunks(long address, long value) {
        NativeAccess.putLong(address + ENTITY_CHUNKS, value);
    }

    public static int responseInfoCount(long address) {
        return NativeAccess.getShort(address + RESPONSE_INFO_COUNT) & 0xFFFF;
    }

    public static void setResponseInfoCount(long address, int value) {
        NativeAccess.putShort(address + RESPONSE_INFO_COUNT, (short) value);
    }

    public static long responseInfo(long address) {
        return NativeAccess.getLong(address + RESPONSE_INFO);
    }

    public static void setResponseInfo(long address, long value) {
        NativeAccess.putLong(address + RESPONSE_INFO, value);
    }
}
