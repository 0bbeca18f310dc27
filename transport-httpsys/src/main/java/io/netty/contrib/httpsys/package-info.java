/**
 * A Netty transport on the Windows kernel HTTP stack, HTTP.SYS: use
 * {@link io.netty.contrib.httpsys.HttpSysEventLoopGroup} and
 * {@link io.netty.contrib.httpsys.HttpSysServerChannel} in a {@code ServerBootstrap}, bind an
 * {@link io.netty.contrib.httpsys.HttpSysAddress} (a URL prefix such as {@code http://+:8080/app/}) or a port, and
 * leave out {@code HttpServerCodec} and {@code HttpObjectAggregator}: the kernel parses requests and terminates
 * TLS.
 *
 * <p>What differs from a socket transport:
 * <ul>
 * <li>Each request is a child channel of its own (like an HTTP/2 stream channel), not each connection. It
 *     receives a {@code FullHttpRequest} (or, with {@link io.netty.contrib.httpsys.HttpSysChannelOption#AGGREGATE}
 *     off, an {@code HttpRequest} and {@code HttpContent}s), and closes itself once its response is complete.</li>
 * <li>Closing a child channel ends the request, not the connection: after a complete response the kernel keeps
 *     the connection alive for the next request; closing before the response is complete cancels the request and
 *     the client sees its connection drop. {@code Connection: close} on the response closes the connection.</li>
 * <li>There is no socket under a child channel: socket options such as {@code TCP_NODELAY} do not apply, and
 *     timeouts are the kernel's ({@link io.netty.contrib.httpsys.HttpSysChannelOption}).</li>
 * </ul>
 * {@link io.netty.contrib.httpsys.HttpSysServerChannel#requestInfo} gives the kernel's ids, addresses, protocol
 * and TLS details of a request; {@link io.netty.contrib.httpsys.HttpSys} tells which backend runs (the kernel
 * on Windows, the user-mode emulator elsewhere). The project's {@code docs/porting-from-nio.md} explains each
 * difference.
 */
package io.netty.contrib.httpsys;
