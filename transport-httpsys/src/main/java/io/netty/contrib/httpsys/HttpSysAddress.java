package io.netty.contrib.httpsys;

import io.netty.contrib.httpsys.nativeapi.UrlPrefixRules;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;
import java.util.Objects;

/**
 * The address an {@link HttpSysServerChannel} binds to: one or more HTTP.SYS URL prefixes
 * ({@code scheme://host:port/path/}), for example {@code HttpSysAddress.of("http://+:8080/app/")}.
 *
 * <p>HTTP.SYS does not bind sockets per application: it routes a request to the queue whose prefix matches the
 * request's URL best, with the host compared against the {@code Host} header ({@code +} matches every host name,
 * {@code *} the host names no other prefix claims). So an {@link InetSocketAddress} given to {@code bind} becomes
 * {@code http://+:port/}, whatever its IP address, including a loopback one: a {@code localhost} prefix would
 * answer {@code 400 Invalid Hostname} to a client that connects to {@code 127.0.0.1}. Restrict the listening
 * addresses machine-wide with {@code netsh http add iplisten} instead.
 */
public final class HttpSysAddress extends SocketAddress {

    private static final long serialVersionUID = 1L;

    private final List<String> prefixes;

    private HttpSysAddress(List<String> prefixes) {
        this.prefixes = prefixes;
    }

    /**
     * The given URL prefixes. Their syntax is checked here, so a mistake shows up where it was made rather than
     * as an {@code ERROR_INVALID_PARAMETER} from {@code HttpAddUrlToUrlGroup}.
     *
     * @throws IllegalArgumentException when a prefix breaks a rule of HTTP.SYS (the message names it)
     */
    public static HttpSysAddress of(String... urlPrefixes) {
        Objects.requireNonNull(urlPrefixes, "urlPrefixes");
        if (urlPrefixes.length == 0) {
            throw new IllegalArgumentException("at least one URL prefix is needed, e.g. http://+:8080/");
        }
        for (String prefix : urlPrefixes) {
            List<UrlPrefixRules.Rule> broken = UrlPrefixRules.brokenRules(prefix);
            if (!broken.isEmpty()) {
                StringBuilder message = new StringBuilder("invalid URL prefix ").append(prefix).append(": ");
                for (int i = 0; i < broken.size(); i++) {
                    message.append(i == 0 ? "" : "; ").append(broken.get(i).description());
                }
                throw new IllegalArgumentException(message.toString());
            }
        }
        return new HttpSysAddress(List.of(urlPrefixes));
    }

    /** {@code http://+:port/}: every host name on {@code port}. */
    public static HttpSysAddress ofPort(int port) {
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("HTTP.SYS needs an explicit port between 1 and 65535 (it cannot "
                    + "pick a free one like a socket bound to port 0): " + port);
        }
        return of("http://+:" + port + '/');
    }

    /** The address {@code bind} uses for {@code address}: itself, or {@link #ofPort} of an {@link InetSocketAddress}. */
    static HttpSysAddress from(SocketAddress address) {
        if (address instanceof HttpSysAddress) {
            return (HttpSysAddress) address;
        }
        if (address instanceof InetSocketAddress) {
            return ofPort(((InetSocketAddress) address).getPort());
        }
        throw new IllegalArgumentException("unsupported address type: " + address.getClass().getName()
                + " (use HttpSysAddress.of(\"http://+:8080/\") or an InetSocketAddress)");
    }

    /**
     * The URL prefixes, in the order given. A request's {@code HttpSysRequestInfo.urlContext()} is the index of the
     * prefix it matched.
     */
    public List<String> prefixes() {
        return prefixes;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HttpSysAddress && prefixes.equals(((HttpSysAddress) o).prefixes);
    }

    @Override
    public int hashCode() {
        return prefixes.hashCode();
    }

    @Override
    public String toString() {
        return prefixes.size() == 1 ? prefixes.get(0) : prefixes.toString();
    }
}
