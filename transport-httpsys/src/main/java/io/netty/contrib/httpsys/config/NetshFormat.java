package io.netty.contrib.httpsys.config;

import io.netty.util.NetUtil;

import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.function.Function;

/**
 * The listings of {@code netsh http show urlacl} and {@code netsh http show sslcert}, field for field, so that
 * scripts written against netsh's output read ours.
 *
 * <p>Layouts, as netsh prints them on Windows 10 / 11 / Server 2022: {@code show urlacl} in Microsoft's "Configure
 * Reporting Services to use a Subject Alternative Name" (SQL Server docs: {@code Reserved URL}, then per account
 * {@code User:}, {@code Listen:}, {@code Delegate:}, and the {@code SDDL:}); {@code show sslcert} in Microsoft's
 * {@code add sslcert} reference for the field names, and in the integration tests of segor/SslCertBinding.Net,
 * which compare netsh's output on Windows with the binding they set (field order, the aligned colons,
 * {@code (null)} for absent strings, {@code Enabled}/{@code Disabled}, and {@code Set}/{@code Not Set} for the
 * newer flags). netsh ends some lines with a space; these lines have no trailing whitespace. netsh's
 * {@code Extended Properties} blocks come from {@code HttpServiceConfigSslCertInfoEx}, which this does not read.
 */
final class NetshFormat {

    // HTTP_CERT_CHECK_MODE bits of DefaultCertCheckMode (HTTP_SERVICE_CONFIG_SSL_PARAM reference page).
    private static final int NO_REVOCATION_CHECK = 0x1;
    private static final int CACHED_REVOCATION_ONLY = 0x2;
    private static final int USE_REVOCATION_FRESHNESS_TIME = 0x4;
    private static final int NO_USAGE_CHECK = 0x10000;

    /** The HTTP_SERVICE_CONFIG_SSL_FLAG_* lines (http.h values) that netsh prints as {@code Set} / {@code Not Set}. */
    private static final String[] FLAG_NAMES = {
        "Disable HTTP2", "Disable QUIC", "Disable TLS1.2", "Disable TLS1.3", "Disable OCSP Stapling",
        "Enable Token Binding", "Log Extended Events", "Disable Legacy TLS Versions", "Enable Session Ticket",
        "Enable Caching Client Hello"};
    private static final int[] FLAG_BITS = {0x10, 0x20, 0x1000, 0x40, 0x80, 0x100, 0x200, 0x400, 0x800, 0x8000};
    private static final int USE_DS_MAPPER = 0x1;
    private static final int NEGOTIATE_CLIENT_CERT = 0x2;
    private static final int REJECT = 0x8;

    private NetshFormat() {
    }

    /** {@code netsh http show urlacl}: {@code accountName} gives the {@code User:} of a SID. */
    static String urlAcls(List<UrlReservation> reservations, Function<String, String> accountName) {
        StringBuilder out = new StringBuilder("\nURL Reservations:\n-----------------\n\n");
        for (UrlReservation reservation : reservations) {
            out.append("    Reserved URL            : ").append(reservation.url()).append('\n');
            for (UrlReservation.Ace ace : reservation.aces()) {
                out.append("        User: ").append(accountName.apply(ace.sid())).append('\n')
                        .append("            Listen: ").append(yesNo(ace.listen())).append('\n')
                        .append("            Delegate: ").append(yesNo(ace.delegate())).append('\n');
            }
            out.append("            SDDL: ").append(reservation.securityDescriptor()).append("\n\n");
        }
        return out.toString();
    }

    /** {@code netsh http show sslcert}. */
    static String sslCerts(List<SslCertBinding> bindings) {
        StringBuilder out = new StringBuilder("\nSSL Certificate bindings:\n-------------------------\n\n");
        for (SslCertBinding binding : bindings) {
            int mode = binding.certCheckMode();
            int flags = binding.flags();
            field(out, "IP:port", ipPort(binding.ipPort()));
            field(out, "Certificate Hash", binding.thumbprint());
            field(out, "Application ID", "{" + binding.appId() + "}");
            field(out, "Certificate Store Name", nullable(binding.certificateStoreName()));
            field(out, "Verify Client Certificate Revocation", enabled((mode & NO_REVOCATION_CHECK) == 0));
            field(out, "Verify Revocation Using Cached Client Certificate Only",
                    enabled((mode & CACHED_REVOCATION_ONLY) != 0));
            if ((mode & USE_REVOCATION_FRESHNESS_TIME) != 0) {
                field(out, "Use Revocation Freshness Time", enabled(true));
            }
            field(out, "Usage Check", enabled((mode & NO_USAGE_CHECK) == 0));
            field(out, "Revocation Freshness Time", Integer.toUnsignedString(binding.revocationFreshnessTime()));
            field(out, "URL Retrieval Timeout", Integer.toUnsignedString(binding.urlRetrievalTimeout()));
            field(out, "Ctl Identifier", nullable(binding.ctlIdentifier()));
            field(out, "Ctl Store Name", nullable(binding.ctlStoreName()));
            field(out, "DS Mapper Usage", enabled((flags & USE_DS_MAPPER) != 0));
            field(out, "Negotiate Client Certificate", enabled((flags & NEGOTIATE_CLIENT_CERT) != 0));
            field(out, "Reject Connections", enabled((flags & REJECT) != 0));
            for (int i = 0; i < FLAG_NAMES.length; i++) {
                field(out, FLAG_NAMES[i], (flags & FLAG_BITS[i]) != 0 ? "Set" : "Not Set");
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** An IP endpoint as netsh writes it: {@code 0.0.0.0:8443}, {@code [::]:8443}. */
    static String ipPort(InetSocketAddress ipPort) {
        // RFC 5952's compressed text ([::], not [0:0:0:0:0:0:0:0]), as netsh writes IPv6 addresses.
        String host = NetUtil.toAddressString(ipPort.getAddress());
        return (ipPort.getAddress() instanceof Inet6Address ? '[' + host + ']' : host) + ':' + ipPort.getPort();
    }

    // netsh pads names to 29 columns; longer names get one space before the colon.
    private static void field(StringBuilder out, String name, String value) {
        out.append("    ").append(name).append(" ".repeat(Math.max(1, 29 - name.length()))).append(": ")
                .append(value).append('\n');
    }

    private static String nullable(String text) {
        return text == null ? "(null)" : text;
    }

    private static String yesNo(boolean value) {
        return value ? "Yes" : "No";
    }

    private static String enabled(boolean value) {
        return value ? "Enabled" : "Disabled";
    }
}
