package io.netty.contrib.httpsys;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.contrib.httpsys.nativeapi.HttpSysBackend;
import io.netty.contrib.httpsys.nativeapi.conformance.H2Client;
import io.netty.contrib.httpsys.nativeapi.emulator.KernelFeatures;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.pkitesting.X509Bundle;
import io.netty.util.CharsetUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Response trailers end to end over HTTP/2 with Netty's HTTP/2 client: a {@code LastHttpContent}'s trailing headers
 * leave as an {@code HttpDataChunkTrailers} chunk and reach the client as the final HEADERS frame; on a Windows
 * without response trailers the write fails, and the response can still be finished. Emulator only: the server
 * certificate comes from the emulator's properties (Windows needs a netsh sslcert binding).
 */
@ExtendWith(LeakCheck.class)
@Timeout(60)
class ResponseTrailersEndToEndTest {

    private static X509Bundle certificate;

    @BeforeAll
    static void certificate() throws Exception {
        assumeTrue(HttpSysBackend.current().isEmulated(),
                "the server certificate comes from the emulator's properties (Windows needs a netsh sslcert binding)");
        certificate = EmulatorCertificate.installLocalhost();
    }

    @AfterAll
    static void clearProperties() throws Exception {
        EmulatorCertificate.uninstall();
        System.clearProperty(KernelFeatures.RESPONSE_TRAILERS_PROPERTY);
    }

    /** Answers with a head, a body piece, then a {@code LastHttpContent} carrying trailers; records its outcome. */
    private static final class TrailingAnswer extends SimpleChannelInboundHandler<FullHttpRequest> {
        final CompletableFuture<Throwable> lastWrite = new CompletableFuture<>();

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            ctx.write(new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK));
            LastHttpContent last = new DefaultLastHttpContent(Unpooled.copiedBuffer("body", CharsetUtil.US_ASCII));
            last.trailingHeaders().set("grpc-status", "0").set("x-checksum", "abc");
            ctx.writeAndFlush(last).addListener(f -> {
                lastWrite.complete(f.cause());
                if (!f.isSuccess()) {
                    ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
                }
            });
        }
    }

    @Test
    void anHttp2ClientReceivesTheTrailersAsTheFinalHeadersFrame() throws Exception {
        TrailingAnswer handler = new TrailingAnswer();
        try (TestServer server = TestServer.builder().https().pipeline(ch -> ch.pipeline().addLast(handler)).start();
             H2Client client = new H2Client(server.port(), certificate.toTrustManager(),
                     ApplicationProtocolNames.HTTP_2)) {
            H2Client.Stream stream = client.get("/t", server.port());
            H2Client.Headers head = assertInstanceOf(H2Client.Headers.class, stream.next());
            assertEquals("200", head.headers().status().toString());
            assertFalse(head.endStream());
            StringBuilder body = new StringBuilder();
            H2Client.Event event = stream.next();
            while (event instanceof H2Client.Data data) {
                assertFalse(data.endStream(), "the trailers, not the data, end the stream");
                body.append(data.text());
                event = stream.next();
            }
            assertEquals("body", body.toString());
            H2Client.Headers trailers = assertInstanceOf(H2Client.Headers.class, event);
            assertTrue(trailers.endStream());
            assertEquals("0", String.valueOf(trailers.headers().get("grpc-status")));
            assertEquals("abc", String.valueOf(trailers.headers().get("x-checksum")));
            assertNull(handler.lastWrite.get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void onAWindowsWithoutTrailersTheWriteFailsAndTheResponseCanStillEnd() throws Exception {
        System.setProperty(KernelFeatures.RESPONSE_TRAILERS_PROPERTY, "0");
        TrailingAnswer handler = new TrailingAnswer();
        try (TestServer server = TestServer.builder().https().pipeline(ch -> ch.pipeline().addLast(handler)).start();
             H2Client client = new H2Client(server.port(), certificate.toTrustManager(),
                     ApplicationProtocolNames.HTTP_2)) {
            H2Client.Stream stream = client.get("/t", server.port());
            H2Client.Headers head = assertInstanceOf(H2Client.Headers.class, stream.next());
            assertEquals("200", head.headers().status().toString());
            Throwable failure = handler.lastWrite.get(10, TimeUnit.SECONDS);
            assertInstanceOf(UnsupportedOperationException.class, failure);
            assertTrue(failure.getMessage().contains("HttpFeatureResponseTrailers"), failure.getMessage());
            H2Client.Event event = stream.next();
            while (event instanceof H2Client.Data data && !data.endStream()) {
                event = stream.next();
            }
            H2Client.Data end = assertInstanceOf(H2Client.Data.class, event, "no trailers HEADERS frame");
            assertTrue(end.endStream());
        } finally {
            System.clearProperty(KernelFeatures.RESPONSE_TRAILERS_PROPERTY);
        }
    }
}
