package io.netty.contrib.httpsys.perf;

import java.io.IOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the verification kit learns about the Windows it runs on: the build number ({@code ver}), whether the
 * process is elevated ({@code whoami /groups}), and which HTTP.SYS features that build has.
 *
 * <p>Feature floors, from Microsoft's ASP.NET Core documentation of its HTTP.sys server ("HTTP/2 over TLS (Windows 10
 * or later)", "HTTP/3 over TLS (Windows 11 or later)"; Kestrel's HTTP/3 page: "Windows 11 Build 22000 or later OR
 * Windows Server 2022"): HTTP/2 from build 10240 (Windows 10 / Server 2016), HTTP/3 and HTTP/2 response trailers
 * ({@code HttpFeatureResponseTrailers}) from build 20348 (Windows Server 2022; Windows 11 is 22000).
 */
final class WindowsFacts {

    /** Windows 10 RTM; Windows Server 2016 is build 14393. */
    static final int HTTP2_BUILD = 10240;
    /** Windows Server 2022; Windows 11 starts at 22000. */
    static final int HTTP3_BUILD = 20348;

    /** The SID of the high mandatory integrity level, which only an elevated token carries. */
    private static final String HIGH_INTEGRITY_SID = "S-1-16-12288";

    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)(?:\\.(\\d+))?");

    private WindowsFacts() {
    }

    static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }

    /** The build number in {@code ver}'s output ({@code Microsoft Windows [Version 10.0.22631.4460]}), or -1. */
    static int build(String verOutput) {
        Matcher m = VERSION.matcher(verOutput);
        return m.find() ? Integer.parseInt(m.group(3)) : -1;
    }

    /** What this transport can do on {@code build}, one phrase per feature. */
    static List<String> features(int build) {
        List<String> features = new ArrayList<>();
        features.add("HTTP/1.1 and HTTPS: yes");
        features.add("HTTP/2 over TLS: " + (build >= HTTP2_BUILD ? "yes" : "no (needs Windows 10 / Server 2016)"));
        features.add("HTTP/3 and response trailers: " + (build >= HTTP3_BUILD ? "yes"
                : "no (need Windows 11 / Server 2022)"));
        return features;
    }

    /** Whether {@code whoami /groups} lists the high integrity level: the process runs elevated. */
    static boolean isElevated(String whoamiGroups) {
        return whoamiGroups.contains(HIGH_INTEGRITY_SID);
    }

    /** Runs a short command and returns its output (the console's code page), or throws when it fails. */
    static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), Charset.defaultCharset());
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not finish in 30 s");
        }
        return output;
    }
}
