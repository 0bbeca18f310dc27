package io.netty.contrib.httpsys.nativeapi.emulator;

import java.util.List;

/**
 * One {@code HTTP_DATA_CHUNK} of a response, copied out of (or referenced from) the caller's memory when
 * the send call is made, as HTTP.SYS does.
 */
public sealed interface DataChunk permits DataChunk.FromMemory, DataChunk.FromFileHandle, DataChunk.Trailers {

    /** Bytes this chunk puts on the wire, or {@code -1} for a file range "to end of file" not yet resolved. */
    long length();

    /** {@code HttpDataChunkFromMemory}: the bytes, copied at call time. */
    record FromMemory(byte[] bytes) implements DataChunk {
        @Override
        public long length() {
            return bytes.length;
        }
    }

    /**
     * {@code HttpDataChunkFromFileHandle}: a byte range of a file opened through
     * {@code IoCompletion.CreateFileW}; {@code length == -1} is {@code HTTP_BYTE_RANGE_TO_EOF}.
     */
    record FromFileHandle(long fileHandle, long offset, long length) implements DataChunk {
    }

    /**
     * {@code HttpDataChunkTrailers}: the trailer fields that end an HTTP/2 or HTTP/3 response, copied at call
     * time from the {@code HTTP_UNKNOWN_HEADER} array {@code pTrailers}; no body bytes.
     */
    record Trailers(List<ResponseHeader> headers) implements DataChunk {
        @Override
        public long length() {
            return 0;
        }
    }
}
