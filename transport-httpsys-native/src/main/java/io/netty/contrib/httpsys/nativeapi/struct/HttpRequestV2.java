package io.netty.contrib.httpsys.nativeapi.struct;

import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.NativeField;
import io.netty.contrib.httpsys.nativeapi.NativeStruct;

/**
 * {@code HTTP_REQUEST_V2} (the SDK's {@code HTTP_REQUEST}): a received request as
 * {@code HttpReceiveHttpRequest} writes it into the caller's buffer, with every pointer pointing further
 * into that same buffer. The transport decodes it into a Netty {@code HttpRequest} (and reads
 * {@code RequestId} to answer it); the emulator writes it. The fields are flat as in the SDK: the
 * {@code HTTP_REQUEST_V1} fields, then {@code RequestInfoCount} and {@code pRequestInfo}.
 * {@code CookedUrl}, {@code Address} and {@code Headers} are embedded structs: address their members with
 * {@link HttpCookedUrl}, {@link HttpTransportAddress} and {@link HttpRequestHeaders} from
 * {@link #cookedUrl(long)}, {@link #address(long)} and {@link #headers(long)}.
 *
 * <pre>
 * offset  type                    field
 *      0  ULONG                   Flags
 *      4                          (4 bytes of padding)
 *      8  HTTP_CONNECTION_ID      ConnectionId
 *     16  HTTP_REQUEST_ID         RequestId
 *     24  HTTP_URL_CONTEXT        UrlContext
 *     32  HTTP_VERSION            Version
 *     36  HTTP_VERB               Verb
 *     40  USHORT                  UnknownVerbLength
 *     42  USHORT                  RawUrlLength
 *     44                          (4 bytes of padding)
 *     48  PCSTR                   pUnknownVerb
 *     56  PCSTR                   pRawUrl
 *     64  HTTP_COOKED_URL         CookedUrl
 *    104  HTTP_TRANSPORT_ADDRESS  Address
 *    120  HTTP_REQUEST_HEADERS    Headers
 *    808  ULONGLONG               BytesReceived
 *    816  USHORT                  EntityChunkCount
 *    818                          (6 bytes of padding)
 *    824  PHTTP_DATA_CHUNK        pEntityChunks
 *    832  HTTP_RAW_CONNECTION_ID  RawConnectionId
 *    840  PHTTP_SSL_INFO          pSslInfo
 *    848  USHORT                  RequestInfoCount
 *    850                          (6 bytes of padding)
 *    856  PHTTP_REQUEST_INFO      pRequestInfo
 *    864                          sizeof = 864
 * </pre>
 */
@NativeStruct("HTTP_REQUEST_V2")
public final class HttpRequestV2 {

    public static final int SIZE = 864;

    @NativeField(value = "Flags", size = 4)
    public static final int FLAGS = 0;

    @NativeField(value = "ConnectionId", size = 8)
    public static final int CONNECTION_ID = 8;

    @NativeField(value = "RequestId", size = 8)
    public static final int REQUEST_ID = 16;

    @NativeField(value = "UrlContext", size = 8)
    public static final int URL_CONTEXT = 24;

    @NativeField(value = "Version", size = 4)
    public static final int VERSION = 32;

    @NativeField(value = "Verb", size = 4)
    public static final int VERB = 36;

    @NativeField(value = "UnknownVerbLength", size = 2)
    public static final int UNKNOWN_VERB_LENGTH = 40;

    @NativeField(value = "RawUrlLength", size = 2)
    public static final int RAW_URL_LENGTH = 42;

    @NativeField(value = "pUnknownVerb", size = 8)
    public static final int UNKNOWN_VERB = 48;

    @NativeField(value = "pRawUrl", size = 8)
    public static final int RAW_URL = 56;

    @NativeField(value = "CookedUrl", size = 40)
    public static final int COOKED_URL = 64;

    @NativeField(value = "Address", size = 16)
    public static final int ADDRESS = 104;

    @NativeField(value = "Headers", size = 688)
    public static final int HEADERS = 120;

    @NativeField(value = "BytesReceived", size = 8)
    public static final int BYTES_RECEIVED = 808;

    @NativeField(value = "EntityChunkCount", size = 2)
    public static final int ENTITY_CHUNK_COUNT = 816;

    @NativeField(value = "pEntityChunks", size = 8)
    public static final int ENTITY_CHUNKS = 824;

    @NativeField(value = "RawConnectionId", size = 8)
    public static final int RAW_CONNECTION_ID = 832;

    @NativeField(value = "pSslInfo", size = 8)
    public static final int SSL_INFO = 840;

    @NativeField(value = "RequestInfoCount", size = 2)
    public static final int REQUEST_INFO_COUNT = 848;

    @NativeField(value = "pRequestInfo", size = 8)
    public static final int REQUEST_INFO = 856;

    private HttpRequestV2() {
    }

    /** {@code HTTP_REQUEST_FLAG_*} bits. */
    public static int flags(long address) {
        return NativeAccess.getInt(address + FLAGS);
    }

    public static void setFlags(long address, int value) {
        NativeAccess.putInt(address + FLAGS, value);
    }

    public static long connectionId(long address) {
        return NativeAccess.getLong(address + CONNECTION_ID);
    }

    public static void setConnectionId(long address, long value) {
        NativeAccess.putLong(address + CONNECTION_ID, value);
    }

    public static long requestId(long address) {
        return NativeAccess.getLong(address + REQUEST_ID);
    }

    public static void setRequestId(long address, long value) {
        NativeAccess.putLong(address + REQUEST_ID, value);
    }

    /** The context given to {@code HttpAddUrlToUrlGroup} for the matched URL. */
    public static long urlContext(long address) {
        return NativeAccess.getLong(address + URL_CONTEXT);
    }

    public static void setUrlContext(long address, long value) {
        NativeAccess.putLong(address + URL_CONTEXT, value);
    }

    /** The protocol version, packed as in {@link HttpVersion#pack(int, int)}. */
    public static int version(long address) {
        return NativeAccess.getInt(address + VERSION);
    }

    public static void setVersion(long address, int value) {
        NativeAccess.putInt(address + VERSION, value);
    }

    /** An {@code HttpVerb*} value; {@code HttpVerbUnknown} means the method is in {@code pUnknownVerb}. */
    public static int verb(long address) {
        return NativeAccess.getInt(address + VERB);
    }

    public static void setVerb(long address, int value) {
        NativeAccess.putInt(address + VERB, value);
    }

    /** Length of {@code pUnknownVerb} in bytes. */
    public static int unknownVerbLength(long address) {
        return NativeAccess.getShort(address + UNKNOWN_VERB_LENGTH) & 0xFFFF;
    }

    public static void setUnknownVerbLength(long address, int value) {
        NativeAccess.putShort(address + UNKNOWN_VERB_LENGTH, (short) value);
    }

    /** Length of {@code pRawUrl} in bytes. */
    public static int rawUrlLength(long address) {
        return NativeAccess.getShort(address + RAW_URL_LENGTH) & 0xFFFF;
    }

    public static void setRawUrlLength(long address, int value) {
        NativeAccess.putShort(address + RAW_URL_LENGTH, (short) value);
    }

    public static long unknownVerb(long address) {
        return NativeAccess.getLong(address + UNKNOWN_VERB);
    }

    public static void setUnknownVerb(long address, long value) {
        NativeAccess.putLong(address + UNKNOWN_VERB, value);
    }

    /** The request target as received (ASCII, not decoded). */
    public static long rawUrl(long address) {
        return NativeAccess.getLong(address + RAW_URL);
    }

    public static void setRawUrl(long address, long value) {
        NativeAccess.putLong(address + RAW_URL, value);
    }

    /** The address of the embedded {@code HTTP_COOKED_URL}. */
    public static long cookedUrl(long address) {
        return address + COOKED_URL;
    }

    /** The address of the embedded {@code HTTP_TRANSPORT_ADDRESS}. */
    public static long address(long address) {
        return address + ADDRESS;
    }

    /** The address of the embedded {@code HTTP_REQUEST_HEADERS}. */
    public static long headers(long address) {
        return address + HEADERS;
    }

    public static long bytesReceived(long address) {
        return NativeAccess.getLong(address + BYTES_RECEIVED);
    }

    public static void setBytesReceived(long address, long value) {
        NativeAccess.putLong(address + BYTES_RECEIVED, value);
    }

    /**
     * Number of body chunks in {@code pEntityChunks}: nonzero only with {@code HTTP_RECEIVE_REQUEST_FLAG_COPY_BODY}.
     */
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

    public static long rawConnectionId(long address) {
        return NativeAccess.getLong(address + RAW_CONNECTION_ID);
    }

    public static void setRawConnectionId(long address, long value) {
        NativeAccess.putLong(address + RAW_CONNECTION_ID, value);
    }

    /** {@code NULL} for plain HTTP. */
    public static long sslInfo(long address) {
        return NativeAccess.getLong(address + SSL_INFO);
    }

    public static void setSslInfo(long address, long value) {
        NativeAccess.putLong(address + SSL_INFO, value);
    }

    public static int requestInfoCount(long address) {
        return NativeAccess.getShort(address + REQUEST_INFO_COUNT) & 0xFFFF;
    }

    public static void setRequestInfoCount(long address, int value) {
        NativeAccess.putShort(address + REQUEST_INFO_COUNT, (short) value);
    }

    public static long requestInfo(long address) {
        return NativeAccess.getLong(address + REQUEST_INFO);
    }

    public static void setRequestInfo(long address, long value) {
        NativeAccess.putLong(address + REQUEST_INFO, value);
    }
}
