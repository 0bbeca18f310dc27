package io.netty.contrib.httpsys.nativeapi.windows;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.WString;
import io.netty.contrib.httpsys.nativeapi.HttpApi;
import io.netty.contrib.httpsys.nativeapi.WinError;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * {@link HttpApi} bound to the real {@code httpapi.dll} through JNA direct mapping ({@link Native#register}),
 * which JNA documents as substantially faster than interface mapping: every call is one JNI transition with
 * primitive arguments, no proxy, no reflection, no per-call allocation except for the few {@code PCWSTR}s.
 *
 * <p>The exported functions are the {@code static native} methods of the nested {@code *Exports} classes;
 * the instance methods only adapt {@link String} to JNA's {@link WString} ({@code wchar_t*}, UTF-16 on Windows).
 * The x64 mapping is the one {@link HttpApi} describes; JNA maps Java {@code long}/{@code int}/{@code short}
 * to {@code sint64}/{@code sint32}/{@code sint16}, which is how the x64 ABI passes {@code HANDLE}/{@code ULONGLONG},
 * {@code ULONG} and {@code USHORT}.
 *
 * <p>Optional exports: {@link Native#register(Class, NativeLibrary)} looks every native method of a class up
 * in turn and throws {@link UnsatisfiedLinkError} at the first missing symbol, leaving that class partly
 * registered. So the functions that older Windows lacks live in their own classes, and each such class is
 * registered only after every one of its symbols was found ({@link NativeLibrary#getFunction(String)}).
 * When a function is absent its method returns {@link WinError#ERROR_PROC_NOT_FOUND} (127, what the Windows loader
 * reports for a missing export) rather than {@code ERROR_CALL_NOT_IMPLEMENTED} (120): 120 is also what a
 * present function may return for a feature the system has switched off, and the caller should be able to
 * tell "this {@code httpapi.dll} is too old" from that.
 */
final class WindowsHttpApi implements HttpApi {

    private static final String LIBRARY_NAME = "httpapi";

    private final boolean delegationSupported;
    private final boolean requestPropertySupported;
    private final boolean featureQuerySupported;

    private WindowsHttpApi(boolean delegationSupported, boolean requestPropertySupported,
                           boolean featureQuerySupported) {
        this.delegationSupported = delegationSupported;
        this.requestPropertySupported = requestPropertySupported;
        this.featureQuerySupported = featureQuerySupported;
    }

    /**
     * Loads {@code httpapi.dll} and registers its functions; call once per JVM.
     *
     * @throws UnsatisfiedLinkError when the DLL or one of the functions every supported Windows exports is missing
     */
    static WindowsHttpApi load() {
        NativeLibrary library = library();
        Native.register(Exports.class, library);
        boolean delegation = registerIfAllExported(DelegationExports.class, library);
        boolean requestProperty = registerIfAllExported(RequestPropertyExports.class, library);
        boolean featureQuery = registerIfAllExported(FeatureExports.class, library);
        return new WindowsHttpApi(delegation, requestProperty, featureQuery);
    }

    /**
     * Registers the {@code static native} methods of {@code exports} with {@code library} if the library exports
     * every one of them, and says whether it did; never throws for a missing symbol.
     */
    static boolean registerIfAllExported(Class<?> exports, NativeLibrary library) {
        for (Method method : exports.getDeclaredMethods()) {
            if (Modifier.isNative(method.getModifiers())) {
                try {
                    library.getFunction(method.getName());
                } catch (UnsatisfiedLinkError absent) {
                    return false;
                }
            }
        }
        Native.register(exports, library);
        return true;
    }

    /** {@code httpapi.dll}, loaded once by JNA (later calls return the same instance). */
    static NativeLibrary library() {
        return NativeLibrary.getInstance(LIBRARY_NAME);
    }

    private static WString wide(String value) {
        return value == null ? null : new WString(value);
    }

    @Override
    public int HttpInitialize(int version, int flags, long reserved) {
        return Exports.HttpInitialize(version, flags, reserved);
    }

    @Override
    public int HttpTerminate(int flags, long reserved) {
        return Exports.HttpTerminate(flags, reserved);
    }

    @Override
    public int HttpCreateServerSession(int version, long serverSessionIdOut, int reserved) {
        return Exports.HttpCreateServerSession(version, serverSessionIdOut, reserved);
    }

    @Override
    public int HttpCloseServerSession(long serverSessionId) {
        return Exports.HttpCloseServerSession(serverSessionId);
    }

    @Override
    public int HttpSetServerSessionProperty(long serverSessionId, int property, long propertyInformation,
                                            int propertyInformationLength) {
        return Exports.HttpSetServerSessionProperty(serverSessionId, property, propertyInformation,
                propertyInformationLength);
    }

    @Override
    public int HttpQueryServerSessionProperty(long serverSessionId, int property, long propertyInformation,
                                              int propertyInformationLength, long returnLength) {
        return Exports.HttpQueryServerSessionProperty(serverSessionId, property, propertyInformation,
                propertyInformationLength, returnLength);
    }

    @Override
    public int HttpCreateUrlGroup(long serverSessionId, long urlGroupIdOut, int reserved) {
        return Exports.HttpCreateUrlGroup(serverSessionId, urlGroupIdOut, reserved);
    }

    @Override
    public int HttpCloseUrlGroup(long urlGroupId) {
        return Exports.HttpCloseUrlGroup(urlGroupId);
    }

    @Override
    public int HttpAddUrlToUrlGroup(long urlGroupId, String fullyQualifiedUrl, long urlContext, int reserved) {
        return Exports.HttpAddUrlToUrlGroup(urlGroupId, wide(fullyQualifiedUrl), urlContext, reserved);
    }

    @Override
    public int HttpRemoveUrlFromUrlGroup(long urlGroupId, String fullyQualifiedUrl, int flags) {
        return Exports.HttpRemoveUrlFromUrlGroup(urlGroupId, wide(fullyQualifiedUrl), flags);
    }

    @Override
    public int HttpSetUrlGroupProperty(long urlGroupId, int property, long propertyInformation,
                                       int propertyInformationLength) {
        return Exports.HttpSetUrlGroupProperty(urlGroupId, property, propertyInformation,
                propertyInformationLength);
    }

    @Override
    public int HttpQueryUrlGroupProperty(long urlGroupId, int property, long propertyInformation,
                                         int propertyInformationLength, long returnLength) {
        return Exports.HttpQueryUrlGroupProperty(urlGroupId, property, propertyInformation,
                propertyInformationLength, returnLength);
    }

    @Override
    public int HttpCreateRequestQueue(int version, String name, long securityAttributes, int flags,
                                      long requestQueueHandleOut) {
        return Exports.HttpCreateRequestQueue(version, wide(name), securityAttributes, flags,
                requestQueueHandleOut);
    }

    @Override
    public int HttpCloseRequestQueue(long requestQueueHandle) {
        return Exports.HttpCloseRequestQueue(requestQueueHandle);
    }

    @Override
    public int HttpShutdownRequestQueue(long requestQueueHandle) {
        return Exports.HttpShutdownRequestQueue(requestQueueHandle);
    }

    @Override
    public int HttpSetRequestQueueProperty(long requestQueueHandle, int property, long propertyInformation,
                                           int propertyInformationLength, int reserved1, long reserved2) {
        return Exports.HttpSetRequestQueueProperty(requestQueueHandle, property, propertyInformation,
                propertyInformationLength, reserved1, reserved2);
    }

    @Override
    public int HttpQueryRequestQueueProperty(long requestQueueHandle, int property, long propertyInformation,
                                             int propertyInformationLength, int reserved1, long returnLength,
                                             long reserved2) {
        return Exports.HttpQueryRequestQueueProperty(requestQueueHandle, property, propertyInformation,
                propertyInformationLength, reserved1, returnLength, reserved2);
    }

    @Override
    public int HttpReceiveHttpRequest(long requestQueueHandle, long requestId, int flags, long requestBuffer,
                                      int requestBufferLength, long bytesReturned, long overlapped) {
        return Exports.HttpReceiveHttpRequest(requestQueueHandle, requestId, flags, requestBuffer,
                requestBufferLength, bytesReturned, overlapped);
    }

    @Override
    public int HttpReceiveRequestEntityBody(long requestQueueHandle, long requestId, int flags, long entityBuffer,
                                            int entityBufferLength, long bytesReturned, long overlapped) {
        return Exports.HttpReceiveRequestEntityBody(requestQueueHandle, requestId, flags, entityBuffer,
                entityBufferLength, bytesReturned, overlapped);
    }

    @Override
    public int HttpSendHttpResponse(long requestQueueHandle, long requestId, int flags, long httpResponse,
                                    long cachePolicy, long bytesSent, long reserved1, int reserved2,
                                    long overlapped, long logData) {
        return Exports.HttpSendHttpResponse(requestQueueHandle, requestId, flags, httpResponse, cachePolicy,
                bytesSent, reserved1, reserved2, overlapped, logData);
    }

    @Override
    public int HttpSendResponseEntityBody(long requestQueueHandle, long requestId, int flags,
                                          short entityChunkCount, long entityChunks, long bytesSent,
                                          long reserved1, int reserved2, long overlapped, long logData) {
        return Exports.HttpSendResponseEntityBody(requestQueueHandle, requestId, flags, entityChunkCount,
                entityChunks, bytesSent, reserved1, reserved2, overlapped, logData);
    }

    @Override
    public int HttpCancelHttpRequest(long requestQueueHandle, long requestId, long overlapped) {
        return Exports.HttpCancelHttpRequest(requestQueueHandle, requestId, overlapped);
    }

    @Override
    public int HttpWaitForDisconnect(long requestQueueHandle, long connectionId, long overlapped) {
        return Exports.HttpWaitForDisconnect(requestQueueHandle, connectionId, overlapped);
    }

    @Override
    public int HttpWaitForDisconnectEx(long requestQueueHandle, long connectionId, int reserved,
                                       long overlapped) {
        return Exports.HttpWaitForDisconnectEx(requestQueueHandle, connectionId, reserved, overlapped);
    }

    @Override
    public int HttpFlushResponseCache(long requestQueueHandle, String urlPrefix, int flags, long overlapped) {
        return Exports.HttpFlushResponseCache(requestQueueHandle, wide(urlPrefix), flags, overlapped);
    }

    @Override
    public int HttpReceiveClientCertificate(long requestQueueHandle, long connectionId, int flags,
                                            long sslClientCertInfo, int sslClientCertInfoSize,
                                            long bytesReceived, long overlapped) {
        return Exports.HttpReceiveClientCertificate(requestQueueHandle, connectionId, flags, sslClientCertInfo,
                sslClientCertInfoSize, bytesReceived, overlapped);
    }

    @Override
    public int HttpSetServiceConfiguration(long serviceHandle, int configId, long configInformation,
                                           int configInformationLength, long overlapped) {
        return Exports.HttpSetServiceConfiguration(serviceHandle, configId, configInformation,
                configInformationLength, overlapped);
    }

    @Override
    public int HttpDeleteServiceConfiguration(long serviceHandle, int configId, long configInformation,
                                              int configInformationLength, long overlapped) {
        return Exports.HttpDeleteServiceConfiguration(serviceHandle, configId, configInformation,
                configInformationLength, overlapped);
    }

    @Override
    public int HttpQueryServiceConfiguration(long serviceHandle, int configId, long input, int inputLength,
                                             long output, int outputLength, long returnLength, long overlapped) {
        return Exports.HttpQueryServiceConfiguration(serviceHandle, configId, input, inputLength, output,
                outputLength, returnLength, overlapped);
    }

    @Override
    public int HttpDelegateRequestEx(long requestQueueHandle, long delegateQueueHandle, long requestId,
                                     long delegateUrlGroupId, int propertyInfoSetSize, long propertyInfoSet) {
        if (!delegationSupported) {
            return WinError.ERROR_PROC_NOT_FOUND;
        }
        return DelegationExports.HttpDelegateRequestEx(requestQueueHandle, delegateQueueHandle, requestId,
                delegateUrlGroupId, propertyInfoSetSize, propertyInfoSet);
    }

    @Override
    public int HttpQueryRequestProperty(long requestQueueHandle, long id, int propertyId, long qualifier,
                                        int qualifierSize, long output, int outputBufferLength,
                                        long bytesReturned, long overlapped) {
        if (!requestPropertySupported) {
            return WinError.ERROR_PROC_NOT_FOUND;
        }
        return RequestPropertyExports.HttpQueryRequestProperty(requestQueueHandle, id, propertyId, qualifier,
                qualifierSize, output, outputBufferLength, bytesReturned, overlapped);
    }

    @Override
    public int HttpSetRequestProperty(long requestQueueHandle, long id, int propertyId, long input,
                                      int inputPropertySize, long overlapped) {
        if (!requestPropertySupported) {
            return WinError.ERROR_PROC_NOT_FOUND;
        }
        return RequestPropertyExports.HttpSetRequestProperty(requestQueueHandle, id, propertyId, input,
                inputPropertySize, overlapped);
    }

    @Override
    public boolean HttpIsFeatureSupported(int featureId) {
        return featureQuerySupported && FeatureExports.HttpIsFeatureSupported(featureId) != 0;
    }

    @Override
    public boolean isDelegationSupported() {
        return delegationSupported;
    }

    @Override
    public boolean isRequestPropertySupported() {
        return requestPropertySupported;
    }

    /**
     * The exports of every {@code httpapi.dll} since Windows Vista / Server 2008, with the SDK's parameter
     * lists (see the matching {@link HttpApi} method for each C prototype). Return type {@code ULONG}: a Win32
     * error code.
     */
    private static final class Exports {
        private Exports() {
        }

        static native int HttpInitialize(int version, int flags, long reserved);

        static native int HttpTerminate(int flags, long reserved);

        static native int HttpCreateServerSession(int version, long serverSessionIdOut, int reserved);

        static native int HttpCloseServerSession(long serverSessionId);

        static native int HttpSetServerSessionProperty(long serverSessionId, int property,
                                                       long propertyInformation, int propertyInformationLength);

        static native int HttpQueryServerSessionProperty(long serverSessionId, int property,
                                                         long propertyInformation, int propertyInformationLength,
                                                         long returnLength);

        static native int HttpCreateUrlGroup(long serverSessionId, long urlGroupIdOut, int reserved);

        static native int HttpCloseUrlGroup(long urlGroupId);

        static native int HttpAddUrlToUrlGroup(long urlGroupId, WString fullyQualifiedUrl, long urlContext,
                                               int reserved);

        static native int HttpRemoveUrlFromUrlGroup(long urlGroupId, WString fullyQualifiedUrl, int flags);

        static native int HttpSetUrlGroupProperty(long urlGroupId, int property, long propertyInformation,
                                                  int propertyInformationLength);

        static native int HttpQueryUrlGroupProperty(long urlGroupId, int property, long propertyInformation,
                                                    int propertyInformationLength, long returnLength);

        static native int HttpCreateRequestQueue(int version, WString name, long securityAttributes, int flags,
                                                 long requestQueueHandleOut);

        static native int HttpCloseRequestQueue(long requestQueueHandle);

        static native int HttpShutdownRequestQueue(long requestQueueHandle);

        static native int HttpSetRequestQueueProperty(long requestQueueHandle, int property,
                                                      long propertyInformation, int propertyInformationLength,
                                                      int reserved1, long reserved2);

        static native int HttpQueryRequestQueueProperty(long requestQueueHandle, int property,
                                                        long propertyInformation, int propertyInformationLength,
                                                        int reserved1, long returnLength, long reserved2);

        static native int HttpReceiveHttpRequest(long requestQueueHandle, long requestId, int flags,
                                                 long requestBuffer, int requestBufferLength, long bytesReturned,
                                                 long overlapped);

        static native int HttpReceiveRequestEntityBody(long requestQueueHandle, long requestId, int flags,
                                                       long entityBuffer, int entityBufferLength,
                                                       long bytesReturned, long overlapped);

        static native int HttpSendHttpResponse(long requestQueueHandle, long requestId, int flags,
                                               long httpResponse, long cachePolicy, long bytesSent,
                                               long reserved1, int reserved2, long overlapped, long logData);

        static native int HttpSendResponseEntityBody(long requestQueueHandle, long requestId, int flags,
                                                     short entityChunkCount, long entityChunks, long bytesSent,
                                                     long reserved1, int reserved2, long overlapped,
                                                     long logData);

        static native int HttpCancelHttpRequest(long requestQueueHandle, long requestId, long overlapped);

        static native int HttpWaitForDisconnect(long requestQueueHandle, long connectionId, long overlapped);

        static native int HttpWaitForDisconnectEx(long requestQueueHandle, long connectionId, int reserved,
                                                  long overlapped);

        static native int HttpFlushResponseCache(long requestQueueHandle, WString urlPrefix, int flags,
                                                 long overlapped);

        static native int HttpReceiveClientCertificate(long requestQueueHandle, long connectionId, int flags,
                                                       long sslClientCertInfo, int sslClientCertInfoSize,
                                                       long bytesReceived, long overlapped);

        static native int HttpSetServiceConfiguration(long serviceHandle, int configId, long configInformation,
                                                      int configInformationLength, long overlapped);

        static native int HttpDeleteServiceConfiguration(long serviceHandle, int configId,
                                                         long configInformation, int configInformationLength,
                                                         long overlapped);

        static native int HttpQueryServiceConfiguration(long serviceHandle, int configId, long input,
                                                        int inputLength, long output, int outputLength,
                                                        long returnLength, long overlapped);
    }

    /** {@code HttpDelegateRequestEx}: absent on older Windows (Microsoft's page lists build 20348 as the minimum). */
    private static final class DelegationExports {
        private DelegationExports() {
        }

        static native int HttpDelegateRequestEx(long requestQueueHandle, long delegateQueueHandle, long requestId,
                                                long delegateUrlGroupId, int propertyInfoSetSize,
                                                long propertyInfoSet);
    }

    /** {@code HttpQueryRequestProperty} and {@code HttpSetRequestProperty}: absent on older Windows. */
    private static final class RequestPropertyExports {
        private RequestPropertyExports() {
        }

        static native int HttpQueryRequestProperty(long requestQueueHandle, long id, int propertyId,
                                                   long qualifier, int qualifierSize, long output,
                                                   int outputBufferLength, long bytesReturned, long overlapped);

        static native int HttpSetRequestProperty(long requestQueueHandle, long id, int propertyId, long input,
                                                 int inputPropertySize, long overlapped);
    }

    /** {@code HttpIsFeatureSupported}: absent on older Windows. Returns a {@code BOOL}. */
    private static final class FeatureExports {
        private FeatureExports() {
        }

        static native int HttpIsFeatureSupported(int featureId);
    }
}
