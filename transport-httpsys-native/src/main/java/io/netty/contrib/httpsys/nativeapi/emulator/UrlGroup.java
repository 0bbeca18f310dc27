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

    /** This group's timers: its own, else its session's, else {@code defaults} (the kernel's), field by field. */
    TimeoutLimits timeouts(TimeoutLimits defaults) {
        TimeoutLimits limits = defaults;
        if (session.properties.timeouts != null) {
            limits = session.properties.timeouts.or(limits);
        }
        return properties.timeouts != null ? properties.timeouts.or(limits) : limits;
    }

    /** This group's authentication, else its session's; {@code null} when neither enables a scheme. */
    AuthenticationSettings authentication() {
        return properties.authentication != null ? properties.authentication : session.properties.authentication;
    }

    /** Open connections whose requests are routed to this group, for HttpQosSettingTypeConnectionLimit. */
    int connections;
}
