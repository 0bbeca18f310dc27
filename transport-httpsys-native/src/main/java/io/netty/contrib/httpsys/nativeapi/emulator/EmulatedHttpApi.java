package io.netty.contrib.httpsys.nativeapi.emulator;

import io.netty.contrib.httpsys.nativeapi.Http;
import io.netty.contrib.httpsys.nativeapi.HttpApi;
import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.NtStatus;
import io.netty.contrib.httpsys.nativeapi.WinError;
import io.netty.contrib.httpsys.nativeapi.struct.HttpBindingInfo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The emulator's {@code httpapi.dll}: validates arguments and returns the error codes HTTP.SYS returns
 * (behaviours file sections 1-5 and 7), and drives the kernel objects.
 *
 * <p>Not emulated, and reported as such: delegation and request properties ({@code ERROR_CALL_NOT_IMPLEMENTED},
 * with {@link #isDelegationSupported()} false), client certificates renegotiation. Service configuration is
 * kept in {@link ServiceConfigStore}.
 */
final class EmulatedHttpApi implements HttpApi {

    private static final int VERSION_1_0 = 0x0000_0001;
    private static final int VERSION_2_0 = 0x0000_0002;
    private static final int KNOWN_QUEUE_FLAGS = Http.HTTP_CREATE_REQUEST_QUEUE_FLAG_OPEN_EXISTING
            | Http.HTTP_CREATE_REQUEST_QUEUE_FLAG_CONTROLLER | Http.HTTP_CREATE_REQUEST_QUEUE_FLAG_DELEGATION;
    private static final int KNOWN_RECEIVE_FLAGS = Http.HTTP_RECEIVE_REQUEST_FLAG_COPY_BODY
            | Http.HTTP_RECEIVE_REQUEST_FLAG_FLUSH_BODY;
    private static final int MAX_QUEUE_LENGTH = 65535;

    private final Kernel kernel;
    private final ResponseSender sender;
    private final Map<String, RequestQueue> namedQueues = new HashMap<>();

    EmulatedHttpApi(Kernel kernel) {
        this.kernel = kernel;
        this.sender = new ResponseSender(kernel);
    }

    // ---- initialisation

    @Override
    public int HttpInitialize(int version, int flags, long reserved) {
        if (version != VERSION_1_0 && version != VERSION_2_0 || reserved != 0 || flags == 0
                || (flags & ~(Http.HTTP_INITIALIZE_SERVER | Http.HTTP_INITIALIZE_CONFIG)) != 0) {
            return WinError.ERROR_INVALID_PARAMETER;
        }
        return WinError.NO_ERROR;
    }

    @Override
    public int HttpTerminate(int flags, long reserved) {
        return reserved != 0 ? WinError.ERROR_INVALID_PARAMETER : WinError.NO_ERROR;
    }

    // ---- server sessions

    @Override
    public int HttpCreateServerSession(int version, long serverSessionIdOut, int reserved) {
        if (serverSessionIdOut == 0 || reserved != 0) {
            return WinError.ERROR_INVALID_PARAMETER;
        }
        if (version != VERSION_1_0 && version != VERSION_2_0) {
            return WinError.ERROR_REVISION_MISMATCH;
        }
        synchronized (kernel) {
            long id = kernel.handles().newValue(HandleTable.SESSION_TAG);
            ServerSession session = new ServerSession(id);
            kernel.handles().put(id, session);
            NativeAccess.putLong(serverSessionIdOut, id);
        }
        return WinError.NO_ERROR;
    }

    @Override
    public int HttpCloseServerSession(long serverSessionId) {
        synchronized (kernel) {
            ServerSession session = kernel.handles().get(serverSessionId, ServerSession.class);
            if (session == null) {
                return WinError.ERROR_INVALID_PARAMETER;
            }
            for (UrlGroup group : new ArrayList<>(session.groups)) {
                closeGroup(group);
            }
            kernel.handles().remove(serverSessionId);
        }
        return WinError.NO_ERROR;
    }

    @Override
    public int HttpSetServerSessionProperty(long serverSessionId, int property, long propertyInformation,
                                            int propertyInformationLength) {
        synchronized (kernel) {
            ServerSession session = kernel.handles().get(serverSessionId, ServerSession.class);
            if (session == null) {
                return WinError.ERROR_INVALID_PARAMETER;
            }
            return ServerProperties.set(session.properties, property, propertyInformation, propertyInformationLength);
        }
    }

    @Override
    public int HttpQueryServerSessionProperty(long serverSessionId, int property, long propertyInformation,
                                              int propertyInformationLength, long returnLength) {
        synchronized (kernel) {
            ServerSession session = kernel.handles().get(serverSessionId, ServerSession.class);
            if (session == null) {
                return WinError.ERROR_INVALID_PARAMETER;
            }
            return ServerProperties.query(session.properties, property, propertyInformation,
                    propertyInformationLength, returnLength);
        }
    }

    // ---- URL groups

    @Override
    public int HttpCreateUrlGroup(long serverSessionId, long urlGroupIdOut, int reserved) {
        synchronized (kernel) {
            ServerSession session = kernel.handles().get(serverSessionId, ServerSession.class);
            if (session == null || urlGroupIdOut == 0 || reserved != 0) {
                return WinError.ERROR_INVALID_PARAMETER;
            }
            long id = kernel.handles().newValue(HandleTable.URL_GROUP_TAG);
            UrlGroup group = new UrlGroup(id, session);
            kernel.handles().put(id, group);
            session.groups.add(group);
            NativeAccess.putLong(urlGroupIdOut, id);
        }
        return WinError.NO_ERROR;
    }

    @Override
    public int HttpCloseUrlGroup(long urlGroupId) {
        synchronized (kernel) {
            UrlGroup group = kernel.handles().get(urlGroupId, UrlGroup.class);
            if (group == null) {
                return WinError.ERROR_INVALID_PARAMETER;
            }
            closeGroup(group);
        }
        return WinError.NO_ERROR;
    }

    private void closeGroup(UrlGroup group) {
        for (UrlRegistration registration : new ArrayList<>(group.registrations)) {
            kernel.registry().unregister(registration);
        }
        group.session.groups.remove(group);
        kernel.handles().remove(group.id);
    }

    @Override
    public int HttpAddUrlToUrlGroup(long urlGroupId, String fullyQualifiedUrl, long urlContext, int reserved) {
        synchronized (kernel) {
            UrlGroup group = kernel.handles().get(urlGroupId, UrlGroup.class);
            UrlPrefix prefix = UrlPrefix.parse(fullyQualifiedUrl);
            if (group == null || prefix == null || reserved != 0) {
                return WinError.ERROR_INVALID_PARAMETER;
            }
            UrlRegistration registration = new UrlRegistration(prefix, group, urlContext);
            int error = kernel.registry().add(registration, kernel::bind);
            if (error == WinError.NO_ERROR) {
                group.registrations.add(registration);
            }
            return error;
        }
    }

    @Override
    public int HttpRemoveUrlFromUrlGroup(long urlGroupId, String fullyQualifiedUrl, int flags) {
        synchronized (kernel) {
            UrlGroup group = kernel.handles().get(urlGroupId, UrlGroup.class);
            if (group == null || (flags & ~Http.HTTP_URL_FLAG_REMOVE_ALL) != 0) {
                return WinError.ERROR_INVALID_PARAMETER;
            }
            if ((flags & Http.HTTP_URL_FLAG_REMOVE_ALL) != 0) {
                for (UrlRegistration registration : new ArrayList<>(group.registrations)) {
                    kernel.registry().unregister(registration);
                }
                return WinError.NO_ERROR;
            }
            UrlPrefix prefix = UrlPrefix.parse(fullyQualifiedUrl);
            if (prefix == null) {
                return WinError.ERROR_INVALID_PARAMETER;
            }
            return kernel.registry().remove(group, prefix) ? WinError.NO_ERROR : WinError.ERROR_FILE_NOT_FOUND;
        }
    }

    @Override
    public int HttpSetUrlGroupProperty(long urlGroupId, int property, long propertyInformation,
                                       int propertyInformationLength) {
        synchronized (kernel) {
            UrlGroup group = kernel.handles().get(urlGroupId, UrlGroup.class);
            if (group == null) {
                return WinError.ERROR_INVALID_PARAMETER;
            }
            if (property == Http.HttpServerBindingProperty) {
                if (propertyInformation == 0 || propertyInformationLength != HttpBindingInfo.SIZE) {
                    return WinError.ERROR_INVALID_PARAMETER;
                }
                if ((HttpBindingInfo.flags(propertyInformation) & 1) == 0) {
                    group.queue = null;
                    return WinError.NO_ERROR;
                }
                RequestQueueHandle handle = kernel.queueHandle(HttpBindingInfo.requestQueueHandle(propertyInformation));
                if (handle == null) {
                    return WinError.ERROR_INVALID_PARAMETER;
                }
                group.queue = handle.queue;
                return WinError.NO_ERROR;
            }
            return ServerProperties.set(group.properties, property, propertyInformation, propertyInformationLength);
        }
    }

    @Override
    public int HttpQueryUrlGroupProperty(long urlGroupId, int property, long propertyInformation,
                                         int propertyInformationLength, long returnLength) {
        synchronized (kernel) {
            UrlGroup group = kernel.handles().get(urlGroupId, UrlGroup.class);
            if (group == null) {
                return WinError.ERROR_INVALID_PARAMETER;
            }
            if (property == Http.HttpServerBindingProperty) {
                if (!ServerProperties.fits(HttpBindingInfo.SIZE, propertyInformation, propertyInformationLength,
                        returnLength)) {
                    return ServerProperties.sizeError(propertyInformation, propertyInformationLength);
                }
                RequestQueueHandle first = group.queue == null || group.queue.handles.isEmpty() ? null
                        : group.queue.handles.get(0);
                HttpBindingInfo.setFlags(propertyInformation, first == null ? 0 : 1);
                HttpBindingInfo.setRequestQueueHandle(propertyInformation, first == null ? 0 : first.value);
                return WinError.NO_ERROR;
            }
            return ServerProperties.query(group.properties, property, propertyInformation, propertyInformationLength,
                    returnLength);
        }
    }

    // ---- request queues

    @Override
    public int HttpCreateRequestQueue(int version, String name, long securityAttributes, int flags,
                                      long requestQueueHandleOut) {
        if (version != VERSION_2_0) {
            return WinError.ERROR_REVISION_MISMATCH;
        }
        if (requestQueueHandleOut == 0 || (flags & ~KNOWN_QUEUE_FLAGS) != 0) {
            return WinError.ERROR_INVALID_PARAMETER;
        }
        boolean openExisting = (flags & Http.HTTP_CREATE_REQUEST_QUEUE_FLAG_OPEN_EXISTING) != 0;
        // "This parameter must be NULL when opening an existing request queue" (HttpCreateRequestQueue).
        QueueSecurity security = securityAttributes == 0 ? QueueSecurity.TOKEN_DEFAULT
                : openExisting ? null : EmulatedSecurityDescriptorApi.read(securityAttributes);
        if (security == null) {
            return WinError.ERROR_INVALID_PARAMETER;
        }
        String caller = EmulatedIdentity.current();
        String key = name == null ? null : name.toLowerCase(Locale.ROOT);
        synchronized (kernel) {
            RequestQueue queue;
            if (openExisting) {
                queue = key == null ? null : namedQueues.get(key);
                if (queue == null) {
                    return key == null ? WinError.ERROR_INVALID_PARAMETER : WinError.ERROR_FILE_NOT_FOUND;
                }
                // The documented refusal of a caller its descriptor does not grant.
                if (!queue.security.allows(caller, queue.owner)) {
                    return WinError.ERROR_ACCESS_DENIED;
                }
            } else {
                if (key != null && namedQueues.containsKey(key)) {
                    return WinError.ERROR_ALREADY_EXISTS;
                }
                queue = new RequestQueue(name);
                queue.security = security;
                queue.owner = caller;
                if (key != null) {
                    namedQueues.put(key, queue);
                }
            }
            long value = kernel.handles().newValue(HandleTable.HANDLE_TAG);
            RequestQueueHandle handle = new RequestQueueHandle(queue, value);
            kernel.handles().put(value, handle);
            queue.handles.add(handle);
            NativeAccess.putLong(requestQueueHandleOut, value);
        }
        return WinError.NO_ERROR;
    }

    @Override
    public int HttpCloseRequestQueue(long requestQueueHandle) {
        List<KernelRequest> dropped = List.of();
        synchronized (kernel) {
            RequestQueueHandle handle = kernel.queueHandle(requestQueueHandle);
            if (handle == null) {
                return WinError.ERROR_INVALID_HANDLE;
            }
            kernel.handles().remove(requestQueueHandle);
            RequestQueue queue = handle.queue;
            queue.abortReceives(handle);
            for (PendingIo op : handle.markClosed()) {
                op.abort(NtStatus.STATUS_CANCELLED);
            }
            queue.handles.remove(handle);
            if (queue.handles.isEmpty()) {
                if (queue.name != null) {
                    namedQueues.remove(queue.name.toLowerCase(Locale.ROOT), queue);
                }
                dropped = queue.close();
            }
            dropRequests(dropped);
        }
        return WinError.NO_ERROR;
    }

    @Override
    public int HttpShutdownRequestQueue(long requestQueueHandle) {
        synchronized (kernel) {
            RequestQueueHandle handle = kernel.queueHandle(requestQueueHandle);
            if (handle == null) {
                // Documented: ERROR_INVALID_PARAMETER when the handle is no request queue.
                return WinError.ERROR_INVALID_PARAMETER;
            }
            List<KernelRequest> cancelled = handle.queue.shutdown();
            kernel.goAway(handle.queue);
            for (RequestQueueHandle each : handle.queue.handles) {
                for (PendingIo op : each.inFlight(0)) {
                    // Sends in progress complete normally; receives, body reads and disconnect waits end.
                    if (!op.isSend()) {
                        op.abort(NtStatus.STATUS_CANCELLED);
                    }
                }
            }
            dropRequests(cancelled);
        }
        return WinError.NO_ERROR;
    }

    /** Requests of a queue that went away: their connections are reset, as nobody will answer them. */
    private static void dropRequests(List<KernelRequest> dropped) {
        for (KernelRequest request : dropped) {
            request.connectionLost();
            request.connection.abort();
        }
    }

    @Override
    public int HttpSetRequestQueueProperty(long requestQueueHandle, int property, long propertyInformation,
                                           int propertyInformationLength, int reserved1, long reserved2) {
        synchronized (kernel) {
            RequestQueueHandle handle = kernel.queueHandle(requestQueueHandle);
            if (handle == null) {
                return WinError.ERROR_INVALID_HANDLE;
            }
            if (propertyInformation == 0 || propertyInformationLength != 4 || reserved1 != 0 || reserved2 != 0) {
                return WinError.ERROR_INVALID_PARAMETER;
            }
            int value = NativeAccess.getInt(propertyInformation);
            RequestQueue queue = handle.queue;
            switch (property) {
                case Http.HttpServerQueueLengthProperty -> {
                    if (value < 1 || value > MAX_QUEUE_LENGTH) {
                        return WinError.ERROR_INVALID_PARAMETER;
                    }
                    queue.queueLength = value;
                }
                case Http.HttpServer503VerbosityProperty -> {
                    if (value < Http.Http503ResponseVerbosityBasic || value > Http.Http503ResponseVerbosityFull) {
                        return WinError.ERROR_INVALID_PARAMETER;
                    }
                    queue.verbosity = value;
                }
                case Http.HttpServerStateProperty -> {
                    if (value != Http.HttpEnabledStateActive && value != Http.HttpEnabledStateInactive) {
                        return WinError.ERROR_INVALID_PARAMETER;
                    }
                    queue.state = value;
                }
                default -> {
                    return WinError.ERROR_INVALID_PARAMETER;
                }
            }
            return WinError.NO_ERROR;
        }
    }

    @Override
    public int HttpQueryRequestQueueProperty(long requestQueueHandle, int property, long propertyInformation,
                                             int propertyInformationLength, int reserved1, long returnLength,
                                             long reserved2) {
        synchronized (kernel) {
            RequestQueueHandle handle = kernel.queueHandle(requestQueueHandle);
            if (handle == null) {
                return WinError.ERROR_INVALID_HANDLE;
            }
            RequestQueue queue = handle.queue;
            int value;
            switch (property) {
                case Http.HttpServerQueueLengthProperty -> value = queue.queueLength;
                case Http.HttpServer503VerbosityProperty -> value = queue.verbosity;
                case Http.HttpServerStateProperty -> value = queue.state;
                default -> {
                    return WinError.ERROR_INVALID_PARAMETER;
                }
            }
            if (!ServerProperties.fits(4, propertyInformation, propertyInformationLength, returnLength)) {
                return ServerProperties.sizeError(propertyInformation, propertyInformationLength);
            }
            NativeAccess.putInt(propertyInformation, value);
            return WinError.NO_ERROR;
        }
    }

    // ---- receiving

    @Override
    public int HttpReceiveHttpRequest(long requestQueueHandle, long requestId, int flags, long requestBuffer,
                                      int requestBufferLength, long bytesReturned, long overlapped) {
        PendingIo wait;
        RequestQueueHandle handle;
        KernelRequest.Delivery delivery;
        synchronized (kernel) {
            handle = kernel.queueHandle(requestQueueHandle);
            if (handle == null) {
                return WinError.ERROR_INVALID_HANDLE;
            }
            if ((flags & ~KNOWN_RECEIVE_FLAGS) != 0 || requestBuffer == 0) {
                return WinError.ERROR_INVALID_PARAMETER;
            }
            RequestQueue queue = handle.queue;
            if (requestId != Http.HTTP_NULL_ID) {
                KernelRequest request = queue.request(requestId);
                if (request == null || !request.isLive()) {
                    return WinError.ERROR_CONNECTION_INVALID;
                }
                if (requestBufferLength < RequestMarshaller.HTTP_REQUEST_V1_SIZE) {
                    return WinError.ERROR_INSUFFICIENT_BUFFER;
                }
                delivery = request.prepareDelivery(flags, requestBuffer, requestBufferLength);
                wait = null;
            } else {
                if (queue.isShutdown()) {
                    return WinError.ERROR_OPERATION_ABORTED;
                }
                if (requestBufferLength < RequestMarshaller.HTTP_REQUEST_V1_SIZE) {
                    return WinError.ERROR_INSUFFICIENT_BUFFER;
                }
                delivery = queue.takeWaiting(flags, requestBuffer, requestBufferLength);
                wait = null;
                if (delivery == null) {
                    wait = PendingIo.start(handle, overlapped);
                    queue.park(new ReceiveOp(wait, flags, requestBuffer, requestBufferLength));
                }
            }
        }
        if (delivery != null) {
            long[] result = delivery.marshal();
            synchronized (kernel) {
                delivery.settle();
            }
            return finishInline(handle, result, bytesReturned, overlapped);
        }
        return overlapped != 0 ? WinError.ERROR_IO_PENDING : wait.awaitSynchronous(bytesReturned);
    }

    /**
     * Ends a call that completed inside itself. A success or a warning (STATUS_BUFFER_OVERFLOW: ERROR_MORE_DATA,
     * with the size needed as its byte count) writes {@code *bytes} and the OVERLAPPED, and posts a packet only
     * when the handle does not skip them; an error (STATUS_END_OF_FILE) writes and posts nothing.
     */
    private static int finishInline(KernelHandle handle, long[] result, long bytesOut, long overlapped) {
        int status = (int) result[0];
        if (!NtStatus.isError(status) && bytesOut != 0) {
            NativeAccess.putInt(bytesOut, (int) result[1]);
        }
        PendingIo.completeInline(handle, overlapped, status, result[1]);
        return NtStatusTable.toWin32(status);
    }

    @Override
    public int HttpReceiveRequestEntityBody(long requestQueueHandle, long requestId, int flags, long entityBuffer,
                                            int entityBufferLength, long bytesReturned, long overlapped) {
        PendingIo wait;
        RequestQueueHandle handle;
        KernelRequest.Taken now;
        synchronized (kernel) {
            handle = kernel.queueHandle(requestQueueHandle);
            if (handle == null) {
                return WinError.ERROR_INVALID_HANDLE;
            }
            KernelRequest request = requestId == Http.HTTP_NULL_ID ? null : handle.queue.request(requestId);
            if (request == null || !request.isLive()) {
                return WinError.ERROR_CONNECTION_INVALID;
            }
            if ((flags & ~Http.HTTP_RECEIVE_REQUEST_ENTITY_BODY_FLAG_FILL_BUFFER) != 0 || entityBuffer == 0
                    || entityBufferLength <= 0) {
                return WinError.ERROR_INVALID_PARAMETER;
            }
            boolean fill = (flags & Http.HTTP_RECEIVE_REQUEST_ENTITY_BODY_FLAG_FILL_BUFFER) != 0;
            now = request.readBody(new BodyRead(null, entityBuffer, entityBufferLength, fill), false);
            wait = null;
            if (now == null) {
                wait = PendingIo.start(handle, overlapped);
                request.readBody(new BodyRead(wait, entityBuffer, entityBufferLength, fill), true);
            }
        }
        if (now != null) {
            // Copied outside the kernel lock: the bytes were taken out of the body buffer under it.
            int copied = now.copyTo(entityBuffer);
            if (now.status() == NtStatusTable.STATUS_END_OF_FILE && bytesReturned != 0) {
                // Windows 10 and later zero *BytesReturned at the end of the body.
                NativeAccess.putInt(bytesReturned, 0);
            }
            return finishInline(handle, new long[] {now.status(), copied}, bytesReturned, overlapped);
        }
        return overlapped != 0 ? WinError.ERROR_IO_PENDING : wait.awaitSynchronous(bytesReturned);
    }

    // ---- sending

    @Override
    public int HttpSendHttpResponse(long requestQueueHandle, long requestId, int flags, long httpResponse,
                                    long cachePolicy, long bytesSent, long reserved1, int reserved2,
                                    long overlapped, long logData) {
        RequestQueueHandle handle;
        synchronized (kernel) {
            handle = kernel.queueHandle(requestQueueHandle);
        }
        if (handle == null) {
            return WinError.ERROR_INVALID_HANDLE;
        }
        return sender.sendHttpResponse(handle, requestId, flags, httpResponse, cachePolicy, bytesSent, overlapped);
    }

    @Override
    public int HttpSendResponseEntityBody(long requestQueueHandle, long requestId, int flags,
                                          short entityChunkCount, long entityChunks, long bytesSent,
                                          long reserved1, int reserved2, long overlapped, long logData) {
        RequestQueueHandle handle;
        synchronized (kernel) {
            handle = kernel.queueHandle(requestQueueHandle);
        }
        if (handle == null) {
            return WinError.ERROR_INVALID_HANDLE;
        }
        return sender.sendResponseEntityBody(handle, requestId, flags, entityChunkCount & 0xFFFF, entityChunks,
                bytesSent, overlapped);
    }

    // ---- lifetime

    @Override
    public int HttpCancelHttpRequest(long requestQueueHandle, long requestId, long overlapped) {
        synchronized (kernel) {
            RequestQueueHandle handle = kernel.queueHandle(requestQueueHandle);
            if (handle == null) {
                return WinError.ERROR_INVALID_HANDLE;
            }
            KernelRequest request = handle.queue.request(requestId);
            if (request == null || !request.isLive()) {
                return WinError.ERROR_CONNECTION_INVALID;
            }
            request.connectionLost();
            request.connection.abort();
            PendingIo.completeInline(handle, overlapped, NtStatus.STATUS_SUCCESS, 0);
        }
        return WinError.NO_ERROR;
    }

    @Override
    public int HttpWaitForDisconnect(long requestQueueHandle, long connectionId, long overlapped) {
        return waitForDisconnect(requestQueueHandle, connectionId, overlapped);
    }

    @Override
    public int HttpWaitForDisconnectEx(long requestQueueHandle, long connectionId, int reserved, long overlapped) {
        if (reserved != 0) {
            return WinError.ERROR_INVALID_PARAMETER;
        }
        return waitForDisconnect(requestQueueHandle, connectionId, overlapped);
    }

    private int waitForDisconnect(long requestQueueHandle, long connectionId, long overlapped) {
        PendingIo wait;
        synchronized (kernel) {
            RequestQueueHandle handle = kernel.queueHandle(requestQueueHandle);
            if (handle == null) {
                return WinError.ERROR_INVALID_HANDLE;
            }
            KernelConnection connection = kernel.connection(connectionId);
            if (connection == null) {
                return WinError.ERROR_CONNECTION_INVALID;
            }
            wait = PendingIo.start(handle, overlapped).markUncancellable();
            if (!connection.waitForDisconnect(wait)) {
                wait.claim();
                return WinError.ERROR_CONNECTION_INVALID;
            }
        }
        return overlapped != 0 ? WinError.ERROR_IO_PENDING : wait.awaitSynchronous(0);
    }

    @Override
    public int HttpFlushResponseCache(long requestQueueHandle, String urlPrefix, int flags, long overlapped) {
        synchronized (kernel) {
            RequestQueueHandle handle = kernel.queueHandle(requestQueueHandle);
            if (handle == null) {
                return WinError.ERROR_INVALID_HANDLE;
            }
            // "The application must previously have called HttpAddUrl, or HttpAddUrlToUrlGroup to add this
            // UrlPrefix or a valid prefix of it to the request queue in question" (HttpFlushResponseCache docs),
            // and the cache flushed is the one "associated with a given request queue". Any other prefix is
            // ERROR_INVALID_PARAMETER, the one error the docs list.
            UrlPrefix prefix = UrlPrefix.parse(urlPrefix);
            if (prefix == null || (flags & ~Http.HTTP_FLUSH_RESPONSE_FLAG_RECURSIVE) != 0
                    || !kernel.registry().covers(handle.queue, prefix)) {
                return WinError.ERROR_INVALID_PARAMETER;
            }
            kernel.cache().flush(handle.queue, prefix, (flags & Http.HTTP_FLUSH_RESPONSE_FLAG_RECURSIVE) != 0);
            PendingIo.completeInline(handle, overlapped, NtStatus.STATUS_SUCCESS, 0);
        }
        return WinError.NO_ERROR;
    }

    @Override
    public int HttpReceiveClientCertificate(long requestQueueHandle, long connectionId, int flags,
                                            long sslClientCertInfo, int sslClientCertInfoSize, long bytesReceived,
                                            long overlapped) {
        return ClientCertificateNegotiation.httpReceiveClientCertificate(kernel, requestQueueHandle, connectionId,
                flags, sslClientCertInfo, sslClientCertInfoSize, bytesReceived, overlapped);
    }

    // ---- service configuration (netsh http): the emulator's configuration store

    @Override
    public int HttpSetServiceConfiguration(long serviceHandle, int configId, long configInformation,
                                           int configInformationLength, long overlapped) {
        if (serviceHandle != 0) {
            // Documented: ERROR_INVALID_HANDLE for a ServiceHandle other than the reserved zero.
            return WinError.ERROR_INVALID_HANDLE;
        }
        if (overlapped != 0) {
            return WinError.ERROR_INVALID_PARAMETER;
        }
        return kernel.serviceConfig().set(configId, configInformation, configInformationLength);
    }

    @Override
    public int HttpDeleteServiceConfiguration(long serviceHandle, int configId, long configInformation,
                                              int configInformationLength, long overlapped) {
        if (serviceHandle != 0 || overlapped != 0) {
            return WinError.ERROR_INVALID_PARAMETER;
        }
        return kernel.serviceConfig().delete(configId, configInformation, configInformationLength);
    }

    @Override
    public int HttpQueryServiceConfiguration(long serviceHandle, int configId, long input, int inputLength,
                                             long output, int outputLength, long returnLength, long overlapped) {
        if (serviceHandle != 0 || overlapped != 0) {
            return WinError.ERROR_INVALID_PARAMETER;
        }
        return kernel.serviceConfig().query(configId, input, inputLength, output, outputLength, returnLength);
    }

    // ---- newer functions, not emulated

    @Override
    public int HttpDelegateRequestEx(long requestQueueHandle, long delegateQueueHandle, long requestId,
                                     long delegateUrlGroupId, int propertyInfoSetSize, long propertyInfoSet) {
        return WinError.ERROR_CALL_NOT_IMPLEMENTED;
    }

    @Override
    public int HttpQueryRequestProperty(long requestQueueHandle, long id, int propertyId, long qualifier,
                                        int qualifierSize, long output, int outputBufferLength, long bytesReturned,
                                        long overlapped) {
        return WinError.ERROR_CALL_NOT_IMPLEMENTED;
    }

    @Override
    public int HttpSetRequestProperty(long requestQueueHandle, long id, int propertyId, long input,
                                      int inputPropertySize, long overlapped) {
        return WinError.ERROR_CALL_NOT_IMPLEMENTED;
    }

    @Override
    public boolean HttpIsFeatureSupported(int featureId) {
        return KernelFeatures.isSupported(featureId);
    }

    @Override
    public boolean isDelegationSupported() {
        return false;
    }

    @Override
    public boolean isRequestPropertySupported() {
        return false;
    }
}
