package io.netty.contrib.httpsys.nativeapi.emulator;

import java.net.InetSocketAddress;

/**
 * What the emulated kernel knows about the connection a request arrived on.
 *
 * @param connectionId  the {@code HTTP_CONNECTION_ID}, unique per connection and never 0
 * @param remoteAddress the client's address
 * @param localAddress  the address the connection was accepted on
 * @param ssl           TLS facts for {@code HTTP_SSL_INFO}, or {@code null} for plain HTTP
 */
public record ConnectionInfo(long connectionId, InetSocketAddress remoteAddress, InetSocketAddress localAddress,
                             SslDetails ssl) {
}
