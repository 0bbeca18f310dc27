package io.netty.contrib.httpsys;

import io.netty.contrib.httpsys.nativeapi.Http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The authentication HTTP.SYS performs for a server channel, the value of
 * {@link HttpSysChannelOption#AUTHENTICATION}: set as {@code HttpServerAuthenticationProperty}
 * ({@code HTTP_SERVER_AUTHENTICATION_INFO}) on the channel's URL group when it binds, as ASP.NET Core's
 * {@code AuthenticationManager} does. The kernel runs the handshake (including the multi-leg Negotiate and NTLM
 * exchanges) and hands each request over with its result, which {@link HttpSysRequestInfo#authentication()}
 * exposes. Immutable; build one with {@link #builder()}.
 *
 * <p>HTTP.SYS only authenticates: a request without credentials, or with credentials that failed, still reaches
 * the server. With {@link Builder#allowAnonymous(boolean) allowAnonymous(false)} the transport answers such a
 * request itself with {@code 401 Unauthorized} and one {@code WWW-Authenticate} challenge per enabled scheme,
 * before any handler sees it, as ASP.NET Core's {@code HttpSysListener.ValidateRequest} does; with the default
 * {@code true} the handler decides.
 *
 * <p>The flags mirror the structure's members (Microsoft Learn, {@code HTTP_SERVER_AUTHENTICATION_INFO}):
 * {@link Builder#disableNtlmCredentialCaching} ({@code DisableNTLMCredentialCaching}: by default HTTP.SYS keeps
 * the NTLM client context of a keep-alive connection that did not come through a proxy, so later requests on it
 * are authenticated without a new handshake), {@link Builder#enableKerberosCredentialCaching}
 * ({@code HTTP_AUTH_EX_FLAG_ENABLE_KERBEROS_CREDENTIAL_CACHING}: the same for Kerberos, off by default),
 * {@link Builder#captureCredentials} ({@code HTTP_AUTH_EX_FLAG_CAPTURE_CREDENTIAL}: the kernel captures the
 * credentials of the thread that binds and uses them during Kerberos or Negotiate authentication) and
 * {@link Builder#receiveMutualAuth} ({@code ReceiveMutualAuth}: the application, rather than the kernel, gets the
 * server's final Negotiate token to send). {@code ReceiveContextHandle} is not offered: the packed security
 * context is only useful to SSPI's {@code QueryContextAttributes}, which this transport does not bind.
 */
public final class HttpSysAuthentication {

    /** An authentication scheme HTTP.SYS implements ({@code HTTP_AUTH_ENABLE_*}). */
    public enum Scheme {
        /** Kerberos only ({@code HTTP_AUTH_ENABLE_KERBEROS}). */
        KERBEROS(Http.HTTP_AUTH_ENABLE_KERBEROS, "Kerberos"),
        /** SPNEGO: Kerberos, or NTLM when Kerberos is unavailable ({@code HTTP_AUTH_ENABLE_NEGOTIATE}). */
        NEGOTIATE(Http.HTTP_AUTH_ENABLE_NEGOTIATE, "Negotiate"),
        /** NTLM ({@code HTTP_AUTH_ENABLE_NTLM}). */
        NTLM(Http.HTTP_AUTH_ENABLE_NTLM, "NTLM"),
        /** Digest ({@code HTTP_AUTH_ENABLE_DIGEST}); its challenge: {@link HttpSysAuthentication#challenges()}. */
        DIGEST(Http.HTTP_AUTH_ENABLE_DIGEST, "Digest"),
        /** Basic ({@code HTTP_AUTH_ENABLE_BASIC}): the password travels in the clear, use it over TLS only. */
        BASIC(Http.HTTP_AUTH_ENABLE_BASIC, "Basic");

        private final int flag;
        private final String headerName;

        Scheme(int flag, String headerName) {
            this.flag = flag;
            this.headerName = headerName;
        }

        /** The {@code HTTP_AUTH_ENABLE_*} bit. */
        int flag() {
            return flag;
        }

        /** The scheme's name in {@code Authorization} and {@code WWW-Authenticate} headers. */
        public String headerName() {
            return headerName;
        }
    }

    /** No authentication: every request arrives anonymous (the default). */
    public static final HttpSysAuthentication NONE = builder().build();

    /** {@code USHORT} byte lengths of UTF-16 strings: at most 32767 characters. */
    private static final int MAX_STRING_LENGTH = 0x7FFF;

    private final Set<Scheme> schemes;
    private final boolean allowAnonymous;
    private final String realm;
    private final String digestDomain;
    private final boolean disableNtlmCredentialCaching;
    private final boolean enableKerberosCredentialCaching;
    private final boolean captureCredentials;
    private final boolean receiveMutualAuth;
    private final List<String> challenges;

    private HttpSysAuthentication(Builder builder) {
        schemes = Collections.unmodifiableSet(builder.schemes.clone());
        allowAnonymous = builder.allowAnonymous;
        realm = builder.realm;
        digestDomain = builder.digestDomain;
        disableNtlmCredentialCaching = builder.disableNtlmCredentialCaching;
        enableKerberosCredentialCaching = builder.enableKerberosCredentialCaching;
        captureCredentials = builder.captureCredentials;
        receiveMutualAuth = builder.receiveMutualAuth;
        challenges = Collections.unmodifiableList(challenges(schemes, realm));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these settings. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.schemes = EnumSet.noneOf(Scheme.class);
        builder.schemes.addAll(schemes);
        builder.allowAnonymous = allowAnonymous;
        builder.realm = realm;
        builder.digestDomain = digestDomain;
        builder.disableNtlmCredentialCaching = disableNtlmCredentialCaching;
        builder.enableKerberosCredentialCaching = enableKerberosCredentialCaching;
        builder.captureCredentials = captureCredentials;
        builder.receiveMutualAuth = receiveMutualAuth;
        return builder;
    }

    /** The enabled schemes; empty: none. */
    public Set<Scheme> schemes() {
        return schemes;
    }

    /** Whether requests without (valid) credentials reach the handlers; default {@code true}. */
    public boolean allowAnonymous() {
        return allowAnonymous;
    }

    /** The realm of Basic and Digest, or {@code null} for HTTP.SYS's default. */
    public String realm() {
        return realm;
    }

    /** The Digest domain, or {@code null}. */
    public String digestDomain() {
        return digestDomain;
    }

    public boolean disableNtlmCredentialCaching() {
        return disableNtlmCredentialCaching;
    }

    public boolean enableKerberosCredentialCaching() {
        return enableKerberosCredentialCaching;
    }

    public boolean captureCredentials() {
        return captureCredentials;
    }

    public boolean receiveMutualAuth() {
        return receiveMutualAuth;
    }

    /**
     * The {@code WWW-Authenticate} values of the transport's {@code 401}, strongest first as ASP.NET Core orders
     * them ({@code AuthenticationManager.GenerateChallenges}): Kerberos, Negotiate, NTLM, Basic (with the realm
     * when one is set). Digest is left out, as ASP.NET Core leaves it out: its challenge needs a nonce from the
     * kernel's security context, which user mode cannot make.
     */
    public List<String> challenges() {
        return challenges;
    }

    /** The {@code HTTP_AUTH_ENABLE_*} bits. */
    int authSchemes() {
        int bits = 0;
        for (Scheme scheme : schemes) {
            bits |= scheme.flag();
        }
        return bits;
    }

    /** The {@code HTTP_AUTH_EX_FLAG_*} bits. */
    int exFlags() {
        return (enableKerberosCredentialCaching ? Http.HTTP_AUTH_EX_FLAG_ENABLE_KERBEROS_CREDENTIAL_CACHING : 0)
                | (captureCredentials ? Http.HTTP_AUTH_EX_FLAG_CAPTURE_CREDENTIAL : 0);
    }

    private static List<String> challenges(Set<Scheme> schemes, String realm) {
        List<String> challenges = new ArrayList<>();
        for (Scheme scheme : schemes) {
            if (scheme == Scheme.BASIC) {
                challenges.add(realm == null ? "Basic" : "Basic realm=" + quoted(realm));
            } else if (scheme != Scheme.DIGEST) {
                challenges.add(scheme.headerName());
            }
        }
        return challenges;
    }

    /** An RFC 9110 quoted-string. */
    private static String quoted(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof HttpSysAuthentication other)) {
            return false;
        }
        return schemes.equals(other.schemes) && allowAnonymous == other.allowAnonymous
                && Objects.equals(realm, other.realm) && Objects.equals(digestDomain, other.digestDomain)
                && disableNtlmCredentialCaching == other.disableNtlmCredentialCaching
                && enableKerberosCredentialCaching == other.enableKerberosCredentialCaching
                && captureCredentials == other.captureCredentials && receiveMutualAuth == other.receiveMutualAuth;
    }

    @Override
    public int hashCode() {
        return Objects.hash(schemes, allowAnonymous, realm, digestDomain, disableNtlmCredentialCaching,
                enableKerberosCredentialCaching, captureCredentials, receiveMutualAuth);
    }

    @Override
    public String toString() {
        return "HttpSysAuthentication(schemes=" + schemes + ", allowAnonymous=" + allowAnonymous
                + (realm == null ? "" : ", realm=" + realm)
                + (digestDomain == null ? "" : ", digestDomain=" + digestDomain)
                + (disableNtlmCredentialCaching ? ", disableNtlmCredentialCaching" : "")
                + (enableKerberosCredentialCaching ? ", enableKerberosCredentialCaching" : "")
                + (captureCredentials ? ", captureCredentials" : "")
                + (receiveMutualAuth ? ", receiveMutualAuth" : "") + ')';
    }

    /** Builds {@link HttpSysAuthentication}; checks each value when set, and their combination in {@link #build()}. */
    public static final class Builder {
        private EnumSet<Scheme> schemes = EnumSet.noneOf(Scheme.class);
        private boolean allowAnonymous = true;
        private String realm;
        private String digestDomain;
        private boolean disableNtlmCredentialCaching;
        private boolean enableKerberosCredentialCaching;
        private boolean captureCredentials;
        private boolean receiveMutualAuth;

        private Builder() {
        }

        /** The schemes HTTP.SYS accepts (ASP.NET Core's {@code Schemes}); replaces earlier ones. */
        public Builder schemes(Set<Scheme> schemes) {
            EnumSet<Scheme> copy = EnumSet.noneOf(Scheme.class);
            copy.addAll(Objects.requireNonNull(schemes, "schemes"));
            this.schemes = copy;
            return this;
        }

        /** {@link #schemes(Set)} of the given ones. */
        public Builder schemes(Scheme first, Scheme... rest) {
            return schemes(EnumSet.of(first, rest));
        }

        /**
         * Whether requests that are not authenticated reach the handlers; {@code false}: the transport answers
         * them {@code 401} with the challenges. Default {@code true} (ASP.NET Core's {@code AllowAnonymous}).
         */
        public Builder allowAnonymous(boolean allowAnonymous) {
            this.allowAnonymous = allowAnonymous;
            return this;
        }

        /** The realm of Basic and Digest ({@code BasicParams.Realm}, {@code DigestParams.Realm}). */
        public Builder realm(String realm) {
            this.realm = checkString(realm, "realm");
            return this;
        }

        /** The Digest domain ({@code DigestParams.DomainName}). */
        public Builder digestDomain(String digestDomain) {
            this.digestDomain = checkString(digestDomain, "digestDomain");
            return this;
        }

        /** {@code DisableNTLMCredentialCaching}: authenticate every NTLM request anew; default {@code false}. */
        public Builder disableNtlmCredentialCaching(boolean disable) {
            disableNtlmCredentialCaching = disable;
            return this;
        }

        /**
         * {@code HTTP_AUTH_EX_FLAG_ENABLE_KERBEROS_CREDENTIAL_CACHING}: keep a connection's Kerberos credentials
         * for its later requests (ASP.NET Core's {@code EnableKerberosCredentialCaching}); needs Kerberos or
         * Negotiate. Default {@code false}.
         */
        public Builder enableKerberosCredentialCaching(boolean enable) {
            enableKerberosCredentialCaching = enable;
            return this;
        }

        /**
         * {@code HTTP_AUTH_EX_FLAG_CAPTURE_CREDENTIAL}: use the credentials of the thread that binds during
         * Kerberos or Negotiate authentication (ASP.NET Core's {@code CaptureCredentials}); needs Kerberos or
         * Negotiate. Default {@code false}.
         */
        public Builder captureCredentials(boolean capture) {
            captureCredentials = capture;
            return this;
        }

        /**
         * {@code ReceiveMutualAuth}: the server's final Negotiate token reaches the application
         * ({@link HttpSysIdentity#mutualAuthData()}) instead of the kernel adding it to the response. Default
         * {@code false}.
         */
        public Builder receiveMutualAuth(boolean receive) {
            receiveMutualAuth = receive;
            return this;
        }

        /**
         * @throws IllegalArgumentException when anonymous requests are refused but no scheme could authenticate
         *         one, or a Kerberos flag is set without Kerberos or Negotiate
         */
        public HttpSysAuthentication build() {
            if (!allowAnonymous && schemes.isEmpty()) {
                throw new IllegalArgumentException("allowAnonymous(false) without a scheme would refuse every request:"
                        + " enable at least one of " + EnumSet.allOf(Scheme.class));
            }
            boolean kerberos = schemes.contains(Scheme.KERBEROS) || schemes.contains(Scheme.NEGOTIATE);
            if (!kerberos && (enableKerberosCredentialCaching || captureCredentials)) {
                throw new IllegalArgumentException("enableKerberosCredentialCaching and captureCredentials need the "
                        + "KERBEROS or NEGOTIATE scheme: " + schemes);
            }
            return new HttpSysAuthentication(this);
        }

        private static String checkString(String value, String what) {
            if (value == null) {
                return null;
            }
            if (value.length() > MAX_STRING_LENGTH) {
                throw new IllegalArgumentException(what + " longer than HTTP.SYS's USHORT byte length allows ("
                        + MAX_STRING_LENGTH + " characters): " + value.length());
            }
            for (int i = 0; i < value.length(); i++) {
                // It goes into a WWW-Authenticate header: no line breaks or other control characters.
                if (Character.isISOControl(value.charAt(i))) {
                    throw new IllegalArgumentException(what + " holds a control character at " + i);
                }
            }
            return value;
        }
    }
}
