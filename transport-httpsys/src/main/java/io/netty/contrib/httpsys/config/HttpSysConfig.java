package io.netty.contrib.httpsys.config;

import io.netty.contrib.httpsys.nativeapi.AccountNames;
import io.netty.contrib.httpsys.nativeapi.Http;
import io.netty.contrib.httpsys.nativeapi.HttpApi;
import io.netty.contrib.httpsys.nativeapi.HttpSysAccounts;
import io.netty.contrib.httpsys.nativeapi.HttpSysBackend;
import io.netty.contrib.httpsys.nativeapi.HttpSysException;
import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.UrlPrefixRules;
import io.netty.contrib.httpsys.nativeapi.WinError;
import io.netty.contrib.httpsys.nativeapi.struct.HttpServiceConfigSslKey;
import io.netty.contrib.httpsys.nativeapi.struct.HttpServiceConfigSslParam;
import io.netty.contrib.httpsys.nativeapi.struct.HttpServiceConfigSslQuery;
import io.netty.contrib.httpsys.nativeapi.struct.HttpServiceConfigSslSet;
import io.netty.contrib.httpsys.nativeapi.struct.HttpServiceConfigUrlaclKey;
import io.netty.contrib.httpsys.nativeapi.struct.HttpServiceConfigUrlaclParam;
import io.netty.contrib.httpsys.nativeapi.struct.HttpServiceConfigUrlaclQuery;
import io.netty.contrib.httpsys.nativeapi.struct.HttpServiceConfigUrlaclSet;
import io.netty.contrib.httpsys.nativeapi.struct.Sockaddr;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * HTTP.SYS's machine-wide configuration without netsh: URL reservations ({@code netsh http add|delete|show urlacl})
 * and certificate bindings ({@code ... sslcert}), through {@code HttpSetServiceConfiguration},
 * {@code HttpQueryServiceConfiguration} and {@code HttpDeleteServiceConfiguration}; {@link #main} is the command
 * line ({@code urlacl add http://+:8080/ --user DOMAIN\alice}, {@code sslcert list}, ..., see
 * {@code HttpSysConfigCommand}).
 *
 * <p>On Windows, reading needs no rights and changing needs an elevated administrator: a refusal is an
 * {@link HttpSysConfigException} with error 5 whose message is the command to run elevated. Under the emulator the
 * store is the emulator's, in memory and per JVM (so the command line there only demonstrates); account names
 * resolve through the emulator's table ({@code EmulatedAccountNames}).
 */
public final class HttpSysConfig {

    /** How the messages name this program. */
    static final String PROGRAM = HttpSysConfig.class.getName();
    /** {@code SOCKADDR_STORAGE}: room for any socket address. */
    private static final int SOCKADDR_STORAGE_SIZE = 128;

    private final HttpApi api;
    private final AccountNames accounts;

    HttpSysConfig(HttpApi api, AccountNames accounts) {
        this.api = api;
        this.accounts = accounts;
    }

    /** The configuration of this JVM's backend ({@link HttpSysBackend#current()}): Windows', or the emulator's. */
    public static HttpSysConfig open() {
        HttpSysBackend backend = HttpSysBackend.current();
        return new HttpSysConfig(backend.httpApi(), HttpSysAccounts.current());
    }

    /** Runs the command line; see {@code HttpSysConfigCommand} for its usage. */
    public static void main(String[] args) {
        System.exit(new HttpSysConfigCommand(HttpSysConfig::open, System.out, System.err).run(args));
    }

    // ---- URL reservations

    /** Every URL reservation, in the store's order ({@code netsh http show urlacl}). */
    public List<UrlReservation> urlReservations() throws HttpSysConfigException {
        List<UrlReservation> reservations = new ArrayList<>();
        for (int token = 0; ; token++) {
            try (NativeScratch scratch = new NativeScratch()) {
                long query = urlAclQuery(scratch, Http.HttpServiceConfigQueryNext, null, token);
                int error = queryRecord(scratch, Http.HttpServiceConfigUrlAclInfo, query,
                        HttpServiceConfigUrlaclQuery.SIZE, reservations, HttpSysConfig::readUrlAcl);
                if (error == WinError.ERROR_NO_MORE_ITEMS) {
                    return reservations;
                }
                check(error, "HttpQueryServiceConfiguration", "HttpServiceConfigUrlAclInfo", null);
            }
        }
    }

    /** The reservation of exactly {@code url} ({@code netsh http show urlacl url=...}), or empty. */
    public Optional<UrlReservation> urlReservation(String url) throws HttpSysConfigException {
        List<UrlReservation> found = new ArrayList<>(1);
        try (NativeScratch scratch = new NativeScratch()) {
            long query = urlAclQuery(scratch, Http.HttpServiceConfigQueryExact, url, 0);
            int error = queryRecord(scratch, Http.HttpServiceConfigUrlAclInfo, query,
                    HttpServiceConfigUrlaclQuery.SIZE, found, HttpSysConfig::readUrlAcl);
            if (error == WinError.ERROR_FILE_NOT_FOUND) {
                return Optional.empty();
            }
            check(error, "HttpQueryServiceConfiguration", url, urlPrefixAdvice(error, url));
        }
        return Optional.of(found.get(0));
    }

    /**
     * Reserves {@code url} with {@code securityDescriptor} ({@code netsh http add urlacl url=... sddl=...}).
     *
     * @throws HttpSysConfigException 5 when not elevated, 183 when {@code url} is already reserved, 87 for a URL
     *                                prefix HTTP.SYS does not accept
     */
    public void addUrlReservation(String url, String securityDescriptor) throws HttpSysConfigException {
        try (NativeScratch scratch = new NativeScratch()) {
            long set = urlAclSet(scratch, url, securityDescriptor);
            int error = api.HttpSetServiceConfiguration(0, Http.HttpServiceConfigUrlAclInfo, set,
                    HttpServiceConfigUrlaclSet.SIZE, 0);
            String advice = switch (error) {
                case WinError.ERROR_ACCESS_DENIED -> elevate(List.of("urlacl", "add", url, "--sddl",
                        securityDescriptor), "netsh http add urlacl url=" + url + " sddl=" + securityDescriptor);
                case WinError.ERROR_ALREADY_EXISTS -> "a reservation for " + url + " already exists (see it with: "
                        + PROGRAM + " urlacl show " + url + "). Delete it first (" + PROGRAM + " urlacl delete "
                        + url + "), then add it again";
                default -> urlPrefixAdvice(error, url);
            };
            check(error, "HttpSetServiceConfiguration", url, advice);
        }
    }

    /**
     * Reserves {@code url} for the account {@code user} ({@code DOMAIN\name}, or a name such as {@code Everyone}),
     * as {@code netsh http add urlacl url=... user=... listen=... delegate=...} does, and returns the SDDL written.
     *
     * @throws IllegalArgumentException when no account has that name, or neither right is asked for
     * @throws HttpSysConfigException   as {@link #addUrlReservation(String, String)}
     */
    public String addUrlReservation(String url, String user, boolean listen, boolean delegate)
            throws HttpSysConfigException {
        String securityDescriptor = UrlReservation.securityDescriptor(sid(user), listen, delegate);
        addUrlReservation(url, securityDescriptor);
        return securityDescriptor;
    }

    /**
     * Deletes the reservation of {@code url} ({@code netsh http delete urlacl url=...}).
     *
     * @throws HttpSysConfigException 5 when not elevated, 2 when {@code url} has no reservation
     */
    public void deleteUrlReservation(String url) throws HttpSysConfigException {
        try (NativeScratch scratch = new NativeScratch()) {
            long set = urlAclSet(scratch, url, null);
            int error = api.HttpDeleteServiceConfiguration(0, Http.HttpServiceConfigUrlAclInfo, set,
                    HttpServiceConfigUrlaclSet.SIZE, 0);
            String advice = switch (error) {
                case WinError.ERROR_ACCESS_DENIED -> elevate(List.of("urlacl", "delete", url),
                        "netsh http delete urlacl url=" + url);
                case WinError.ERROR_FILE_NOT_FOUND -> "there is no reservation for " + url
                        + " (the URL must be written as it was reserved; list them with: " + PROGRAM
                        + " urlacl list)";
                default -> urlPrefixAdvice(error, url);
            };
            check(error, "HttpDeleteServiceConfiguration", url, advice);
        }
    }

    // ---- certificate bindings

    /** Every certificate binding by IP address and port ({@code netsh http show sslcert}). */
    public List<SslCertBinding> sslCertBindings() throws HttpSysConfigException {
        List<SslCertBinding> bindings = new ArrayList<>();
        for (int token = 0; ; token++) {
            try (NativeScratch scratch = new NativeScratch()) {
                long query = sslQuery(scratch, Http.HttpServiceConfigQueryNext, null, token);
                int error = queryRecord(scratch, Http.HttpServiceConfigSSLCertInfo, query,
                        HttpServiceConfigSslQuery.SIZE, bindings, HttpSysConfig::readSsl);
                if (error == WinError.ERROR_NO_MORE_ITEMS) {
                    return bindings;
                }
                check(error, "HttpQueryServiceConfiguration", "HttpServiceConfigSSLCertInfo", null);
            }
        }
    }

    /** The binding of exactly {@code ipPort} ({@code netsh http show sslcert ipport=...}), or empty. */
    public Optional<SslCertBinding> sslCertBinding(InetSocketAddress ipPort) throws HttpSysConfigException {
        List<SslCertBinding> found = new ArrayList<>(1);
        try (NativeScratch scratch = new NativeScratch()) {
            long query = sslQuery(scratch, Http.HttpServiceConfigQueryExact, ipPort, 0);
            int error = queryRecord(scratch, Http.HttpServiceConfigSSLCertInfo, query,
                    HttpServiceConfigSslQuery.SIZE, found, HttpSysConfig::readSsl);
            if (error == WinError.ERROR_FILE_NOT_FOUND) {
                return Optional.empty();
            }
            check(error, "HttpQueryServiceConfiguration", NetshFormat.ipPort(ipPort), null);
        }
        return Optional.of(found.get(0));
    }

    /**
     * Binds a certificate to an IP address and port ({@code netsh http add sslcert ipport=... certhash=...
     * appid=...}).
     *
     * @throws HttpSysConfigException 5 when not elevated, 183 when the address already has a binding
     */
    public void addSslCertBinding(SslCertBinding binding) throws HttpSysConfigException {
        String ipPort = NetshFormat.ipPort(binding.ipPort());
        try (NativeScratch scratch = new NativeScratch()) {
            long set = scratch.allocate(HttpServiceConfigSslSet.SIZE);
            HttpServiceConfigSslKey.setIpPort(HttpServiceConfigSslSet.keyDesc(set),
                    sockaddr(scratch, binding.ipPort()));
            long param = HttpServiceConfigSslSet.paramDesc(set);
            byte[] hash = binding.certificateHash();
            HttpServiceConfigSslParam.setSslHashLength(param, hash.length);
            HttpServiceConfigSslParam.setSslHash(param, scratch.copy(hash));
            HttpServiceConfigSslParam.setAppId(param, binding.appId());
            HttpServiceConfigSslParam.setSslCertStoreName(param, scratch.wide(binding.certificateStoreName()));
            HttpServiceConfigSslParam.setDefaultCertCheckMode(param, binding.certCheckMode());
            HttpServiceConfigSslParam.setDefaultRevocationFreshnessTime(param, binding.revocationFreshnessTime());
            HttpServiceConfigSslParam.setDefaultRevocationUrlRetrievalTimeout(param, binding.urlRetrievalTimeout());
            HttpServiceConfigSslParam.setDefaultSslCtlIdentifier(param, scratch.wide(binding.ctlIdentifier()));
            HttpServiceConfigSslParam.setDefaultSslCtlStoreName(param, scratch.wide(binding.ctlStoreName()));
            HttpServiceConfigSslParam.setDefaultFlags(param, binding.flags());
            int error = api.HttpSetServiceConfiguration(0, Http.HttpServiceConfigSSLCertInfo, set,
                    HttpServiceConfigSslSet.SIZE, 0);
            String advice = switch (error) {
                case WinError.ERROR_ACCESS_DENIED -> {
                    List<String> args = new ArrayList<>(List.of("sslcert", "add", ipPort, "--thumbprint",
                            binding.thumbprint(), "--appid", "{" + binding.appId() + "}"));
                    String netsh = "netsh http add sslcert ipport=" + ipPort + " certhash=" + binding.thumbprint()
                            + " appid={" + binding.appId() + "}";
                    if (binding.certificateStoreName() != null) {
                        args.addAll(List.of("--store", binding.certificateStoreName()));
                        netsh += " certstorename=" + binding.certificateStoreName();
                    }
                    yield elevate(args, netsh);
                }
                case WinError.ERROR_ALREADY_EXISTS -> "a certificate is already bound to " + ipPort
                        + " (see it with: " + PROGRAM + " sslcert show " + ipPort + "). Delete it first ("
                        + PROGRAM + " sslcert delete " + ipPort + "), then add it again, or replace it in one "
                        + "step from an elevated prompt: netsh http update sslcert ipport=" + ipPort + " certhash="
                        + binding.thumbprint() + " appid={" + binding.appId() + "}";
                default -> null;
            };
            check(error, "HttpSetServiceConfiguration", ipPort, advice);
        }
    }

    /**
     * Deletes the binding of {@code ipPort} ({@code netsh http delete sslcert ipport=...}).
     *
     * @throws HttpSysConfigException 5 when not elevated, 2 when the address has no binding
     */
    public void deleteSslCertBinding(InetSocketAddress ipPort) throws HttpSysConfigException {
        String text = NetshFormat.ipPort(ipPort);
        try (NativeScratch scratch = new NativeScratch()) {
            long set = scratch.allocate(HttpServiceConfigSslSet.SIZE);
            HttpServiceConfigSslKey.setIpPort(HttpServiceConfigSslSet.keyDesc(set), sockaddr(scratch, ipPort));
            int error = api.HttpDeleteServiceConfiguration(0, Http.HttpServiceConfigSSLCertInfo, set,
                    HttpServiceConfigSslSet.SIZE, 0);
            String advice = switch (error) {
                case WinError.ERROR_ACCESS_DENIED -> elevate(List.of("sslcert", "delete", text),
                        "netsh http delete sslcert ipport=" + text);
                case WinError.ERROR_FILE_NOT_FOUND -> "no certificate is bound to " + text + " (list the bindings "
                        + "with: " + PROGRAM + " sslcert list)";
                default -> null;
            };
            check(error, "HttpDeleteServiceConfiguration", text, advice);
        }
    }

    // ---- accounts and listings

    /**
     * The SID of the account {@code user} as an SDDL writes it.
     *
     * @throws IllegalArgumentException when no account has that name
     */
    public String sid(String user) throws HttpSysConfigException {
        String sid;
        try {
            sid = accounts.sddlSid(user);
        } catch (HttpSysException e) {
            throw new HttpSysConfigException(e.function(), e.errorCode(), user, null);
        }
        if (sid == null) {
            throw new IllegalArgumentException("no account is named " + user + " (write DOMAIN\\user, or a "
                    + "well-known name such as Everyone or \"NT AUTHORITY\\NETWORK SERVICE\")");
        }
        return sid;
    }

    /** {@code reservations} as {@code netsh http show urlacl} prints them, with account names for the SIDs. */
    public String formatUrlReservations(List<UrlReservation> reservations) {
        return NetshFormat.urlAcls(reservations, sid -> {
            String name = accounts.accountName(sid);
            return name == null ? sid : name;
        });
    }

    /** {@code bindings} as {@code netsh http show sslcert} prints them. */
    public static String formatSslCertBindings(List<SslCertBinding> bindings) {
        return NetshFormat.sslCerts(bindings);
    }

    // ---- the calls

    /** A record reader over an answer the kernel wrote. */
    private interface RecordReader<T> {
        T read(long record);
    }

    /**
     * Queries one record: asks for its size (the kernel answers {@code ERROR_INSUFFICIENT_BUFFER} with the size),
     * then reads it into a buffer of that size and adds it to {@code into}; returns the last error code.
     */
    private <T> int queryRecord(NativeScratch scratch, int configId, long query, int queryLength, List<T> into,
                                RecordReader<T> reader) {
        long returnLength = scratch.allocate(4);
        long output = 0;
        int outputLength = 0;
        while (true) {
            int error = api.HttpQueryServiceConfiguration(0, configId, query, queryLength, output, outputLength,
                    returnLength, 0);
            if (error == WinError.NO_ERROR) {
                into.add(reader.read(output));
                return error;
            }
            int needed = NativeAccess.getInt(returnLength);
            if (error != WinError.ERROR_INSUFFICIENT_BUFFER || needed <= outputLength) {
                return error;
            }
            outputLength = needed;
            output = scratch.allocate(outputLength);
        }
    }

    private static long urlAclQuery(NativeScratch scratch, int type, String url, int token) {
        long query = scratch.allocate(HttpServiceConfigUrlaclQuery.SIZE);
        HttpServiceConfigUrlaclQuery.setQueryDesc(query, type);
        HttpServiceConfigUrlaclKey.setUrlPrefix(HttpServiceConfigUrlaclQuery.keyDesc(query), scratch.wide(url));
        HttpServiceConfigUrlaclQuery.setToken(query, token);
        return query;
    }

    private static long urlAclSet(NativeScratch scratch, String url, String securityDescriptor) {
        long set = scratch.allocate(HttpServiceConfigUrlaclSet.SIZE);
        HttpServiceConfigUrlaclKey.setUrlPrefix(HttpServiceConfigUrlaclSet.keyDesc(set), scratch.wide(url));
        HttpServiceConfigUrlaclParam.setStringSecurityDescriptor(HttpServiceConfigUrlaclSet.paramDesc(set),
                scratch.wide(securityDescriptor));
        return set;
    }

    private static long sslQuery(NativeScratch scratch, int type, InetSocketAddress ipPort, int token) {
        long query = scratch.allocate(HttpServiceConfigSslQuery.SIZE);
        HttpServiceConfigSslQuery.setQueryDesc(query, type);
        if (ipPort != null) {
            HttpServiceConfigSslKey.setIpPort(HttpServiceConfigSslQuery.keyDesc(query), sockaddr(scratch, ipPort));
        }
        HttpServiceConfigSslQuery.setToken(query, token);
        return query;
    }

    private static long sockaddr(NativeScratch scratch, InetSocketAddress ipPort) {
        long address = scratch.allocate(SOCKADDR_STORAGE_SIZE);
        Sockaddr.write(address, ipPort);
        return address;
    }

    private static UrlReservation readUrlAcl(long record) {
        return new UrlReservation(
                NativeAccess.getUtf16String(HttpServiceConfigUrlaclKey.urlPrefix(HttpServiceConfigUrlaclSet.keyDesc(record))),
                NativeAccess.getUtf16String(HttpServiceConfigUrlaclParam.stringSecurityDescriptor(
                        HttpServiceConfigUrlaclSet.paramDesc(record))));
    }

    private static SslCertBinding readSsl(long record) {
        long param = HttpServiceConfigSslSet.paramDesc(record);
        return new SslCertBinding(
                Sockaddr.toInetSocketAddress(HttpServiceConfigSslKey.ipPort(HttpServiceConfigSslSet.keyDesc(record))),
                NativeScratch.read(HttpServiceConfigSslParam.sslHash(param),
                        HttpServiceConfigSslParam.sslHashLength(param)),
                HttpServiceConfigSslParam.appId(param),
                NativeAccess.getUtf16String(HttpServiceConfigSslParam.sslCertStoreName(param)),
                HttpServiceConfigSslParam.defaultCertCheckMode(param),
                HttpServiceConfigSslParam.defaultRevocationFreshnessTime(param),
                HttpServiceConfigSslParam.defaultRevocationUrlRetrievalTimeout(param),
                NativeAccess.getUtf16String(HttpServiceConfigSslParam.defaultSslCtlIdentifier(param)),
                NativeAccess.getUtf16String(HttpServiceConfigSslParam.defaultSslCtlStoreName(param)),
                HttpServiceConfigSslParam.defaultFlags(param));
    }

    private static void check(int error, String function, String object, String advice)
            throws HttpSysConfigException {
        if (error != WinError.NO_ERROR) {
            throw new HttpSysConfigException(function, error, object, advice);
        }
    }

    /**
     * The fix for error 5: Windows lets only an elevated administrator change this store (reading needs no
     * rights), so the same command has to run from an elevated prompt. {@code Start-Process -Verb RunAs} asks for
     * elevation (UAC) from a prompt that is not elevated.
     */
    private static String elevate(List<String> args, String netsh) {
        String classPath = System.getProperty("java.class.path", "");
        String command = "-cp " + quote(classPath) + ' ' + PROGRAM + ' '
                + args.stream().map(HttpSysConfig::quote).collect(Collectors.joining(" "));
        return "changing HTTP.SYS's configuration needs an elevated administrator (reading it does not). Run the "
                + "command from an elevated prompt (Terminal opened with \"Run as administrator\"), or from this one "
                + "in PowerShell: Start-Process -Verb RunAs -FilePath java -ArgumentList '"
                + command.replace("'", "''") + "'; or, elevated, with netsh: " + netsh;
    }

    private static String quote(String arg) {
        return arg.isEmpty() || arg.chars().anyMatch(Character::isWhitespace) ? '"' + arg + '"' : arg;
    }

    private static String urlPrefixAdvice(int error, String url) {
        if (error != WinError.ERROR_INVALID_PARAMETER) {
            return null;
        }
        List<UrlPrefixRules.Rule> broken = UrlPrefixRules.brokenRules(url);
        return broken.isEmpty() ? null : "the URL prefix " + url + " is invalid: " + broken.stream()
                .map(UrlPrefixRules.Rule::description).collect(Collectors.joining("; "))
                + ". A URL prefix needs: " + UrlPrefixRules.SUMMARY;
    }
}
