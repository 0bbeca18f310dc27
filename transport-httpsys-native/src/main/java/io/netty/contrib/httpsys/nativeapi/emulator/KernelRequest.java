package io.netty.contrib.httpsys.nativeapi.emulator;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.contrib.httpsys.nativeapi.Http;
import io.netty.contrib.httpsys.nativeapi.NtStatus;
import io.netty.contrib.httpsys.nativeapi.WinError;

import java.util.ArrayDeque;

/**
 * One request inside the emulated kernel, from routing to the end of its response: its head, the body bytes
 * that arrived and were not read yet, the body reads waiting for more, and how far the response got.
 *
 * <p>Body bytes are held in a bounded buffer: above {@link #PAUSE_BYTES} the connection stops reading from the
 * socket until the application reads, so a 100 MB upload never sits in memory whole. All methods run under the
 * kernel lock.
 */
final class KernelRequest {

    /** Buffered body bytes above which the socket is not read (unless a FILL_BUFFER read wants more). */
    static final int PAUSE_BYTES = 256 * 1024;

    final long id;
    final KernelConnection connection;
    final ParsedRequest parsed;
    final UrlRegistration registration;
    final RequestQueue queue;

    private final ArrayDeque<ByteBuf> body = new ArrayDeque<>();
    private final ArrayDeque<BodyRead> bodyReads = new ArrayDeque<>();
    private long bufferedBytes;
    private long bytesReceived;
    private boolean bodyComplete;
    private boolean bodyBroken;
    private boolean continueSent;

    boolean delivered;
    boolean headSent;
    boolean responseComplete;
    boolean closeAfterResponse;

    KernelRequest(long id, KernelConnection connection, ParsedRequest parsed, UrlRegistration registration,
                  RequestQueue queue) {
        this.id = id;
        this.connection = connection;
        this.parsed = parsed;
        this.registration = registration;
        this.queue = queue;
        this.bytesReceived = parsed.headBytes();
        this.bodyComplete = !parsed.hasEntityBody();
    }

    /** Whether the application may still use this request's id. */
    boolean isLive() {
        return !responseComplete && connection.isOpen();
    }

    /**
     * Marshals this request into the caller's buffer as {@code HttpReceiveHttpRequest} returns it.
     *
     * @return {NTSTATUS, bytes}: STATUS_SUCCESS with the bytes written, or STATUS_BUFFER_OVERFLOW with the size
     *         needed (the request is then bound to its id)
     */
    long[] deliver(int flags, long buffer, int length) {
        boolean copyBody = (flags & Http.HTTP_RECEIVE_REQUEST_FLAG_COPY_BODY) != 0;
        ByteBuf available = copyBody ? peekBody(length) : null;
        long beyond = bufferedBytes - (available == null ? 0 : available.readableBytes());
        int requestFlags = !bodyComplete || beyond > 0 ? Http.HTTP_REQUEST_FLAG_MORE_ENTITY_BODY_EXISTS : 0;
        try {
            RequestMarshaller.Result result = RequestMarshaller.marshal(parsed, connection.info(), id,
                    registration.urlContext(), bytesReceived, requestFlags, available, flags, buffer, length);
            if (result.error() == WinError.ERROR_MORE_DATA) {
                return new long[] {NtStatusTable.STATUS_BUFFER_OVERFLOW, result.bytesReturned()};
            }
            delivered = true;
            consumeBody(result.bodyBytesConsumed());
            return new long[] {NtStatus.STATUS_SUCCESS, result.bytesReturned()};
        } finally {
            if (available != null) {
                available.release();
            }
        }
    }

    /** Up to {@code limit} buffered body bytes as one buffer (a copy), for COPY_BODY. */
    private ByteBuf peekBody(int limit) {
        int size = (int) Math.min(bufferedBytes, limit);
        ByteBuf all = Unpooled.buffer(size);
        for (ByteBuf part : body) {
            if (!all.isWritable()) {
                break;
            }
            all.writeBytes(part, part.readerIndex(), Math.min(part.readableBytes(), all.writableBytes()));
        }
        return all;
    }

    /** Body bytes arrived from the socket (ownership passes here). */
    void bodyArrived(ByteBuf content) {
        int n = content.readableBytes();
        if (n == 0 || responseComplete) {
            content.release();
            return;
        }
        bytesReceived += n;
        body.add(content);
        bufferedBytes += n;
        serveBodyReads();
        updateReading();
    }

    /** The body ended; {@code broken} when the client closed mid-body or sent a malformed chunk. */
    void bodyEnded(boolean broken) {
        bodyComplete = true;
        bodyBroken = broken;
        serveBodyReads();
        updateReading();
    }

    /**
     * {@code HttpReceiveRequestEntityBody}: copies buffered body bytes now, or parks the read.
     *
     * @return {NTSTATUS, bytes} when it completes now, {@code null} when parked (overlapped: 997)
     */
    long[] readBody(BodyRead read, boolean park) {
        if (parsed.expectContinue() && !continueSent && !headSent && !bodyComplete) {
            continueSent = true;
            connection.writeInterim(KernelResponseWriter.CONTINUE_100);
        }
        if (bodyReads.isEmpty()) {
            long[] now = tryRead(read);
            if (now != null) {
                return now;
            }
        }
        if (!park) {
            return null;
        }
        bodyReads.add(read);
        read.io().onAbort(() -> bodyReads.remove(read));
        updateReading();
        return null;
    }

    private long[] tryRead(BodyRead read) {
        if (bufferedBytes > 0 && (!read.fillBuffer() || bufferedBytes >= read.length() || bodyComplete)) {
            int copied = copyBody(read.buffer(), read.length());
            return new long[] {NtStatus.STATUS_SUCCESS, copied};
        }
        if (bodyComplete) {
            return new long[] {bodyBroken ? NtStatusTable.STATUS_CONNECTION_DISCONNECTED
                    : NtStatusTable.STATUS_END_OF_FILE, 0};
        }
        if (!connection.isOpen()) {
            return new long[] {NtStatusTable.STATUS_CONNECTION_DISCONNECTED, 0};
        }
        return null;
    }

    private void serveBodyReads() {
        while (!bodyReads.isEmpty()) {
            BodyRead read = bodyReads.peek();
            if (read.io().isDone()) {
                bodyReads.poll();
                continue;
            }
            long[] result = tryRead(read);
            if (result == null) {
                return;
            }
            bodyReads.poll();
            if (!read.io().claim()) {
                // Cancelled between the check and now: the bytes stay for the next read.
                continue;
            }
            read.io().finish((int) result[0], result[1]);
        }
    }

    private int copyBody(long address, int length) {
        int copied = 0;
        while (copied < length && !body.isEmpty()) {
            ByteBuf part = body.peek();
            int n = Math.min(part.readableBytes(), length - copied);
            NativeCopy.toNative(part, part.readerIndex(), address + copied, n);
            part.skipBytes(n);
            copied += n;
            if (!part.isReadable()) {
                body.poll().release();
            }
        }
        bufferedBytes -= copied;
        updateReading();
        return copied;
    }

    private void consumeBody(int n) {
        int left = n;
        while (left > 0 && !body.isEmpty()) {
            ByteBuf part = body.peek();
            int take = Math.min(left, part.readableBytes());
            part.skipBytes(take);
            left -= take;
            if (!part.isReadable()) {
                body.poll().release();
            }
        }
        bufferedBytes -= n - left;
        updateReading();
    }

    /** Pauses the socket while the buffer is full and nobody waits for a fuller one. */
    private void updateReading() {
        long wanted = PAUSE_BYTES;
        for (BodyRead read : bodyReads) {
            if (read.fillBuffer()) {
                wanted = Math.max(wanted, read.length());
            }
        }
        connection.pauseReading(this, !bodyComplete && bufferedBytes >= wanted);
    }

    /** The final send was issued: later calls with this id fail, unread body bytes are dropped. */
    void responseCompleted() {
        responseComplete = true;
        queue.forget(this);
        abortBodyReads(NtStatusTable.STATUS_CONNECTION_INVALID);
        releaseBody();
        connection.pauseReading(this, false);
    }

    /** The connection is gone: body reads in flight end with STATUS_CONNECTION_DISCONNECTED. */
    void connectionLost() {
        queue.forget(this);
        abortBodyReads(NtStatusTable.STATUS_CONNECTION_DISCONNECTED);
        releaseBody();
    }

    boolean isBodyComplete() {
        return bodyComplete;
    }

    private void abortBodyReads(int status) {
        BodyRead read;
        while ((read = bodyReads.poll()) != null) {
            read.io().complete(status, 0);
        }
    }

    private void releaseBody() {
        ByteBuf part;
        while ((part = body.poll()) != null) {
            part.release();
        }
        bufferedBytes = 0;
    }
}
