package io.netty.contrib.httpsys.nativeapi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The syntax HTTP.SYS demands of a URL prefix ("UrlPrefix Strings" in the HTTP Server API documentation):
 * {@code scheme://host:port/path/}. HTTP.SYS answers a prefix that breaks any rule with a bare
 * {@code ERROR_INVALID_PARAMETER} (87); this class names the rule, so the error can say what to change.
 *
 * <p>It checks syntax only: whether the user may register the prefix (URL ACL) or whether someone else already
 * has is for HTTP.SYS to say.
 */
public final class UrlPrefixRules {

    /** One syntax rule of a URL prefix. */
    public enum Rule {
        /** The scheme is {@code http} or {@code https}. */
        SCHEME("the scheme must be http:// or https://"),
        /** The host is a name, an IP address, {@code +} or {@code *}. */
        HOST("the host must be a host name, an IP address (IPv6 in [brackets]), + (strong wildcard: every host "
                + "name) or * (weak wildcard: host names no other prefix claims)"),
        /** The port is explicit and between 1 and 65535. */
        EXPLICIT_PORT("the port must be explicit and between 1 and 65535, e.g. http://+:8080/ rather than "
                + "http://+/"),
        /** The prefix ends with {@code /}. */
        TRAILING_SLASH("the prefix must end with a trailing slash (/)"),
        /** No query ({@code ?}) and no fragment ({@code #}). */
        NO_QUERY("a prefix cannot carry a query (?) or a fragment (#)");

        private final String description;

        Rule(String description) {
            this.description = description;
        }

        /** What the rule demands, as one phrase for an error message. */
        public String description() {
            return description;
        }
    }

    /** All rules in one line, for messages that list them. */
    public static final String SUMMARY = "scheme http or https, a host name or IP address or + or *, an explicit "
            + "port, a trailing slash, no query";

    private UrlPrefixRules() {
    }

    /** The rules {@code prefix} breaks, in {@link Rule} order; empty when its syntax is valid. */
    public static List<Rule> brokenRules(String prefix) {
        if (prefix == null || prefix.isEmpty()) {
            return List.of(Rule.SCHEME, Rule.HOST, Rule.EXPLICIT_PORT, Rule.TRAILING_SLASH);
        }
        List<Rule> broken = new ArrayList<>(2);
        int queryStart = firstIndexOf(prefix, '?', '#');
        String withoutQuery = queryStart < 0 ? prefix : prefix.substring(0, queryStart);

        int authorityStart = authorityStart(withoutQuery);
        if (authorityStart < 0) {
            broken.add(Rule.SCHEME);
            int separator = withoutQuery.indexOf("://");
            authorityStart = separator < 0 ? 0 : separator + 3;
        }
        int pathStart = withoutQuery.indexOf('/', authorityStart);
        String authority = withoutQuery.substring(authorityStart, pathStart < 0 ? withoutQuery.length() : pathStart);
        int portSeparator = portSeparator(authority);
        String host = portSeparator < 0 ? authority : authority.substring(0, portSeparator);
        if (!isValidHost(host)) {
            broken.add(Rule.HOST);
        }
        if (portSeparator < 0 || !isValidPort(authority.substring(portSeparator + 1))) {
            broken.add(Rule.EXPLICIT_PORT);
        }
        if (pathStart < 0 || !withoutQuery.endsWith("/")) {
            broken.add(Rule.TRAILING_SLASH);
        }
        if (queryStart >= 0) {
            broken.add(Rule.NO_QUERY);
        }
        return Collections.unmodifiableList(broken);
    }

    /** The port {@code prefix} names, or {@code -1} when it names none or an invalid one. */
    public static int port(String prefix) {
        if (prefix == null) {
            return -1;
        }
        int start = authorityStart(prefix);
        if (start < 0) {
            return -1;
        }
        int end = firstIndexOf(prefix.substring(start), '/', '?', '#');
        String authority = end < 0 ? prefix.substring(start) : prefix.substring(start, start + end);
        int separator = portSeparator(authority);
        if (separator < 0) {
            return -1;
        }
        String digits = authority.substring(separator + 1);
        return isValidPort(digits) ? Integer.parseInt(digits) : -1;
    }

    private static int authorityStart(String prefix) {
        String lower = prefix.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://")) {
            return "http://".length();
        }
        if (lower.startsWith("https://")) {
            return "https://".length();
        }
        return -1;
    }

    // An IPv6 literal has colons of its own: its port separator is the colon after the closing bracket.
    private static int portSeparator(String authority) {
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            return close >= 0 && authority.startsWith(":", close + 1) ? close + 1 : -1;
        }
        return authority.indexOf(':');
    }

    private static boolean isValidHost(String host) {
        if (host.equals("+") || host.equals("*")) {
            return true;
        }
        if (host.startsWith("[")) {
            return host.length() > 2 && host.endsWith("]") && host.substring(1, host.length() - 1)
                    .chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.' || c == '%');
        }
        return !host.isEmpty() && host.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '.'
                || c == '_');
    }

    private static boolean isValidPort(String digits) {
        if (digits.isEmpty() || digits.length() > 5 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        int port = Integer.parseInt(digits);
        return port >= 1 && port <= 65535;
    }

    private static int firstIndexOf(String text, char... candidates) {
        for (int i = 0; i < text.length(); i++) {
            for (char candidate : candidates) {
                if (text.charAt(i) == candidate) {
                    return i;
                }
            }
        }
        return -1;
    }
}
