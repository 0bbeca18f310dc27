package io.netty.contrib.httpsys.nativeapi.windows;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.ValueLayout;
import java.util.Map;

import static java.util.Map.entry;

/**
 * The C prototypes of the functions {@link ForeignHttpApi} and {@link ForeignIoCompletion} bind, as
 * {@code java.lang.foreign} function descriptors for x64 Windows, transcribed from the SDK's {@code http.h},
 * {@code ioapiset.h}, {@code fileapi.h} and {@code handleapi.h} in terms of the SDK's own type names.
 *
 * <p>Kept apart from the bindings so that a test can check them against the {@code HttpApi} and
 * {@code IoCompletion} method signatures on any OS: linking them needs {@code httpapi.dll}, this class does not.
 * Every pointer except a string is passed as the {@code long} address the interfaces carry ({@code JAVA_LONG}:
 * the x64 ABI passes a pointer and a 64-bit integer in the same register or stack slot), so a call allocates no
 * {@code MemorySegment}; a {@code PCWSTR} is a segment holding the UTF-16 string ({@code ADDRESS}).
 */
final class ForeignSignatures {

    static final ValueLayout HANDLE = ValueLayout.JAVA_LONG;
    static final ValueLayout ULONG = ValueLayout.JAVA_INT;
    static final ValueLayout DWORD = ValueLayout.JAVA_INT;
    static final ValueLayout BOOL = ValueLayout.JAVA_INT;
    static final ValueLayout NTSTATUS = ValueLayout.JAVA_INT;
    static final ValueLayout USHORT = ValueLayout.JAVA_SHORT;
    static final ValueLayout UCHAR = ValueLayout.JAVA_BYTE;
    /** {@code HTTPAPI_VERSION}: two {@code USHORT}s passed by value, as one 32-bit integer. */
    static final ValueLayout HTTPAPI_VERSION = ValueLayout.JAVA_INT;
    /** Enums ({@code HTTP_SERVER_PROPERTY}, {@code HTTP_SERVICE_CONFIG_ID}, ...): 32-bit. */
    static final ValueLayout ENUM = ValueLayout.JAVA_INT;
    /** {@code HTTP_OPAQUE_ID} and its aliases ({@code HTTP_REQUEST_ID}, {@code HTTP_URL_GROUP_ID}, ...). */
    static final ValueLayout ID = ValueLayout.JAVA_LONG;
    static final ValueLayout ULONG_PTR = ValueLayout.JAVA_LONG;
    /** Any pointer but a string, as its address. */
    static final ValueLayout POINTER = ValueLayout.JAVA_LONG;
    static final ValueLayout PCWSTR = ValueLayout.ADDRESS;

    /**
     * {@code httpapi.dll}, every function returning {@code ULONG} (a Win32 error code) but
     * {@code HttpIsFeatureSupported}, which returns {@code BOOL}.
     */
    static final Map<String, FunctionDescriptor> HTTP_API = Map.ofEntries(
            http("HttpInitialize", HTTPAPI_VERSION, ULONG, POINTER),
            http("HttpTerminate", ULONG, POINTER),
            http("HttpCreateServerSession", HTTPAPI_VERSION, POINTER, ULONG),
            http("HttpCloseServerSession", ID),
            http("HttpSetServerSessionProperty", ID, ENUM, POINTER, ULONG),
            http("HttpQueryServerSessionProperty", ID, ENUM, POINTER, ULONG, POINTER),
            http("HttpCreateUrlGroup", ID, POINTER, ULONG),
            http("HttpCloseUrlGroup", ID),
            http("HttpAddUrlToUrlGroup", ID, PCWSTR, ID, ULONG),
            http("HttpRemoveUrlFromUrlGroup", ID, PCWSTR, ULONG),
            http("HttpSetUrlGroupProperty", ID, ENUM, POINTER, ULONG),
            http("HttpQueryUrlGroupProperty", ID, ENUM, POINTER, ULONG, POINTER),
            http("HttpCreateRequestQueue", HTTPAPI_VERSION, PCWSTR, POINTER, ULONG, POINTER),
            http("HttpCloseRequestQueue", HANDLE),
            http("HttpShutdownRequestQueue", HANDLE),
            http("HttpSetRequestQueueProperty", HANDLE, ENUM, POINTER, ULONG, ULONG, POINTER),
            http("HttpQueryRequestQueueProperty", HANDLE, ENUM, POINTER, ULONG, ULONG, POINTER, POINTER),
            http("HttpReceiveHttpRequest", HANDLE, ID, ULONG, POINTER, ULONG, POINTER, POINTER),
            http("HttpReceiveRequestEntityBody", HANDLE, ID, ULONG, POINTER, ULONG, POINTER, POINTER),
            http("HttpSendHttpResponse", HANDLE, ID, ULONG, POINTER, POINTER, POINTER, POINTER, ULONG, POINTER,
                    POINTER),
            http("HttpSendResponseEntityBody", HANDLE, ID, ULONG, USHORT, POINTER, POINTER, POINTER, ULONG, POINTER,
                    POINTER),
            http("HttpCancelHttpRequest", HANDLE, ID, POINTER),
            http("HttpWaitForDisconnect", HANDLE, ID, POINTER),
            http("HttpWaitForDisconnectEx", HANDLE, ID, ULONG, POINTER),
            http("HttpFlushResponseCache", HANDLE, PCWSTR, ULONG, POINTER),
            http("HttpReceiveClientCertificate", HANDLE, ID, ULONG, POINTER, ULONG, POINTER, POINTER),
            http("HttpSetServiceConfiguration", HANDLE, ENUM, POINTER, ULONG, POINTER),
            http("HttpDeleteServiceConfiguration", HANDLE, ENUM, POINTER, ULONG, POINTER),
            http("HttpQueryServiceConfiguration", HANDLE, ENUM, POINTER, ULONG, POINTER, ULONG, POINTER, POINTER),
            http("HttpDelegateRequestEx", HANDLE, HANDLE, ID, ID, ULONG, POINTER),
            http("HttpQueryRequestProperty", HANDLE, ID, ENUM, POINTER, ULONG, POINTER, ULONG, POINTER, POINTER),
            http("HttpSetRequestProperty", HANDLE, ID, ENUM, POINTER, ULONG, POINTER),
            entry("HttpIsFeatureSupported", FunctionDescriptor.of(BOOL, ENUM)));

    /** {@code kernel32.dll}. */
    static final Map<String, FunctionDescriptor> KERNEL32 = Map.ofEntries(
            entry("CreateIoCompletionPort", FunctionDescriptor.of(HANDLE, HANDLE, HANDLE, ULONG_PTR, DWORD)),
            entry("GetQueuedCompletionStatusEx",
                    FunctionDescriptor.of(BOOL, HANDLE, POINTER, ULONG, POINTER, DWORD, BOOL)),
            entry("PostQueuedCompletionStatus", FunctionDescriptor.of(BOOL, HANDLE, DWORD, ULONG_PTR, POINTER)),
            entry("CancelIoEx", FunctionDescriptor.of(BOOL, HANDLE, POINTER)),
            entry("SetFileCompletionNotificationModes", FunctionDescriptor.of(BOOL, HANDLE, UCHAR)),
            entry("CloseHandle", FunctionDescriptor.of(BOOL, HANDLE)),
            entry("CreateFileW", FunctionDescriptor.of(HANDLE, PCWSTR, DWORD, DWORD, POINTER, DWORD, DWORD, HANDLE)),
            entry("GetFileSizeEx", FunctionDescriptor.of(BOOL, HANDLE, POINTER)));

    /** {@code ntdll.dll}: {@code ULONG RtlNtStatusToDosError(NTSTATUS)}. */
    static final FunctionDescriptor RTL_NT_STATUS_TO_DOS_ERROR = FunctionDescriptor.of(ULONG, NTSTATUS);

    private ForeignSignatures() {
    }

    private static Map.Entry<String, FunctionDescriptor> http(String name, MemoryLayout... arguments) {
        return entry(name, FunctionDescriptor.of(ULONG, arguments));
    }
}
