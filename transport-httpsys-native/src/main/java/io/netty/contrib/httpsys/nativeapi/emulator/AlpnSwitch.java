package io.netty.contrib.httpsys.nativeapi.emulator;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.ApplicationProtocolNegotiationHandler;

/**
 * Picks a TLS connection's protocol once its handshake negotiated one by ALPN: {@code h2} gets the HTTP/2
 * handlers ({@link Http2Session}), anything else, a client without ALPN included, the HTTP/1.1 ones. HTTP.SYS
 * serves "HTTP/2 over TLS (Windows 10 or later)" (Microsoft Learn, "HTTP.sys web server implementation in ASP.NET
 * Core"), and a client without ALPN falls back to HTTP/1.1 (dotnet/aspnetcore#16811); the emulator never speaks
 * h2c (cleartext HTTP/2 would need the undocumented EnableHttp2Cleartext).
 */
final class AlpnSwitch extends ApplicationProtocolNegotiationHandler {

    private final Kernel kernel;
    private final KernelLimits limits;

    AlpnSwitch(Kernel kernel, KernelLimits limits) {
        super(ApplicationProtocolNames.HTTP_1_1);
        this.kernel = kernel;
        this.limits = limits;
    }

    @Override
    protected void configurePipeline(ChannelHandlerContext ctx, String protocol) throws Exception {
        if (ApplicationProtocolNames.HTTP_2.equals(protocol)) {
            Http2Session.install(kernel, ctx.pipeline(), limits);
            return;
        }
        KernelConnection connection = kernel.installHttp1(ctx.pipeline(), "https");
        // Added after the channel became active: start its idle-connection timer as channelActive would have.
        connection.channelActive(ctx.pipeline().context(connection));
    }
}
