package io.netty.contrib.httpsys;

import io.netty.contrib.httpsys.nativeapi.HttpSysBackend;
import io.netty.contrib.httpsys.nativeapi.windows.WindowsHttpSys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.JRE;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * On JDK 22 and later the native backend binds {@code httpapi.dll} and {@code kernel32.dll} through
 * {@code java.lang.foreign} unless JNA is forced, and a server on that binding serves a request end to end (the
 * Windows workflow's JDK 25 job; its JDK 17 job runs the same suite on JNA).
 */
@EnabledOnOs(value = OS.WINDOWS, architectures = "amd64")
@EnabledForJreRange(min = JRE.JAVA_22)
@ExtendWith(LeakCheck.class)
@Timeout(60)
class ForeignBindingWindowsTest {

    @Test
    void theForeignFunctionBindingIsSelectedAndServes() throws Exception {
        assumeTrue("native".equals(System.getProperty(HttpSysBackend.BACKEND_PROPERTY)),
                "run with -Dio.netty.contrib.httpsys.backend=native");
        assumeFalse("jna".equals(System.getProperty("io.netty.contrib.httpsys.binding")), "JNA forced");
        assertEquals("ffm", WindowsHttpSys.binding(), () -> String.valueOf(WindowsHttpSys.unavailabilityCause()));

        try (TestServer server = TestServer.start(ch -> ch.pipeline().addLast(new UriAnswer()))) {
            HttpResponse<String> response = RequestResponseTest.client().send(
                    HttpRequest.newBuilder(server.uri("/served/by/ffm?x=1")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode());
            assertEquals("/served/by/ffm?x=1", response.body());
        }
    }
}
