package io.netty.contrib.httpsys.perf;

import io.netty.contrib.httpsys.examples.HttpSysTls;
import io.netty.contrib.httpsys.examples.SelfSignedTls;

/**
 * Prints the one-time Windows commands (run them in an administrator prompt) that let the matrix bind
 * {@code http://+:HTTP_PORT/} and serve {@code https://+:HTTPS_PORT/} on the real HTTP.SYS: a URL reservation for
 * the current user and the certificate binding of the HTTPS port. Run it with
 * {@code -Dio.netty.contrib.httpsys.examples.keystore=FILE} so that the matrix later uses the same certificate.
 * Options: {@code --http-port 8080 --https-port 8443}.
 */
public final class WindowsSetup {

    private WindowsSetup() {
    }

    public static void main(String[] args) {
        String httpPort = "8080";
        String httpsPort = "8443";
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (args[i].equals("--http-port")) {
                httpPort = args[i + 1];
            } else if (args[i].equals("--https-port")) {
                httpsPort = args[i + 1];
            } else {
                throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (System.getProperty(SelfSignedTls.KEYSTORE_PROPERTY) == null) {
            System.out.println("REM warning: without -D" + SelfSignedTls.KEYSTORE_PROPERTY
                    + "=FILE the certificate below is temporary and the matrix would make another one");
        }
        String user = System.getProperty("user.name");
        System.out.println("netsh http add urlacl url=http://+:" + httpPort + "/ user=" + user);
        System.out.println("netsh http add urlacl url=https://+:" + httpsPort + "/ user=" + user);
        System.out.println(HttpSysTls.windowsCommands(Integer.parseInt(httpsPort)));
    }
}
