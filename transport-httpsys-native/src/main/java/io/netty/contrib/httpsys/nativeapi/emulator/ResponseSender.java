package io.netty.contrib.httpsys.nativeapi.emulator;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.DefaultFileRegion;
import io.netty.contrib.httpsys.nativeapi.Http;
import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.NtStatus;
import io.netty.contrib.httpsys.nativeapi.WinError;
import io.netty.contrib.httpsys.nativeapi.struct.HttpResponseV2;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.stream.ChunkedNioFile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code HttpSendHttpResponse} and {@code HttpSendResponseEntityBody}: reads the response out of the caller's
 * memory at call time (as HTTP.SYS does: the caller may reuse it when the call returns), puts head and chunks
 * on the connection, and completes the call.
 *
 * <p>A send of memory chunks completes inside the call when the connection can take it (HTTP.SYS copies into
 * its own buffers; Wine's tests see 0 from an overlapped send and still get a completion packet); a send with
 * file chunks, or into a connection whose send buffer is full, completes when the bytes are written.
 */
final class ResponseSender {

    private static final int KNOWN_SEND_FLAGS = Http.HTTP_SEND_RESPONSE_FLAG_DISCONNECT
            | Http.HTTP_SEND_RESPONSE_FLAG_MORE_DATA | Http.HTTP_SEND_RESPONSE_FLAG_BUFFER_DATA
            | Http.HTTP_SEND_RESPONSE_FLAG_ENABLE_NAGLING | Http.HTTP_SEND_RESPONSE_FLAG_PROCESS_RANGES
            | Http.HTTP_SEND_RESPONSE_FLAG_OPAQUE | Http.HTTP_SEND_RESPONSE_FLAG_GOAWAY;
    private static final int FILE_CHUNK_SIZE = 64 * 1024;

    private final Kernel kernel;

    ResponseSender(Kernel kernel) {
        this.kernel = kernel;
    }

    /** A file range resolved against the file's size. */
    private record FileRange(FileHandle file, long offset, long length) {

        /** The bytes of the range the file holds now; all of them if its size cannot be read. */
        long available() {
            try {
                return Math.max(0, Math.min(length, file.size() - offset));
            } catch (IOException e) {
                return length;
            }
        }
    }

    int sendHttpResponse(RequestQueueHandle handle, long requestId, int flags, long response, long cachePolicy,
                         long bytesSent, long overlapped) {
        if ((flags & ~KNOWN_SEND_FLAGS) != 0 || response == 0) {
            return WinError.ERROR_INVALID_PARAMETER;
        }
        // The caller's memory is read before taking the kernel lock: it is the caller's until the call returns.
        ResponseReader.Result<ResponseHead> head = ResponseReader.readResponse(response);
        if (!head.isOk()) {
            return head.error();
        }
        ResponseReader.Result<List<DataChunk>> chunks = ResponseReader.readDataChunks(
                HttpResponseV2.entityChunkCount(response), HttpResponseV2.entityChunks(response));
        if (!chunks.isOk()) {
            return chunks.error();
        }
        ResponseReader.Result<ResponseReader.CachePolicy> policy = ResponseReader.readCachePolicy(cachePolicy);
        if (!policy.isOk()) {
            return policy.error();
        }
        List<Object> parts = new ArrayList<>();
        int error = resolve(chunks.value(), parts);
        if (error != WinError.NO_ERROR) {
            return error;
        }
        DataChunk.Trailers trailers = ResponseTrailerRules.of(chunks.value());
        long entityLength = length(parts);
        boolean shortFile = runsPastEndOfFile(parts);
        PendingIo wait;
        synchronized (kernel) {
            KernelRequest request = handle.queue.request(requestId);
            if (request == null || !request.isLive()) {
                return WinError.ERROR_CONNECTION_INVALID;
            }
            if (request.headSent || ResponseTrailerRules.refused(request.parsed, trailers, flags)) {
                return WinError.ERROR_INVALID_PARAMETER;
            }
            KernelResponseWriter.Head encoded = KernelResponseWriter.encodeHead(request.parsed,
                    request.withMutualAuth(head.value()), entityLength, flags);
            request.headSent = true;
            request.closeAfterResponse = encoded.closeAfter() || shortFile;
            if (!encoded.sendBody()) {
                parts.clear();
            }
            parts.add(0, encoded.bytes());
            boolean last = (flags & Http.HTTP_SEND_RESPONSE_FLAG_MORE_DATA) == 0;
            goAwayIfAsked(request, flags);
            if (trailers != null) {
                // Not cached: an entry replays head and body only, and would lose the trailers.
                parts.add(trailers);
            } else if (last) {
                cache(request, policy.value(), head.value(), parts);
            }
            request.connection.responseStarting();
            wait = transmit(handle, request, parts, last, request.closeAfterResponse, shortFile, bytesSent,
                    overlapped);
            if (shortFile) {
                return WinError.ERROR_HANDLE_EOF;
            }
            if (wait == null) {
                return WinError.NO_ERROR;
            }
        }
        return overlapped != 0 ? WinError.ERROR_IO_PENDING : wait.awaitSynchronous(bytesSent);
    }

    int sendResponseEntityBody(RequestQueueHandle handle, long requestId, int flags, int chunkCount, long chunks,
                               long bytesSent, long overlapped) {
        if ((flags & ~KNOWN_SEND_FLAGS) != 0) {
            return WinError.ERROR_INVALID_PARAMETER;
        }
        ResponseReader.Result<List<DataChunk>> read = ResponseReader.readDataChunks(chunkCount, chunks);
        if (!read.isOk()) {
            return read.error();
        }
        List<Object> parts = new ArrayList<>();
        int error = resolve(read.value(), parts);
        if (error != WinError.NO_ERROR) {
            return error;
        }
        DataChunk.Trailers trailers = ResponseTrailerRules.of(read.value());
        boolean shortFile = runsPastEndOfFile(parts);
        PendingIo wait;
        synchronized (kernel) {
            KernelRequest request = handle.queue.request(requestId);
            if (request == null || !request.isLive()) {
                return WinError.ERROR_CONNECTION_INVALID;
            }
            if (!request.headSent || ResponseTrailerRules.refused(request.parsed, trailers, flags)) {
                return WinError.ERROR_INVALID_PARAMETER;
            }
            if ("HEAD".equals(request.parsed.verb())) {
                parts.clear();
            }
            if (trailers != null) {
                parts.add(trailers);
            }
            boolean last = (flags & Http.HTTP_SEND_RESPONSE_FLAG_MORE_DATA) == 0;
            goAwayIfAsked(request, flags);
            boolean close = request.closeAfterResponse || shortFile
                    || KernelResponseWriter.closesAfter(request.parsed, flags);
            request.closeAfterResponse = close;
            wait = transmit(handle, request, parts, last, close, shortFile, bytesSent, overlapped);
            if (shortFile) {
                return WinError.ERROR_HANDLE_EOF;
            }
            if (wait == null) {
                return WinError.NO_ERROR;
            }
        }
        return overlapped != 0 ? WinError.ERROR_IO_PENDING : wait.awaitSynchronous(bytesSent);
    }

    /**
     * {@code HTTP_SEND_RESPONSE_FLAG_GOAWAY} on an HTTP/2 request: {@code GOAWAY} on its connection, whose streams
     * in flight still finish. ASP.NET Core sets it, with DISCONNECT, when an HTTP/2 response says
     * {@code Connection: close} (Response.ComputeHeaders, "SupportsGoAway"); HTTP/1.x ignores it here.
     */
    private static void goAwayIfAsked(KernelRequest request, int flags) {
        if ((flags & Http.HTTP_SEND_RESPONSE_FLAG_GOAWAY) != 0 && request.connection.isHttp2()) {
            request.connection.session.goAway();
        }
    }

    /** Turns data chunks into byte arrays and resolved file ranges; returns a Win32 error. */
    private int resolve(List<DataChunk> chunks, List<Object> parts) {
        for (DataChunk chunk : chunks) {
            if (chunk instanceof DataChunk.FromMemory memory) {
                parts.add(memory.bytes());
            } else if (chunk instanceof DataChunk.FromFileHandle file) {
                FileHandle handle = kernel.handles().get(file.fileHandle(), FileHandle.class);
                if (handle == null) {
                    return WinError.ERROR_INVALID_HANDLE;
                }
                long size;
                try {
                    size = handle.size();
                } catch (IOException e) {
                    return WinError.ERROR_INVALID_HANDLE;
                }
                // A range past the end of the file is not refused here: the file may have shrunk since the
                // caller sized it, and HTTP.SYS only finds out when it reads (see runsPastEndOfFile).
                long length = file.length() == -1 ? Math.max(0, size - file.offset()) : file.length();
                parts.add(new FileRange(handle, file.offset(), length));
            }
        }
        return WinError.NO_ERROR;
    }

    /**
     * Whether a file range ends beyond the end of its file (it shrank after the caller sized the range). Such a
     * send puts the bytes the file still has on the wire, ends with {@code STATUS_END_OF_FILE}
     * ({@code ERROR_HANDLE_EOF}) and, since the response is now shorter than its head announced, closes the
     * connection: known at call time, the call returns {@code ERROR_HANDLE_EOF} at once (an error: no packet,
     * Wine {@code server/async.c}); found while writing, the pending send completes with it. ASP.NET Core counts
     * {@code ERROR_HANDLE_EOF} from a send as success (ResponseStreamAsyncResult.IOCompleted,
     * ResponseBody.FlushInternal). Reading what was there and ending the connection is this emulator's model;
     * nothing documents what HTTP.SYS puts on the wire, and a Windows test checks it.
     */
    private static boolean runsPastEndOfFile(List<Object> parts) {
        for (Object part : parts) {
            if (part instanceof FileRange range && range.available() < range.length()) {
                return true;
            }
        }
        return false;
    }

    private static long length(List<Object> parts) {
        long total = 0;
        for (Object part : parts) {
            if (part instanceof byte[] bytes) {
                total += bytes.length;
            } else if (part instanceof FileRange range) {
                total += range.length();
            }
        }
        return total;
    }

    /**
     * Writes the parts; completes inline (returns {@code null}) when everything is memory and the connection
     * has room, else returns the operation that the last write completes. The writes run as one task on the
     * connection's event loop: one hand-over under the kernel lock instead of one per part, in the same order
     * as every other task the kernel gives that connection (the codec's continue, a graceful close).
     */
    private PendingIo transmit(RequestQueueHandle handle, KernelRequest request, List<Object> parts, boolean last,
                               boolean close, boolean shortFile, long bytesSent, long overlapped) {
        KernelConnection connection = request.connection;
        Channel channel = connection.channel();
        long total = length(parts);
        boolean memoryOnly = parts.stream().noneMatch(p -> p instanceof FileRange);
        boolean inline = shortFile || memoryOnly && channel.isWritable();
        PendingIo op = inline ? null : PendingIo.start(handle, overlapped).markSend();
        int minSendRate = request.timeouts.minSendRate();
        boolean closing = last && close;
        channel.eventLoop().execute(() -> write(channel, parts, op, total, minSendRate, closing));
        if (last) {
            request.responseCompleted();
            connection.responseFinished(request, close);
        }
        if (shortFile) {
            return null;
        }
        if (inline) {
            if (bytesSent != 0) {
                NativeAccess.putInt(bytesSent, (int) total);
            }
            PendingIo.completeInline(handle, overlapped, NtStatus.STATUS_SUCCESS, total);
            return null;
        }
        return op;
    }

    /**
     * On the event loop: puts the parts on the wire and completes {@code op} (if any) when they are written. A
     * send still unwritten after {@code total / minSendRate} seconds (at least one) drops the connection:
     * MinSendRate of {@code HTTP_TIMEOUT_LIMIT_INFO} ("Timer_MinBytesPerSecond" in HTTP.SYS's error log). A file
     * that shrank since the call ends the connection after its last byte, unless {@code closing} (the response's
     * end already closes it).
     */
    private static void write(Channel channel, List<Object> parts, PendingIo op, long total, int minSendRate,
                              boolean closing) {
        ChannelFuture lastWrite = null;
        boolean endOfFile = false;
        try {
            for (Object part : parts) {
                if (part instanceof byte[] bytes) {
                    lastWrite = channel.write(Unpooled.wrappedBuffer(bytes));
                    continue;
                }
                if (part instanceof DataChunk.Trailers) {
                    // Only HTTP/2 streams get trailers (ResponseTrailerRules): their framer sends them.
                    lastWrite = channel.write(part);
                    continue;
                }
                FileRange range = (FileRange) part;
                long available = range.available();
                if (available < range.length()) {
                    // The file shrank since the call: what it still has goes out, then the connection ends.
                    endOfFile = true;
                    range = new FileRange(range.file(), range.offset(), available);
                }
                lastWrite = channel.write(fileMessage(channel, range));
                if (endOfFile) {
                    break;
                }
            }
        } catch (IOException e) {
            // The file cannot be read any more: the response cannot be finished, so the connection goes.
            channel.close();
            if (op != null) {
                op.complete(NtStatusTable.STATUS_CONNECTION_DISCONNECTED, 0);
            }
            return;
        }
        // Earlier sends still queued on the connection go out first: the deadline covers them too.
        ChannelOutboundBuffer queued = channel.unsafe().outboundBuffer();
        long pending = Math.max(total, queued == null ? 0 : queued.totalPendingWriteBytes());
        channel.flush();
        if (lastWrite != null && !lastWrite.isDone() && minSendRate != TimeoutLimits.NO_MIN_SEND_RATE) {
            long rate = Integer.toUnsignedLong(minSendRate);
            long seconds = Math.max(1, (pending + rate - 1) / rate);
            ChannelFuture written = lastWrite;
            ScheduledFuture<?> timer = channel.eventLoop().schedule(() -> {
                if (!written.isDone()) {
                    channel.close();
                }
            }, seconds, TimeUnit.SECONDS);
            written.addListener(f -> timer.cancel(false));
        }
        if (endOfFile && !closing) {
            GracefulClose.afterFlush(channel);
        }
        if (op == null) {
            return;
        }
        if (lastWrite == null) {
            op.complete(NtStatus.STATUS_SUCCESS, 0);
        } else {
            boolean shortened = endOfFile;
            lastWrite.addListener(f -> {
                // A region that meets the end of a file shrinking during the transfer fails the write.
                boolean eof = shortened || !f.isSuccess() && runsPastEndOfFile(parts);
                op.complete(eof ? NtStatusTable.STATUS_END_OF_FILE : f.isSuccess() ? NtStatus.STATUS_SUCCESS
                        : NtStatusTable.STATUS_CONNECTION_DISCONNECTED, f.isSuccess() ? total : 0);
            });
        }
    }

    /** A zero-copy region on plain connections; chunked reads through the TLS engine otherwise. */
    private static Object fileMessage(Channel channel, FileRange range) throws IOException {
        FileChannel file = range.file().openForSend();
        if (channel.pipeline().get(SslHandler.class) != null || channel instanceof Http2StreamChannel) {
            return new ChunkedNioFile(file, range.offset(), range.length(), FILE_CHUNK_SIZE);
        }
        return new DefaultFileRegion(file, range.offset(), range.length());
    }

    /**
     * Offers a response complete in one call to the kernel cache, which decides whether HTTP.SYS would keep it.
     * {@code parts} is the head the kernel wrote, then the body; file ranges are read into the entry, since
     * HTTP.SYS caches file-handle responses too (ASP.NET Core {@code Caching_SendFileWithFullContentLength_Cached}).
     */
    private void cache(KernelRequest request, ResponseReader.CachePolicy policy, ResponseHead head,
                       List<Object> parts) {
        if (policy.policy() == Http.HttpCachePolicyNocache || length(parts) > kernel.cache().maxResponseBytes()) {
            return;
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Object part : parts.subList(1, parts.size())) {
            if (part instanceof byte[] bytes) {
                body.writeBytes(bytes);
            } else if (!readInto(body, (FileRange) part)) {
                return;
            }
        }
        kernel.cache().store(request.parsed, request.connection.localPort(), request.queue, policy, head,
                ((byte[]) parts.get(0)).length, body.toByteArray());
    }

    /** Appends a file range's bytes; {@code false} when the file no longer has them all. */
    private static boolean readInto(ByteArrayOutputStream out, FileRange range) {
        ByteBuffer buffer = ByteBuffer.allocate((int) range.length());
        try (FileChannel file = range.file().openForSend()) {
            while (buffer.hasRemaining()) {
                if (file.read(buffer, range.offset() + buffer.position()) < 0) {
                    return false;
                }
            }
        } catch (IOException e) {
            return false;
        }
        out.write(buffer.array(), 0, buffer.capacity());
        return true;
    }
}
