package io.netty.contrib.httpsys;

import io.netty.contrib.httpsys.HttpSysChannelOption.RequestQueueMode;
import io.netty.contrib.httpsys.nativeapi.Http;
import io.netty.contrib.httpsys.nativeapi.HttpApi;
import io.netty.contrib.httpsys.nativeapi.HttpSysException;
import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.NativeMemory;
import io.netty.contrib.httpsys.nativeapi.WinError;

/**
 * A handle to an HTTP Server API request queue: the controlling handle a server channel created (or attached
 * with), or one event loop's own handle to the same named queue. Closed exactly once.
 */
final class RequestQueue implements AutoCloseable {

    private final HttpApi api;
    private final long handle;
    private final boolean created;
    private boolean closed;

    private RequestQueue(HttpApi api, long handle, boolean created) {
        this.api = api;
        this.handle = handle;
        this.created = created;
    }

    /**
     * Creates or attaches to the queue {@code name} as {@code mode} says. A queue this call creates gets
     * {@code securityDescriptor} (SDDL; {@code null}: the default of this process's token) and {@code createFlags}
     * ({@code HTTP_CREATE_REQUEST_QUEUE_FLAG_CONTROLLER}, {@code _DELEGATION}); attaching passes neither, since the
     * security attributes "must be NULL when opening an existing request queue" and the controller flag "can be set
     * only when the request queue handle is created" (HttpCreateRequestQueue).
     */
    static RequestQueue open(HttpApi api, String name, RequestQueueMode mode, String securityDescriptor,
                             int createFlags) throws HttpSysException {
        switch (mode) {
            case CREATE:
                return create(api, name, securityDescriptor, createFlags);
            case ATTACH:
                return attach(api, name);
            case CREATE_OR_ATTACH:
                try {
                    return create(api, name, securityDescriptor, createFlags);
                } catch (HttpSysException e) {
                    if (e.errorCode() != WinError.ERROR_ALREADY_EXISTS) {
                        throw e;
                    }
                    return attach(api, name);
                }
            default:
                throw new IllegalArgumentException("mode: " + mode);
        }
    }

    /** Another handle to the existing queue {@code name}, for one event loop's completion port. */
    static RequestQueue attach(HttpApi api, String name) throws HttpSysException {
        return open(api, name, 0, Http.HTTP_CREATE_REQUEST_QUEUE_FLAG_OPEN_EXISTING);
    }

    private static RequestQueue create(HttpApi api, String name, String securityDescriptor, int flags)
            throws HttpSysException {
        if (securityDescriptor == null) {
            return open(api, name, 0, flags);
        }
        try (QueueSecurityAttributes attributes = QueueSecurityAttributes.fromSddl(securityDescriptor)) {
            return open(api, name, attributes.address(), flags);
        }
    }

    private static RequestQueue open(HttpApi api, String name, long securityAttributes, int flags)
            throws HttpSysException {
        boolean openExisting = (flags & Http.HTTP_CREATE_REQUEST_QUEUE_FLAG_OPEN_EXISTING) != 0;
        long out = NativeMemory.allocate(Long.BYTES);
        try {
            int error = api.HttpCreateRequestQueue(Http.HTTPAPI_VERSION_2, name, securityAttributes, flags, out);
            if (error == WinError.ERROR_ACCESS_DENIED && openExisting) {
                // HttpCreateRequestQueue: OPEN_EXISTING "can be set only when the application has permission to
                // open an existing request queue", which the creator's security descriptor grants.
                throw HttpSysException.withAdvice("HttpCreateRequestQueue", error, name + ", OPEN_EXISTING",
                        "this account may not open the request queue: its creator's security descriptor does not "
                                + "grant it. The server that creates the queue decides, with "
                                + "HttpSysChannelOption.REQUEST_QUEUE_SECURITY_DESCRIPTOR, for example "
                                + "D:(A;;GA;;;OW)(A;;GA;;;<this account's SID>); without it only the creating user "
                                + "(and LocalSystem) may open the queue");
            }
            if (error != WinError.NO_ERROR) {
                throw HttpSysException.of("HttpCreateRequestQueue(" + name + (openExisting ? ", OPEN_EXISTING)" : ")"),
                        error);
            }
            return new RequestQueue(api, NativeAccess.getLong(out), !openExisting);
        } finally {
            NativeMemory.free(out, Long.BYTES);
        }
    }

    long handle() {
        return handle;
    }

    /** Whether this handle created the queue (and so owns its configuration) rather than attached to it. */
    boolean isCreator() {
        return created;
    }

    /** Sets a {@code ULONG}-valued queue property ({@code HttpServerQueueLengthProperty}, ...). */
    void setUlongProperty(int property, int value, String name) throws HttpSysException {
        long info = NativeMemory.allocate(Integer.BYTES);
        try {
            NativeAccess.putInt(info, value);
            HttpSysException.check(api.HttpSetRequestQueueProperty(handle, property, info, Integer.BYTES, 0, 0),
                    "HttpSetRequestQueueProperty(" + name + ")");
        } finally {
            NativeMemory.free(info, Integer.BYTES);
        }
    }

    /**
     * {@code HttpShutdownRequestQueue}: the queue takes no more requests and its outstanding receives end, on every
     * handle of every process attached to it. Only the creator does this, right before closing (tjanczuk/httpsys
     * shuts the queue down before {@code HttpCloseRequestQueue}, as ASP.NET Core's {@code StopProcessingRequests}
     * does); an attached server leaves the queue to its owner.
     */
    void shutdownIfCreator() {
        if (created && !closed) {
            api.HttpShutdownRequestQueue(handle);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        api.HttpCloseRequestQueue(handle);
    }
}
