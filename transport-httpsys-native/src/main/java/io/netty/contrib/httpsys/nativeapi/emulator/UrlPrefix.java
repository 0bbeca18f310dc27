package io.netty.contrib.httpsys.nativeapi.emulator;

import io.netty.contrib.httpsys.nativeapi.UrlPrefixRules;

import java.util.List;
import java.util.Locale;

/**
 * A parsed and validated URL prefix ({@code http://+:8080/app/}) as {@code HttpAddUrlToUrlGroup} accepts it.
 *
 * <p>The syntax is {@link UrlPrefixRules}' ({@code scheme://host:port/path}; a missing slash after the port, a
 * missing scheme, a missing, empty or zero port, a query are {@code ERROR_INVALID_PARAMETER}, as in Wine's
 * conformance tests). The path is compared with or without its trailing slash and case-insensitively, as
 * HTTP.SYS matches URLs.
 */
record UrlPrefix(String scheme, HostKind hostKind, String host, int port, String path) {

    /** How the host part matches, in HTTP.SYS's order of precedence. */
    enum HostKind {
        /** {@code +}: every host name, before explicit hosts. */
        STRONG_WILDCARD,
        /** A literal host name or address. */
        EXPLICIT,
        /** {@code *}: every host name no explicit registration took. */
        WEAK_WILDCARD
    }

    /** Parses {@code url}, or returns {@code null} when HTTP.SYS would refuse it with {@code ERROR_INVALID_PARAMETER}. */
    static UrlPrefix parse(String url) {
        if (url == null || !isAcceptable(url, UrlPrefixRules.brokenRules(url))) {
            return null;
        }
        int schemeEnd = url.indexOf("://");
        String scheme = url.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
        int authorityStart = schemeEnd + 3;
        int pathStart = url.indexOf('/', authorityStart);
        String authority = url.substring(authorityStart, pathStart);
        int portSeparator = authority.startsWith("[") ? authority.indexOf(']') + 1 : authority.indexOf(':');
        String host = authority.substring(0, portSeparator).toLowerCase(Locale.ROOT);
        int port = Integer.parseInt(authority.substring(portSeparator + 1));
        HostKind kind = "+".equals(host) ? HostKind.STRONG_WILDCARD
                : "*".equals(host) ? HostKind.WEAK_WILDCARD : HostKind.EXPLICIT;
        String path = url.substring(pathStart).toLowerCase(Locale.ROOT);
        return new UrlPrefix(scheme, kind, host, port, path.endsWith("/") ? path : path + "/");
    }

    /**
     * The syntax rules are {@link UrlPrefixRules}'; one of them is stricter than HTTP.SYS: a path without a
     * trailing slash is accepted as the same prefix as with it (Wine's test_v1_relative_urls: adding
     * {@code /barfoo} after {@code /barfoo/} gives 183, not 87). The slash after the port stays mandatory.
     */
    private static boolean isAcceptable(String url, List<UrlPrefixRules.Rule> broken) {
        for (UrlPrefixRules.Rule rule : broken) {
            if (rule != UrlPrefixRules.Rule.TRAILING_SLASH) {
                return false;
            }
        }
        return broken.isEmpty() || url.indexOf('/', url.indexOf("://") + 3) >= 0;
    }

    /** Whether two prefixes name the same registration (scheme aside: one port has one scheme). */
    boolean sameRegistration(UrlPrefix other) {
        return hostKind == other.hostKind && host.equals(other.host) && port == other.port && path.equals(other.path);
    }

    /** Whether this prefix's host part accepts {@code requestHost} (a lower-case host name without port). */
    boolean matchesHost(String requestHost) {
        return hostKind != HostKind.EXPLICIT || host.equals(requestHost);
    }

    /**
     * Whether {@code lowerCaseAbsPath} (a cooked absolute path, lower-cased) lies under this prefix; the prefix
     * directory itself matches without its trailing slash ({@code /foo} is under {@code /foo/}).
     */
    boolean matchesPath(String lowerCaseAbsPath) {
        return lowerCaseAbsPath.startsWith(path)
                || lowerCaseAbsPath.length() == path.length() - 1 && path.startsWith(lowerCaseAbsPath);
    }
}
