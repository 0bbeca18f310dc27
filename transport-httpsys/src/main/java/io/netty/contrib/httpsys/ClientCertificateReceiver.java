package io.netty.contrib.httpsys;

import io.netty.contrib.httpsys.nativeapi.HttpSysException;
import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.NativeMemory;
import io.netty.contrib.httpsys.nativeapi.WinError;
import io.netty.contrib.httpsys.nativeapi.struct.HttpSslClientCertInfo;
import io.netty.contrib.httpsys.nativeapi.struct.Overlapped;
import io.netty.util.concurrent.Promise;

import java.security.cert.CertificateException;

/**
 * One {@code HttpReceiveClientCertificate} for {@link HttpSysClientCertificate#receive}: issued on the loop's request
 * queue handle with an {@code OVERLAPPED} slot of the loop, completed inline or by a completion packet, retried once
 * with a buffer of the size HTTP.SYS asked for on {@code ERROR_MORE_DATA}. It owns its buffer until the operation
 * ends, whatever happened to the request meanwhile (the stale-{@code OVERLAPPED} rule of {@link CompletionHandler}).
 * Loop-confined.
 *
 * <p>The sizing follows ASP.NET Core's {@code ClientCertLoader} (dotnet/aspnetcore
 * src/Servers/HttpSys/src/RequestProcessing/ClientCertLoader.cs): a first buffer of 1500 bytes, which holds the
 * structure and a typical certificate, and on {@code ERROR_MORE_DATA} the byte count plus {@code CertEncodedSize},
 * because HTTP.SYS reports only the structure's size there ("a bug that has existed in http.sys since w2k3").
 * {@code ERROR_NOT_FOUND} means the client sent no certificate.
 */
final class ClientCertificateReceiver implements CompletionHandler {

    static final int INITIAL_SIZE = 1500;
    /** A second {@code ERROR_MORE_DATA} means the certificate changed under us: give up rather than loop. */
    private static final int MAX_ATTEMPTS = 2;

    private final LoopReceiver receiver;
    private final long connectionId;
    private final Promise<HttpSysClientCertificate> promise;
    private long buffer;
    private int size;
    private int attempts;

    ClientCertificateReceiver(LoopReceiver receiver, long connectionId, Promise<HttpSysClientCertificate> promise) {
        this.receiver = receiver;
        this.connectionId = connectionId;
        this.promise = promise;
    }

    void start() {
        issue(INITIAL_SIZE);
    }

    private void issue(int bufferSize) {
        attempts++;
        size = bufferSize;
        buffer = NativeMemory.allocate(size);
        HttpSysIoHandler handler = receiver.handler();
        int slot = handler.acquire(this, 0);
        long overlapped = handler.overlapped(slot);
        int error;
        try {
            // BytesReceived NULL, as the documentation asks of an overlapped call; an inline result's byte count is
            // in the OVERLAPPED's IO_STATUS_BLOCK instead.
            error = receiver.api().HttpReceiveClientCertificate(receiver.queueHandle(), connectionId, 0, buffer,
                    size, 0, overlapped);
        } catch (Throwable t) {
            handler.release(slot);
            free();
            promise.tryFailure(t);
            return;
        }
        if (HttpSysIoHandler.completesLater(error)) {
            return;
        }
        int bytes = (int) Overlapped.internalHigh(overlapped);
        handler.release(slot);
        completed(0, error, bytes);
    }

    @Override
    public void completed(int operation, int error, int bytesTransferred) {
        switch (error) {
            case WinError.NO_ERROR -> succeed();
            case WinError.ERROR_NOT_FOUND -> {
                free();
                promise.trySuccess(null);
            }
            case WinError.ERROR_MORE_DATA -> {
                long needed = Integer.toUnsignedLong(bytesTransferred)
                        + Integer.toUnsignedLong(HttpSslClientCertInfo.certEncodedSize(buffer));
                free();
                if (attempts >= MAX_ATTEMPTS || needed <= size || needed > Integer.MAX_VALUE) {
                    promise.tryFailure(HttpSysException.of("HttpReceiveClientCertificate", error));
                } else if (!promise.isDone()) {
                    issue((int) needed);
                }
            }
            default -> {
                free();
                promise.tryFailure(HttpSysException.of("HttpReceiveClientCertificate", error));
            }
        }
    }

    private void succeed() {
        int length = HttpSslClientCertInfo.certEncodedSize(buffer);
        long encoded = HttpSslClientCertInfo.certEncoded(buffer);
        int certFlags = HttpSslClientCertInfo.certFlags(buffer);
        long token = HttpSslClientCertInfo.token(buffer);
        if (token != 0) {
            // Only a binding with HTTP_SERVICE_CONFIG_SSL_FLAG_USE_DS_MAPPER maps the certificate to an account;
            // the transport does not hand that token out, and the caller owns it ("release this token explicitly
            // by closing the handle", HTTP_SSL_CLIENT_CERT_INFO documentation).
            receiver.handler().ioCompletion().CloseHandle(token);
        }
        if (length <= 0 || encoded == 0) {
            free();
            promise.trySuccess(null);
            return;
        }
        byte[] der = new byte[length];
        NativeAccess.copyMemory(encoded, der, 0, length);
        free();
        try {
            promise.trySuccess(new HttpSysClientCertificate(HttpSysClientCertificate.parse(der), certFlags));
        } catch (CertificateException e) {
            promise.tryFailure(e);
        }
    }

    private void free() {
        NativeMemory.free(buffer, size);
        buffer = 0;
    }
}
