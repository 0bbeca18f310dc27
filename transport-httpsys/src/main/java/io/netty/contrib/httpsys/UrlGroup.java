package io.netty.contrib.httpsys;

import io.netty.contrib.httpsys.nativeapi.Http;
import io.netty.contrib.httpsys.nativeapi.HttpApi;
import io.netty.contrib.httpsys.nativeapi.HttpSysException;
import io.netty.contrib.httpsys.nativeapi.NativeMemory;
import io.netty.contrib.httpsys.nativeapi.struct.HttpBindingInfo;
import io.netty.contrib.httpsys.nativeapi.struct.HttpConnectionLimitInfo;
import io.netty.contrib.httpsys.nativeapi.struct.HttpPropertyFlags;
import io.netty.contrib.httpsys.nativeapi.struct.HttpQosSettingInfo;
import io.netty.util.internal.PlatformDependent;

import java.util.ArrayList;
import java.util.List;

/**
 * An HTTP Server API URL group ({@code HTTP_URL_GROUP_ID}): the URL prefixes of one server channel, bound to
 * its request queue. Closed exactly once.
 */
final class UrlGroup implements AutoCloseable {

    private final HttpApi api;
    private final long id;
    private final List<String> urls = new ArrayList<>();
    private boolean closed;

    private UrlGroup(HttpApi api, long id) {
        this.api = api;
        this.id = id;
    }

    static UrlGroup create(HttpApi api, ServerSession session) throws HttpSysException {
        long out = NativeMemory.allocate(Long.BYTES);
        try {
            HttpSysException.check(api.HttpCreateUrlGroup(session.id(), out, 0), "HttpCreateUrlGroup");
            return new UrlGroup(api, PlatformDependent.getLong(out));
        } finally {
            NativeMemory.free(out, Long.BYTES);
        }
    }

    /** Routes the group's requests to {@code queue} ({@code HttpServerBindingProperty}). */
    void setBinding(RequestQueue queue) throws HttpSysException {
        long info = NativeMemory.allocate(HttpBindingInfo.SIZE);
        try {
            HttpPropertyFlags.setPresent(info + HttpBindingInfo.FLAGS, true);
            HttpBindingInfo.setRequestQueueHandle(info, queue.handle());
            HttpSysException.check(api.HttpSetUrlGroupProperty(id, Http.HttpServerBindingProperty, info,
                    HttpBindingInfo.SIZE), "HttpSetUrlGroupProperty(HttpServerBindingProperty)");
        } finally {
            NativeMemory.free(info, HttpBindingInfo.SIZE);
        }
    }

    /**
     * Unbinds the group from its queue ({@code HttpServerBindingProperty} with {@code Present} clear), so that no
     * request is routed to a queue that is going away; ASP.NET Core's {@code RequestQueue.DetachFromUrlGroup} does
     * the same when it stops. Idempotent; failures are ignored (closing goes on regardless).
     */
    void detachFromQueue() {
        if (closed) {
            return;
        }
        long info = NativeMemory.allocate(HttpBindingInfo.SIZE);
        try {
            HttpPropertyFlags.setPresent(info + HttpBindingInfo.FLAGS, false);
            HttpBindingInfo.setRequestQueueHandle(info, 0);
            api.HttpSetUrlGroupProperty(id, Http.HttpServerBindingProperty, info, HttpBindingInfo.SIZE);
        } finally {
            NativeMemory.free(info, HttpBindingInfo.SIZE);
        }
    }

    /** Limits concurrent connections ({@code HttpServerQosProperty} with {@code HttpQosSettingTypeConnectionLimit}). */
    void setMaxConnections(long maxConnections) throws HttpSysException {
        long size = HttpQosSettingInfo.SIZE + HttpConnectionLimitInfo.SIZE;
        long qos = NativeMemory.allocate(size);
        try {
            long limit = qos + HttpQosSettingInfo.SIZE;
            HttpPropertyFlags.setPresent(limit + HttpConnectionLimitInfo.FLAGS, true);
            // HTTP_LIMIT_INFINITE is (ULONG) -1.
            HttpConnectionLimitInfo.setMaxConnections(limit, maxConnections < 0 ? -1 : (int) maxConnections);
            HttpQosSettingInfo.setQosType(qos, Http.HttpQosSettingTypeConnectionLimit);
            HttpQosSettingInfo.setQosSetting(qos, limit);
            HttpSysException.check(api.HttpSetUrlGroupProperty(id, Http.HttpServerQosProperty, qos,
                    HttpQosSettingInfo.SIZE), "HttpSetUrlGroupProperty(HttpServerQosProperty)");
        } finally {
            NativeMemory.free(qos, size);
        }
    }

    /** Registers {@code prefix}; the exception says how to fix ACL, conflict and syntax failures. */
    void addUrl(String prefix, long urlContext) throws HttpSysException {
        HttpSysException.checkUrlPrefix(api.HttpAddUrlToUrlGroup(id, prefix, urlContext, 0),
                "HttpAddUrlToUrlGroup", prefix);
        urls.add(prefix);
    }

    /** Unregisters every prefix: new requests for them are no longer routed here. Idempotent. */
    void removeUrls() {
        if (!closed && !urls.isEmpty()) {
            api.HttpRemoveUrlFromUrlGroup(id, null, Http.HTTP_URL_FLAG_REMOVE_ALL);
            urls.clear();
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        removeUrls();
        closed = true;
        api.HttpCloseUrlGroup(id);
    }
}
