package io.netty.contrib.httpsys.nativeapi.windows;

import io.netty.contrib.httpsys.nativeapi.HttpApi;
import io.netty.contrib.httpsys.nativeapi.WinError;

import java.lang.foreign.Arena;
import java.lang.foreign.Linker;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;

import static io.netty.contrib.httpsys.nativeapi.windows.ForeignCalls.rethrow;
import static io.netty.contrib.httpsys.nativeapi.windows.ForeignCalls.wide;

/**
 * {@link HttpApi} bound to the real {@code httpapi.dll} through {@code java.lang.foreign} (JDK 22 and later):
 * each function is a downcall method handle held in a {@code static final} field, which the JIT treats as a
 * constant and compiles to a direct native call, without JNI's per-call work. The descriptors are those of
 * {@link ForeignSignatures}.
 *
 * <p>Every HTTP Server API function returns its Win32 error code and sets no last error, so no call captures
 * state. Optional exports are looked up like {@link WindowsHttpApi} does: a function that this
 * {@code httpapi.dll} lacks has no handle, and its method returns {@link WinError#ERROR_PROC_NOT_FOUND}.
 * Chosen by {@link WindowsBinding}; {@link #load()} is its entry point.
 */
@SuppressWarnings("restricted") // linking native functions is what this class is for
final class ForeignHttpApi implements HttpApi {

    private static final Linker LINKER = Linker.nativeLinker();
    // Loaded for the JVM's lifetime, as JNA keeps its NativeLibrary: the server may call it until exit.
    private static final SymbolLookup HTTPAPI = SymbolLookup.libraryLookup("httpapi", Arena.global());

    private static final MethodHandle HTTP_INITIALIZE = required("HttpInitialize");
    private static final MethodHandle HTTP_TERMINATE = required("HttpTerminate");
    private static final MethodHandle HTTP_CREATE_SERVER_SESSION = required("HttpCreateServerSession");
    private static final MethodHandle HTTP_CLOSE_SERVER_SESSION = required("HttpCloseServerSession");
    private static final MethodHandle HTTP_SET_SERVER_SESSION_PROPERTY = required("HttpSetServerSessionProperty");
    private static final MethodHandle HTTP_QUERY_SERVER_SESSION_PROPERTY =
            required("HttpQueryServerSessionProperty");
    private static final MethodHandle HTTP_CREATE_URL_GROUP = required("HttpCreateUrlGroup");
    private static final MethodHandle HTTP_CLOSE_URL_GROUP = required("HttpCloseUrlGroup");
    private static final MethodHandle HTTP_ADD_URL_TO_URL_GROUP = required("HttpAddUrlToUrlGroup");
    private static final MethodHandle HTTP_REMOVE_URL_FROM_URL_GROUP = required("HttpRemoveUrlFromUrlGroup");
    private static final MethodHandle HTTP_SET_URL_GROUP_PROPERTY = required("HttpSetUrlGroupProperty");
    private static final MethodHandle HTTP_QUERY_URL_GROUP_PROPERTY = required("HttpQueryUrlGroupProperty");
    private static final MethodHandle HTTP_CREATE_REQUEST_QUEUE = required("HttpCreateRequestQueue");
    private static final MethodHandle HTTP_CLOSE_REQUEST_QUEUE = required("HttpCloseRequestQueue");
    private static final MethodHandle HTTP_SHUTDOWN_REQUEST_QUEUE = required("HttpShutdownRequestQueue");
    private static final MethodHandle HTTP_SET_REQUEST_QUEUE_PROPERTY = required("HttpSetRequestQueueProperty");
    private static final MethodHandle HTTP_QUERY_REQUEST_QUEUE_PROPERTY =
            required("HttpQueryRequestQueueProperty");
    private static final MethodHandle HTTP_RECEIVE_HTTP_REQUEST = required("HttpReceiveHttpRequest");
    private static final MethodHandle HTTP_RECEIVE_REQUEST_ENTITY_BODY = required("HttpReceiveRequestEntityBody");
    private static final MethodHandle HTTP_SEND_HTTP_RESPONSE = required("HttpSendHttpResponse");
    private static final MethodHandle HTTP_SEND_RESPONSE_ENTITY_BODY = required("HttpSendResponseEntityBody");
    private static final MethodHandle HTTP_CANCEL_HTTP_REQUEST = required("HttpCancelHttpRequest");
    private static final MethodHandle HTTP_WAIT_FOR_DISCONNECT = required("HttpWaitForDisconnect");
    private static final MethodHandle HTTP_WAIT_FOR_DISCONNECT_EX = required("HttpWaitForDisconnectEx");
    private static final MethodHandle HTTP_FLUSH_RESPONSE_CACHE = required("HttpFlushResponseCache");
    private static final MethodHandle HTTP_RECEIVE_CLIENT_CERTIFICATE = required("HttpReceiveClientCertificate");
    private static final MethodHandle HTTP_SET_SERVICE_CONFIGURATION = required("HttpSetServiceConfiguration");
    private static final MethodHandle HTTP_DELETE_SERVICE_CONFIGURATION =
            required("HttpDeleteServiceConfiguration");
    private static final MethodHandle HTTP_QUERY_SERVICE_CONFIGURATION = required("HttpQueryServiceConfiguration");
    private static final MethodHandle HTTP_DELEGATE_REQUEST_EX = optional("HttpDelegateRequestEx");
    private static final MethodHandle HTTP_QUERY_REQUEST_PROPERTY = optional("HttpQueryRequestProperty");
    private static final MethodHandle HTTP_SET_REQUEST_PROPERTY = optional("HttpSetRequestProperty");
    private static final MethodHandle HTTP_IS_FEATURE_SUPPORTED = optional("HttpIsFeatureSupported");

    private ForeignHttpApi() {
    }

    /**
     * Links every function; called reflectively by {@link WindowsBinding}, once per JVM.
     *
     * @throws ExceptionInInitializerError when {@code httpapi.dll} or a function every supported Windows exports
     *         is missing
     */
    static HttpApi load() {
        return new ForeignHttpApi();
    }

    private static MethodHandle required(String name) {
        return LINKER.downcallHandle(HTTPAPI.find(name).orElseThrow(
                () -> new UnsatisfiedLinkError("httpapi.dll does not export " + name)),
                ForeignSignatures.HTTP_API.get(name));
    }

    private static MethodHandle optional(String name) {
        return HTTPAPI.find(name)
                .map(symbol -> LINKER.downcallHandle(symbol, ForeignSignatures.HTTP_API.get(name)))
                .orElse(null);
    }

    @Override
    public int HttpInitialize(int version, int flags, long reserved) {
        try {
            return (int) HTTP_INITIALIZE.invokeExact(version, flags, reserved);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int HttpTerminate(int flags, long reserved) {
        try {
            return (int) HTTP_TERMINATE.invokeExact(flags, reserved);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int HttpCreateServerSession(int version, long serverSessionIdOut, int reserved) {
        try {
            return (int) HTTP_CREATE_SERVER_SESSION.invokeExact(version, serverSessionIdOut, reserved);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int HttpCloseServerSession(long serverSessionId) {
        try {
            return (int) HTTP_CLOSE_SERVER_SESSION.invokeExact(serverSessionId);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int HttpSetServerSessionProperty(long serverSessionId, int property, long propertyInformation,
                                            int propertyInformationLength) {
        try {
            return (int) HTTP_SET_SERVER_SESSION_PROPERTY.invokeExact(serverSessionId, property,
                    propertyInformation, propertyInformationLength);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int HttpQueryServerSessionProperty(long serverSessionId, int property, long propertyInformation,
                                              int propertyInformationLength, long returnLength) {
        try {
            return (int) HTTP_QUERY_SERVER_SESSION_PROPERTY.invokeExact(serverSessionId, property,
                    propertyInformation, propertyInformationLength, returnLength);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int HttpCreateUrlGroup(long serverSessionId, long urlGroupIdOut, int reserved) {
        try {
            return (int) HTTP_CREATE_URL_GROUP.invokeExact(serverSessionId, urlGroupIdOut, reserved);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int HttpCloseUrlGroup(long urlGroupId) {
        try {
            return (int) HTTP_CLOSE_URL_GROUP.invokeExact(urlGroupId);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int HttpAddUrlToUrlGroup(long urlGroupId, String fullyQualifiedUrl, long urlContext, int reserved) {
        try (Arena arena = Arena.ofConfined()) {
            return (int) HTTP_ADD_URL_TO_URL_GROUP.invokeExact(urlGroupId, wide(arena, fullyQualifiedUrl),
                    urlContext, reserved);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int HttpRemoveUrlFromUrlGroup(long urlGroupId, String fullyQualifiedUrl, int flags) {
        try (Arena arena = Arena.ofConfined()) {
            return (int) HTTP_REMOVE_URL_FROM_URL_GROUP.invokeExact(urlGroupId, wide(arena, fullyQualifiedUrl),
                    flags);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int HttpSetUrlGroupProperty(long urlGroupId, int property, long propertyInformation,
                                       int propertyInformationLength) {
        try {
            return (int) HTTP_SET_URL_GROUP_PROPERTY.invokeExact(urlGroupId, property, propertyInformation,
                    propertyInformationLength);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int HttpQueryUrlGroupProperty(long urlGroupId, int property, long propertyInformation,
                                         int propertyInformationLength, long returnLength) {
        try {
            return (int) HTTP_QUERY_URL_GROUP_PROPERTY.invokeExact(urlGroupId, property, propertyInformation,
                    propertyInformationLength, returnLength);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int HttpCreateRequestQueue(int version, String name, long securityAttributes, int flags,
                                      long requestQueueHandleOut) {
        try (Arena arena = Arena.ofConfined()) {
            return (int) HTTP_CREATE_REQUEST_QUEUE.invokeExact(version, wide(arena, name), securityAttributes,
                    flags, requestQueueHandleOut);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int HttpCloseRequestQueue(long requestQueueHandle) {
        try {
            return (int) HTTP_CLOSE_REQUEST_QUEUE.invokeExact(requestQueueHandle);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int HttpShutdownRequestQueue(long requestQueueHandle) {
        try {
            return (int) HTTP_SHUTDOWN_REQUEST_QUEUE.invokeExact(requestQueueHandle);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int HttpSetRequestQueueProperty(long requestQueueHandle, int property, long propertyInformation,
                                           int propertyInformationLength, int reserved1, long reserved2) {
        try {
            return (int) HTTP_SET_REQUEST_QUEUE_PROPERTY.invokeExact(requestQueueHandle, property,
                    propertyInformation, propertyInformationLength, reserved1, reserved2);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int HttpQueryRequestQueueProperty(long requestQueueHandle, int property, long propertyInformation,
                                             int propertyInformationLength, int reserved1, long returnLength,
                                             long reserved2) {
        try {
            return (int) HTTP_QUERY_REQUEST_QUEUE_PROPERTY.invokeExact(requestQueueHandle, property,
                    propertyInformation, propertyInformationLength, reserved1, returnLength, reserved2);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int HttpReceiveHttpRequest(long requestQueueHandle, long requestId, int flags, long requestBuffer,
                                      int requestBufferLength, long bytesReturned, long overlapped) {
        try {
            return (int) HTTP_RECEIVE_HTTP_REQUEST.invokeExact(requestQueueHandle, requestId, flags, requestBuffer,
                    requestBufferLength, bytesReturned, overlapped);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int HttpReceiveRequestEntityBody(long requestQueueHandle, long requestId, int flags, long entityBuffer,
                                            int entityBufferLength, long bytesReturned, long overlapped) {
        try {
            return (int) HTTP_RECEIVE_REQUEST_ENTITY_BODY.invokeExact(requestQueueHandle, requestId, flags,
                    entityBuffer, entityBufferLength, bytesReturned, overlapped);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int HttpSendHttpResponse(long requestQueueHandle, long requestId, int flags, long httpResponse,
                                    long cachePolicy, long bytesSent, long reserved1, int reserved2,
                                    long overlapped, long logData) {
        try {
            return (int) HTTP_SEND_HTTP_RESPONSE.invokeExact(requestQueueHandle, requestId, flags, httpResponse,
                    cachePolicy, bytesSent, reserved1, reserved2, overlapped, logData);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int HttpSendResponseEntityBody(long requestQueueHandle, long requestId, int flags,
                                          short entityChunkCount, long entityChunks, long bytesSent,
                                          long reserved1, int reserved2, long overlapped, long logData) {
        try {
            return (int) HTTP_SEND_RESPONSE_ENTITY_BODY.invokeExact(requestQueueHandle, requestId, flags,
                    entityChunkCount, entityChunks, bytesSent, reserved1, reserved2, overlapped, logData);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int HttpCancelHttpRequest(long requestQueueHandle, long requestId, long overlapped) {
        try {
            return (int) HTTP_CANCEL_HTTP_REQUEST.invokeExact(requestQueueHandle, requestId, overlapped);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int HttpWaitForDisconnect(long requestQueueHandle, long connectionId, long overlapped) {
        try {
            return (int) HTTP_WAIT_FOR_DISCONNECT.invokeExact(requestQueueHandle, connectionId, overlapped);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int HttpWaitForDisconnectEx(long requestQueueHandle, long connectionId, int reserved,
                                       long overlapped) {
        try {
            return (int) HTTP_WAIT_FOR_DISCONNECT_EX.invokeExact(requestQueueHandle, connectionId, reserved,
                    overlapped);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int HttpFlushResponseCache(long requestQueueHandle, String urlPrefix, int flags, long overlapped) {
        try (Arena arena = Arena.ofConfined()) {
            return (int) HTTP_FLUSH_RESPONSE_CACHE.invokeExact(requestQueueHandle, wide(arena, urlPrefix), flags,
                    overlapped);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int HttpReceiveClientCertificate(long requestQueueHandle, long connectionId, int flags,
                                            long sslClientCertInfo, int sslClientCertInfoSize,
                                            long bytesReceived, long overlapped) {
        try {
            return (int) HTTP_RECEIVE_CLIENT_CERTIFICATE.invokeExact(requestQueueHandle, connectionId, flags,
                    sslClientCertInfo, sslClientCertInfoSize, bytesReceived, overlapped);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int HttpSetServiceConfiguration(long serviceHandle, int configId, long configInformation,
                                           int configInformationLength, long overlapped) {
        try {
            return (int) HTTP_SET_SERVICE_CONFIGURATION.invokeExact(serviceHandle, configId, configInformation,
                    configInformationLength, overlapped);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int HttpDeleteServiceConfiguration(long serviceHandle, int configId, long configInformation,
                                              int configInformationLength, long overlapped) {
        try {
            return (int) HTTP_DELETE_SERVICE_CONFIGURATION.invokeExact(serviceHandle, configId, configInformation,
                    configInformationLength, overlapped);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int HttpQueryServiceConfiguration(long serviceHandle, int configId, long input, int inputLength,
                                             long output, int outputLength, long returnLength, long overlapped) {
        try {
            return (int) HTTP_QUERY_SERVICE_CONFIGURATION.invokeExact(serviceHandle, configId, input, inputLength,
                    output, outputLength, returnLength, overlapped);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int HttpDelegateRequestEx(long requestQueueHandle, long delegateQueueHandle, long requestId,
                                     long delegateUrlGroupId, int propertyInfoSetSize, long propertyInfoSet) {
        if (HTTP_DELEGATE_REQUEST_EX == null) {
            return WinError.ERROR_PROC_NOT_FOUND;
        }
        try {
            return (int) HTTP_DELEGATE_REQUEST_EX.invokeExact(requestQueueHandle, delegateQueueHandle, requestId,
                    delegateUrlGroupId, propertyInfoSetSize, propertyInfoSet);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int HttpQueryRequestProperty(long requestQueueHandle, long id, int propertyId, long qualifier,
                                        int qualifierSize, long output, int outputBufferLength,
                                        long bytesReturned, long overlapped) {
        if (!isRequestPropertySupported()) {
            return WinError.ERROR_PROC_NOT_FOUND;
        }
        try {
            return (int) HTTP_QUERY_REQUEST_PROPERTY.invokeExact(requestQueueHandle, id, propertyId, qualifier,
                    qualifierSize, output, outputBufferLength, bytesReturned, overlapped);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int HttpSetRequestProperty(long requestQueueHandle, long id, int propertyId, long input,
                                      int inputPropertySize, long overlapped) {
        if (!isRequestPropertySupported()) {
            return WinError.ERROR_PROC_NOT_FOUND;
        }
        try {
            return (int) HTTP_SET_REQUEST_PROPERTY.invokeExact(requestQueueHandle, id, propertyId, input,
                    inputPropertySize, overlapped);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public boolean HttpIsFeatureSupported(int featureId) {
        if (HTTP_IS_FEATURE_SUPPORTED == null) {
            return false;
        }
        try {
            return (int) HTTP_IS_FEATURE_SUPPORTED.invokeExact(featureId) != 0;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public boolean isDelegationSupported() {
        return HTTP_DELEGATE_REQUEST_EX != null;
    }

    /** Both functions or neither, as {@link WindowsHttpApi} registers them. */
    @Override
    public boolean isRequestPropertySupported() {
        return HTTP_QUERY_REQUEST_PROPERTY != null && HTTP_SET_REQUEST_PROPERTY != null;
    }
}
