package io.netty.contrib.httpsys.config;

import io.netty.contrib.httpsys.nativeapi.HttpSysBackend;
import io.netty.util.NetUtil;

import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The command line of {@link HttpSysConfig}: {@code urlacl|sslcert list|show|add|delete}, with the conventions of
 * the examples' command lines ({@code --help} prints the usage and exits 0; a command line that cannot be used
 * prints what is wrong and the usage on standard error and exits {@value #USAGE_ERROR}) and {@value #REFUSED} when
 * HTTP.SYS refuses, with the message that says how to fix it. Listings go to standard output in netsh's layout.
 */
final class HttpSysConfigCommand {

    static final int DONE = 0;
    static final int REFUSED = 1;
    static final int USAGE_ERROR = 2;

    static final String USAGE = HttpSysConfig.PROGRAM + ": HTTP.SYS URL reservations and certificate bindings, "
            + "without netsh\n"
            + "Usage:\n"
            + "  urlacl list [URL]\n"
            + "  urlacl add URL --user DOMAIN\\user [--listen yes|no] [--delegate yes|no]\n"
            + "  urlacl add URL --sddl SDDL\n"
            + "  urlacl delete URL\n"
            + "  sslcert list [IP:PORT]\n"
            + "  sslcert add IP:PORT --thumbprint HEX --appid {GUID} [--store NAME]\n"
            + "  sslcert delete IP:PORT\n"
            + "  --help\n"
            + "As with netsh, URL may be written url=URL, IP:PORT ipport=IP:PORT, and show means list; --listen\n"
            + "defaults to yes, --delegate to no, --store to MY. Listing needs no rights; add and delete need an\n"
            + "elevated prompt on Windows. Off Windows this works on the HTTP.SYS emulator's store, which lives in\n"
            + "this process only: there it demonstrates, and changes nothing that outlives the command.\n"
            + "Exit codes: 0 done, " + REFUSED + " refused by HTTP.SYS (the message says how to fix it), "
            + USAGE_ERROR + " unusable command line.\n";

    private static final Pattern GUID = Pattern.compile(
            "\\{?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})}?");
    private static final int SHA1_LENGTH = 20;

    private final Supplier<HttpSysConfig> config;
    private final PrintStream out;
    private final PrintStream err;

    HttpSysConfigCommand(Supplier<HttpSysConfig> config, PrintStream out, PrintStream err) {
        this.config = config;
        this.out = out;
        this.err = err;
    }

    /** Runs {@code args} and returns the exit code. */
    int run(String... args) {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            out.print(USAGE);
            out.flush();
            return DONE;
        }
        Runnable action;
        try {
            action = parse(args);
        } catch (IllegalArgumentException e) {
            err.println(HttpSysConfig.PROGRAM + ": " + e.getMessage());
            err.println();
            err.print(USAGE);
            err.flush();
            return USAGE_ERROR;
        }
        try {
            action.run();
            return DONE;
        } catch (Refused e) {
            err.println(e.getCause().getMessage());
            return REFUSED;
        } catch (IllegalArgumentException e) {
            err.println(HttpSysConfig.PROGRAM + ": " + e.getMessage());
            return USAGE_ERROR;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** What the command line asks for, checked before anything touches HTTP.SYS. */
    private Runnable parse(String[] args) {
        if (args.length < 2) {
            throw new IllegalArgumentException(args.length == 0 ? "no command" : "urlacl or sslcert needs a verb: "
                    + "list, add or delete");
        }
        String object = args[0].toLowerCase(Locale.ROOT);
        String verb = args[1].toLowerCase(Locale.ROOT);
        if (verb.equals("show")) {
            verb = "list";
        }
        List<String> positional = new ArrayList<>();
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 2; i < args.length; i++) {
            if (args[i].startsWith("--")) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(args[i] + " needs a value");
                }
                options.put(args[i].substring(2), args[++i]);
            } else {
                positional.add(args[i]);
            }
        }
        switch (object) {
            case "urlacl" -> {
                return urlAcl(verb, positional, options);
            }
            case "sslcert" -> {
                return sslCert(verb, positional, options);
            }
            default -> throw new IllegalArgumentException("unknown object " + args[0] + ": use urlacl or sslcert");
        }
    }

    private Runnable urlAcl(String verb, List<String> positional, Map<String, String> options) {
        String url = key(positional, "url", !verb.equals("list"));
        switch (verb) {
            case "list" -> {
                allow(options);
                return () -> call(c -> {
                    List<UrlReservation> found = url == null ? c.urlReservations()
                            : c.urlReservation(url).map(List::of).orElseGet(List::of);
                    out.print(c.formatUrlReservations(found));
                });
            }
            case "add" -> {
                allow(options, "user", "sddl", "listen", "delegate");
                String sddl = options.get("sddl");
                String user = options.get("user");
                if ((sddl == null) == (user == null)) {
                    throw new IllegalArgumentException("urlacl add needs --user or --sddl (one of them)");
                }
                if (sddl != null && (options.containsKey("listen") || options.containsKey("delegate"))) {
                    throw new IllegalArgumentException("--listen and --delegate go with --user, not with --sddl");
                }
                boolean listen = yesNo(options, "listen", true);
                boolean delegate = yesNo(options, "delegate", false);
                if (user != null && !listen && !delegate) {
                    throw new IllegalArgumentException("--listen no --delegate no would allow nothing");
                }
                return () -> call(c -> {
                    if (sddl != null) {
                        c.addUrlReservation(url, sddl);
                    } else {
                        c.addUrlReservation(url, user, listen, delegate);
                    }
                    out.println("URL reservation successfully added");
                });
            }
            case "delete" -> {
                allow(options);
                return () -> call(c -> {
                    c.deleteUrlReservation(url);
                    out.println("URL reservation successfully deleted");
                });
            }
            default -> throw new IllegalArgumentException("unknown verb " + verb + ": use list, add or delete");
        }
    }

    private Runnable sslCert(String verb, List<String> positional, Map<String, String> options) {
        String key = key(positional, "ipport", !verb.equals("list"));
        InetSocketAddress ipPort = key == null ? null : ipPort(key);
        switch (verb) {
            case "list" -> {
                allow(options);
                return () -> call(c -> {
                    List<SslCertBinding> found = ipPort == null ? c.sslCertBindings()
                            : c.sslCertBinding(ipPort).map(List::of).orElseGet(List::of);
                    out.print(HttpSysConfig.formatSslCertBindings(found));
                });
            }
            case "add" -> {
                allow(options, "thumbprint", "appid", "store");
                SslCertBinding binding = SslCertBinding.of(ipPort, thumbprint(required(options, "thumbprint")),
                        appId(required(options, "appid")), options.get("store"));
                return () -> call(c -> {
                    c.addSslCertBinding(binding);
                    out.println("SSL Certificate successfully added");
                });
            }
            case "delete" -> {
                allow(options);
                return () -> call(c -> {
                    c.deleteSslCertBinding(ipPort);
                    out.println("SSL Certificate successfully deleted");
                });
            }
            default -> throw new IllegalArgumentException("unknown verb " + verb + ": use list, add or delete");
        }
    }

    // ---- running

    /** One step against the configuration. */
    private interface Step {
        void run(HttpSysConfig config) throws HttpSysConfigException;
    }

    /** Carries a refusal out of a {@link Runnable}. */
    private static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused(HttpSysConfigException cause) {
            super(cause);
        }
    }

    private void call(Step step) {
        if (HttpSysBackend.current().isEmulated()) {
            err.println("(HTTP.SYS emulator: this works on the emulator's store of this process only)");
        }
        try {
            step.run(config.get());
        } catch (HttpSysConfigException e) {
            throw new Refused(e);
        }
    }

    // ---- arguments

    /** The one positional argument, {@code name=} prefix allowed; {@code null} when optional and absent. */
    private static String key(List<String> positional, String name, boolean required) {
        if (positional.size() > 1) {
            throw new IllegalArgumentException("unexpected argument " + positional.get(1));
        }
        if (positional.isEmpty()) {
            if (required) {
                throw new IllegalArgumentException("missing " + (name.equals("url") ? "the URL" : "IP:PORT"));
            }
            return null;
        }
        String value = positional.get(0);
        return value.regionMatches(true, 0, name + '=', 0, name.length() + 1)
                ? value.substring(name.length() + 1) : value;
    }

    private static void allow(Map<String, String> options, String... names) {
        Set<String> allowed = Set.of(names);
        for (String name : options.keySet()) {
            if (!allowed.contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name + " here");
            }
        }
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("missing --" + name);
        }
        return value;
    }

    private static boolean yesNo(Map<String, String> options, String name, boolean otherwise) {
        String value = options.get(name);
        if (value == null) {
            return otherwise;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "yes" -> true;
            case "no" -> false;
            default -> throw new IllegalArgumentException("--" + name + " is yes or no, not " + value);
        };
    }

    /** {@code 0.0.0.0:8443} or {@code [::]:8443}: an IP literal (never a host name to resolve) and a port. */
    static InetSocketAddress ipPort(String text) {
        int colon = text.lastIndexOf(':');
        String host = colon < 0 ? "" : text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        InetAddress address = NetUtil.createInetAddressFromIpAddressString(host);
        int port;
        try {
            port = Integer.parseInt(text.substring(colon + 1));
        } catch (NumberFormatException notNumber) {
            port = -1;
        }
        if (address == null || port < 1 || port > 65535) {
            throw new IllegalArgumentException("not IP:PORT: " + text + " (for example 0.0.0.0:8443 or [::]:8443)");
        }
        return new InetSocketAddress(address, port);
    }

    private static byte[] thumbprint(String text) {
        String hex = text.replace(" ", "");
        if (hex.length() != 2 * SHA1_LENGTH || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IllegalArgumentException("--thumbprint is the certificate's SHA-1 thumbprint, "
                    + 2 * SHA1_LENGTH + " hex digits (PowerShell: Get-ChildItem Cert:\\LocalMachine\\My), not "
                    + text);
        }
        return HexFormat.of().parseHex(hex);
    }

    private static UUID appId(String text) {
        var guid = GUID.matcher(text);
        if (!guid.matches()) {
            throw new IllegalArgumentException("--appid is a GUID such as {6e657474-7968-7474-7073-797300000001}, "
                    + "not " + text);
        }
        return UUID.fromString(guid.group(1));
    }
}
