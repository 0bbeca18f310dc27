package io.netty.contrib.httpsys.nativeapi.emulator;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.NtStatus;
import io.netty.contrib.httpsys.nativeapi.WinError;
import io.netty.contrib.httpsys.nativeapi.struct.HttpSslClientCertInfo;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.SslHandler;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * The client certificate of one TLS connection, as {@code HttpReceiveClientCertificate} hands it out: the one the
 * handshake brought, or one asked for afterwards by renegotiating.
 *
 * <p>HTTP.SYS asks for a certificate in the handshake when the connection's certificate binding has
 * {@code HTTP_SERVICE_CONFIG_SSL_FLAG_NEGOTIATE_CLIENT_CERT} ({@code netsh http add sslcert ...
 * clientcertnegotiation=enable}); otherwise {@code HttpReceiveClientCertificate} makes it renegotiate
 * ("SEC_I_RENEGOTIATE through which the client cert demand is made", dotnet/aspnetcore
 * src/Servers/HttpSys/src/RequestProcessing/ClientCertLoader.cs). When the client sends none the call answers
 * {@code ERROR_NOT_FOUND} (same source: "which means the client did not provide the cert"), and the connection goes
 * on. TLS 1.3 has no renegotiation: Windows 11 24H2 and Server 2025 fail the call with
 * {@code ERROR_NOT_SUPPORTED}, older versions reset the connection (Microsoft IIS support blog, "Addressing TLS 1.3
 * Compatibility Issues in IIS Express on Windows 11", 2025); the emulator does what the newer versions do. HTTP/2
 * forbids renegotiation (RFC 7540 section 9.2.1) and post-handshake authentication (RFC 8740), so an {@code h2}
 * connection gets {@code ERROR_NOT_SUPPORTED} as well.
 *
 * <p>The buffer holds the {@code HTTP_SSL_CLIENT_CERT_INFO} followed by the DER encoding. One too small for both
 * gets {@code ERROR_MORE_DATA} with {@code CertEncodedSize} filled in and, as HTTP.SYS has done "since w2k3", a
 * byte count of the structure alone (ClientCertLoader.cs: "Bytesreceived will only return the size of the initial
 * cert structure"). {@code CertFlags} come from {@link ClientCertificateStatus}; {@code Token} stays {@code NULL}
 * (no directory-service mapper) and {@code CertDeniedByMapper} {@code FALSE}.
 *
 * <p>All state is guarded by the kernel lock; the renegotiation itself runs on the connection's event loop.
 */
final class ClientCertificateNegotiation extends ChannelInboundHandlerAdapter {

    /** A call waiting for the renegotiation to end: where its answer goes. */
    private record Waiter(PendingIo op, long buffer, int size) {
    }

    private final Kernel kernel;
    private final SslHandler ssl;
    private Channel channel;
    /** Whether the client was asked already (in the handshake or by a renegotiation): a missing one stays missing. */
    private boolean asked;
    private boolean renegotiating;
    private final List<Waiter> waiters = new ArrayList<>(1);

    ClientCertificateNegotiation(Kernel kernel, SslHandler ssl, boolean askedInHandshake) {
        this.kernel = kernel;
        this.ssl = ssl;
        this.asked = askedInHandshake;
    }

    /**
     * {@code HttpReceiveClientCertificate}. A plain connection has no certificate to give ({@code ERROR_NOT_FOUND},
     * the emulator's choice: Windows documents no answer for it). {@code HTTP_RECEIVE_SECURE_CHANNEL_TOKEN} (the
     * channel binding token) is not emulated and answered with {@code ERROR_INVALID_PARAMETER}, which ASP.NET Core
     * reads as "old schannel library which doesn't support CBT" (ClientCertLoader.GetChannelBindingFromTls).
     */
    static int httpReceiveClientCertificate(Kernel kernel, long requestQueueHandle, long connectionId, int flags,
                                            long buffer, int size, long bytesReceived, long overlapped) {
        PendingIo op;
        synchronized (kernel) {
            RequestQueueHandle handle = kernel.queueHandle(requestQueueHandle);
            if (handle == null) {
                return WinError.ERROR_INVALID_HANDLE;
            }
            KernelConnection connection = kernel.connection(connectionId);
            if (connection == null) {
                return WinError.ERROR_CONNECTION_INVALID;
            }
            if (flags != 0) {
                return WinError.ERROR_INVALID_PARAMETER;
            }
            if (buffer == 0 || Integer.toUnsignedLong(size) < HttpSslClientCertInfo.SIZE) {
                return WinError.ERROR_INSUFFICIENT_BUFFER;
            }
            // An HTTP/2 request's connection may be a stream of the TLS connection: look at its parent as well.
            Channel channel = connection.channel();
            ClientCertificateNegotiation negotiation = channel.pipeline().get(ClientCertificateNegotiation.class);
            if (negotiation == null && channel.parent() != null) {
                negotiation = channel.parent().pipeline().get(ClientCertificateNegotiation.class);
            }
            if (negotiation == null) {
                return WinError.ERROR_NOT_FOUND;
            }
            int immediate = negotiation.answerNow(handle, buffer, size, bytesReceived, overlapped);
            if (immediate != WinError.ERROR_IO_PENDING) {
                return immediate;
            }
            op = negotiation.await(handle, buffer, size, overlapped);
        }
        return overlapped != 0 ? WinError.ERROR_IO_PENDING : op.awaitSynchronous(bytesReceived);
    }

    /**
     * Answers from what is known (the certificate, or that the client was asked and sent none), or starts the
     * renegotiation and returns {@code ERROR_IO_PENDING}.
     */
    private int answerNow(RequestQueueHandle handle, long buffer, int size, long bytesReceived, long overlapped) {
        if (renegotiating) {
            return WinError.ERROR_IO_PENDING;
        }
        X509Certificate[] chain = ClientCertificateStatus.peerChain(ssl.engine().getSession());
        if (chain != null) {
            int status = write(chain, buffer, size);
            long bytes = status == NtStatus.STATUS_SUCCESS ? answerSize(chain) : HttpSslClientCertInfo.SIZE;
            if (bytesReceived != 0) {
                NativeAccess.putInt(bytesReceived, (int) bytes);
            }
            PendingIo.completeInline(handle, overlapped, status, bytes);
            return NtStatusTable.toWin32(status);
        }
        if (asked) {
            return WinError.ERROR_NOT_FOUND;
        }
        if (!canRenegotiate()) {
            return WinError.ERROR_NOT_SUPPORTED;
        }
        renegotiating = true;
        channel.eventLoop().execute(this::renegotiate);
        return WinError.ERROR_IO_PENDING;
    }

    /** Parks a call until the renegotiation ends; cancelling it or closing its handle unparks it. */
    private PendingIo await(RequestQueueHandle handle, long buffer, int size, long overlapped) {
        PendingIo op = PendingIo.start(handle, overlapped);
        Waiter waiter = new Waiter(op, buffer, size);
        waiters.add(waiter);
        op.onAbort(() -> waiters.remove(waiter));
        return op;
    }

    /** TLS 1.2 and older renegotiate; TLS 1.3 and HTTP/2 cannot (see the class comment). */
    private boolean canRenegotiate() {
        String protocol = ssl.engine().getSession().getProtocol();
        return !"TLSv1.3".equals(protocol) && !ApplicationProtocolNames.HTTP_2.equals(ssl.applicationProtocol());
    }

    /**
     * Asks the client for a certificate with a new handshake. JSSE would resume the session instead (the client
     * offers its session ticket or id), and a resumed handshake asks for nothing; a session is not resumed when
     * the endpoint identification algorithm it was made under differs from the server's (JDK
     * {@code sun.security.ssl.ClientHello}, "Can't resume, endpoint id algorithm does not match"), so one is set.
     * The emulator's trust manager never checks identities, so this changes nothing else.
     */
    private void renegotiate() {
        try {
            SSLEngine engine = ssl.engine();
            SSLParameters parameters = engine.getSSLParameters();
            parameters.setWantClientAuth(true);
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            engine.setSSLParameters(parameters);
            ssl.renegotiate().addListener(done -> renegotiated(done.isSuccess()));
        } catch (RuntimeException e) {
            // The engine refused (closed meanwhile): the waiting calls must still end.
            renegotiated(false);
        }
    }

    private void renegotiated(boolean success) {
        synchronized (kernel) {
            renegotiating = false;
            asked = true;
            X509Certificate[] chain = success ? ClientCertificateStatus.peerChain(ssl.engine().getSession()) : null;
            for (Waiter waiter : new ArrayList<>(waiters)) {
                if (!waiter.op.claim()) {
                    continue;
                }
                waiters.remove(waiter);
                if (!success) {
                    // The handshake failed or the client left: the connection is gone (SslHandler closes it).
                    waiter.op.finish(NtStatusTable.STATUS_CONNECTION_INVALID, 0);
                } else if (chain == null) {
                    waiter.op.finish(NtStatusTable.STATUS_NOT_FOUND, 0);
                } else {
                    int status = write(chain, waiter.buffer, waiter.size);
                    waiter.op.finish(status, status == NtStatus.STATUS_SUCCESS ? answerSize(chain)
                            : HttpSslClientCertInfo.SIZE);
                }
            }
        }
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        channel = ctx.channel();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        synchronized (kernel) {
            for (Waiter waiter : new ArrayList<>(waiters)) {
                waiter.op.complete(NtStatusTable.STATUS_CONNECTION_INVALID, 0);
            }
            waiters.clear();
        }
        ctx.fireChannelInactive();
    }

    private static long answerSize(X509Certificate[] chain) {
        return HttpSslClientCertInfo.SIZE + (long) encoded(chain[0]).length;
    }

    /**
     * Writes the answer into the caller's buffer: the structure and the DER behind it, or only the structure with
     * {@code CertEncodedSize} (and a {@code NULL} {@code pCertEncoded}) when the buffer is too small for both.
     */
    private static int write(X509Certificate[] chain, long buffer, int size) {
        byte[] der = encoded(chain[0]);
        NativeAccess.setMemory(buffer, HttpSslClientCertInfo.SIZE, (byte) 0);
        HttpSslClientCertInfo.setCertEncodedSize(buffer, der.length);
        if (Integer.toUnsignedLong(size) < HttpSslClientCertInfo.SIZE + (long) der.length) {
            return NtStatusTable.STATUS_BUFFER_OVERFLOW;
        }
        long encodedAt = buffer + HttpSslClientCertInfo.SIZE;
        NativeAccess.copyMemory(der, 0, encodedAt, der.length);
        HttpSslClientCertInfo.setCertEncoded(buffer, encodedAt);
        HttpSslClientCertInfo.setCertFlags(buffer, ClientCertificateStatus.certFlags(chain));
        return NtStatus.STATUS_SUCCESS;
    }

    private static byte[] encoded(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            // The JSSE parsed it from its encoding in the handshake, so it has one.
            throw new IllegalStateException(e);
        }
    }
}
