package io.netty.contrib.httpsys;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.contrib.httpsys.nativeapi.conformance.H2Client;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import io.netty.util.ReferenceCountUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.net.ssl.TrustManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * HTTP/2 against the kernel, for what only Windows can confirm: that HTTP.SYS negotiates h2, gives every stream a
 * ConnectionId of its own and the TCP connection's RawConnectionId (aspnet/HttpSysServer#442, dotnet/aspnetcore
 * PR #37945), and that a client's RST_STREAM ends that request's channel while the connection serves on. It needs a
 * certificate binding the test cannot make: run elevated after {@code netsh http add sslcert ipport=0.0.0.0:PORT
 * certhash=... appid={...}} with {@code -Dio.netty.contrib.httpsys.test.tlsPort=PORT}.
 */
@EnabledOnOs(OS.WINDOWS)
@EnabledIfSystemProperty(named = ClientCertificateWindowsTest.PORT_PROPERTY, matches = "\\d+")
@ExtendWith(LeakCheck.class)
@Timeout(60)
class Http2WindowsTest {

    private static final TrustManager ANY_SERVER = InsecureTrustManagerFactory.INSTANCE.getTrustManagers()[0];

    private static int port() {
        return Integer.getInteger(ClientCertificateWindowsTest.PORT_PROPERTY);
    }

    @Test
    void everyStreamHasItsOwnConnectionIdAndSharesTheRawOne() throws Exception {
        Set<Long> connectionIds = ConcurrentHashMap.newKeySet();
        Set<Long> rawConnectionIds = ConcurrentHashMap.newKeySet();
        try (TestServer server = TestServer.builder().https().port(port()).threads(2)
                .pipeline(ch -> ch.pipeline().addLast(new SimpleChannelInboundHandler<FullHttpRequest>() {
                    @Override
                    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
                        HttpSysRequestInfo info = HttpSysServerChannel.requestInfo(ctx.channel());
                        connectionIds.add(info.connectionId());
                        rawConnectionIds.add(info.rawConnectionId());
                        new Http2EndToEndTest.ProtocolEcho().channelRead0(ctx, request);
                    }
                })).start();
             H2Client client = new H2Client(port(), ANY_SERVER, ApplicationProtocolNames.HTTP_2,
                     ApplicationProtocolNames.HTTP_1_1)) {
            assertEquals(ApplicationProtocolNames.HTTP_2, client.protocol, "HTTP.SYS prefers h2");
            List<H2Client.Stream> streams = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                streams.add(client.get("/" + i, server.port()));
            }
            for (int i = 0; i < 10; i++) {
                H2Client.Response response = streams.get(i).response();
                assertEquals("HTTP_2 GET /" + i + " 0", response.body());
                assertTrue(response.headers().get("connection") == null);
            }
            assertEquals(10, connectionIds.size(), "a ConnectionId per stream");
            assertEquals(1, rawConnectionIds.size(), "one RawConnectionId for the TCP connection");
            assertNotEquals(0L, rawConnectionIds.iterator().next());
        }
    }

    @Test
    void aClientResetEndsThatRequestsChannelOnly() throws Exception {
        CountDownLatch headSeen = new CountDownLatch(1);
        CountDownLatch inactive = new CountDownLatch(1);
        try (TestServer server = TestServer.builder().https().port(port())
                .option(HttpSysChannelOption.AGGREGATE, false)
                .pipeline(ch -> ch.pipeline().addLast(new ChannelInboundHandlerAdapter() {
                    @Override
                    public void channelRead(ChannelHandlerContext ctx, Object msg) {
                        if (msg instanceof HttpRequest request && "/next".equals(request.uri())) {
                            Http2EndToEndTest.respond(ctx, "next");
                        } else if (msg instanceof HttpRequest) {
                            headSeen.countDown();
                        }
                        ReferenceCountUtil.release(msg);
                    }

                    @Override
                    public void channelInactive(ChannelHandlerContext ctx) {
                        inactive.countDown();
                    }
                })).start();
             H2Client client = new H2Client(port(), ANY_SERVER, ApplicationProtocolNames.HTTP_2)) {
            H2Client.Stream stream = client.open(H2Client.request("POST", "/upload", server.port()), false);
            stream.send("x".repeat(1024), false);
            assertTrue(headSeen.await(10, TimeUnit.SECONDS));
            stream.reset();
            assertTrue(inactive.await(10, TimeUnit.SECONDS), "channelInactive after the client's RST_STREAM");
            // The connection serves on.
            assertEquals("next", client.get("/next", port()).response().body());
        }
    }
}
