package io.netty.contrib.httpsys.nativeapi.emulator;

import io.netty.contrib.httpsys.nativeapi.Http;

import java.util.ArrayList;
import java.util.List;

/** An {@code HTTP_URL_GROUP_ID}: URL prefixes with their contexts, bound to at most one request queue. */
final class UrlGroup {

    final long id;
    final ServerSession session;
    final List<UrlRegistration> registrations = new ArrayList<>();
    final GroupProperties properties = new GroupProperties();
    /** Set by HttpServerBindingProperty; {@code null} while unbound. */
    RequestQueue queue;

    UrlGroup(long id, ServerSession session) {
        this.id = id;
        this.session = session;
    }

    /** Whether requests for this group's URLs are delivered (group and session active). */
    boolean isActive() {
        return properties.state == Http.HttpEnabledStateActive
                && session.properties.state == Http.HttpEnabledStateActive;
    }

    TimeoutLimits timeouts() {
        if (properties.timeouts != null) {
            return properties.timeouts;
        }
        return session.properties.timeouts != null ? session.properties.timeouts : TimeoutLimits.DEFAULT;
    }
}
