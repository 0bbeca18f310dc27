package io.netty.contrib.httpsys.nativeapi;

/**
 * The functions of {@code httpapi.dll} (HTTP Server API version 2) that a production server uses, one
 * method per function, named and ordered as in the SDK's {@code http.h}.
 *
 * <p>Every function returns its Win32 error code ({@link WinError}); none of them sets the thread's
 * last error. Parameters are mapped for the x64 ABI: {@code HANDLE}, the 64-bit ids
 * ({@code HTTP_SERVER_SESSION_ID}, {@code HTTP_URL_GROUP_ID}, {@code HTTP_REQUEST_ID},
 * {@code HTTP_CONNECTION_ID}, {@code HTTP_URL_CONTEXT}) and every pointer are {@code long}s (a pointer
 * is a native address, {@code 0} for {@code NULL}); {@code ULONG} and enums are {@code int};
 * {@code HTTPAPI_VERSION} is passed by value as one 32-bit integer ({@link Http#HTTPAPI_VERSION_2}).
 * Wide strings ({@code PCWSTR}) are Java strings, {@code null} for {@code NULL}: no call that takes one
 * is on a per-request path.
 *
 * <p>Two implementations exist: the JNA binding of the real DLL (Windows only) and the user-mode
 * emulator, which writes and reads the same native structures. Code above this interface cannot tell
 * them apart.
 */
public interface HttpApi {

    /** {@code HttpInitialize(HTTPAPI_VERSION Version, ULONG Flags, PVOID pReserved)}. */
    int HttpInitialize(int version, int flags, long reserved);

    /** {@code HttpTerminate(ULONG Flags, PVOID pReserved)}. */
    int HttpTerminate(int flags, long reserved);

    /** {@code HttpCreateServerSession(HTTPAPI_VERSION, PHTTP_SERVER_SESSION_ID, ULONG Reserved)}. */
    int HttpCreateServerSession(int version, long serverSessionIdOut, int reserved);

    /** {@code HttpCloseServerSession(HTTP_SERVER_SESSION_ID)}. */
    int HttpCloseServerSession(long serverSessionId);

    /** {@code HttpSetServerSessionProperty(HTTP_SERVER_SESSION_ID, HTTP_SERVER_PROPERTY, PVOID, ULONG)}. */
    int HttpSetServerSessionProperty(long serverSessionId, int property, long propertyInformation,
                                     int propertyInformationLength);

    /** {@code HttpQueryServerSessionProperty(HTTP_SERVER_SESSION_ID, HTTP_SERVER_PROPERTY, PVOID, ULONG, PULONG)}. */
    int HttpQueryServerSessionProperty(long serverSessionId, int property, long propertyInformation,
                                       int propertyInformationLength, long returnLength);

    /** {@code HttpCreateUrlGroup(HTTP_SERVER_SESSION_ID, PHTTP_URL_GROUP_ID, ULONG Reserved)}. */
    int HttpCreateUrlGroup(long serverSessionId, long urlGroupIdOut, int reserved);

    /** {@code HttpCloseUrlGroup(HTTP_URL_GROUP_ID)}. */
    int HttpCloseUrlGroup(long urlGroupId);

    /** {@code HttpAddUrlToUrlGroup(HTTP_URL_GROUP_ID, PCWSTR pFullyQualifiedUrl, HTTP_URL_CONTEXT, ULONG Reserved)}. */
    int HttpAddUrlToUrlGroup(long urlGroupId, String fullyQualifiedUrl, long urlContext, int reserved);

    /** {@code HttpRemoveUrlFromUrlGroup(HTTP_URL_GROUP_ID, PCWSTR pFullyQualifiedUrl, ULONG Flags)}. */
    int HttpRemoveUrlFromUrlGroup(long urlGroupId, String fullyQualifiedUrl, int flags);

    /** {@code HttpSetUrlGroupProperty(HTTP_URL_GROUP_ID, HTTP_SERVER_PROPERTY, PVOID, ULONG)}. */
    int HttpSetUrlGroupProperty(long urlGroupId, int property, long propertyInformation,
                                int propertyInformationLength);

    /** {@code HttpQueryUrlGroupProperty(HTTP_URL_GROUP_ID, HTTP_SERVER_PROPERTY, PVOID, ULONG, PULONG)}. */
    int HttpQueryUrlGroupProperty(long urlGroupId, int property, long propertyInformation,
                                  int propertyInformationLength, long returnLength);

    /** {@code HttpCreateRequestQueue(HTTPAPI_VERSION, PCWSTR Name, PSECURITY_ATTRIBUTES, ULONG Flags, PHANDLE)}. */
    int HttpCreateRequestQueue(int version, String name, long securityAttributes, int flags,
                               long requestQueueHandleOut);

    /** {@code HttpCloseRequestQueue(HANDLE)}. */
    int HttpCloseRequestQueue(long requestQueueHandle);

    /** {@code HttpShutdownRequestQueue(HANDLE)}. */
    int HttpShutdownRequestQueue(long requestQueueHandle);

    /** {@code HttpSetRequestQueueProperty(HANDLE, HTTP_SERVER_PROPERTY, PVOID, ULONG, ULONG Reserved1, PVOID Reserved2)}. */
    int HttpSetRequestQueueProperty(long requestQueueHandle, int property, long propertyInformation,
                                    int propertyInformationLength, int reserved1, long reserved2);

    /** {@code HttpQueryRequestQueueProperty(HANDLE, HTTP_SERVER_PROPERTY, PVOID, ULONG, ULONG Reserved1, PULONG, PVOID Reserved2)}. */
    int HttpQueryRequestQueueProperty(long requestQueueHandle, int property, long propertyInformation,
                                      int propertyInformationLength, int reserved1, long returnLength,
                                      long reserved2);

    /** {@code HttpReceiveHttpRequest(HANDLE, HTTP_REQUEST_ID, ULONG Flags, PHTTP_REQUEST, ULONG, PULONG, LPOVERLAPPED)}. */
    int HttpReceiveHttpRequest(long requestQueueHandle, long requestId, int flags, long requestBuffer,
                               int requestBufferLength, long bytesReturned, long overlapped);

    /** {@code HttpReceiveRequestEntityBody(HANDLE, HTTP_REQUEST_ID, ULONG Flags, PVOID, ULONG, PULONG, LPOVERLAPPED)}. */
    int HttpReceiveRequestEntityBody(long requestQueueHandle, long requestId, int flags, long entityBuffer,
                                     int entityBufferLength, long bytesReturned, long overlapped);

    /**
     * {@code HttpSendHttpResponse(HANDLE, HTTP_REQUEST_ID, ULONG Flags, PHTTP_RESPONSE, PHTTP_CACHE_POLICY,
     * PULONG BytesSent, PVOID Reserved1, ULONG Reserved2, LPOVERLAPPED, PHTTP_LOG_DATA)}.
     */
    int HttpSendHttpResponse(long requestQueueHandle, long requestId, int flags, long httpResponse,
                             long cachePolicy, long bytesSent, long reserved1, int reserved2, long overlapped,
                             long logData);

    /**
     * {@code HttpSendResponseEntityBody(HANDLE, HTTP_REQUEST_ID, ULONG Flags, USHORT EntityChunkCount,
     * PHTTP_DATA_CHUNK, PULONG BytesSent, PVOID Reserved1, ULONG Reserved2, LPOVERLAPPED, PHTTP_LOG_DATA)}.
     */
    int HttpSendResponseEntityBody(long requestQueueHandle, long requestId, int flags, short entityChunkCount,
                                   long entityChunks, long bytesSent, long reserved1, int reserved2,
                                   long overlapped, long logData);

    /** {@code HttpCancelHttpRequest(HANDLE, HTTP_REQUEST_ID, LPOVERLAPPED)}. */
    int HttpCancelHttpRequest(long requestQueueHandle, long requestId, long overlapped);

    /** {@code HttpWaitForDisconnect(HANDLE, HTTP_CONNECTION_ID, LPOVERLAPPED)}. */
    int HttpWaitForDisconnect(long requestQueueHandle, long connectionId, long overlapped);

    /** {@code HttpWaitForDisconnectEx(HANDLE, HTTP_CONNECTION_ID, ULONG Reserved, LPOVERLAPPED)}. */
    int HttpWaitForDisconnectEx(long requestQueueHandle, long connectionId, int reserved, long overlapped);

    /** {@code HttpFlushResponseCache(HANDLE, PCWSTR pUrlPrefix, ULONG Flags, LPOVERLAPPED)}. */
    int HttpFlushResponseCache(long requestQueueHandle, String urlPrefix, int flags, long overlapped);

    /**
     * {@code HttpReceiveClientCertificate(HANDLE, HTTP_CONNECTION_ID, ULONG Flags, PHTTP_SSL_CLIENT_CERT_INFO,
     * ULONG, PULONG, LPOVERLAPPED)}.
     */
    int HttpReceiveClientCertificate(long requestQueueHandle, long connectionId, int flags,
                                     long sslClientCertInfo, int sslClientCertInfoSize, long bytesReceived,
                                     long overlapped);

    /** {@code HttpSetServiceConfiguration(HANDLE, HTTP_SERVICE_CONFIG_ID, PVOID, ULONG, LPOVERLAPPED)}. */
    int HttpSetServiceConfiguration(long serviceHandle, int configId, long configInformation,
                                    int configInformationLength, long overlapped);

    /** {@code HttpDeleteServiceConfiguration(HANDLE, HTTP_SERVICE_CONFIG_ID, PVOID, ULONG, LPOVERLAPPED)}. */
    int HttpDeleteServiceConfiguration(long serviceHandle, int configId, long configInformation,
                                       int configInformationLength, long overlapped);

    /**
     * {@code HttpQueryServiceConfiguration(HANDLE, HTTP_SERVICE_CONFIG_ID, PVOID pInput, ULONG, PVOID pOutput,
     * ULONG, PULONG, LPOVERLAPPED)}.
     */
    int HttpQueryServiceConfiguration(long serviceHandle, int configId, long input, int inputLength,
                                      long output, int outputLength, long returnLength, long overlapped);

    /**
     * {@code HttpDelegateRequestEx(HANDLE, HANDLE DelegateQueueHandle, HTTP_REQUEST_ID, HTTP_URL_GROUP_ID,
     * ULONG PropertyInfoSetSize, PHTTP_DELEGATE_REQUEST_PROPERTY_INFO)}. Absent on older Windows
     * (Microsoft documents it from build 20348, Windows Server 2022): check {@link #isDelegationSupported()}
     * first.
     */
    int HttpDelegateRequestEx(long requestQueueHandle, long delegateQueueHandle, long requestId,
                              long delegateUrlGroupId, int propertyInfoSetSize, long propertyInfoSet);

    /**
     * {@code HttpQueryRequestProperty(HANDLE, HTTP_OPAQUE_ID, HTTP_REQUEST_PROPERTY, PVOID Qualifier, ULONG,
     * PVOID Output, ULONG, PULONG, LPOVERLAPPED)}. Absent on older Windows: check
     * {@link #isRequestPropertySupported()} first.
     */
    int HttpQueryRequestProperty(long requestQueueHandle, long id, int propertyId, long qualifier,
                                 int qualifierSize, long output, int outputBufferLength, long bytesReturned,
                                 long overlapped);

    /**
     * {@code HttpSetRequestProperty(HANDLE, HTTP_OPAQUE_ID, HTTP_REQUEST_PROPERTY, PVOID, ULONG, LPOVERLAPPED)}.
     * Absent on older Windows: check {@link #isRequestPropertySupported()} first.
     */
    int HttpSetRequestProperty(long requestQueueHandle, long id, int propertyId, long input,
                               int inputPropertySize, long overlapped);

    /**
     * {@code BOOL HttpIsFeatureSupported(HTTP_FEATURE_ID FeatureId)}: whether this HTTP.SYS has an optional
     * feature ({@code Http.HttpFeature*}), such as {@code HttpFeatureResponseTrailers}. ASP.NET Core probes
     * response trailers this way (HttpSys {@code NativeInterop/HttpApi.cs}: {@code SupportsTrailers}). The
     * function itself is absent from older {@code httpapi.dll}s; then every feature is reported unsupported.
     */
    boolean HttpIsFeatureSupported(int featureId);

    /** Whether {@code HttpDelegateRequestEx} exists in this {@code httpapi.dll}. */
    boolean isDelegationSupported();

    /** Whether {@code HttpQueryRequestProperty} and {@code HttpSetRequestProperty} exist in this {@code httpapi.dll}. */
    boolean isRequestPropertySupported();
}
