package io.netty.contrib.httpsys.nativeapi.windows;

import io.netty.contrib.httpsys.nativeapi.Http;
import io.netty.contrib.httpsys.nativeapi.HttpApi;
import io.netty.contrib.httpsys.nativeapi.HttpSysException;
import io.netty.contrib.httpsys.nativeapi.IoCompletion;
import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.NativeMemory;
import io.netty.contrib.httpsys.nativeapi.NtStatus;
import io.netty.contrib.httpsys.nativeapi.WinBase;
import io.netty.contrib.httpsys.nativeapi.WinError;
import io.netty.contrib.httpsys.nativeapi.struct.HttpBindingInfo;
import io.netty.contrib.httpsys.nativeapi.struct.HttpCookedUrl;
import io.netty.contrib.httpsys.nativeapi.struct.HttpDataChunk;
import io.netty.contrib.httpsys.nativeapi.struct.HttpKnownHeader;
import io.netty.contrib.httpsys.nativeapi.struct.HttpPropertyFlags;
import io.netty.contrib.httpsys.nativeapi.struct.HttpRequestV2;
import io.netty.contrib.httpsys.nativeapi.struct.HttpResponseHeaders;
import io.netty.contrib.httpsys.nativeapi.struct.HttpResponseV2;
import io.netty.contrib.httpsys.nativeapi.struct.HttpVersion;
import io.netty.contrib.httpsys.nativeapi.struct.Overlapped;
import io.netty.contrib.httpsys.nativeapi.struct.OverlappedEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The JNA binding against the real kernel: every call here crosses into {@code httpapi.dll} or
 * {@code kernel32.dll}, so a wrong mapping shows up as a wrong result or a crash. Runs only on Windows x64
 * (CI: {@code .github/workflows/windows.yml}).
 */
@EnabledOnOs(value = OS.WINDOWS, architectures = "amd64")
class WindowsHttpApiTest {

    private static final int SERVER_AND_CONFIG = Http.HTTP_INITIALIZE_SERVER | Http.HTTP_INITIALIZE_CONFIG;
    private static final long COMPLETION_KEY = 0x2A;
    private static final int RECEIVE_BUFFER_SIZE = 16 * 1024;

    private static HttpApi api;
    private static IoCompletion io;

    private final Deque<long[]> allocations = new ArrayDeque<>();
    private long outstandingBefore;

    @BeforeAll
    static void bind() {
        WindowsHttpSys.ensureAvailability();
        api = WindowsHttpSys.httpApi();
        io = WindowsHttpSys.ioCompletion();
    }

    @BeforeEach
    void countAllocations() {
        outstandingBefore = NativeMemory.outstandingAllocations();
    }

    @AfterEach
    void freeAllocations() {
        while (!allocations.isEmpty()) {
            long[] allocation = allocations.pop();
            NativeMemory.free(allocation[0], allocation[1]);
        }
        assertEquals(outstandingBefore, NativeMemory.outstandingAllocations());
    }

    private long allocate(long size) {
        long address = NativeMemory.allocate(size);
        allocations.push(new long[] {address, size});
        return address;
    }

    @Test
    void initializeCountsReferences() {
        // WindowsHttpSys initialized once already; another pair must balance without disturbing it.
        assertEquals(WinError.NO_ERROR, api.HttpInitialize(Http.HTTPAPI_VERSION_2, SERVER_AND_CONFIG, 0));
        assertEquals(WinError.NO_ERROR, api.HttpTerminate(SERVER_AND_CONFIG, 0));
    }

    @Test
    void featureQueryDoesNotClaimTheUnknownFeature() {
        // BOOL HttpIsFeatureSupported(HTTP_FEATURE_ID) through the optional export (absent: false for all). Whether
        // HttpFeatureResponseTrailers is true depends on the build (Windows Server 2022 / Windows 11 have it).
        assertFalse(api.HttpIsFeatureSupported(Http.HttpFeatureUnknown));
    }

    @Test
    void serverSessionAcceptsOnlyVersion2() {
        long sessionId = allocate(8);
        assertEquals(WinError.NO_ERROR, api.HttpCreateServerSession(Http.HTTPAPI_VERSION_2, sessionId, 0));
        long session = NativeAccess.getLong(sessionId);
        assertNotEquals(0, session);
        assertEquals(WinError.NO_ERROR, api.HttpCloseServerSession(session));

        assertEquals(WinError.ERROR_REVISION_MISMATCH,
                api.HttpCreateServerSession(HttpVersion.pack(1, 1), sessionId, 0));
        assertEquals(WinError.ERROR_REVISION_MISMATCH,
                api.HttpCreateServerSession(HttpVersion.pack(3, 0), sessionId, 0));
    }

    @Test
    void urlGroupOfASession() throws HttpSysException {
        long session = createServerSession();
        try {
            long groupId = allocate(8);
            HttpSysException.check(api.HttpCreateUrlGroup(session, groupId, 0), "HttpCreateUrlGroup");
            long group = NativeAccess.getLong(groupId);
            assertNotEquals(0, group);
            assertEquals(WinError.NO_ERROR, api.HttpCloseUrlGroup(group));
            assertEquals(WinError.ERROR_INVALID_PARAMETER, api.HttpCloseUrlGroup(group));
        } finally {
            assertEquals(WinError.NO_ERROR, api.HttpCloseServerSession(session));
        }
    }

    @Test
    void receivesARequestAndAnswersIt() throws Exception {
        int port = freePort();
        String prefix = "http://localhost:" + port + "/test/";
        long session = createServerSession();
        long group = 0;
        long queue = 0;
        long completionPort = 0;
        try {
            long groupId = allocate(8);
            HttpSysException.check(api.HttpCreateUrlGroup(session, groupId, 0), "HttpCreateUrlGroup");
            group = NativeAccess.getLong(groupId);
            int added = api.HttpAddUrlToUrlGroup(group, prefix, 0x1234, 0);
            assumeFalse(added == WinError.ERROR_ACCESS_DENIED,
                    () -> HttpSysException.forUrlPrefix("HttpAddUrlToUrlGroup", added, prefix).getMessage());
            HttpSysException.checkUrlPrefix(added, "HttpAddUrlToUrlGroup", prefix);

            long queueHandle = allocate(8);
            HttpSysException.check(api.HttpCreateRequestQueue(Http.HTTPAPI_VERSION_2, null, 0, 0, queueHandle),
                    "HttpCreateRequestQueue");
            queue = NativeAccess.getLong(queueHandle);
            long binding = allocate(HttpBindingInfo.SIZE);
            HttpPropertyFlags.setPresent(binding + HttpBindingInfo.FLAGS, true);
            HttpBindingInfo.setRequestQueueHandle(binding, queue);
            HttpSysException.check(api.HttpSetUrlGroupProperty(group, Http.HttpServerBindingProperty, binding,
                    HttpBindingInfo.SIZE), "HttpSetUrlGroupProperty");

            completionPort = io.CreateIoCompletionPort(IoCompletion.INVALID_HANDLE_VALUE, 0, 0, 1);
            assertNotEquals(0, completionPort, () -> "CreateIoCompletionPort: " + io.GetLastError());
            assertEquals(completionPort, io.CreateIoCompletionPort(queue, completionPort, COMPLETION_KEY, 0));

            long request = allocate(RECEIVE_BUFFER_SIZE);
            long overlapped = allocate(Overlapped.SIZE);
            int received = api.HttpReceiveHttpRequest(queue, Http.HTTP_NULL_ID, 0, request, RECEIVE_BUFFER_SIZE, 0,
                    overlapped);
            assertTrue(received == WinError.ERROR_IO_PENDING || received == WinError.NO_ERROR,
                    () -> HttpSysException.of("HttpReceiveHttpRequest", received).getMessage());

            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            CompletableFuture<HttpResponse<String>> response = client.sendAsync(
                    HttpRequest.newBuilder(URI.create(prefix + "hello?x=1")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());

            long entry = allocate(OverlappedEntry.SIZE);
            long removed = allocate(4);
            assertTrue(io.GetQueuedCompletionStatusEx(completionPort, entry, 1, removed, 10_000, false),
                    () -> "GetQueuedCompletionStatusEx: " + io.GetLastError());
            assertEquals(1, NativeAccess.getInt(removed));
            assertEquals(overlapped, OverlappedEntry.overlapped(entry));
            assertEquals(COMPLETION_KEY, OverlappedEntry.completionKey(entry));
            assertEquals(WinError.NO_ERROR, io.RtlNtStatusToDosError((int) OverlappedEntry.internal(entry)));
            assertTrue(OverlappedEntry.numberOfBytesTransferred(entry) >= HttpRequestV2.SIZE);

            assertEquals(Http.HttpVerbGET, HttpRequestV2.verb(request));
            assertEquals("/test/hello?x=1", ascii(HttpRequestV2.rawUrl(request), HttpRequestV2.rawUrlLength(request)));
            long cookedUrl = HttpRequestV2.cookedUrl(request);
            assertEquals("/test/hello",
                    NativeAccess.getUtf16String(HttpCookedUrl.absPath(cookedUrl), HttpCookedUrl.absPathLength(cookedUrl)));
            assertEquals(0x1234, HttpRequestV2.urlContext(request));

            long sent = allocate(4);
            int sendResult = api.HttpSendHttpResponse(queue, HttpRequestV2.requestId(request), 0,
                    helloResponse(), 0, sent, 0, 0, 0, 0);
            HttpSysException.check(sendResult, "HttpSendHttpResponse");

            HttpResponse<String> answer = response.get(10, TimeUnit.SECONDS);
            assertEquals(200, answer.statusCode());
            assertEquals("hello", answer.body());
        } finally {
            if (group != 0) {
                assertEquals(WinError.NO_ERROR, api.HttpCloseUrlGroup(group));
            }
            if (queue != 0) {
                assertEquals(WinError.NO_ERROR, api.HttpCloseRequestQueue(queue));
            }
            assertEquals(WinError.NO_ERROR, api.HttpCloseServerSession(session));
            if (completionPort != 0) {
                assertTrue(io.CloseHandle(completionPort));
            }
        }
    }

    @Test
    void lastErrorSurvivesTheCall() {
        long completionPort = io.CreateIoCompletionPort(IoCompletion.INVALID_HANDLE_VALUE, 0, 0, 1);
        assertNotEquals(0, completionPort);
        try {
            long entry = allocate(OverlappedEntry.SIZE);
            long removed = allocate(4);
            assertFalse(io.GetQueuedCompletionStatusEx(completionPort, entry, 1, removed, 0, false));
            assertEquals(WinError.WAIT_TIMEOUT, io.GetLastError());

            assertTrue(io.PostQueuedCompletionStatus(completionPort, 7, COMPLETION_KEY, 0));
            assertTrue(io.GetQueuedCompletionStatusEx(completionPort, entry, 1, removed, 1_000, false));
            assertEquals(7, OverlappedEntry.numberOfBytesTransferred(entry));
            assertEquals(COMPLETION_KEY, OverlappedEntry.completionKey(entry));
        } finally {
            assertTrue(io.CloseHandle(completionPort));
        }
        assertFalse(io.CloseHandle(0));
        assertEquals(WinError.ERROR_INVALID_HANDLE, io.GetLastError());
    }

    @Test
    void opensFilesForZeroCopyResponses(@TempDir Path directory) throws IOException {
        Path file = Files.write(directory.resolve("body.txt"), "twelve bytes".getBytes(StandardCharsets.US_ASCII));
        long handle = io.CreateFileW(file.toString(), WinBase.GENERIC_READ, WinBase.FILE_SHARE_READ, 0,
                WinBase.OPEN_EXISTING, WinBase.FILE_ATTRIBUTE_NORMAL, 0);
        assertNotEquals(IoCompletion.INVALID_HANDLE_VALUE, handle, () -> "CreateFileW: " + io.GetLastError());
        try {
            long size = allocate(8);
            assertTrue(io.GetFileSizeEx(handle, size));
            assertEquals(12, NativeAccess.getLong(size));
        } finally {
            assertTrue(io.CloseHandle(handle));
        }
        long missing = io.CreateFileW(directory.resolve("missing.txt").toString(), WinBase.GENERIC_READ,
                WinBase.FILE_SHARE_READ, 0, WinBase.OPEN_EXISTING, WinBase.FILE_ATTRIBUTE_NORMAL, 0);
        assertEquals(IoCompletion.INVALID_HANDLE_VALUE, missing);
        assertEquals(WinError.ERROR_FILE_NOT_FOUND, io.GetLastError());
    }

    @Test
    void mapsCompletionStatusesToWin32Errors() {
        assertEquals(WinError.NO_ERROR, io.RtlNtStatusToDosError(NtStatus.STATUS_SUCCESS));
        assertEquals(WinError.ERROR_OPERATION_ABORTED, io.RtlNtStatusToDosError(NtStatus.STATUS_CANCELLED));
        assertEquals(WinError.ERROR_CONNECTION_INVALID, io.RtlNtStatusToDosError(NtStatus.STATUS_CONNECTION_INVALID));
    }

    @Test
    void optionalFunctionsAreProbedNotCrashedOn() {
        // Whatever this Windows exports, asking and calling must not throw; absent functions say 127.
        int delegated = api.HttpDelegateRequestEx(0, 0, 0, 0, 0, 0);
        if (api.isDelegationSupported()) {
            assertNotEquals(WinError.NO_ERROR, delegated);
            assertNotEquals(WinError.ERROR_PROC_NOT_FOUND, delegated);
        } else {
            assertEquals(WinError.ERROR_PROC_NOT_FOUND, delegated);
        }
        int queried = api.HttpQueryRequestProperty(0, 0, 0, 0, 0, 0, 0, 0, 0);
        int set = api.HttpSetRequestProperty(0, 0, 0, 0, 0, 0);
        if (api.isRequestPropertySupported()) {
            assertNotEquals(WinError.ERROR_PROC_NOT_FOUND, queried);
            assertNotEquals(WinError.ERROR_PROC_NOT_FOUND, set);
        } else {
            assertEquals(WinError.ERROR_PROC_NOT_FOUND, queried);
            assertEquals(WinError.ERROR_PROC_NOT_FOUND, set);
        }
    }

    @Test
    void aMissingExportIsSkippedNotFatal() {
        assertFalse(WindowsHttpApi.registerIfAllExported(MissingExport.class, WindowsHttpApi.library()));
    }

    private static final class MissingExport {
        static native int HttpNettyNoSuchFunction(long handle);
    }

    private long createServerSession() {
        long sessionId = allocate(8);
        int result = api.HttpCreateServerSession(Http.HTTPAPI_VERSION_2, sessionId, 0);
        assertEquals(WinError.NO_ERROR, result, () -> HttpSysException.of("HttpCreateServerSession", result)
                .getMessage());
        return NativeAccess.getLong(sessionId);
    }

    /** HTTP/1.1 200 OK, Content-Type: text/plain, Content-Length: 5, body "hello" from one memory chunk. */
    private long helloResponse() {
        long response = allocate(HttpResponseV2.SIZE);
        HttpResponseV2.setVersion(response, HttpVersion.pack(1, 1));
        HttpResponseV2.setStatusCode(response, 200);
        HttpResponseV2.setReasonLength(response, 2);
        HttpResponseV2.setReason(response, asciiz("OK"));
        long headers = HttpResponseV2.headers(response);
        setKnownHeader(headers, Http.HttpHeaderContentType, "text/plain");
        setKnownHeader(headers, Http.HttpHeaderContentLength, "5");
        long chunk = allocate(HttpDataChunk.SIZE);
        HttpDataChunk.setFromMemory(chunk, asciiz("hello"), 5);
        HttpResponseV2.setEntityChunkCount(response, 1);
        HttpResponseV2.setEntityChunks(response, chunk);
        return response;
    }

    private void setKnownHeader(long headers, int id, String value) {
        long header = HttpResponseHeaders.knownHeader(headers, id);
        HttpKnownHeader.setRawValueLength(header, value.length());
        HttpKnownHeader.setRawValue(header, asciiz(value));
    }

    private long asciiz(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
        long address = allocate(bytes.length + 1);
        NativeAccess.copyMemory(bytes, 0, address, bytes.length);
        return address;
    }

    private static String ascii(long address, int length) {
        byte[] bytes = new byte[length];
        NativeAccess.copyMemory(address, bytes, 0, length);
        return new String(bytes, StandardCharsets.US_ASCII);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
