package io.netty.contrib.httpsys;

import io.netty.contrib.httpsys.HttpSysChannelOption.RequestQueueMode;
import io.netty.contrib.httpsys.nativeapi.Http;
import io.netty.contrib.httpsys.nativeapi.HttpApi;
import io.netty.contrib.httpsys.nativeapi.HttpSysBackend;
import io.netty.contrib.httpsys.nativeapi.HttpSysException;
import io.netty.contrib.httpsys.nativeapi.WinError;
import io.netty.contrib.httpsys.nativeapi.emulator.EmulatedIdentity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@link HttpSysChannelOption#REQUEST_QUEUE_SECURITY_DESCRIPTOR}: who may attach to a named queue, decided by the
 * server that creates it. Another account is played by an {@link EmulatedIdentity} impersonation around every
 * {@code HttpCreateRequestQueue} of the attaching server, so those tests run on the emulator only; the others run
 * against the Windows kernel as well.
 */
@ExtendWith(LeakCheck.class)
@Timeout(60)
class QueueSecurityTest {

    private static final String OTHER_USER = "S-1-5-21-1000000000-1000000000-1000000000-2001";
    private static final String THIRD_USER = "S-1-5-21-1000000000-1000000000-1000000000-2002";
    private static final AtomicLong QUEUE_SEQUENCE = new AtomicLong();

    private static String queueName() {
        return "netty-httpsys-security-" + ProcessHandle.current().pid() + '-' + QUEUE_SEQUENCE.incrementAndGet();
    }

    private static TestServer creator(String queueName, String securityDescriptor) throws Exception {
        TestServer.Builder builder = TestServer.builder()
                .option(HttpSysChannelOption.REQUEST_QUEUE_NAME, queueName)
                .pipeline(ch -> ch.pipeline().addLast(new RequestResponseTest.EchoHandler()));
        if (securityDescriptor != null) {
            builder.option(HttpSysChannelOption.REQUEST_QUEUE_SECURITY_DESCRIPTOR, securityDescriptor);
        }
        return builder.start();
    }

    /** A server that attaches to {@code queueName}, its every queue handle opened as {@code user}. */
    private static TestServer attacher(String queueName, String user) throws Exception {
        HttpApi kernel = HttpSysBackend.current().httpApi();
        HttpApi asUser = (HttpApi) Proxy.newProxyInstance(HttpApi.class.getClassLoader(),
                new Class<?>[] {HttpApi.class}, (proxy, method, args) -> {
                    try (EmulatedIdentity.Impersonation ignored = method.getName().equals("HttpCreateRequestQueue")
                            ? EmulatedIdentity.impersonate(user) : null) {
                        return method.invoke(kernel, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        return TestServer.builder().httpApi(asUser)
                .option(HttpSysChannelOption.REQUEST_QUEUE_NAME, queueName)
                .option(HttpSysChannelOption.REQUEST_QUEUE_MODE, RequestQueueMode.ATTACH)
                .pipeline(ch -> ch.pipeline().addLast(new RequestResponseTest.EchoHandler()))
                .start();
    }

    private static void assertRefused(Exception e) {
        HttpSysException refusal = (HttpSysException) e;
        assertEquals(WinError.ERROR_ACCESS_DENIED, refusal.errorCode(), refusal.getMessage());
        assertTrue(refusal.getMessage().contains("may not open the request queue"), refusal.getMessage());
        assertTrue(refusal.getMessage().contains("HttpSysChannelOption.REQUEST_QUEUE_SECURITY_DESCRIPTOR"),
                refusal.getMessage());
    }

    @Test
    void byDefaultOnlyTheCreatingUserMayAttach() throws Exception {
        assumeTrue(HttpSysBackend.current().isEmulated(), "another account is an emulated identity");
        String queue = queueName();
        try (TestServer creator = creator(queue, null)) {
            try (TestServer sameUser = attacher(queue, EmulatedIdentity.current())) {
                assertTrue(sameUser.channel().isActive());
            }
            assertRefused(assertThrows(Exception.class, () -> attacher(queue, OTHER_USER)));
        }
    }

    @Test
    void aDescriptorGrantsTheAccountsItNames() throws Exception {
        assumeTrue(HttpSysBackend.current().isEmulated(), "another account is an emulated identity");
        String queue = queueName();
        try (TestServer creator = creator(queue, "D:(A;;GA;;;OW)(A;;GA;;;" + OTHER_USER + ")")) {
            try (TestServer other = attacher(queue, OTHER_USER)) {
                // The attached server takes its share of the queue's requests: the queue serves on.
                HttpResponse<String> response = RequestResponseTest.client().send(
                        HttpRequest.newBuilder(creator.uri("/granted")).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals("GET /granted ", response.body());
                assertTrue(other.channel().isActive());
            }
            assertRefused(assertThrows(Exception.class, () -> attacher(queue, THIRD_USER)));
        }
    }

    /** Each event loop opens its own handle to the queue: a descriptor that grants nobody refuses the creator too. */
    @Test
    void aDescriptorThatDeniesEveryoneRefusesEvenTheCreatorsOwnLoops() {
        assertRefused(assertThrows(Exception.class, () -> creator(queueName(), "D:(D;;GA;;;WD)")));
    }

    /** The kernel applies the descriptor: granting Everyone lets a second server of this process attach. */
    @Test
    @EnabledOnOs(OS.WINDOWS)
    void windowsKernelHonoursTheDescriptor() throws Exception {
        assertEquals("native", HttpSysBackend.current().name());
        String queue = queueName();
        try (TestServer creator = creator(queue, "D:(A;;GA;;;WD)");
             TestServer attached = TestServer.builder()
                     .option(HttpSysChannelOption.REQUEST_QUEUE_NAME, queue)
                     .option(HttpSysChannelOption.REQUEST_QUEUE_MODE, RequestQueueMode.ATTACH)
                     .start()) {
            assertTrue(attached.channel().isActive());
        }
        assertRefused(assertThrows(Exception.class, () -> creator(queueName(), "D:(D;;GA;;;WD)")));
    }

    @Test
    void aStringThatIsNotSddlFailsTheBind() {
        HttpSysException e = (HttpSysException) assertThrows(Exception.class,
                () -> creator(queueName(), "everyone may attach"));
        assertEquals("ConvertStringSecurityDescriptorToSecurityDescriptorW", e.function());
        assertTrue(e.getMessage().contains("(everyone may attach) failed"), e.getMessage());
        assertTrue(e.getMessage().contains("REQUEST_QUEUE_SECURITY_DESCRIPTOR must be a security descriptor string"),
                e.getMessage());
    }

    @Test
    void theCreatingCallAloneCarriesDescriptorAndFlags() throws Exception {
        CallRecorder<HttpApi> kernel = CallRecorder.of(HttpApi.class, HttpSysBackend.current().httpApi());
        try (TestServer server = TestServer.builder().httpApi(kernel.proxy()).threads(2)
                .option(HttpSysChannelOption.REQUEST_QUEUE_SECURITY_DESCRIPTOR, "D:(A;;GA;;;WD)")
                .option(HttpSysChannelOption.REQUEST_QUEUE_CONTROLLER, true)
                .option(HttpSysChannelOption.REQUEST_QUEUE_DELEGATION, true)
                .pipeline(ch -> ch.pipeline().addLast(new RequestResponseTest.EchoHandler()))
                .start()) {
            List<CallRecorder.Call> opens = kernel.calls("HttpCreateRequestQueue");
            assertEquals(3, opens.size(), "the channel's create and one attach per event loop");
            assertEquals(Http.HTTP_CREATE_REQUEST_QUEUE_FLAG_CONTROLLER
                    | Http.HTTP_CREATE_REQUEST_QUEUE_FLAG_DELEGATION, opens.get(0).intArg(3));
            assertTrue(opens.get(0).longArg(2) != 0, "the creating call carries SECURITY_ATTRIBUTES");
            for (CallRecorder.Call attach : opens.subList(1, opens.size())) {
                assertEquals(Http.HTTP_CREATE_REQUEST_QUEUE_FLAG_OPEN_EXISTING, attach.intArg(3));
                assertEquals(0, attach.longArg(2), "SecurityAttributes must be NULL when opening an existing queue");
            }
            HttpResponse<String> response = RequestResponseTest.client().send(
                    HttpRequest.newBuilder(server.uri("/controlled")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals("GET /controlled ", response.body());
        }
    }
}
