package io.netty.contrib.httpsys.nativeapi.emulator;

import java.util.ArrayList;
import java.util.List;

/** An {@code HTTP_SERVER_SESSION_ID}: owns URL groups and the properties they inherit. */
final class ServerSession {

    final long id;
    final List<UrlGroup> groups = new ArrayList<>();
    final GroupProperties properties = new GroupProperties();
    /** Open connections routed to this session's groups, for HttpQosSettingTypeConnectionLimit. */
    int connections;

    ServerSession(long id) {
        this.id = id;
    }
}
