package io.netty.contrib.httpsys.nativeapi.emulator;

import java.net.InetSocketAddress;

/**
 * What the emulated kernel knows about the connection a request arrived on.
 *
 * @param connectionId  the {@code HTTP_CONNECTION_ID}, unique per connection and never 0
 * @param remoteAddress the client's address
 * @param localAddress  the address the connection was accepted on
 * @param ssl           TLS facts for {@code HTTP_SSL_INFO}, or {@code null} for plain HTTP
 * @param rawConnectionId the {@code RawConnectionId}: the underlying TCP connection's id, which differs from
 *                      {@code connectionId} on HTTP/2 (one virtual connection per stream); 0 when unset
 */
public record ConnectionInfo(long connectionId, InetSocketAddress remoteAddress, InetSocketAddress localAddress,
                             SslDetails ssl, long rawConnectionId) {

    /** A connection without a separate raw connection id ({@code RawConnectionId} 0). */
    public ConnectionInfo(long connectionId, InetSocketAddress remoteAddress, InetSocketAddress localAddress,
                          SslDetails ssl) {
        this(connectionId, remoteAddress, localAddress, ssl, 0);
    }
}
