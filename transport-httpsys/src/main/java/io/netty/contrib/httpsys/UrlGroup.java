package io.netty.contrib.httpsys;

import io.netty.contrib.httpsys.nativeapi.Http;
import io.netty.contrib.httpsys.nativeapi.HttpApi;
import io.netty.contrib.httpsys.nativeapi.HttpSysException;
import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.NativeMemory;
import io.netty.contrib.httpsys.nativeapi.struct.HttpBindingInfo;
import io.netty.contrib.httpsys.nativeapi.struct.HttpConnectionLimitInfo;
import io.netty.contrib.httpsys.nativeapi.struct.HttpPropertyFlags;
import io.netty.contrib.httpsys.nativeapi.struct.HttpQosSettingInfo;
import io.netty.contrib.httpsys.nativeapi.struct.HttpServerAuthenticationBasicParams;
import io.netty.contrib.httpsys.nativeapi.struct.HttpServerAuthenticationDigestParams;
import io.netty.contrib.httpsys.nativeapi.struct.HttpServerAuthenticationInfo;
import io.netty.contrib.httpsys.nativeapi.struct.HttpTimeoutLimitInfo;

import java.nio.charset.StandardCharsets;
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
            return new UrlGroup(api, NativeAccess.getLong(out));
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

    /**
     * Sets the kernel's connection timers for the group's URLs ({@code HttpServerTimeoutsProperty}), where ASP.NET
     * Core's {@code TimeoutManager.SetUrlGroupTimeouts} sets them: a group's timers override its session's, field by
     * field, zeros falling back ("Server Timeouts Property", Microsoft Learn).
     */
    void setTimeouts(HttpSysTimeouts timeouts) throws HttpSysException {
        long info = NativeMemory.allocate(HttpTimeoutLimitInfo.SIZE);
        try {
            HttpPropertyFlags.setPresent(info + HttpTimeoutLimitInfo.FLAGS, true);
            HttpTimeoutLimitInfo.setEntityBody(info, (int) timeouts.entityBody().getSeconds());
            HttpTimeoutLimitInfo.setDrainEntityBody(info, (int) timeouts.drainEntityBody().getSeconds());
            HttpTimeoutLimitInfo.setRequestQueue(info, (int) timeouts.requestQueue().getSeconds());
            HttpTimeoutLimitInfo.setIdleConnection(info, (int) timeouts.idleConnection().getSeconds());
            HttpTimeoutLimitInfo.setHeaderWait(info, (int) timeouts.headerWait().getSeconds());
            HttpTimeoutLimitInfo.setMinSendRate(info, (int) timeouts.minSendBytesPerSecond());
            HttpSysException.check(api.HttpSetUrlGroupProperty(id, Http.HttpServerTimeoutsProperty, info,
                    HttpTimeoutLimitInfo.SIZE), "HttpSetUrlGroupProperty(HttpServerTimeoutsProperty)");
        } finally {
            NativeMemory.free(info, HttpTimeoutLimitInfo.SIZE);
        }
    }

    /**
     * Enables the kernel's authentication ({@code HttpServerAuthenticationProperty}, an
     * {@code HTTP_SERVER_AUTHENTICATION_INFO}), as ASP.NET Core's {@code AuthenticationManager.SetUrlGroupSecurity}
     * does; the realm goes into both the Basic and the Digest parameters. The strings are UTF-16 with their
     * lengths in bytes, placed behind the struct in the same allocation.
     */
    void setAuthentication(HttpSysAuthentication authentication) throws HttpSysException {
        byte[] realm = utf16(authentication.realm());
        byte[] domain = utf16(authentication.digestDomain());
        long realmOffset = HttpServerAuthenticationInfo.SIZE;
        long domainOffset = realmOffset + realm.length + 2;
        long size = domainOffset + domain.length + 2;
        long info = NativeMemory.allocate(size);
        try {
            HttpPropertyFlags.setPresent(info + HttpServerAuthenticationInfo.FLAGS, true);
            HttpServerAuthenticationInfo.setAuthSchemes(info, authentication.authSchemes());
            HttpServerAuthenticationInfo.setReceiveMutualAuth(info,
                    (byte) (authentication.receiveMutualAuth() ? 1 : 0));
            HttpServerAuthenticationInfo.setDisableNtlmCredentialCaching(info,
                    (byte) (authentication.disableNtlmCredentialCaching() ? 1 : 0));
            HttpServerAuthenticationInfo.setExFlags(info, (byte) authentication.exFlags());
            if (realm.length > 0) {
                NativeAccess.copyMemory(realm, 0, info + realmOffset, realm.length);
                long basic = HttpServerAuthenticationInfo.basicParams(info);
                HttpServerAuthenticationBasicParams.setRealmLength(basic, realm.length);
                HttpServerAuthenticationBasicParams.setRealm(basic, info + realmOffset);
                long digest = HttpServerAuthenticationInfo.digestParams(info);
                HttpServerAuthenticationDigestParams.setRealmLength(digest, realm.length);
                HttpServerAuthenticationDigestParams.setRealm(digest, info + realmOffset);
            }
            if (domain.length > 0) {
                NativeAccess.copyMemory(domain, 0, info + domainOffset, domain.length);
                long digest = HttpServerAuthenticationInfo.digestParams(info);
                HttpServerAuthenticationDigestParams.setDomainNameLength(digest, domain.length);
                HttpServerAuthenticationDigestParams.setDomainName(digest, info + domainOffset);
            }
            HttpSysException.check(api.HttpSetUrlGroupProperty(id, Http.HttpServerAuthenticationProperty, info,
                    HttpServerAuthenticationInfo.SIZE), "HttpSetUrlGroupProperty(HttpServerAuthenticationProperty)");
        } finally {
            NativeMemory.free(info, size);
        }
    }

    private static byte[] utf16(String text) {
        return text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_16LE);
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
