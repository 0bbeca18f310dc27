package io.netty.contrib.httpsys.nativeapi.emulator;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * The kernel response cache: complete responses to GETs that the application sent with
 * {@code HttpCachePolicyTimeToLive}, served to later GETs of the same cooked URL without reaching a queue
 * until the time to live ends or {@code HttpFlushResponseCache} removes them. Shared by all clients, as in
 * HTTP.SYS. All methods run under the kernel lock.
 */
final class ResponseCache {

    private record Entry(byte[] response, long expiresAtNanos) {
    }

    private final Map<String, Entry> entries = new HashMap<>();

    /** Stores {@code response} (head and body bytes) for the request's URL for {@code secondsToLive}. */
    void store(ParsedRequest request, int port, byte[] response, int secondsToLive) {
        if (secondsToLive <= 0) {
            return;
        }
        entries.put(key(request, port), new Entry(response, System.nanoTime() + secondsToLive * 1_000_000_000L));
    }

    /** The cached response for a GET of this URL, or {@code null}. */
    byte[] lookup(ParsedRequest request, int port) {
        if (!"GET".equals(request.verb()) || entries.isEmpty()) {
            return null;
        }
        String key = key(request, port);
        Entry entry = entries.get(key);
        if (entry == null) {
            return null;
        }
        if (System.nanoTime() - entry.expiresAtNanos >= 0) {
            entries.remove(key);
            return null;
        }
        return entry.response;
    }

    /**
     * {@code HttpFlushResponseCache}: removes the entry for {@code prefix}'s URL, or with {@code recursive} every
     * entry under it.
     */
    void flush(UrlPrefix prefix, boolean recursive) {
        for (Iterator<String> it = entries.keySet().iterator(); it.hasNext(); ) {
            String key = it.next();
            String[] parts = key.split(" ", 3);
            if (Integer.parseInt(parts[0]) != prefix.port() || !prefix.matchesHost(UrlRegistry.hostWithoutPort(parts[1]))) {
                continue;
            }
            String path = parts[2];
            int query = path.indexOf('?');
            String absPath = query < 0 ? path : path.substring(0, query);
            boolean hit = recursive ? prefix.matchesPath(absPath)
                    : absPath.equals(prefix.path()) || absPath.length() == prefix.path().length() - 1
                    && prefix.path().startsWith(absPath);
            if (hit) {
                it.remove();
            }
        }
    }

    private static String key(ParsedRequest request, int port) {
        return port + " " + request.cookedHost().toLowerCase(Locale.ROOT) + " "
                + request.cookedAbsPath().toLowerCase(Locale.ROOT)
                + (request.cookedQuery() == null ? "" : request.cookedQuery());
    }
}
