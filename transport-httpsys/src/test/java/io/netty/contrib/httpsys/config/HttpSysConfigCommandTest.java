package io.netty.contrib.httpsys.config;

import io.netty.contrib.httpsys.LeakCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The command line: its exit codes (0 done, 1 refused with the fix, 2 unusable command line, as the examples'
 * command lines do for --help and bad arguments), its netsh-like output, and netsh's {@code url=} /
 * {@code ipport=} spellings, against the emulator's store.
 */
@ExtendWith(LeakCheck.class)
class HttpSysConfigCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        err.reset();
        return new HttpSysConfigCommand(EmulatedConfig::config, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpPrintsTheUsageAndExitsZero() {
        assertEquals(0, run("--help"));
        assertEquals(HttpSysConfigCommand.USAGE, out());
        assertEquals(0, run("urlacl", "add", "-h"));
        assertTrue(out().contains("urlacl add URL --user DOMAIN\\user"), out());
        assertEquals("", err());
    }

    @Test
    void unusableCommandLinesExitTwoWithTheReasonAndTheUsage() {
        String[][] bad = {
            {},
            {"urlacl"},
            {"frob", "list"},
            {"urlacl", "frob"},
            {"urlacl", "add", "http://+:8080/"},
            {"urlacl", "add", "http://+:8080/", "--user", "Everyone", "--sddl", "D:(A;;GX;;;WD)"},
            {"urlacl", "add", "http://+:8080/", "--user", "Everyone", "--listen", "maybe"},
            {"urlacl", "add", "http://+:8080/", "--user", "Everyone", "--listen", "no"},
            {"urlacl", "delete"},
            {"urlacl", "list", "--user", "Everyone"},
            {"sslcert", "add", "0.0.0.0:8443", "--thumbprint", "abc", "--appid", "{6e657474-7968-7474-7073-797300000001}"},
            {"sslcert", "add", "0.0.0.0:8443", "--thumbprint", "40db5bb1bf5659a155258d1d007c530fcb8996c2",
                "--appid", "netty"},
            {"sslcert", "add", "0.0.0.0:8443", "--thumbprint", "40db5bb1bf5659a155258d1d007c530fcb8996c2"},
            {"sslcert", "delete", "localhost:8443"},
            {"sslcert", "delete", "0.0.0.0:70000"},
            {"sslcert", "delete", "0.0.0.0:8443", "extra"},
        };
        for (String[] args : bad) {
            assertEquals(HttpSysConfigCommand.USAGE_ERROR, run(args), () -> String.join(" ", args));
            assertTrue(err().startsWith(HttpSysConfig.PROGRAM + ": "), err());
            assertTrue(err().endsWith(HttpSysConfigCommand.USAGE), () -> "usage after the reason: " + err());
            assertEquals("", out(), () -> String.join(" ", args));
        }
        assertEquals(HttpSysConfigCommand.USAGE_ERROR, run("sslcert", "delete", "localhost:8443"));
        assertTrue(err().contains("not IP:PORT: localhost:8443"), err());
    }

    @Test
    void aReservationIsAddedShownRefusedTwiceAndDeleted() throws Exception {
        String url = "http://+:" + EmulatedConfig.freePort() + "/config-cli/";
        assertEquals(0, run("urlacl", "add", "url=" + url, "--user", "Everyone"));
        assertEquals("URL reservation successfully added\n", out().replace("\r\n", "\n"));
        try {
            assertEquals(0, run("urlacl", "show", url));
            assertTrue(out().contains("    Reserved URL            : " + url + "\n        User: \\Everyone\n"
                    + "            Listen: Yes\n            Delegate: No\n            SDDL: D:(A;;GX;;;WD)\n"), out());
            assertEquals(0, run("urlacl", "list"));
            assertTrue(out().contains("Reserved URL            : " + url + "\n"), out());

            assertEquals(HttpSysConfigCommand.REFUSED, run("urlacl", "add", url, "--sddl", "D:(A;;GA;;;WD)"));
            assertTrue(err().contains("183 ERROR_ALREADY_EXISTS"), err());
            assertTrue(err().contains("urlacl delete " + url), err());
        } finally {
            assertEquals(0, run("urlacl", "delete", url));
            assertTrue(out().startsWith("URL reservation successfully deleted"), out());
        }
        assertEquals(HttpSysConfigCommand.REFUSED, run("urlacl", "delete", url));
        assertTrue(err().contains("2 ERROR_FILE_NOT_FOUND: there is no reservation for " + url), err());
        assertEquals(HttpSysConfigCommand.USAGE_ERROR, run("urlacl", "add", url, "--user", "NOBODY\\nobody"));
        assertTrue(err().contains("no account is named NOBODY\\nobody"), err());
    }

    @Test
    void aCertificateBindingIsAddedShownRefusedTwiceAndDeleted() throws Exception {
        String ipPort = "0.0.0.0:" + EmulatedConfig.freePort();
        String[] add = {"sslcert", "add", "ipport=" + ipPort, "--thumbprint",
            "40DB5BB1BF5659A155258D1D007C530FCB8996C2", "--appid", "{6e657474-7968-7474-7073-797300000001}",
            "--store", "MY"};
        assertEquals(0, run(add));
        assertTrue(out().startsWith("SSL Certificate successfully added"), out());
        try {
            assertEquals(0, run("sslcert", "show", ipPort));
            assertTrue(out().contains("    IP:port                      : " + ipPort + "\n"
                    + "    Certificate Hash             : 40db5bb1bf5659a155258d1d007c530fcb8996c2\n"
                    + "    Application ID               : {6e657474-7968-7474-7073-797300000001}\n"
                    + "    Certificate Store Name       : MY\n"), out());
            assertEquals(HttpSysConfigCommand.REFUSED, run(add));
            assertTrue(err().contains("a certificate is already bound to " + ipPort), err());
        } finally {
            assertEquals(0, run("sslcert", "delete", ipPort));
        }
        assertEquals(0, run("sslcert", "list", ipPort));
        assertTrue(!out().contains(ipPort), out());
        assertEquals(HttpSysConfigCommand.REFUSED, run("sslcert", "delete", ipPort));
        assertTrue(err().contains("2 ERROR_FILE_NOT_FOUND: no certificate is bound to " + ipPort), err());
    }

    @Test
    void notElevatedExitsOneWithTheElevatedCommand() throws Exception {
        String url = "http://+:" + EmulatedConfig.freePort() + "/config-cli/";
        int code = EmulatedConfig.notElevated(() -> run("urlacl", "add", url, "--user",
                "NT AUTHORITY\\NETWORK SERVICE"));
        assertEquals(HttpSysConfigCommand.REFUSED, code);
        assertTrue(err().contains("5 ERROR_ACCESS_DENIED"), err());
        assertTrue(err().contains("Start-Process -Verb RunAs"), err());
        assertTrue(err().contains("urlacl add " + url + " --sddl D:(A;;GX;;;NS)"), err());
        assertEquals(0, run("urlacl", "list", url));
        assertTrue(!out().contains(url), out());
    }
}
