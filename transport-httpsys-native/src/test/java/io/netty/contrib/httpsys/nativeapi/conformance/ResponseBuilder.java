package io.netty.contrib.httpsys.nativeapi.conformance;

import io.netty.contrib.httpsys.nativeapi.struct.HttpDataChunk;
import io.netty.contrib.httpsys.nativeapi.struct.HttpKnownHeader;
import io.netty.contrib.httpsys.nativeapi.struct.HttpResponseHeaders;
import io.netty.contrib.httpsys.nativeapi.struct.HttpResponseV2;
import io.netty.contrib.httpsys.nativeapi.struct.HttpUnknownHeader;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds an {@code HTTP_RESPONSE_V2} with memory or file chunks in a {@link NativeArena}, like a C test would. */
final class ResponseBuilder {

    private final NativeArena arena;
    private int status = 200;
    private String reason = "OK";
    private final Map<Integer, String> known = new LinkedHashMap<>();
    private final Map<String, String> unknown = new LinkedHashMap<>();
    private final List<Object> chunks = new ArrayList<>();

    private record FileChunk(long handle, long offset, long length) {
    }

    ResponseBuilder(NativeArena arena) {
        this.arena = arena;
    }

    ResponseBuilder status(int status, String reason) {
        this.status = status;
        this.reason = reason;
        return this;
    }

    ResponseBuilder known(int headerId, String value) {
        known.put(headerId, value);
        return this;
    }

    ResponseBuilder header(String name, String value) {
        unknown.put(name, value);
        return this;
    }

    ResponseBuilder body(String... parts) {
        chunks.addAll(List.of(parts));
        return this;
    }

    ResponseBuilder file(long handle, long offset, long length) {
        chunks.add(new FileChunk(handle, offset, length));
        return this;
    }

    /** The {@code HTTP_RESPONSE_V2}'s address. */
    long build() {
        long response = arena.allocate(HttpResponseV2.SIZE);
        HttpResponseV2.setStatusCode(response, status);
        HttpResponseV2.setReason(response, arena.ascii(reason));
        HttpResponseV2.setReasonLength(response, reason.length());
        long headers = HttpResponseV2.headers(response);
        for (Map.Entry<Integer, String> header : known.entrySet()) {
            long slot = HttpResponseHeaders.knownHeader(headers, header.getKey());
            HttpKnownHeader.setRawValue(slot, arena.ascii(header.getValue()));
            HttpKnownHeader.setRawValueLength(slot, header.getValue().length());
        }
        if (!unknown.isEmpty()) {
            long array = arena.allocate((long) unknown.size() * HttpUnknownHeader.SIZE);
            int i = 0;
            for (Map.Entry<String, String> header : unknown.entrySet()) {
                long slot = HttpUnknownHeader.at(array, i++);
                HttpUnknownHeader.setName(slot, arena.ascii(header.getKey()));
                HttpUnknownHeader.setNameLength(slot, header.getKey().length());
                HttpUnknownHeader.setRawValue(slot, arena.ascii(header.getValue()));
                HttpUnknownHeader.setRawValueLength(slot, header.getValue().length());
            }
            HttpResponseHeaders.setUnknownHeaders(headers, array);
            HttpResponseHeaders.setUnknownHeaderCount(headers, unknown.size());
        }
        if (!chunks.isEmpty()) {
            HttpResponseV2.setEntityChunks(response, chunks(arena, chunks));
            HttpResponseV2.setEntityChunkCount(response, chunks.size());
        }
        return response;
    }

    /** An {@code HTTP_DATA_CHUNK} array of memory chunks. */
    static long memoryChunks(NativeArena arena, String... parts) {
        return chunks(arena, List.of((Object[]) parts));
    }

    private static long chunks(NativeArena arena, List<Object> parts) {
        long array = arena.allocate((long) HttpDataChunk.SIZE * parts.size());
        for (int i = 0; i < parts.size(); i++) {
            long chunk = HttpDataChunk.at(array, i);
            if (parts.get(i) instanceof FileChunk file) {
                HttpDataChunk.setFromFileHandle(chunk, file.handle(), file.offset(), file.length());
            } else {
                String text = (String) parts.get(i);
                HttpDataChunk.setFromMemory(chunk, arena.ascii(text), text.length());
            }
        }
        return array;
    }
}
