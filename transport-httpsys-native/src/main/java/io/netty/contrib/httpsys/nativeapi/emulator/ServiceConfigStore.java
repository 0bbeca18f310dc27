package io.netty.contrib.httpsys.nativeapi.emulator;

import io.netty.contrib.httpsys.nativeapi.Http;
import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.WinError;
import io.netty.contrib.httpsys.nativeapi.struct.HttpServiceConfigIpListenParam;
import io.netty.contrib.httpsys.nativeapi.struct.HttpServiceConfigSslKey;
import io.netty.contrib.httpsys.nativeapi.struct.HttpServiceConfigSslParam;
import io.netty.contrib.httpsys.nativeapi.struct.HttpServiceConfigSslQuery;
import io.netty.contrib.httpsys.nativeapi.struct.HttpServiceConfigSslSet;
import io.netty.contrib.httpsys.nativeapi.struct.HttpServiceConfigTimeoutSet;
import io.netty.contrib.httpsys.nativeapi.struct.HttpServiceConfigUrlaclKey;
import io.netty.contrib.httpsys.nativeapi.struct.HttpServiceConfigUrlaclParam;
import io.netty.contrib.httpsys.nativeapi.struct.HttpServiceConfigUrlaclQuery;
import io.netty.contrib.httpsys.nativeapi.struct.HttpServiceConfigUrlaclSet;
import io.netty.contrib.httpsys.nativeapi.struct.Sockaddr;
import io.netty.contrib.httpsys.nativeapi.struct.SockaddrIn6;
import io.netty.util.internal.SystemPropertyUtil;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The HTTP Server API configuration store ({@code netsh http add urlacl / sslcert / timeout}) behind
 * {@code HttpSetServiceConfiguration}, {@code HttpDeleteServiceConfiguration} and
 * {@code HttpQueryServiceConfiguration}, for {@code HttpServiceConfigUrlAclInfo},
 * {@code HttpServiceConfigSSLCertInfo}, {@code HttpServiceConfigTimeout} and {@code HttpServiceConfigIPListenList}.
 *
 * <p>Error codes, from Microsoft's reference pages of the three functions: Set of an existing key is
 * {@code ERROR_ALREADY_EXISTS}, a Set buffer shorter than its struct is {@code ERROR_INSUFFICIENT_BUFFER};
 * a query answer that does not fit is {@code ERROR_INSUFFICIENT_BUFFER} with the size in {@code *pReturnLength}
 * ({@code ERROR_MORE_DATA} for HttpServiceConfigTimeout only); {@code HttpServiceConfigQueryNext} past the last
 * record is {@code ERROR_NO_MORE_ITEMS}. An exact query or a delete of an absent key is
 * {@code ERROR_FILE_NOT_FOUND}, which Windows callers test for (segor/SslCertBinding.Net, whose integration
 * tests run against Windows, treats 2 from an exact query as "no binding").
 *
 * <p>Records are returned as the SDK lays them out: the {@code _SET} struct first, its strings, socket address
 * and hash after it in the same buffer, its pointers pointing there. Windows keeps this store machine-wide and
 * persistent (in the registry); the emulator keeps one per JVM, in memory. Thread-safe (own monitor).
 *
 * <p>Who may change it: on Windows an elevated administrator ({@code netsh http add urlacl} from a prompt that is
 * not elevated fails with error 5; Microsoft's "Accessing the Reservation Store" adds users holding delegate rights
 * on a reservation, for URLs under it), while anyone may query it. The emulator's process counts as elevated unless
 * {@value #ELEVATED_PROPERTY} is {@code false} (read at every call), so the refusal and the advice that goes with
 * it can be tested off Windows; delegation is not modelled.
 */
final class ServiceConfigStore {

    /** The system property that makes Set and Delete answer {@code ERROR_ACCESS_DENIED} when {@code false}. */
    static final String ELEVATED_PROPERTY = "io.netty.contrib.httpsys.emulator.elevated";

    private final Map<String, UrlAcl> urlAcls = new LinkedHashMap<>();
    private final Map<InetSocketAddress, SslBinding> sslBindings = new LinkedHashMap<>();
    private final Map<Integer, Integer> timeouts = new LinkedHashMap<>();
    private final List<InetSocketAddress> listenList = new ArrayList<>();

    /** A URL reservation: the prefix as given and its SDDL. */
    private record UrlAcl(String prefix, String securityDescriptor) {
    }

    /** A certificate binding: the HTTP_SERVICE_CONFIG_SSL_PARAM fields, strings and hash copied out. */
    private record SslBinding(InetSocketAddress ipPort, byte[] hash, byte[] appId, String storeName,
                              int certCheckMode, int revocationFreshnessTime, int urlRetrievalTimeout,
                              String ctlIdentifier, String ctlStoreName, int flags) {
    }

    // ---- set

    synchronized int set(int configId, long info, int length) {
        if (!isElevated()) {
            return WinError.ERROR_ACCESS_DENIED;
        }
        if (info == 0) {
            return WinError.ERROR_INVALID_PARAMETER;
        }
        switch (configId) {
            case Http.HttpServiceConfigIPListenList -> {
                if (length < HttpServiceConfigIpListenParam.SIZE) {
                    return WinError.ERROR_INSUFFICIENT_BUFFER;
                }
                InetSocketAddress address = IpListen.address(info);
                if (address == null) {
                    return WinError.ERROR_INVALID_PARAMETER;
                }
                if (listenList.contains(address)) {
                    return WinError.ERROR_ALREADY_EXISTS;
                }
                listenList.add(address);
                return WinError.NO_ERROR;
            }
            case Http.HttpServiceConfigUrlAclInfo -> {
                if (length < HttpServiceConfigUrlaclSet.SIZE) {
                    return WinError.ERROR_INSUFFICIENT_BUFFER;
                }
                String prefix = urlAclKey(HttpServiceConfigUrlaclSet.keyDesc(info));
                long sddl = HttpServiceConfigUrlaclParam.stringSecurityDescriptor(
                        HttpServiceConfigUrlaclSet.paramDesc(info));
                if (prefix == null || sddl == 0) {
                    return WinError.ERROR_INVALID_PARAMETER;
                }
                String key = prefix.toLowerCase(Locale.ROOT);
                if (urlAcls.containsKey(key)) {
                    return WinError.ERROR_ALREADY_EXISTS;
                }
                urlAcls.put(key, new UrlAcl(prefix, NativeAccess.getUtf16String(sddl)));
                return WinError.NO_ERROR;
            }
            case Http.HttpServiceConfigSSLCertInfo -> {
                if (length < HttpServiceConfigSslSet.SIZE) {
                    return WinError.ERROR_INSUFFICIENT_BUFFER;
                }
                InetSocketAddress ipPort = sslKey(HttpServiceConfigSslSet.keyDesc(info));
                long param = HttpServiceConfigSslSet.paramDesc(info);
                int hashLength = HttpServiceConfigSslParam.sslHashLength(param);
                long hash = HttpServiceConfigSslParam.sslHash(param);
                if (ipPort == null || hashLength <= 0 || hash == 0) {
                    return WinError.ERROR_INVALID_PARAMETER;
                }
                if (sslBindings.containsKey(ipPort)) {
                    return WinError.ERROR_ALREADY_EXISTS;
                }
                byte[] appId = NativeCopy.toArray(param + HttpServiceConfigSslParam.APP_ID, 16);
                sslBindings.put(ipPort, new SslBinding(ipPort, NativeCopy.toArray(hash, hashLength), appId,
                        NativeAccess.getUtf16String(HttpServiceConfigSslParam.sslCertStoreName(param)),
                        HttpServiceConfigSslParam.defaultCertCheckMode(param),
                        HttpServiceConfigSslParam.defaultRevocationFreshnessTime(param),
                        HttpServiceConfigSslParam.defaultRevocationUrlRetrievalTimeout(param),
                        NativeAccess.getUtf16String(HttpServiceConfigSslParam.defaultSslCtlIdentifier(param)),
                        NativeAccess.getUtf16String(HttpServiceConfigSslParam.defaultSslCtlStoreName(param)),
                        HttpServiceConfigSslParam.defaultFlags(param)));
                return WinError.NO_ERROR;
            }
            case Http.HttpServiceConfigTimeout -> {
                if (length < HttpServiceConfigTimeoutSet.SIZE) {
                    return WinError.ERROR_INSUFFICIENT_BUFFER;
                }
                int key = HttpServiceConfigTimeoutSet.keyDesc(info);
                int seconds = HttpServiceConfigTimeoutSet.paramDesc(info);
                if (!isTimeoutKey(key) || seconds == 0) {
                    return WinError.ERROR_INVALID_PARAMETER;
                }
                if (timeouts.containsKey(key)) {
                    return WinError.ERROR_ALREADY_EXISTS;
                }
                timeouts.put(key, seconds);
                return WinError.NO_ERROR;
            }
            default -> {
                return WinError.ERROR_INVALID_PARAMETER;
            }
        }
    }

    // ---- delete

    synchronized int delete(int configId, long info, int length) {
        if (!isElevated()) {
            return WinError.ERROR_ACCESS_DENIED;
        }
        if (info == 0) {
            return WinError.ERROR_INVALID_PARAMETER;
        }
        switch (configId) {
            case Http.HttpServiceConfigIPListenList -> {
                InetSocketAddress address =
                        length < HttpServiceConfigIpListenParam.SIZE ? null : IpListen.address(info);
                if (address == null) {
                    return WinError.ERROR_INVALID_PARAMETER;
                }
                return listenList.remove(address) ? WinError.NO_ERROR : WinError.ERROR_FILE_NOT_FOUND;
            }
            case Http.HttpServiceConfigUrlAclInfo -> {
                if (length < HttpServiceConfigUrlaclSet.SIZE) {
                    return WinError.ERROR_INVALID_PARAMETER;
                }
                String prefix = urlAclKey(HttpServiceConfigUrlaclSet.keyDesc(info));
                if (prefix == null) {
                    return WinError.ERROR_INVALID_PARAMETER;
                }
                return urlAcls.remove(prefix.toLowerCase(Locale.ROOT)) == null
                        ? WinError.ERROR_FILE_NOT_FOUND : WinError.NO_ERROR;
            }
            case Http.HttpServiceConfigSSLCertInfo -> {
                if (length < HttpServiceConfigSslSet.SIZE) {
                    return WinError.ERROR_INVALID_PARAMETER;
                }
                InetSocketAddress ipPort = sslKey(HttpServiceConfigSslSet.keyDesc(info));
                if (ipPort == null) {
                    return WinError.ERROR_INVALID_PARAMETER;
                }
                return sslBindings.remove(ipPort) == null ? WinError.ERROR_FILE_NOT_FOUND : WinError.NO_ERROR;
            }
            case Http.HttpServiceConfigTimeout -> {
                // The docs give HTTP_SERVICE_CONFIG_TIMEOUT_KEY; a whole _SET starts with it, so both work.
                if (length < 4) {
                    return WinError.ERROR_INVALID_PARAMETER;
                }
                int key = HttpServiceConfigTimeoutSet.keyDesc(info);
                if (!isTimeoutKey(key)) {
                    return WinError.ERROR_INVALID_PARAMETER;
                }
                return timeouts.remove(key) == null ? WinError.ERROR_FILE_NOT_FOUND : WinError.NO_ERROR;
            }
            default -> {
                return WinError.ERROR_INVALID_PARAMETER;
            }
        }
    }

    // ---- query

    synchronized int query(int configId, long input, int inputLength, long output, int outputLength,
                           long returnLength) {
        if (output == 0 && outputLength != 0) {
            return WinError.ERROR_INVALID_PARAMETER;
        }
        switch (configId) {
            case Http.HttpServiceConfigIPListenList -> {
                return IpListen.writeQuery(listenList, output, outputLength, returnLength);
            }
            case Http.HttpServiceConfigUrlAclInfo -> {
                if (input == 0 || inputLength < HttpServiceConfigUrlaclQuery.SIZE) {
                    return WinError.ERROR_INVALID_PARAMETER;
                }
                UrlAcl record;
                switch (HttpServiceConfigUrlaclQuery.queryDesc(input)) {
                    case Http.HttpServiceConfigQueryExact -> {
                        String prefix = urlAclKey(HttpServiceConfigUrlaclQuery.keyDesc(input));
                        if (prefix == null) {
                            return WinError.ERROR_INVALID_PARAMETER;
                        }
                        record = urlAcls.get(prefix.toLowerCase(Locale.ROOT));
                        if (record == null) {
                            return WinError.ERROR_FILE_NOT_FOUND;
                        }
                    }
                    case Http.HttpServiceConfigQueryNext -> {
                        record = nth(urlAcls, HttpServiceConfigUrlaclQuery.token(input));
                        if (record == null) {
                            return WinError.ERROR_NO_MORE_ITEMS;
                        }
                    }
                    default -> {
                        return WinError.ERROR_INVALID_PARAMETER;
                    }
                }
                return writeUrlAcl(record, output, outputLength, returnLength);
            }
            case Http.HttpServiceConfigSSLCertInfo -> {
                if (input == 0 || inputLength < HttpServiceConfigSslQuery.SIZE) {
                    return WinError.ERROR_INVALID_PARAMETER;
                }
                SslBinding record;
                switch (HttpServiceConfigSslQuery.queryDesc(input)) {
                    case Http.HttpServiceConfigQueryExact -> {
                        InetSocketAddress ipPort = sslKey(HttpServiceConfigSslQuery.keyDesc(input));
                        if (ipPort == null) {
                            return WinError.ERROR_INVALID_PARAMETER;
                        }
                        record = sslBindings.get(ipPort);
                        if (record == null) {
                            return WinError.ERROR_FILE_NOT_FOUND;
                        }
                    }
                    case Http.HttpServiceConfigQueryNext -> {
                        record = nth(sslBindings, HttpServiceConfigSslQuery.token(input));
                        if (record == null) {
                            return WinError.ERROR_NO_MORE_ITEMS;
                        }
                    }
                    default -> {
                        return WinError.ERROR_INVALID_PARAMETER;
                    }
                }
                return writeSsl(record, output, outputLength, returnLength);
            }
            case Http.HttpServiceConfigTimeout -> {
                if (input == 0 || inputLength < 4) {
                    return WinError.ERROR_INVALID_PARAMETER;
                }
                int key = NativeAccess.getInt(input);
                if (!isTimeoutKey(key)) {
                    return WinError.ERROR_INVALID_PARAMETER;
                }
                Integer seconds = timeouts.get(key);
                if (seconds == null) {
                    return WinError.ERROR_FILE_NOT_FOUND;
                }
                ServerProperties.writeLength(returnLength, 2);
                if (output == 0 || outputLength < 2) {
                    // Documented: ERROR_MORE_DATA is returned for HttpServiceConfigTimeout only.
                    return WinError.ERROR_MORE_DATA;
                }
                NativeAccess.putShort(output, (short) (int) seconds);
                return WinError.NO_ERROR;
            }
            default -> {
                return WinError.ERROR_INVALID_PARAMETER;
            }
        }
    }

    // ---- what the emulated kernel uses

    /**
     * Whether an SSL binding of {@code port} carries {@code HTTP_SERVICE_CONFIG_SSL_FLAG_DISABLE_HTTP2}
     * ({@code netsh http add sslcert ... disablehttp2=enable}): such a binding negotiates HTTP/1.1 only.
     */
    synchronized boolean disablesHttp2(int port) {
        for (SslBinding binding : sslBindings.values()) {
            if (binding.ipPort().getPort() == port
                    && (binding.flags() & Http.HTTP_SERVICE_CONFIG_SSL_FLAG_DISABLE_HTTP2) != 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the certificate binding that serves connections accepted on {@code local} carries
     * {@code HTTP_SERVICE_CONFIG_SSL_FLAG_NEGOTIATE_CLIENT_CERT} ({@code clientcertnegotiation=enable}): the one for
     * that exact address, else the wildcard one ({@code 0.0.0.0:port} / {@code [::]:port}) of its port.
     */
    synchronized boolean negotiatesClientCertificate(InetSocketAddress local) {
        SslBinding binding = sslBindings.get(local);
        if (binding == null) {
            for (SslBinding candidate : sslBindings.values()) {
                if (candidate.ipPort().getPort() == local.getPort()
                        && candidate.ipPort().getAddress().isAnyLocalAddress()) {
                    binding = candidate;
                    break;
                }
            }
        }
        return binding != null && (binding.flags() & Http.HTTP_SERVICE_CONFIG_SSL_FLAG_NEGOTIATE_CLIENT_CERT) != 0;
    }

    /** The machine-wide {@code IdleConnectionTimeout} / {@code HeaderWaitTimeout}, or {@code 0} when unset. */
    synchronized int timeout(int key) {
        return timeouts.getOrDefault(key, 0);
    }

    /** The IP listen list (addresses with port 0 apply to every port); empty: listen on the defaults. */
    synchronized List<InetSocketAddress> listenList() {
        return new ArrayList<>(listenList);
    }

    /** Whether a certificate binding covers {@code port} (on any address, as {@code 0.0.0.0:port} does). */
    synchronized boolean hasSslBinding(int port) {
        for (InetSocketAddress ipPort : sslBindings.keySet()) {
            if (ipPort.getPort() == port) {
                return true;
            }
        }
        return false;
    }

    // ---- layout of answers

    private static int writeUrlAcl(UrlAcl record, long output, int outputLength, long returnLength) {
        byte[] prefix = wide(record.prefix());
        byte[] sddl = wide(record.securityDescriptor());
        int size = HttpServiceConfigUrlaclSet.SIZE + prefix.length + sddl.length;
        ServerProperties.writeLength(returnLength, size);
        if (output == 0 || outputLength < size) {
            return WinError.ERROR_INSUFFICIENT_BUFFER;
        }
        long prefixAt = output + HttpServiceConfigUrlaclSet.SIZE;
        long sddlAt = prefixAt + prefix.length;
        NativeAccess.copyMemory(prefix, 0, prefixAt, prefix.length);
        NativeAccess.copyMemory(sddl, 0, sddlAt, sddl.length);
        HttpServiceConfigUrlaclKey.setUrlPrefix(HttpServiceConfigUrlaclSet.keyDesc(output), prefixAt);
        HttpServiceConfigUrlaclParam.setStringSecurityDescriptor(HttpServiceConfigUrlaclSet.paramDesc(output),
                sddlAt);
        return WinError.NO_ERROR;
    }

    private static int writeSsl(SslBinding record, long output, int outputLength, long returnLength) {
        // Socket address (8-aligned), then the hash, then the UTF-16 strings (2-aligned).
        int addressAt = HttpServiceConfigSslSet.SIZE;
        int hashAt = addressAt + SockaddrIn6.SIZE + 4;
        int storeAt = align2(hashAt + record.hash().length);
        byte[] store = record.storeName() == null ? null : wide(record.storeName());
        int ctlAt = storeAt + (store == null ? 0 : store.length);
        byte[] ctl = record.ctlIdentifier() == null ? null : wide(record.ctlIdentifier());
        int ctlStoreAt = ctlAt + (ctl == null ? 0 : ctl.length);
        byte[] ctlStore = record.ctlStoreName() == null ? null : wide(record.ctlStoreName());
        int size = ctlStoreAt + (ctlStore == null ? 0 : ctlStore.length);
        ServerProperties.writeLength(returnLength, size);
        if (output == 0 || outputLength < size) {
            return WinError.ERROR_INSUFFICIENT_BUFFER;
        }
        NativeAccess.setMemory(output, size, (byte) 0);
        Sockaddr.write(output + addressAt, record.ipPort());
        HttpServiceConfigSslKey.setIpPort(HttpServiceConfigSslSet.keyDesc(output), output + addressAt);
        long param = HttpServiceConfigSslSet.paramDesc(output);
        NativeAccess.copyMemory(record.hash(), 0, output + hashAt, record.hash().length);
        HttpServiceConfigSslParam.setSslHashLength(param, record.hash().length);
        HttpServiceConfigSslParam.setSslHash(param, output + hashAt);
        NativeAccess.copyMemory(record.appId(), 0, param + HttpServiceConfigSslParam.APP_ID, 16);
        HttpServiceConfigSslParam.setSslCertStoreName(param, place(store, output + storeAt));
        HttpServiceConfigSslParam.setDefaultCertCheckMode(param, record.certCheckMode());
        HttpServiceConfigSslParam.setDefaultRevocationFreshnessTime(param, record.revocationFreshnessTime());
        HttpServiceConfigSslParam.setDefaultRevocationUrlRetrievalTimeout(param, record.urlRetrievalTimeout());
        HttpServiceConfigSslParam.setDefaultSslCtlIdentifier(param, place(ctl, output + ctlAt));
        HttpServiceConfigSslParam.setDefaultSslCtlStoreName(param, place(ctlStore, output + ctlStoreAt));
        HttpServiceConfigSslParam.setDefaultFlags(param, record.flags());
        return WinError.NO_ERROR;
    }

    /** Copies {@code bytes} to {@code address} and returns it; {@code NULL} for a string that was NULL. */
    private static long place(byte[] bytes, long address) {
        if (bytes == null) {
            return 0;
        }
        NativeAccess.copyMemory(bytes, 0, address, bytes.length);
        return address;
    }

    // ---- reading keys

    /** The URL prefix of a URLACL key, or {@code null} when it is missing or not a prefix HTTP.SYS accepts. */
    private static String urlAclKey(long key) {
        long text = HttpServiceConfigUrlaclKey.urlPrefix(key);
        if (text == 0) {
            return null;
        }
        String prefix = NativeAccess.getUtf16String(text);
        return UrlPrefix.parse(prefix) == null ? null : prefix;
    }

    /** The IP endpoint of an SSL key, or {@code null} when it is missing or not IPv4/IPv6. */
    private static InetSocketAddress sslKey(long key) {
        long address = HttpServiceConfigSslKey.ipPort(key);
        if (address == 0) {
            return null;
        }
        try {
            return Sockaddr.toInetSocketAddress(address);
        } catch (IllegalArgumentException notInet) {
            return null;
        }
    }

    private static boolean isElevated() {
        return SystemPropertyUtil.getBoolean(ELEVATED_PROPERTY, true);
    }

    private static boolean isTimeoutKey(int key) {
        return key == Http.IdleConnectionTimeout || key == Http.HeaderWaitTimeout;
    }

    private static <V> V nth(Map<?, V> records, int token) {
        if (token < 0 || token >= records.size()) {
            return null;
        }
        List<V> values = new ArrayList<>(records.values());
        return values.get(token);
    }

    /** {@code text} as NUL-terminated UTF-16LE. */
    private static byte[] wide(String text) {
        byte[] chars = text.getBytes(StandardCharsets.UTF_16LE);
        return Arrays.copyOf(chars, chars.length + 2);
    }

    private static int align2(int offset) {
        return offset + 1 & ~1;
    }
}
