package io.netty.contrib.httpsys.config;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The listings match netsh's: the expected texts are netsh's own output as published (Microsoft's Reporting
 * Services SAN page for {@code show urlacl}; a Windows 11 {@code show sslcert} as in SslCertBinding.Net's
 * integration tests), with the trailing spaces netsh leaves on some lines removed.
 */
class NetshFormatTest {

    private static final Map<String, String> NAMES = Map.of(
            "WD", "\\Everyone",
            "S-1-5-80-2885764129-887777008-271615777-1616004480-2722851051", "NT SERVICE\\ReportServer",
            "NS", "NT AUTHORITY\\NETWORK SERVICE");

    @Test
    void urlReservationsAreListedAsNetshListsThem() {
        String listing = NetshFormat.urlAcls(List.of(
                new UrlReservation("http://+:80/Temporary_Listen_Addresses/", "D:(A;;GX;;;WD)"),
                new UrlReservation("https://+:443/ReportServer/",
                        "D:(A;;GX;;;S-1-5-80-2885764129-887777008-271615777-1616004480-2722851051)")), NAMES::get);
        assertEquals("""

                URL Reservations:
                -----------------

                    Reserved URL            : http://+:80/Temporary_Listen_Addresses/
                        User: \\Everyone
                            Listen: Yes
                            Delegate: No
                            SDDL: D:(A;;GX;;;WD)

                    Reserved URL            : https://+:443/ReportServer/
                        User: NT SERVICE\\ReportServer
                            Listen: Yes
                            Delegate: No
                            SDDL: D:(A;;GX;;;S-1-5-80-2885764129-887777008-271615777-1616004480-2722851051)

                """, listing);
    }

    @Test
    void eachAccountOfAReservationGetsItsOwnUserBlockAndTheSddlComesLast() {
        String listing = NetshFormat.urlAcls(List.of(
                new UrlReservation("http://+:8080/", "D:(A;;GA;;;WD)(A;;GW;;;NS)")), NAMES::get);
        assertTrue(listing.endsWith("""
                    Reserved URL            : http://+:8080/
                        User: \\Everyone
                            Listen: Yes
                            Delegate: Yes
                        User: NT AUTHORITY\\NETWORK SERVICE
                            Listen: No
                            Delegate: Yes
                            SDDL: D:(A;;GA;;;WD)(A;;GW;;;NS)

                """), listing);
    }

    @Test
    void rightsAreReadAsHttpSysReadsThem() {
        assertEquals(List.of(new UrlReservation.Ace("WD", true, false), new UrlReservation.Ace("BA", true, true),
                        new UrlReservation.Ace("NS", false, true), new UrlReservation.Ace("S-1-5-18", true, false)),
                new UrlReservation("http://+:1/", "D:(A;;GX;;;WD)(A;;GA;;;BA)(A;;GW;;;NS)(A;;0x20000000;;;S-1-5-18)")
                        .aces());
        assertEquals("D:(A;;GX;;;WD)", UrlReservation.securityDescriptor("WD", true, false));
        assertEquals("D:(A;;GA;;;WD)", UrlReservation.securityDescriptor("WD", true, true));
        assertEquals("D:(A;;GW;;;WD)", UrlReservation.securityDescriptor("WD", false, true));
        assertThrows(IllegalArgumentException.class, () -> UrlReservation.securityDescriptor("WD", false, false));
    }

    @Test
    void aCertificateBindingIsListedAsNetshListsIt() throws Exception {
        SslCertBinding binding = SslCertBinding.of(new InetSocketAddress(InetAddress.getByName("0.0.0.0"), 7048),
                HexFormat.of().parseHex("61d34f532da121bbab64723c4871e72c92f03735"),
                UUID.fromString("214124cd-d05b-4309-9af9-9caa44b2b74a"), null);
        assertEquals("""

                SSL Certificate bindings:
                -------------------------

                    IP:port                      : 0.0.0.0:7048
                    Certificate Hash             : 61d34f532da121bbab64723c4871e72c92f03735
                    Application ID               : {214124cd-d05b-4309-9af9-9caa44b2b74a}
                    Certificate Store Name       : (null)
                    Verify Client Certificate Revocation : Enabled
                    Verify Revocation Using Cached Client Certificate Only : Disabled
                    Usage Check                  : Enabled
                    Revocation Freshness Time    : 0
                    URL Retrieval Timeout        : 0
                    Ctl Identifier               : (null)
                    Ctl Store Name               : (null)
                    DS Mapper Usage              : Disabled
                    Negotiate Client Certificate : Disabled
                    Reject Connections           : Disabled
                    Disable HTTP2                : Not Set
                    Disable QUIC                 : Not Set
                    Disable TLS1.2               : Not Set
                    Disable TLS1.3               : Not Set
                    Disable OCSP Stapling        : Not Set
                    Enable Token Binding         : Not Set
                    Log Extended Events          : Not Set
                    Disable Legacy TLS Versions  : Not Set
                    Enable Session Ticket        : Not Set
                    Enable Caching Client Hello  : Not Set

                """, NetshFormat.sslCerts(List.of(binding)));
    }

    @Test
    void checkModesAndFlagsReadAsNetshNamesThem() throws Exception {
        // HTTP_CERT_CHECK_MODE: 1 no revocation check, 2 cached only, 4 freshness time, 0x10000 no usage check;
        // flags: 0x2 negotiate client certificate, 0x8 reject, 0x10 disable HTTP/2, 0x1000 disable TLS 1.2.
        SslCertBinding binding = new SslCertBinding(new InetSocketAddress(InetAddress.getByName("::"), 443),
                new byte[20], new UUID(0, 1), "MY", 0x10007, 60, 5000, "CtlId", "CtlStore", 0x101a);
        String listing = NetshFormat.sslCerts(List.of(binding));
        for (String line : List.of(
                "    IP:port                      : [::]:443\n",
                "    Certificate Store Name       : MY\n",
                "    Verify Client Certificate Revocation : Disabled\n",
                "    Verify Revocation Using Cached Client Certificate Only : Enabled\n"
                        + "    Use Revocation Freshness Time : Enabled\n",
                "    Usage Check                  : Disabled\n",
                "    Revocation Freshness Time    : 60\n",
                "    URL Retrieval Timeout        : 5000\n",
                "    Ctl Identifier               : CtlId\n",
                "    Negotiate Client Certificate : Enabled\n",
                "    Reject Connections           : Enabled\n",
                "    Disable HTTP2                : Set\n",
                "    Disable TLS1.2               : Set\n",
                "    Disable TLS1.3               : Not Set\n")) {
            assertTrue(listing.contains(line), () -> "missing " + line + " in " + listing);
        }
    }
}
