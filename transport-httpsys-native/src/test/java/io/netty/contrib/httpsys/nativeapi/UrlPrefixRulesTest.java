package io.netty.contrib.httpsys.nativeapi;

import io.netty.contrib.httpsys.nativeapi.UrlPrefixRules.Rule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

class UrlPrefixRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "http://+:80/",
        "https://*:443/app/",
        "http://localhost:8080/test/",
        "HTTP://Example.COM:1/a/b/",
        "http://127.0.0.1:65535/",
        "http://[::1]:8080/x/",
        "http://[fe80::1%25]:8080/",
        "http://my_host-1.example:80/",
    })
    void acceptsValidPrefixes(String prefix) {
        assertEquals(List.of(), UrlPrefixRules.brokenRules(prefix));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ftp://+:80/                 | SCHEME",
        "+:80/                       | SCHEME",
        "http://:80/                 | HOST",
        "http://a b:80/              | HOST",
        "http://+*:80/               | HOST",
        "http://[::1:80/             | HOST EXPLICIT_PORT",
        "http://+/                   | EXPLICIT_PORT",
        "http://+:/                  | EXPLICIT_PORT",
        "http://+:0/                 | EXPLICIT_PORT",
        "http://+:65536/             | EXPLICIT_PORT",
        "http://+:http/              | EXPLICIT_PORT",
        "http://+:80                 | TRAILING_SLASH",
        "http://+:80/app             | TRAILING_SLASH",
        "http://+:80/app/?x=1        | NO_QUERY",
        "http://+:80/app/#frag       | NO_QUERY",
        "http://+:80/app?x=1         | TRAILING_SLASH NO_QUERY",
        "https://localhost/app       | EXPLICIT_PORT TRAILING_SLASH",
    })
    void namesEveryBrokenRule(String prefix, String expected) {
        List<Rule> rules = Arrays.stream(expected.split(" ")).map(Rule::valueOf).collect(Collectors.toList());
        assertEquals(rules, UrlPrefixRules.brokenRules(prefix));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "http://+:8080/app/   | 8080",
        "https://[::1]:443/   | 443",
        "http://localhost:81  | 81",
        "http://+:81?x        | 81",
        "http://+/            | -1",
        "http://+:99999/      | -1",
        "ftp://+:21/          | -1",
        "NULL                 | -1",
    })
    void findsThePort(String prefix, int port) {
        assertEquals(port, UrlPrefixRules.port(prefix));
    }
}
