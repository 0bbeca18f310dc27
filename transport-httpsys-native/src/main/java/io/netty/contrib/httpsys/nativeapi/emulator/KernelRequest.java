package io.netty.contrib.httpsys.nativeapi.emulator;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.contrib.httpsys.nativeapi.Http;
import io.netty.contrib.httpsys.nativeapi.NtStatus;
import io.netty.contrib.httpsys.nativeapi.WinError;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;

/**
 * One request inside the emulated kernel, from routing to the end of its response: its head, the body bytes
 * that arrived and were not read yet, the body reads waiting for more, and how far the response got.
 *
 * <p>Body bytes are held in a bounded buffer: above {@link #PAUSE_BYTES} the connection stops reading from the
 * socket until the application reads, so a 100 MB upload never sits in memory whole. Everything runs under the
 * kernel lock except {@link Delivery#marshal()} and {@link Taken#copyTo(long)}, which work on data detached
 * under it.
 */
final class KernelRequest {

    /** Buffered body bytes above which the socket is not read (unless a FILL_BUFFER read wants more). */
    static final int PAUSE_BYTES = 256 * 1024;

    final long id;
    final KernelConnection connection;
    final ParsedRequest parsed;
    final UrlRegistration registration;
    final RequestQueue queue;
    /** The timers of the request's URL group (resolved against its session and the kernel defaults). */
    final TimeoutLimits timeouts;
    /** RequestQueue timer: runs while the request waits in its queue's backlog. */
    ScheduledFuture<?> queueTimer;

    private final ArrayDeque<ByteBuf> body = new ArrayDeque<>();
    private final ArrayDeque<BodyRead> bodyReads = new ArrayDeque<>();
    private long bufferedBytes;
    private long bytesReceived;
    private boolean bodyComplete;
    private boolean bodyBroken;
    private boolean continueSent;

    boolean headSent;
    boolean responseComplete;
    boolean closeAfterResponse;
    /** What authentication concluded, when the request's URL group enables it; else {@code null}. */
    RequestAuthentication authentication;

    KernelRequest(long id, KernelConnection connection, ParsedRequest parsed, UrlRegistration registration,
                  RequestQueue queue, TimeoutLimits timeouts) {
        this.id = id;
        this.timeouts = timeouts;
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
     * One delivery of this request into a receive buffer, as {@code HttpReceiveHttpRequest} returns it. It is
     * prepared under the kernel lock ({@link #prepareDelivery}), marshalled outside it ({@link #marshal}: the
     * head is a few kilobytes of UTF-16 and pointers, too much to build while every connection waits), and
     * settled under it again ({@link #settle}).
     */
    final class Delivery {

        private final int flags;
        private final long buffer;
        private final int length;
        private final ConnectionInfo info;
        private final long receivedSoFar;
        private final int requestFlags;
        private final ByteBuf body;
        private RequestMarshaller.Result result;

        private Delivery(int flags, long buffer, int length) {
            this.flags = flags;
            this.buffer = buffer;
            this.length = length;
            this.info = connection.info();
            this.receivedSoFar = bytesReceived;
            boolean copyBody = (flags & Http.HTTP_RECEIVE_REQUEST_FLAG_COPY_BODY) != 0;
            this.body = copyBody ? peekBody(length) : null;
            long beyond = bufferedBytes - (body == null ? 0 : body.readableBytes());
            this.requestFlags = (!bodyComplete || beyond > 0 ? Http.HTTP_REQUEST_FLAG_MORE_ENTITY_BODY_EXISTS : 0)
                    | (connection.isHttp2() ? Http.HTTP_REQUEST_FLAG_HTTP2 : 0)
                    | (connection.isHttp3() ? Http.HTTP_REQUEST_FLAG_HTTP3 : 0);
        }

        /**
         * Writes the request into the caller's buffer (outside the kernel lock).
         *
         * @return {NTSTATUS, bytes}: STATUS_SUCCESS with the bytes written, or STATUS_BUFFER_OVERFLOW with the
         *         size needed (the request is then bound to its id)
         */
        long[] marshal() {
            // Each delivery that succeeds hands the application a token handle of its own to close
            // (HTTP_REQUEST_AUTH_INFO.AccessToken); a delivery that fails hands out none.
            long token = authentication != null && authentication.succeeded()
                    ? connection.kernel().handles().register(HandleTable.HANDLE_TAG,
                            new EmulatedAccessToken(authentication.account()))
                    : 0;
            try {
                result = RequestMarshaller.marshal(parsed, info, id, registration.urlContext(), receivedSoFar,
                        requestFlags, body, flags, buffer, length, authentication, token);
            } catch (IllegalArgumentException unreportable) {
                // A request HTTP_REQUEST cannot describe (the codec's limits should have refused it): the
                // receive fails and the connection is dropped rather than leaving the receive hanging.
                connection.abort();
                closeToken(token);
                return new long[] {NtStatusTable.STATUS_INVALID_PARAMETER, 0};
            } finally {
                if (body != null) {
                    body.release();
                }
            }
            if (result.error() != WinError.NO_ERROR) {
                closeToken(token);
            }
            if (result.error() == WinError.ERROR_MORE_DATA) {
                return new long[] {NtStatusTable.STATUS_BUFFER_OVERFLOW, result.bytesReturned()};
            }
            return new long[] {NtStatus.STATUS_SUCCESS, result.bytesReturned()};
        }

        /** Under the kernel lock, after {@link #marshal}: the copied body bytes leave the buffer. */
        void settle() {
            if (result != null && result.error() == WinError.NO_ERROR) {
                consumeBody(result.bodyBytesConsumed());
            }
        }
    }

    private void closeToken(long token) {
        if (token != 0) {
            connection.kernel().handles().remove(token);
        }
    }

    /**
     * {@code head} with the mutual-authentication header the kernel adds to the response of a request a Negotiate
     * handshake authenticated, unless the application asked to receive it (ReceiveMutualAuth).
     */
    ResponseHead withMutualAuth(ResponseHead head) {
        String header = authentication == null ? null : authentication.kernelMutualAuthHeader();
        if (header == null) {
            return head;
        }
        List<ResponseHeader> headers = new ArrayList<>(head.headers());
        headers.add(new ResponseHeader("WWW-Authenticate".getBytes(StandardCharsets.US_ASCII),
                header.getBytes(StandardCharsets.US_ASCII)));
        return new ResponseHead(head.versionMajor(), head.versionMinor(), head.statusCode(), head.reason(), headers,
                head.responseFlags());
    }

    /** Starts a delivery into {@code [buffer, buffer + length)}; call under the kernel lock. */
    Delivery prepareDelivery(int flags, long buffer, int length) {
        if (queueTimer != null) {
            queueTimer.cancel(false);
            queueTimer = null;
        }
        return new Delivery(flags, buffer, length);
    }

    /** Up to {@code limit} buffered body bytes, left in the buffer (a view), for COPY_BODY. */
    private ByteBuf peekBody(int limit) {
        CompositeByteBuf view = Unpooled.compositeBuffer(Math.max(2, body.size()));
        int left = (int) Math.min(bufferedBytes, limit);
        for (ByteBuf part : body) {
            if (left == 0) {
                break;
            }
            int n = Math.min(part.readableBytes(), left);
            view.addComponent(true, part.retainedSlice(part.readerIndex(), n));
            left -= n;
        }
        return view;
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
        if (!parsed.chunked() && bytesReceived - parsed.headBytes() >= parsed.contentLength()) {
            // The kernel knows the body ended with its last Content-Length byte, before the codec says so.
            bodyComplete = true;
        }
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
     * What a body read gets: a status and, on success, the bytes taken out of the buffer. The copy into the
     * caller's memory happens after the kernel lock is released ({@link #copyTo}), so a megabyte read does not
     * hold up the other connections.
     */
    record Taken(int status, ByteBuf bytes) {

        /** Copies the bytes to {@code address}, releases them, and returns how many there were. */
        int copyTo(long address) {
            if (bytes == null) {
                return 0;
            }
            int n = bytes.readableBytes();
            try {
                NativeCopy.toNative(bytes, bytes.readerIndex(), address, n);
            } finally {
                bytes.release();
            }
            return n;
        }
    }

    /**
     * {@code HttpReceiveRequestEntityBody}: takes buffered body bytes now, or parks the read.
     *
     * @return what the read gets when it completes now, {@code null} when parked (overlapped: 997)
     */
    Taken readBody(BodyRead read, boolean park) {
        if (parsed.expectContinue() && !continueSent && !headSent && !bodyComplete) {
            continueSent = true;
            connection.writeInterim(KernelResponseWriter.CONTINUE_100);
        }
        if (bodyReads.isEmpty()) {
            Taken now = tryRead(read);
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

    private Taken tryRead(BodyRead read) {
        if (bufferedBytes > 0 && (!read.fillBuffer() || bufferedBytes >= read.length() || bodyComplete)) {
            return new Taken(NtStatus.STATUS_SUCCESS, takeBody(read.length()));
        }
        if (bodyComplete) {
            return new Taken(bodyBroken ? NtStatusTable.STATUS_CONNECTION_DISCONNECTED
                    : NtStatusTable.STATUS_END_OF_FILE, null);
        }
        if (!connection.isOpen()) {
            return new Taken(NtStatusTable.STATUS_CONNECTION_DISCONNECTED, null);
        }
        return null;
    }

    /** Completes parked reads that can be served now; their copies run after the kernel lock is released. */
    private void serveBodyReads() {
        while (!bodyReads.isEmpty()) {
            BodyRead read = bodyReads.peek();
            if (read.io().isDone()) {
                bodyReads.poll();
                continue;
            }
            if (tryReadPossible(read)) {
                bodyReads.poll();
                if (!read.io().claim()) {
                    // Cancelled between the check and now: the bytes stay for the next read.
                    continue;
                }
                Taken taken = tryRead(read);
                connection.kernel().defer(() -> read.io().finish(taken.status(), taken.copyTo(read.buffer())));
            } else {
                return;
            }
        }
    }

    private boolean tryReadPossible(BodyRead read) {
        return bufferedBytes > 0 && (!read.fillBuffer() || bufferedBytes >= read.length() || bodyComplete)
                || bodyComplete || !connection.isOpen();
    }

    /** Removes up to {@code length} bytes from the front of the body buffer. */
    private ByteBuf takeBody(int length) {
        int wanted = (int) Math.min(length, bufferedBytes);
        CompositeByteBuf taken = Unpooled.compositeBuffer(Math.max(2, body.size()));
        int left = wanted;
        while (left > 0 && !body.isEmpty()) {
            ByteBuf part = body.peek();
            int n = Math.min(part.readableBytes(), left);
            taken.addComponent(true, part.readRetainedSlice(n));
            left -= n;
            if (!part.isReadable()) {
                body.poll().release();
            }
        }
        bufferedBytes -= wanted - left;
        updateReading();
        return taken;
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
