package io.netty.contrib.httpsys.examples;

import io.netty.contrib.httpsys.HttpSys;

/**
 * Where the certificate of an {@code https://} prefix comes from on HTTP.SYS: the kernel takes it from a
 * certificate binding of the port ({@code netsh http add sslcert}), not from the application. On the emulator
 * the binding is the system properties {@value #EMULATOR_CERTIFICATE} / {@value #EMULATOR_PASSWORD}; this class
 * points them at {@link SelfSignedTls}'s certificate unless they are set already.
 */
public final class HttpSysTls {

    /** The emulator's certificate property (a PKCS#12 file or a PEM chain). */
    public static final String EMULATOR_CERTIFICATE = "io.netty.contrib.httpsys.emulator.certificate";
    /** The emulator's property for the PKCS#12 password. */
    public static final String EMULATOR_PASSWORD = "io.netty.contrib.httpsys.emulator.password";

    /** The application id netsh records with the examples' certificate bindings. */
    static final String APP_ID = "{6e657474-7968-7474-7073-797300000001}";

    private HttpSysTls() {
    }

    /**
     * Makes {@code port} answer TLS: on the emulator by setting its certificate properties (once, before the
     * first {@code https://} bind); on Windows by printing the commands an administrator runs once.
     */
    public static void prepare(int port) {
        if (HttpSys.isEmulated()) {
            if (System.getProperty(EMULATOR_CERTIFICATE) == null) {
                System.setProperty(EMULATOR_CERTIFICATE, SelfSignedTls.keyStore().toString());
                System.setProperty(EMULATOR_PASSWORD, SelfSignedTls.PASSWORD);
            }
            return;
        }
        System.out.println("HTTP.SYS terminates TLS with the certificate bound to the port. Once, as administrator:");
        System.out.println(windowsCommands(port));
    }

    /** The {@code certutil} and {@code netsh} commands that bind the examples' certificate to {@code port}. */
    public static String windowsCommands(int port) {
        return "  certutil -f -p " + SelfSignedTls.PASSWORD + " -importPFX \"" + SelfSignedTls.keyStore() + "\"\n"
                + "  netsh http add sslcert ipport=0.0.0.0:" + port + " certhash=" + SelfSignedTls.sha1Thumbprint()
                + " appid=" + APP_ID + "\n"
                + "  (remove it later with: netsh http delete sslcert ipport=0.0.0.0:" + port + ")";
    }
}
