package io.netty.contrib.httpsys.nativeapi.emulator;

import io.netty.contrib.httpsys.nativeapi.HttpApi;
import io.netty.contrib.httpsys.nativeapi.IoCompletion;
import io.netty.contrib.httpsys.nativeapi.TokenApi;

/**
 * The user-mode HTTP.SYS emulator: {@link HttpApi} and {@link IoCompletion} implemented over loopback sockets,
 * writing and reading the same native structures as the Windows kernel, so the transport above runs unchanged.
 * One per JVM, started on first use; its threads are daemons.
 *
 * <p>Configuration (system properties, read at start or when a port is first bound):
 * {@value Kernel#LISTEN_ADDRESSES_PROPERTY} (listen addresses, default {@code 127.0.0.1,::1});
 * {@value TlsConfig#CERTIFICATE_PROPERTY}, {@value TlsConfig#KEY_PROPERTY}, {@value TlsConfig#PASSWORD_PROPERTY}
 * (the certificate of {@code https://} prefixes). The HTTP Server API configuration store
 * ({@code HttpSetServiceConfiguration}: URL reservations, certificate bindings, service-wide timeouts, IP listen
 * list) starts empty and lives as long as the JVM; on Windows it is machine-wide and persistent.
 * {@value StrictMode#SEED_PROPERTY} and its rates turn on {@link StrictMode}. {@value EmulatedIdentity#USER_PROPERTY}
 * is the SID of the emulated process's user, the owner of the request queues it creates.
 * {@value EmulatedAccounts#CREDENTIALS_PROPERTY} names the file of the machine's accounts ({@code user:password}
 * lines) and {@value EmulatedAccounts#DOMAIN_PROPERTY} its domain, for Basic authentication and the
 * {@link NegotiateTestDouble}.
 */
public final class Emulator {

    private final HttpApi httpApi;
    private final IoCompletion ioCompletion;
    private final StrictMode strictMode;
    private final Kernel kernel;
    private final TokenApi tokenApi;

    private Emulator() {
        kernel = new Kernel();
        tokenApi = new EmulatedTokenApi(kernel);
        HttpApi emulatedApi = new EmulatedHttpApi(kernel);
        IoCompletion emulatedCompletion = new EmulatedIoCompletion(kernel, emulatedApi);
        strictMode = StrictMode.fromSystemProperties();
        if (strictMode == null) {
            httpApi = emulatedApi;
            ioCompletion = emulatedCompletion;
        } else {
            httpApi = new StrictHttpApi(kernel, emulatedApi, strictMode);
            ioCompletion = new StrictIoCompletion(kernel, emulatedCompletion, strictMode);
        }
    }

    /** The emulator of this JVM, started on first use. */
    public static Emulator get() {
        return Holder.INSTANCE;
    }

    /** The emulated {@code httpapi.dll}. */
    public HttpApi httpApi() {
        return httpApi;
    }

    /** The emulated completion-port functions; they share one handle space with {@link #httpApi()}. */
    public IoCompletion ioCompletion() {
        return ioCompletion;
    }

    /** The emulated {@code advapi32.dll} token functions, for the access tokens of authenticated requests. */
    public TokenApi tokenApi() {
        return tokenApi;
    }

    /**
     * How many access tokens the emulated kernel issued with authenticated requests ({@code HTTP_REQUEST_AUTH_INFO})
     * and nobody closed yet: the handles an application would leak on Windows.
     */
    public int openAccessTokens() {
        return kernel.handles().count(EmulatedAccessToken.class);
    }

    /** The {@link StrictMode} of this emulator, or {@code null} when it runs without one. */
    public StrictMode strictMode() {
        return strictMode;
    }

    private static final class Holder {
        static final Emulator INSTANCE = new Emulator();
    }
}
