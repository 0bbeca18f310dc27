package io.netty.contrib.httpsys;

import io.netty.channel.Channel;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

/**
 * The client certificate of a request's TLS connection, as HTTP.SYS hands it out
 * ({@code HTTP_SSL_CLIENT_CERT_INFO}), and the call that asks for it: {@link #receive(Channel)}, over
 * {@code HttpReceiveClientCertificate}.
 *
 * <p>HTTP.SYS asks clients for a certificate in the TLS handshake only when the port's certificate binding says
 * so ({@code netsh http add sslcert ... clientcertnegotiation=enable}); the certificate then arrives with every
 * request ({@link HttpSysRequestInfo#clientCertificate()}). Without that, {@link #receive(Channel)} makes HTTP.SYS
 * ask for one by renegotiating TLS 1.2, the way ASP.NET Core's {@code GetClientCertificateAsync} does under
 * {@code ClientCertificateMethod.AllowRenegotation}; reading {@code clientCertificate()} never renegotiates, like its
 * {@code AllowCertificate}. TLS 1.3 cannot renegotiate: Windows 11 24H2 and Server 2025 fail the call with
 * {@code ERROR_NOT_SUPPORTED}, older versions reset the connection, so enable {@code clientcertnegotiation} (or limit
 * the binding to TLS 1.2) where certificates are wanted. HTTP/2 forbids renegotiation, so on an HTTP/2 request
 * {@code receive} only returns the certificate the handshake brought, as ASP.NET Core does.
 *
 * <p>HTTP.SYS does not check the certificate for the application: it takes whatever the client sends and reports
 * the problems of its chain in {@link #certFlags()}, which a server that authenticates clients must look at (IIS
 * answers 403.16 when it is not 0).
 */
public final class HttpSysClientCertificate {

    private final X509Certificate certificate;
    private final int certFlags;

    HttpSysClientCertificate(X509Certificate certificate, int certFlags) {
        this.certificate = certificate;
        this.certFlags = certFlags;
    }

    /**
     * Gets the client certificate of the connection {@code requestChannel}'s request came on, asking the client
     * for one if HTTP.SYS has none yet (see the class comment). The future succeeds with {@code null} when the
     * request is not over TLS or the client sends no certificate ({@code ERROR_NOT_FOUND}), and fails with an
     * {@link io.netty.contrib.httpsys.nativeapi.HttpSysException} when HTTP.SYS cannot ask ({@code ERROR_NOT_SUPPORTED}
     * on TLS 1.3) or the connection is gone. It completes on the channel's event loop. Ask before answering, and once
     * the request body is read (a {@code FullHttpRequest} is): a client still sending the body may not take part in
     * the renegotiation, which is why ASP.NET Core advises buffering the body first. Cancelling the future does not
     * stop the kernel call: it ends with the renegotiation, the connection or the server channel.
     *
     * @param requestChannel a request's child channel of an {@link HttpSysServerChannel}
     */
    public static Future<HttpSysClientCertificate> receive(Channel requestChannel) {
        if (!(requestChannel instanceof HttpSysRequestChannel child) || child.isProbe()) {
            throw new IllegalArgumentException("not an HTTP.SYS request channel: " + requestChannel);
        }
        HttpSysRequestInfo info = child.requestInfo();
        LoopReceiver receiver = child.receiver();
        Promise<HttpSysClientCertificate> promise = receiver.loop().newPromise();
        if (!info.isSecure() || info.protocol() != HttpSysRequestInfo.Protocol.HTTP_1
                && info.clientCertificate() == null) {
            // Nothing to ask for: a plain request, or an HTTP/2 or HTTP/3 one whose handshake brought none (asking
            // would renegotiate, which those protocols forbid).
            return promise.setSuccess(null);
        }
        ClientCertificateReceiver call = new ClientCertificateReceiver(receiver, info.connectionId(), promise);
        if (receiver.loop().inEventLoop()) {
            call.start();
        } else {
            receiver.loop().execute(call::start);
        }
        return promise;
    }

    /** The certificate the client authenticated with (the first of the chain it sent). */
    public X509Certificate certificate() {
        return certificate;
    }

    /**
     * {@code CertFlags}: 0 when HTTP.SYS found the certificate's chain valid, else what is wrong with it, as the
     * {@code dwError} of {@code CERT_CHAIN_POLICY_STATUS} ({@code CERT_E_EXPIRED} 0x800B0101,
     * {@code CERT_E_UNTRUSTEDROOT} 0x800B0109, {@code CERT_E_UNTRUSTEDCA} 0x800B0112, {@code CERT_E_REVOKED}
     * 0x800B010C, ...) or an SSPI status.
     */
    public int certFlags() {
        return certFlags;
    }

    @Override
    public String toString() {
        return "HttpSysClientCertificate(" + certificate.getSubjectX500Principal().getName() + ", certFlags=0x"
                + Integer.toHexString(certFlags) + ')';
    }

    /** Parses the DER encoding HTTP.SYS handed out. */
    static X509Certificate parse(byte[] der) throws CertificateException {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(der));
    }
}
