package io.netty.contrib.httpsys.nativeapi.conformance;

import io.netty.contrib.httpsys.nativeapi.WinBase;
import io.netty.contrib.httpsys.nativeapi.WinError;
import io.netty.contrib.httpsys.nativeapi.struct.HttpRequestV2;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code HttpDataChunkFromFileHandle} over a handle opened as ASP.NET Core opens the files it sends
 * ({@code FILE_FLAG_OVERLAPPED | FILE_FLAG_SEQUENTIAL_SCAN}), with a byte range that runs past the end of the file
 * (the file shrank after the caller sized the range). ASP.NET Core treats the {@code ERROR_HANDLE_EOF} such a send
 * ends with as success (ResponseBody.FlushInternal, ResponseStreamAsyncResult.IOCompleted). The wire is the
 * emulator's model, which no document states: the bytes the file has, then the end of the connection.
 */
@Timeout(60)
class FileChunkEndOfFileTest extends ServerTestBase {

    @Test
    void rangePastTheEndOfTheFileEndsTheSendWithHandleEof(@TempDir Path dir) throws IOException {
        int port = server.addLocalhostUrl("/");
        byte[] content = new byte[1000];
        new Random(1000).nextBytes(content);
        Path file = Files.write(dir.resolve("short.bin"), content);
        long handle = server.io.CreateFileW(file.toString(), WinBase.GENERIC_READ,
                WinBase.FILE_SHARE_READ | WinBase.FILE_SHARE_WRITE | WinBase.FILE_SHARE_DELETE, 0,
                WinBase.OPEN_EXISTING, WinBase.FILE_FLAG_OVERLAPPED | WinBase.FILE_FLAG_SEQUENTIAL_SCAN, 0);
        assertNotEquals(-1L, handle, "CreateFileW: " + server.io.GetLastError());
        try (RawClient client = new RawClient(port)) {
            client.send(RawClient.simpleGet("/short", port));
            long buffer = arena.allocate(4096);
            assertEquals(0, server.api.HttpReceiveHttpRequest(server.queue, 0, 0, buffer, 4096, 0, 0));
            long response = new ResponseBuilder(arena).file(handle, 0, 5000).build();

            int error = server.api.HttpSendHttpResponse(server.queue, HttpRequestV2.requestId(buffer), 0, response,
                    0, 0, 0, 0, 0, 0);

            assertEquals(WinError.ERROR_HANDLE_EOF, error);
            String head = client.readHead();
            assertTrue(head.startsWith("HTTP/1.1 200 "), head);
            assertEquals(5000, RawClient.contentLength(head), head);
            assertArrayEquals(content, client.readExactly(content.length));
            assertTrue(client.isClosedByServer(), "the response is shorter than its head: the connection ends");
        } finally {
            server.io.CloseHandle(handle);
        }
    }
}
