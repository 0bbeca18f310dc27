package io.netty.contrib.httpsys.perf;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** The guard that keeps every load run on this machine. */
final class Loopback {

    private Loopback() {
    }

    static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        try {
            for (InetAddress address : InetAddress.getAllByName(bare)) {
                if (!address.isLoopbackAddress()) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
