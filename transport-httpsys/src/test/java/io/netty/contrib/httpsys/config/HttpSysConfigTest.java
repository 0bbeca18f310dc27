package io.netty.contrib.httpsys.config;

import io.netty.contrib.httpsys.LeakCheck;
import io.netty.contrib.httpsys.nativeapi.WinError;
import io.netty.contrib.httpsys.nativeapi.emulator.EmulatedAccountNames;
import io.netty.contrib.httpsys.nativeapi.emulator.EmulatedIdentity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link HttpSysConfig} against the emulator's configuration store: what it adds is listed and found, and each
 * refusal (already there, not there, not elevated, not a URL prefix) says how to fix it.
 */
@ExtendWith(LeakCheck.class)
class HttpSysConfigTest {

    private static final byte[] HASH = HexFormat.of().parseHex("40db5bb1bf5659a155258d1d007c530fcb8996c2");
    private static final UUID APP_ID = UUID.fromString("6e657474-7968-7474-7073-797300000001");

    private final HttpSysConfig config = EmulatedConfig.config();

    @Test
    void aUrlReservationIsAddedListedFoundAndDeleted() throws Exception {
        String url = "http://+:" + EmulatedConfig.freePort() + "/config-test/";
        assertEquals("D:(A;;GX;;;WD)", config.addUrlReservation(url, "Everyone", true, false));
        try {
            UrlReservation expected = new UrlReservation(url, "D:(A;;GX;;;WD)");
            assertTrue(config.urlReservations().contains(expected), () -> "listed: " + url);
            assertEquals(Optional.of(expected), config.urlReservation(url));

            HttpSysConfigException duplicate = assertThrows(HttpSysConfigException.class,
                    () -> config.addUrlReservation(url, "D:(A;;GA;;;WD)"));
            assertEquals(WinError.ERROR_ALREADY_EXISTS, duplicate.errorCode());
            assertTrue(duplicate.getMessage().contains("183 ERROR_ALREADY_EXISTS"), duplicate.getMessage());
            assertTrue(duplicate.getMessage().contains("Delete it first (" + HttpSysConfig.PROGRAM
                    + " urlacl delete " + url + ")"), duplicate.getMessage());
            assertEquals(Optional.of(expected), config.urlReservation(url), "the first reservation stays");
        } finally {
            config.deleteUrlReservation(url);
        }
        assertEquals(Optional.empty(), config.urlReservation(url));
        assertFalse(config.urlReservations().stream().anyMatch(r -> r.url().equals(url)));

        HttpSysConfigException missing = assertThrows(HttpSysConfigException.class,
                () -> config.deleteUrlReservation(url));
        assertEquals(WinError.ERROR_FILE_NOT_FOUND, missing.errorCode());
        assertTrue(missing.getMessage().contains("there is no reservation for " + url), missing.getMessage());
        assertTrue(missing.getMessage().contains("urlacl list"), missing.getMessage());
    }

    @Test
    void aUserNameBecomesTheSidNetshWritesAndReadsBackAsTheName() throws Exception {
        String url = "http://+:" + EmulatedConfig.freePort() + "/config-test/";
        String user = EmulatedAccountNames.currentUser();
        assertEquals("D:(A;;GA;;;" + EmulatedIdentity.current() + ")",
                config.addUrlReservation(url, user, true, true));
        try {
            String listing = config.formatUrlReservations(config.urlReservation(url).map(java.util.List::of)
                    .orElseThrow());
            assertTrue(listing.contains("        User: " + user + "\n            Listen: Yes\n"
                    + "            Delegate: Yes\n"), listing);
        } finally {
            config.deleteUrlReservation(url);
        }
        assertEquals("D:(A;;GW;;;NS)", UrlReservation.securityDescriptor(config.sid("network service"), false,
                true));
    }

    @Test
    void anUnknownAccountIsRefusedBeforeAnythingIsStored() throws Exception {
        String url = "http://+:" + EmulatedConfig.freePort() + "/config-test/";
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> config.addUrlReservation(url, "NOBODY\\nobody", true, false));
        assertTrue(unknown.getMessage().contains("no account is named NOBODY\\nobody"), unknown.getMessage());
        assertEquals(Optional.empty(), config.urlReservation(url));
    }

    @Test
    void aPrefixHttpSysRejectsNamesTheBrokenRule() {
        HttpSysConfigException invalid = assertThrows(HttpSysConfigException.class,
                () -> config.addUrlReservation("http://+/config-test/", "D:(A;;GX;;;WD)"));
        assertEquals(WinError.ERROR_INVALID_PARAMETER, invalid.errorCode());
        assertTrue(invalid.getMessage().contains("the URL prefix http://+/config-test/ is invalid: the port must be "
                + "explicit"), invalid.getMessage());
    }

    @Test
    void aCertificateBindingIsAddedListedFoundAndDeleted() throws Exception {
        InetSocketAddress ipPort = new InetSocketAddress(InetAddress.getByName("0.0.0.0"),
                EmulatedConfig.freePort());
        SslCertBinding binding = SslCertBinding.of(ipPort, HASH, APP_ID, "MY");
        config.addSslCertBinding(binding);
        String text = "0.0.0.0:" + ipPort.getPort();
        try {
            assertTrue(config.sslCertBindings().contains(binding), () -> "listed: " + binding);
            assertEquals(Optional.of(binding), config.sslCertBinding(ipPort));

            HttpSysConfigException duplicate = assertThrows(HttpSysConfigException.class,
                    () -> config.addSslCertBinding(SslCertBinding.of(ipPort, HASH, UUID.randomUUID(), null)));
            assertEquals(WinError.ERROR_ALREADY_EXISTS, duplicate.errorCode());
            assertTrue(duplicate.getMessage().contains("a certificate is already bound to " + text),
                    duplicate.getMessage());
            assertTrue(duplicate.getMessage().contains("sslcert delete " + text), duplicate.getMessage());
            assertTrue(duplicate.getMessage().contains("netsh http update sslcert ipport=" + text),
                    duplicate.getMessage());
        } finally {
            config.deleteSslCertBinding(ipPort);
        }
        assertEquals(Optional.empty(), config.sslCertBinding(ipPort));
        HttpSysConfigException missing = assertThrows(HttpSysConfigException.class,
                () -> config.deleteSslCertBinding(ipPort));
        assertEquals(WinError.ERROR_FILE_NOT_FOUND, missing.errorCode());
        assertTrue(missing.getMessage().contains("no certificate is bound to " + text), missing.getMessage());
    }

    @Test
    void anIpv6BindingKeepsItsAddressAndOptions() throws Exception {
        InetSocketAddress ipPort = new InetSocketAddress(InetAddress.getByName("::1"), EmulatedConfig.freePort());
        SslCertBinding binding = new SslCertBinding(ipPort, HASH, APP_ID, null, 0x10001, 60, 5000, "CTL",
                "CtlStore", 0x12);
        config.addSslCertBinding(binding);
        try {
            assertEquals(Optional.of(binding), config.sslCertBinding(ipPort));
        } finally {
            config.deleteSslCertBinding(ipPort);
        }
    }

    @Test
    void withoutElevationChangesAreRefusedWithTheCommandToRunElevatedAndReadingStillWorks() throws Exception {
        String url = "http://+:" + EmulatedConfig.freePort() + "/config-test/";
        InetSocketAddress ipPort = new InetSocketAddress(InetAddress.getByName("0.0.0.0"),
                EmulatedConfig.freePort());
        HttpSysConfigException denied = EmulatedConfig.notElevated(() -> {
            config.urlReservations();
            config.sslCertBindings();
            return assertThrows(HttpSysConfigException.class,
                    () -> config.addUrlReservation(url, "Everyone", true, false));
        });
        assertEquals(WinError.ERROR_ACCESS_DENIED, denied.errorCode());
        String message = denied.getMessage();
        assertTrue(message.contains("5 ERROR_ACCESS_DENIED"), message);
        assertTrue(message.contains("Start-Process -Verb RunAs -FilePath java -ArgumentList '-cp "), message);
        assertTrue(message.contains(HttpSysConfig.PROGRAM + " urlacl add " + url + " --sddl D:(A;;GX;;;WD)'"),
                message);
        assertTrue(message.contains("netsh http add urlacl url=" + url + " sddl=D:(A;;GX;;;WD)"), message);
        assertEquals(Optional.empty(), config.urlReservation(url));

        HttpSysConfigException deleteDenied = EmulatedConfig.notElevated(() -> assertThrows(
                HttpSysConfigException.class, () -> config.deleteSslCertBinding(ipPort)));
        assertEquals(WinError.ERROR_ACCESS_DENIED, deleteDenied.errorCode());
        assertTrue(deleteDenied.getMessage().contains("sslcert delete 0.0.0.0:" + ipPort.getPort() + "'"),
                deleteDenied.getMessage());
        assertTrue(deleteDenied.getMessage().contains("netsh http delete sslcert ipport=0.0.0.0:"
                + ipPort.getPort()), deleteDenied.getMessage());
    }
}
