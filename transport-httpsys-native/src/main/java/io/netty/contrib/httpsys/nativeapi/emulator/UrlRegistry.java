package io.netty.contrib.httpsys.nativeapi.emulator;

import io.netty.contrib.httpsys.nativeapi.WinError;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Every URL prefix registered with the emulated kernel, by port, and the listening sockets they need; routes a
 * request to the registration HTTP.SYS would pick: strong wildcard ({@code +}) first, then explicit hosts, then
 * the weak wildcard ({@code *}), the longest matching path within each. All methods run under the kernel lock.
 */
final class UrlRegistry {

    /** What routing found for a request. */
    sealed interface Route permits Matched, NotFound, InvalidHostname {
    }

    /** A registration matched. */
    record Matched(UrlRegistration registration) implements Route {
    }

    /** The host is registered on this port but no path matched: 404. */
    record NotFound() implements Route {
    }

    /** No registration on this port accepts the host: 400 Invalid Hostname. */
    record InvalidHostname() implements Route {
    }

    private final Map<Integer, List<UrlRegistration>> byPort = new HashMap<>();
    private final Map<Integer, PortListener> listeners = new HashMap<>();

    /**
     * Adds a registration, binding the port's sockets when it is the port's first.
     *
     * @param bind binds a listener for a port and scheme, or returns {@code null} when the port is taken
     * @return a Win32 error code
     */
    int add(UrlRegistration registration, BiFunction<Integer, String, PortListener> bind) {
        UrlPrefix prefix = registration.prefix();
        List<UrlRegistration> onPort = byPort.get(prefix.port());
        if (onPort != null) {
            for (UrlRegistration existing : onPort) {
                if (existing.prefix().sameRegistration(prefix)) {
                    return WinError.ERROR_ALREADY_EXISTS;
                }
            }
        }
        PortListener listener = listeners.get(prefix.port());
        if (listener == null) {
            listener = bind.apply(prefix.port(), prefix.scheme());
            if (listener == null) {
                return WinError.ERROR_SHARING_VIOLATION;
            }
            listeners.put(prefix.port(), listener);
        } else if (!listener.scheme.equals(prefix.scheme())) {
            // One port speaks one protocol: HTTP.SYS would hand TLS bytes to a plain-text prefix.
            return WinError.ERROR_SHARING_VIOLATION;
        }
        byPort.computeIfAbsent(prefix.port(), p -> new ArrayList<>()).add(registration);
        return WinError.NO_ERROR;
    }

    /** Removes the group's registration of {@code prefix}; {@code false} when it has none. */
    boolean remove(UrlGroup group, UrlPrefix prefix) {
        List<UrlRegistration> onPort = byPort.get(prefix.port());
        if (onPort == null) {
            return false;
        }
        for (UrlRegistration existing : onPort) {
            if (existing.group() == group && existing.prefix().sameRegistration(prefix)) {
                unregister(existing);
                return true;
            }
        }
        return false;
    }

    /** Removes one registration and closes the port's sockets when it was the last one there. */
    void unregister(UrlRegistration registration) {
        int port = registration.prefix().port();
        List<UrlRegistration> onPort = byPort.get(port);
        if (onPort == null || !onPort.remove(registration)) {
            return;
        }
        registration.group().registrations.remove(registration);
        if (onPort.isEmpty()) {
            byPort.remove(port);
            PortListener listener = listeners.remove(port);
            if (listener != null) {
                listener.close();
            }
        }
    }

    /**
     * Whether {@code prefix} is a prefix registered for {@code queue} (in a URL group bound to it) or lies under
     * one: the same host part and port, and a path under the registered one.
     */
    boolean covers(RequestQueue queue, UrlPrefix prefix) {
        List<UrlRegistration> onPort = byPort.get(prefix.port());
        if (onPort == null) {
            return false;
        }
        for (UrlRegistration registration : onPort) {
            UrlPrefix registered = registration.prefix();
            if (registration.group().queue == queue && registered.hostKind() == prefix.hostKind()
                    && registered.host().equals(prefix.host()) && prefix.path().startsWith(registered.path())) {
                return true;
            }
        }
        return false;
    }

    /** Routes a request that arrived on local {@code port} for {@code cookedHost} ("name:port") and path. */
    Route route(int port, String cookedHost, String absPath) {
        List<UrlRegistration> onPort = byPort.get(port);
        if (onPort == null) {
            return new NotFound();
        }
        String host = hostWithoutPort(cookedHost);
        String path = absPath.toLowerCase(Locale.ROOT);
        boolean hostKnown = false;
        for (UrlPrefix.HostKind kind : UrlPrefix.HostKind.values()) {
            UrlRegistration best = null;
            for (UrlRegistration candidate : onPort) {
                UrlPrefix prefix = candidate.prefix();
                if (prefix.hostKind() != kind || !prefix.matchesHost(host)) {
                    continue;
                }
                hostKnown = true;
                if (prefix.matchesPath(path)
                        && (best == null || prefix.path().length() > best.prefix().path().length())) {
                    best = candidate;
                }
            }
            if (best != null) {
                return new Matched(best);
            }
        }
        return hostKnown ? new NotFound() : new InvalidHostname();
    }

    /** The host part of a cooked {@code host:port}, lower-cased; IPv6 literals keep their brackets. */
    static String hostWithoutPort(String cookedHost) {
        String host = cookedHost;
        int colon = host.lastIndexOf(':');
        if (colon > host.lastIndexOf(']')) {
            host = host.substring(0, colon);
        }
        return host.toLowerCase(Locale.ROOT);
    }
}
