package io.netty.contrib.httpsys.config;

import io.netty.contrib.httpsys.LeakCheck;
import io.netty.contrib.httpsys.nativeapi.HttpSysBackend;
import io.netty.contrib.httpsys.nativeapi.WinError;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@link HttpSysConfig} on the kernel: listing needs no rights, the advapi32 name lookups agree with Windows'
 * account database, and, when the test runs elevated, a reservation under a test prefix is added, refused twice
 * and deleted. Not elevated, the add is refused with 5 and the message that says to run elevated.
 */
@EnabledOnOs(OS.WINDOWS)
@ExtendWith(LeakCheck.class)
class HttpSysConfigWindowsTest {

    private HttpSysConfig config;

    @BeforeEach
    void requireTheKernel() {
        assumeTrue("native".equals(System.getProperty(HttpSysBackend.BACKEND_PROPERTY)),
                "run with -Dio.netty.contrib.httpsys.backend=native");
        config = HttpSysConfig.open();
    }

    @Test
    void listingWorksWithoutElevation() throws Exception {
        List<UrlReservation> reservations = config.urlReservations();
        String listing = config.formatUrlReservations(reservations);
        assertTrue(listing.startsWith("\nURL Reservations:\n-----------------\n"), listing);
        for (UrlReservation reservation : reservations) {
            assertEquals(Optional.of(reservation), config.urlReservation(reservation.url()));
        }
        assertTrue(HttpSysConfig.formatSslCertBindings(config.sslCertBindings())
                .startsWith("\nSSL Certificate bindings:\n"));
    }

    @Test
    void accountNamesResolveThroughAdvapi32() throws Exception {
        String user = System.getenv("USERDOMAIN") + '\\' + System.getProperty("user.name");
        String sid = config.sid(user);
        assertTrue(sid.startsWith("S-1-5-"), sid);
        String listing = config.formatUrlReservations(List.of(new UrlReservation("http://+:1/",
                UrlReservation.securityDescriptor(sid, true, false))));
        assertTrue(listing.toLowerCase().contains("user: " + user.toLowerCase() + "\n"), listing);
        // Everyone is S-1-1-0, which security descriptor strings write as WD.
        assertEquals("WD", config.sid("Everyone"));
        assertThrows(IllegalArgumentException.class, () -> config.sid("no-such-account-" + System.nanoTime()));
    }

    @Test
    void aReservationIsAddedAndDeletedWhenElevated() throws Exception {
        String url = "http://+:" + EmulatedConfig.freePort() + "/netty-httpsys-config-test/";
        String user = System.getenv("USERDOMAIN") + '\\' + System.getProperty("user.name");
        try {
            config.addUrlReservation(url, user, true, false);
        } catch (HttpSysConfigException e) {
            assertEquals(WinError.ERROR_ACCESS_DENIED, e.errorCode(), e.getMessage());
            assertTrue(e.getMessage().contains("Start-Process -Verb RunAs"), e.getMessage());
            Assumptions.abort("not elevated: the refusal was checked, the rest needs an elevated run");
        }
        try {
            UrlReservation reservation = config.urlReservation(url).orElseThrow();
            assertNotNull(reservation.securityDescriptor());
            assertEquals(List.of(new UrlReservation.Ace(config.sid(user), true, false)), reservation.aces());
            HttpSysConfigException duplicate = assertThrows(HttpSysConfigException.class,
                    () -> config.addUrlReservation(url, user, true, false));
            assertEquals(WinError.ERROR_ALREADY_EXISTS, duplicate.errorCode());
        } finally {
            config.deleteUrlReservation(url);
        }
        HttpSysConfigException missing = assertThrows(HttpSysConfigException.class,
                () -> config.deleteUrlReservation(url));
        assertEquals(WinError.ERROR_FILE_NOT_FOUND, missing.errorCode());
    }
}
