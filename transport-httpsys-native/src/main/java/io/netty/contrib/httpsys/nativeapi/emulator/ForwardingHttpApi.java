package io.netty.contrib.httpsys.nativeapi.emulator;

import io.netty.contrib.httpsys.nativeapi.HttpApi;

/**
 * An {@link HttpApi} that passes every call on to another: the base of the emulator's wrappers, which
 * override only the functions they change.
 */
abstract class ForwardingHttpApi implements HttpApi {

    protected final HttpApi delegate;

    ForwardingHttpApi(HttpApi delegate) {
        this.delegate = delegate;
    }

    @Override
    public int HttpInitialize(int version, int flags, long reserved) {
        return delegate.HttpInitialize(version, flags, reserved);
    }

    @Override
    public int HttpTerminate(int flags, long reserved) {
        return delegate.HttpTerminate(flags, reserved);
    }

    @Override
    public int HttpCreateServerSession(int version, long serverSessionIdOut, int reserved) {
        return delegate.HttpCreateServerSession(version, serverSessionIdOut, reserved);
    }

    @Override
    public int HttpCloseServerSession(long serverSessionId) {
        return delegate.HttpCloseServerSession(serverSessionId);
    }

    @Override
    public int HttpSetServerSessionProperty(long serverSessionId, int property, long propertyInformation,
                                            int propertyInformationLength) {
        return delegate.HttpSetServerSessionProperty(serverSessionId, property, propertyInformation,
                propertyInformationLength);
    }

    @Override
    public int HttpQueryServerSessionProperty(long serverSessionId, int property, long propertyInformation,
                                              int propertyInformationLength, long returnLength) {
        return delegate.HttpQueryServerSessionProperty(serverSessionId, property, propertyInformation,
                propertyInformationLength, returnLength);
    }

    @Override
    public int HttpCreateUrlGroup(long serverSessionId, long urlGroupIdOut, int reserved) {
        return delegate.HttpCreateUrlGroup(serverSessionId, urlGroupIdOut, reserved);
    }

    @Override
    public int HttpCloseUrlGroup(long urlGroupId) {
        return delegate.HttpCloseUrlGroup(urlGroupId);
    }

    @Override
    public int HttpAddUrlToUrlGroup(long urlGroupId, String fullyQualifiedUrl, long urlContext, int reserved) {
        return delegate.HttpAddUrlToUrlGroup(urlGroupId, fullyQualifiedUrl, urlContext, reserved);
    }

    @Override
    public int HttpRemoveUrlFromUrlGroup(long urlGroupId, String fullyQualifiedUrl, int flags) {
        return delegate.HttpRemoveUrlFromUrlGroup(urlGroupId, fullyQualifiedUrl, flags);
    }

    @Override
    public int HttpSetUrlGroupProperty(long urlGroupId, int property, long propertyInformation,
                                       int propertyInformationLength) {
        return delegate.HttpSetUrlGroupProperty(urlGroupId, property, propertyInformation, propertyInformationLength);
    }

    @Override
    public int HttpQueryUrlGroupProperty(long urlGroupId, int property, long propertyInformation,
                                         int propertyInformationLength, long returnLength) {
        return delegate.HttpQueryUrlGroupProperty(urlGroupId, property, propertyInformation,
                propertyInformationLength, returnLength);
    }

    @Override
    public int HttpCreateRequestQueue(int version, String name, long securityAttributes, int flags,
                                      long requestQueueHandleOut) {
        return delegate.HttpCreateRequestQueue(version, name, securityAttributes, flags, requestQueueHandleOut);
    }

    @Override
    public int HttpCloseRequestQueue(long requestQueueHandle) {
        return delegate.HttpCloseRequestQueue(requestQueueHandle);
    }

    @Override
    public int HttpShutdownRequestQueue(long requestQueueHandle) {
        return delegate.HttpShutdownRequestQueue(requestQueueHandle);
    }

    @Override
    public int HttpSetRequestQueueProperty(long requestQueueHandle, int property, long propertyInformation,
                                           int propertyInformationLength, int reserved1, long reserved2) {
        return delegate.HttpSetRequestQueueProperty(requestQueueHandle, property, propertyInformation,
                propertyInformationLength, reserved1, reserved2);
    }

    @Override
    public int HttpQueryRequestQueueProperty(long requestQueueHandle, int property, long propertyInformation,
                                             int propertyInformationLength, int reserved1, long returnLength,
                                             long reserved2) {
        return delegate.HttpQueryRequestQueueProperty(requestQueueHandle, property, propertyInformation,
                propertyInformationLength, reserved1, returnLength, reserved2);
    }

    @Override
    public int HttpReceiveHttpRequest(long requestQueueHandle, long requestId, int flags, long requestBuffer,
                                      int requestBufferLength, long bytesReturned, long overlapped) {
        return delegate.HttpReceiveHttpRequest(requestQueueHandle, requestId, flags, requestBuffer,
                requestBufferLength, bytesReturned, overlapped);
    }

    @Override
    public int HttpReceiveRequestEntityBody(long requestQueueHandle, long requestId, int flags, long entityBuffer,
                                            int entityBufferLength, long bytesReturned, long overlapped) {
        return delegate.HttpReceiveRequestEntityBody(requestQueueHandle, requestId, flags, entityBuffer,
                entityBufferLength, bytesReturned, overlapped);
    }

    @Override
    public int HttpSendHttpResponse(long requestQueueHandle, long requestId, int flags, long httpResponse,
                                    long cachePolicy, long bytesSent, long reserved1, int reserved2, long overlapped,
                                    long logData) {
        return delegate.HttpSendHttpResponse(requestQueueHandle, requestId, flags, httpResponse, cachePolicy,
                bytesSent, reserved1, reserved2, overlapped, logData);
    }

    @Override
    public int HttpSendResponseEntityBody(long requestQueueHandle, long requestId, int flags, short entityChunkCount,
                                          long entityChunks, long bytesSent, long reserved1, int reserved2,
                                          long overlapped, long logData) {
        return delegate.HttpSendResponseEntityBody(requestQueueHandle, requestId, flags, entityChunkCount,
                entityChunks, bytesSent, reserved1, reserved2, overlapped, logData);
    }

    @Override
    public int HttpCancelHttpRequest(long requestQueueHandle, long requestId, long overlapped) {
        return delegate.HttpCancelHttpRequest(requestQueueHandle, requestId, overlapped);
    }

    @Override
    public int HttpWaitForDisconnect(long requestQueueHandle, long connectionId, long overlapped) {
        return delegate.HttpWaitForDisconnect(requestQueueHandle, connectionId, overlapped);
    }

    @Override
    public int HttpWaitForDisconnectEx(long requestQueueHandle, long connectionId, int reserved, long overlapped) {
        return delegate.HttpWaitForDisconnectEx(requestQueueHandle, connectionId, reserved, overlapped);
    }

    @Override
    public int HttpFlushResponseCache(long requestQueueHandle, String urlPrefix, int flags, long overlapped) {
        return delegate.HttpFlushResponseCache(requestQueueHandle, urlPrefix, flags, overlapped);
    }

    @Override
    public int HttpReceiveClientCertificate(long requestQueueHandle, long connectionId, int flags,
                                            long sslClientCertInfo, int sslClientCertInfoSize, long bytesReceived,
                                            long overlapped) {
        return delegate.HttpReceiveClientCertificate(requestQueueHandle, connectionId, flags, sslClientCertInfo,
                sslClientCertInfoSize, bytesReceived, overlapped);
    }

    @Override
    public int HttpSetServiceConfiguration(long serviceHandle, int configId, long configInformation,
                                           int configInformationLength, long overlapped) {
        return delegate.HttpSetServiceConfiguration(serviceHandle, configId, configInformation,
                configInformationLength, overlapped);
    }

    @Override
    public int HttpDeleteServiceConfiguration(long serviceHandle, int configId, long configInformation,
                                              int configInformationLength, long overlapped) {
        return delegate.HttpDeleteServiceConfiguration(serviceHandle, configId, configInformation,
                configInformationLength, overlapped);
    }

    @Override
    public int HttpQueryServiceConfiguration(long serviceHandle, int configId, long input, int inputLength,
                                             long output, int outputLength, long returnLength, long overlapped) {
        return delegate.HttpQueryServiceConfiguration(serviceHandle, configId, input, inputLength, output,
                outputLength, returnLength, overlapped);
    }

    @Override
    public int HttpDelegateRequestEx(long requestQueueHandle, long delegateQueueHandle, long requestId,
                                     long delegateUrlGroupId, int propertyInfoSetSize, long propertyInfoSet) {
        return delegate.HttpDelegateRequestEx(requestQueueHandle, delegateQueueHandle, requestId, delegateUrlGroupId,
                propertyInfoSetSize, propertyInfoSet);
    }

    @Override
    public int HttpQueryRequestProperty(long requestQueueHandle, long id, int propertyId, long qualifier,
                                        int qualifierSize, long output, int outputBufferLength, long bytesReturned,
                                        long overlapped) {
        return delegate.HttpQueryRequestProperty(requestQueueHandle, id, propertyId, qualifier, qualifierSize, output,
                outputBufferLength, bytesReturned, overlapped);
    }

    @Override
    public int HttpSetRequestProperty(long requestQueueHandle, long id, int propertyId, long input,
                                      int inputPropertySize, long overlapped) {
        return delegate.HttpSetRequestProperty(requestQueueHandle, id, propertyId, input, inputPropertySize,
                overlapped);
    }

    @Override
    public boolean HttpIsFeatureSupported(int featureId) {
        return delegate.HttpIsFeatureSupported(featureId);
    }

    @Override
    public boolean isDelegationSupported() {
        return delegate.isDelegationSupported();
    }

    @Override
    public boolean isRequestPropertySupported() {
        return delegate.isRequestPropertySupported();
    }
}
