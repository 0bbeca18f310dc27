package io.netty.contrib.httpsys;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.contrib.httpsys.HttpSysAuthentication.Scheme;
import io.netty.contrib.httpsys.nativeapi.HttpSysBackend;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.CharsetUtil;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@link HttpSysChannelOption#AUTHENTICATION} against the Windows kernel: Negotiate and NTLM handshakes that
 * HTTP.SYS runs with the runner's own logon (curl's SSPI build, {@code -u :}, as shipped with Windows 10 and later),
 * the identity read through advapi32, and the access token a real token handle that the application can take and
 * must close.
 */
@EnabledOnOs(OS.WINDOWS)
@ExtendWith(LeakCheck.class)
@Timeout(120)
class AuthenticationWindowsTest {

    private final BlockingQueue<Long> takenTokens = new LinkedBlockingQueue<>();

    @BeforeAll
    static void kernelAndCurl() {
        assumeFalse(HttpSys.isEmulated(), "the emulator is selected");
        assumeTrue(Curl.installed(), "curl is not installed");
    }

    private TestServer server(Scheme scheme, boolean takeToken) throws Exception {
        return TestServer.builder()
                .option(HttpSysChannelOption.AUTHENTICATION,
                        HttpSysAuthentication.builder().schemes(scheme).allowAnonymous(false).build())
                .pipeline(ch -> ch.pipeline().addLast(new IdentityHandler(takeToken)))
                .start();
    }

    /** The account this JVM runs as, domain, backslash, user, in lower case. */
    private static String runner() {
        return (System.getenv("USERDOMAIN") + '\\' + System.getenv("USERNAME")).toLowerCase(Locale.ROOT);
    }

    private static void assertIdentity(List<String> expectedSchemes, String body) {
        String[] parts = body.split(" ");
        assertEquals(4, parts.length, body);
        assertEquals("SUCCESS", parts[0], body);
        assertTrue(expectedSchemes.contains(parts[1]), body);
        assertEquals(runner(), parts[2].toLowerCase(Locale.ROOT), body);
        assertTrue(parts[3].startsWith("S-1-5-"), body);
    }

    @Test
    void anonymousRequestIsChallenged() throws Exception {
        try (TestServer server = server(Scheme.NEGOTIATE, false)) {
            Curl.Result result = Curl.run("--include", server.uri("/").toString());

            assertEquals(0, result.exitCode(), result.errors());
            assertTrue(result.output().startsWith("HTTP/1.1 401"), result.output());
            assertTrue(result.output().contains("WWW-Authenticate: Negotiate"), result.output());
        }
    }

    @Test
    void negotiateWithTheRunnersLogon() throws Exception {
        try (TestServer server = server(Scheme.NEGOTIATE, false)) {
            Curl.Result result = Curl.run("--negotiate", "--user", ":", "--fail", server.uri("/").toString());

            assertEquals(0, result.exitCode(), result.errors());
            // Without an SPN for a loopback address SPNEGO settles on NTLM, which HTTP.SYS may report as either.
            assertIdentity(List.of("NEGOTIATE", "NTLM"), result.output());
        }
    }

    @Test
    void ntlmWithTheRunnersLogon() throws Exception {
        try (TestServer server = server(Scheme.NTLM, false)) {
            Curl.Result result = Curl.run("--ntlm", "--user", ":", "--fail", server.uri("/").toString());

            assertEquals(0, result.exitCode(), result.errors());
            assertIdentity(List.of("NTLM"), result.output());
        }
    }

    @Test
    void takenTokenIsARealTokenTheApplicationCloses() throws Exception {
        try (TestServer server = server(Scheme.NTLM, true)) {
            Curl.Result result = Curl.run("--ntlm", "--user", ":", "--fail", server.uri("/").toString());
            assertEquals(0, result.exitCode(), result.errors());
            Long token = takenTokens.poll(10, TimeUnit.SECONDS);
            assertNotNull(token, "the handler took no token");
            assertNotEquals(0L, token.longValue());

            // Still open after the request channel closed: the transport left it to the application.
            TokenUserLookup.User user = TokenUserLookup.lookup(HttpSysBackend.current().tokenApi(), token);
            assertEquals(runner(), user.accountName().toLowerCase(Locale.ROOT));
            assertTrue(HttpSysBackend.current().ioCompletion().CloseHandle(token));
        }
    }

    /** Answers {@code <status> <scheme> <user> <sid>}; with {@code takeToken} takes the access token. */
    private final class IdentityHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
        private final boolean takeToken;

        IdentityHandler(boolean takeToken) {
            this.takeToken = takeToken;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            HttpSysIdentity identity = HttpSysServerChannel.requestInfo(ctx.channel()).authentication();
            String text = identity.status() + " " + identity.scheme() + " " + identity.userName() + " "
                    + identity.sid();
            if (takeToken) {
                long token = identity.takeAccessToken();
                ctx.channel().closeFuture().addListener(f -> takenTokens.add(token));
            }
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                    Unpooled.copiedBuffer(text, CharsetUtil.UTF_8));
            HttpUtil.setContentLength(response, response.content().readableBytes());
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }
}
