package io.netty.contrib.httpsys;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.contrib.httpsys.HttpSysAuthentication.Scheme;
import io.netty.contrib.httpsys.nativeapi.HttpSysBackend;
import io.netty.contrib.httpsys.nativeapi.WinNt;
import io.netty.contrib.httpsys.nativeapi.emulator.Emulator;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.CharsetUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.net.Authenticator;
import java.net.PasswordAuthentication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@link HttpSysChannelOption#AUTHENTICATION} end to end on the emulator: the challenge, Basic against the
 * emulator's credentials file, the Negotiate test double over one connection, the identity a handler sees, and the
 * rule that the request's access token is closed with its channel unless the application takes it (counted as the
 * emulator's open token handles). Windows' own Negotiate and NTLM are in {@link AuthenticationWindowsTest}.
 */
@ExtendWith(LeakCheck.class)
@Timeout(60)
class AuthenticationTest {

    /** The account SIDs of the emulated machine: {@code S-1-5-21-<machine>-<RID>}, RIDs from 1000 in file order. */
    private static final String MACHINE_SID = "S-1-5-21-1000000001-1000000002-1000000003-";

    @TempDir
    static Path directory;

    private final BlockingQueue<Seen> seen = new LinkedBlockingQueue<>();

    /** What the handler saw of one request: its identity and its channel's close. */
    private record Seen(HttpSysIdentity identity, String userName, String sid, long takenToken, int openTokens,
                        ChannelFuture closed) {
    }

    @BeforeAll
    static void accounts() throws Exception {
        assumeTrue(HttpSys.isEmulated(), "the emulator's accounts and token handles");
        Path credentials = Files.writeString(directory.resolve("credentials"),
                "# emulated accounts\nalice:secret\n\nbob:pa:ss\n");
        System.setProperty("io.netty.contrib.httpsys.emulator.credentials", credentials.toString());
    }

    @AfterAll
    static void forgetAccounts() {
        System.clearProperty("io.netty.contrib.httpsys.emulator.credentials");
    }

    private TestServer server(HttpSysAuthentication authentication, boolean takeToken) throws Exception {
        return TestServer.builder()
                .option(HttpSysChannelOption.AUTHENTICATION, authentication)
                .pipeline(ch -> ch.pipeline().addLast(new IdentityHandler(takeToken)))
                .start();
    }

    private static HttpSysAuthentication basicOnly(boolean allowAnonymous) {
        return HttpSysAuthentication.builder().schemes(Scheme.BASIC).realm("netty").allowAnonymous(allowAnonymous)
                .build();
    }

    /** GETs {@code uri} with {@code client}, the body as text. */
    private static HttpResponse<String> get(HttpClient client, URI uri) throws Exception {
        return client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpClient client(String user, String password) {
        return HttpClient.newBuilder().authenticator(new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(user, password.toCharArray());
            }
        }).build();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ':' + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String negotiate(String text) {
        return "Negotiate " + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private Seen nextSeen() throws InterruptedException {
        Seen request = seen.poll(10, TimeUnit.SECONDS);
        assertNotNull(request, "the handler saw no request");
        return request;
    }

    @Test
    void anonymousRequestIsRefusedWithAChallengePerScheme() throws Exception {
        HttpSysAuthentication authentication = HttpSysAuthentication.builder()
                .schemes(Scheme.BASIC, Scheme.NTLM, Scheme.NEGOTIATE, Scheme.KERBEROS, Scheme.DIGEST)
                .realm("netty").allowAnonymous(false).build();
        try (TestServer server = server(authentication, false)) {
            HttpResponse<String> response = get(HttpClient.newHttpClient(), server.uri("/secret"));

            assertEquals(401, response.statusCode());
            // Strongest first, Digest left out (its challenge needs a kernel nonce), as ASP.NET Core sends them.
            assertEquals(List.of("Kerberos", "Negotiate", "NTLM", "Basic realm=\"netty\""),
                    response.headers().allValues("www-authenticate"));
            assertTrue(seen.isEmpty(), "the handler saw the refused request");
        }
    }

    @Test
    void basicCredentialsReachTheHandlerAsDomainBackslashUser() throws Exception {
        try (TestServer server = server(basicOnly(false), false)) {
            HttpResponse<String> response = get(client("alice", "secret"), server.uri("/secret"));

            assertEquals(200, response.statusCode(), response.body());
            assertEquals("SUCCESS BASIC EMULATOR\\alice " + MACHINE_SID + "1000", response.body());
            Seen request = nextSeen();
            assertEquals(Scheme.BASIC, request.identity().scheme());
            assertTrue(request.identity().isAuthenticated());
        }
    }

    @Test
    void domainQualifiedBasicUserAndAPasswordWithAColonAreAccepted() throws Exception {
        try (TestServer server = server(basicOnly(false), false)) {
            HttpResponse<String> response = get(client("EMULATOR\\bob", "pa:ss"), server.uri("/secret"));

            assertEquals(200, response.statusCode(), response.body());
            assertEquals("SUCCESS BASIC EMULATOR\\bob " + MACHINE_SID + "1001", response.body());
        }
    }

    @Test
    void challengedPostIsSentAgainWithCredentialsAndItsBody() throws Exception {
        try (TestServer server = TestServer.builder()
                .option(HttpSysChannelOption.AUTHENTICATION, basicOnly(false))
                .option(HttpSysChannelOption.INITIAL_RECEIVE_BUFFER_SIZE, 1024)
                .pipeline(ch -> ch.pipeline().addLast(new RequestResponseTest.EchoHandler()))
                .start()) {
            String body = "x".repeat(200_000);
            HttpResponse<String> response = client("alice", "secret").send(HttpRequest.newBuilder(server.uri("/up"))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());

            // The first attempt's body was never read: the 401 went out before it, and the retry still arrives whole.
            assertEquals(200, response.statusCode());
            assertEquals("POST /up " + body, response.body());
        }
    }

    @Test
    void wrongPasswordIsRefusedWithTheChallenge() throws Exception {
        try (TestServer server = server(basicOnly(false), false)) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(server.uri("/secret")).header("Authorization", basic("alice", "wrong"))
                            .build(), HttpResponse.BodyHandlers.ofString());

            assertEquals(401, response.statusCode());
            assertEquals(List.of("Basic realm=\"netty\""), response.headers().allValues("www-authenticate"));
            assertTrue(seen.isEmpty(), "the handler saw the refused request");
        }
    }

    @Test
    void withAnonymousAllowedTheHandlerSeesTheFailureAndWhy() throws Exception {
        try (TestServer server = server(basicOnly(true), false)) {
            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<String> failed = client.send(HttpRequest.newBuilder(server.uri("/open"))
                    .header("Authorization", basic("alice", "wrong")).build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> anonymous = get(client, server.uri("/open"));

            assertEquals("FAILURE BASIC null null", failed.body());
            assertEquals(WinNt.SEC_E_LOGON_DENIED, nextSeen().identity().securityStatus());
            assertEquals("NOT_AUTHENTICATED null null null", anonymous.body());
            assertEquals(0, nextSeen().identity().accessToken());
        }
    }

    @Test
    void withoutTheOptionRequestsCarryNoIdentity() throws Exception {
        try (TestServer server = server(HttpSysAuthentication.NONE, false)) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.uri("/"))
                    .header("Authorization", basic("alice", "secret")).build(), HttpResponse.BodyHandlers.ofString());

            assertEquals("no authentication", response.body());
        }
    }

    @Test
    void negotiateTestDoubleAuthenticatesOnTheConnectionThatWasChallenged() throws Exception {
        HttpSysAuthentication authentication = HttpSysAuthentication.builder().schemes(Scheme.NEGOTIATE)
                .allowAnonymous(false).build();
        try (TestServer server = server(authentication, false)) {
            RawHttpClient client = server.rawClient();
            client.send("GET /secret HTTP/1.1\r\nHost: localhost\r\n\r\n");
            RawHttpClient.Response challenge = client.read();
            assertEquals(401, challenge.status);
            assertEquals("Negotiate", challenge.header("www-authenticate"));

            client.send("GET /secret HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
                    + negotiate("emulator-test:bob") + "\r\n\r\n");
            RawHttpClient.Response response = client.read();

            assertEquals(200, response.status, response.bodyText());
            assertEquals("SUCCESS NEGOTIATE EMULATOR\\bob " + MACHINE_SID + "1001", response.bodyText());
            // The kernel completes the handshake with the server's token (ReceiveMutualAuth off).
            assertEquals(negotiate("emulator-test-mutual:bob"), response.header("www-authenticate"));
            assertNull(nextSeen().identity().mutualAuthData());
        }
    }

    @Test
    void negotiateTokenThatIsNotTheTestDoublesIsRefused() throws Exception {
        HttpSysAuthentication authentication = HttpSysAuthentication.builder().schemes(Scheme.NEGOTIATE)
                .allowAnonymous(false).build();
        try (TestServer server = server(authentication, false)) {
            RawHttpClient client = server.rawClient();
            client.send("GET /secret HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
                    + negotiate("emulator-test:mallory") + "\r\n\r\n");

            assertEquals(401, client.read().status);
            assertTrue(seen.isEmpty(), "the handler saw the refused request");
        }
    }

    @Test
    void receiveMutualAuthHandsTheServerTokenToTheApplication() throws Exception {
        HttpSysAuthentication authentication = HttpSysAuthentication.builder().schemes(Scheme.NEGOTIATE)
                .receiveMutualAuth(true).build();
        try (TestServer server = server(authentication, false)) {
            RawHttpClient client = server.rawClient();
            client.send("GET / HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + negotiate("emulator-test:alice")
                    + "\r\n\r\n");
            RawHttpClient.Response response = client.read();

            assertEquals(200, response.status);
            assertNull(response.header("www-authenticate"), "the kernel sent the token the application asked for");
            String token = nextSeen().identity().mutualAuthData();
            assertEquals(negotiate("emulator-test-mutual:alice"), "Negotiate " + token);
        }
    }

    @Test
    void accessTokenIsClosedWhenTheRequestChannelCloses() throws Exception {
        int before = Emulator.get().openAccessTokens();
        try (TestServer server = server(basicOnly(false), false)) {
            HttpResponse<String> response = get(client("alice", "secret"), server.uri("/"));
            assertEquals(200, response.statusCode());
            Seen request = nextSeen();
            assertEquals(before + 1, request.openTokens(), "the request's token was not open in the handler");
            assertTrue(request.closed().await(10, TimeUnit.SECONDS));

            assertEquals(before, Emulator.get().openAccessTokens());
            assertEquals(0, request.identity().accessToken());
        }
    }

    @Test
    void takenAccessTokenStaysOpenUntilTheApplicationClosesIt() throws Exception {
        int before = Emulator.get().openAccessTokens();
        try (TestServer server = server(basicOnly(false), true)) {
            HttpResponse<String> response = get(client("alice", "secret"), server.uri("/"));
            assertEquals(200, response.statusCode());
            Seen request = nextSeen();
            assertTrue(request.closed().await(10, TimeUnit.SECONDS));

            assertNotEquals(0, request.takenToken());
            assertEquals(before + 1, Emulator.get().openAccessTokens(), "the transport closed a token it gave away");
            assertEquals("EMULATOR\\alice", request.identity().userName(), "looked up before the token was taken");
            assertTrue(HttpSysBackend.current().ioCompletion().CloseHandle(request.takenToken()));
            assertEquals(before, Emulator.get().openAccessTokens());
        }
    }

    /**
     * Answers {@code <status> <scheme> <user> <sid>} of the request's identity, or {@code no authentication};
     * publishes what it saw, and with {@code takeToken} takes the access token.
     */
    private final class IdentityHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
        private final boolean takeToken;

        IdentityHandler(boolean takeToken) {
            this.takeToken = takeToken;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            HttpSysIdentity identity = HttpSysServerChannel.requestInfo(ctx.channel()).authentication();
            String text;
            if (identity == null) {
                text = "no authentication";
            } else {
                int openTokens = Emulator.get().openAccessTokens();
                long taken = takeToken ? identity.takeAccessToken() : 0;
                text = identity.status() + " " + identity.scheme() + " " + identity.userName() + " " + identity.sid();
                seen.add(new Seen(identity, identity.userName(), identity.sid(), taken, openTokens,
                        ctx.channel().closeFuture()));
            }
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                    Unpooled.copiedBuffer(text, CharsetUtil.UTF_8));
            HttpUtil.setContentLength(response, response.content().readableBytes());
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain");
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }
}
