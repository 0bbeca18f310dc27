package io.netty.contrib.httpsys.nativeapi.emulator;

import io.netty.contrib.httpsys.nativeapi.Http;

import java.util.Map;

/**
 * The {@code HTTP_VERB} values of {@code http.h}. HTTP.SYS matches the method token exactly and
 * case-sensitively (methods are case-sensitive, RFC 9110 section 9.1); any other token is
 * {@code HttpVerbUnknown} with the token in {@code pUnknownVerb} (Wine's conformance test: {@code xyzzy}).
 */
final class KnownVerbs {

    private static final Map<String, Integer> IDS = Map.ofEntries(
            Map.entry("OPTIONS", Http.HttpVerbOPTIONS),
            Map.entry("GET", Http.HttpVerbGET),
            Map.entry("HEAD", Http.HttpVerbHEAD),
            Map.entry("POST", Http.HttpVerbPOST),
            Map.entry("PUT", Http.HttpVerbPUT),
            Map.entry("DELETE", Http.HttpVerbDELETE),
            Map.entry("TRACE", Http.HttpVerbTRACE),
            Map.entry("CONNECT", Http.HttpVerbCONNECT),
            Map.entry("TRACK", Http.HttpVerbTRACK),
            Map.entry("MOVE", Http.HttpVerbMOVE),
            Map.entry("COPY", Http.HttpVerbCOPY),
            Map.entry("PROPFIND", Http.HttpVerbPROPFIND),
            Map.entry("PROPPATCH", Http.HttpVerbPROPPATCH),
            Map.entry("MKCOL", Http.HttpVerbMKCOL),
            Map.entry("LOCK", Http.HttpVerbLOCK),
            Map.entry("UNLOCK", Http.HttpVerbUNLOCK),
            Map.entry("SEARCH", Http.HttpVerbSEARCH));

    private KnownVerbs() {
    }

    /** The {@code HTTP_VERB} of {@code method}, or {@code HttpVerbUnknown}. */
    static int verbOf(String method) {
        return IDS.getOrDefault(method, Http.HttpVerbUnknown);
    }
}
