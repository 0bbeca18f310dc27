package io.netty.contrib.httpsys;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.DefaultFileRegion;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.contrib.httpsys.nativeapi.HttpSysBackend;
import io.netty.contrib.httpsys.nativeapi.IoCompletion;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The Windows tier of the file-handle data chunk fixes, on the kernel itself: the transport opens response files
 * for overlapped I/O (as ASP.NET Core does) and HTTP.SYS sends a {@link DefaultFileRegion} from such a handle; a
 * file that shrank under its region ends the send with {@code ERROR_HANDLE_EOF}, which counts as success. What
 * HTTP.SYS then puts on the wire is not documented: {@link ShrinkingFileResponseTest} states what the emulator
 * models (the bytes the file still has, then the end of the connection), and runs here against the kernel.
 */
@EnabledOnOs(OS.WINDOWS)
@ExtendWith(LeakCheck.class)
@Timeout(60)
class FileChunkWindowsTest {

    /** {@code FILE_INFORMATION_CLASS.FileModeInformation} (wdm.h). */
    private static final int FILE_MODE_INFORMATION = 16;
    /**
     * {@code FILE_SYNCHRONOUS_IO_ALERT | FILE_SYNCHRONOUS_IO_NONALERT} of {@code FILE_MODE_INFORMATION.Mode}: set when
     * the file object does synchronous I/O, i.e. {@code CreateFileW} was called without {@code FILE_FLAG_OVERLAPPED}
     * (learn.microsoft.com, "FILE_MODE_INFORMATION structure").
     */
    private static final int FILE_SYNCHRONOUS_IO = 0x10 | 0x20;

    /** The one ntdll function this test needs, to ask the kernel how a handle was opened. */
    interface Ntdll extends Library {
        int NtQueryInformationFile(long fileHandle, Pointer ioStatusBlock, Pointer fileInformation, int length,
                                   int fileInformationClass);
    }

    @TempDir
    Path directory;

    @BeforeEach
    void requireTheKernel() {
        assumeTrue("native".equals(System.getProperty(HttpSysBackend.BACKEND_PROPERTY)),
                "run with -Dio.netty.contrib.httpsys.backend=native");
        assertFalse(HttpSys.isEmulated());
    }

    @Test
    void responseFilesAreOpenedForOverlappedIoAndServedFromThatHandle() throws Exception {
        byte[] content = ShrinkingFileResponseTest.randomBytes(4 * 1024 * 1024 + 3);
        File file = Files.write(directory.resolve("served.bin"), content).toFile();

        IoCompletion io = HttpSysBackend.current().ioCompletion();
        long handle = HttpSysFileRegions.openForSend(io, file);
        assertNotEquals(IoCompletion.INVALID_HANDLE_VALUE, handle, "CreateFileW failed: " + io.GetLastError());
        try (Memory ioStatus = new Memory(16); Memory mode = new Memory(4)) {
            Ntdll ntdll = Native.load("ntdll", Ntdll.class);
            assertEquals(0, ntdll.NtQueryInformationFile(handle, ioStatus, mode, 4, FILE_MODE_INFORMATION));
            assertEquals(0, mode.getInt(0) & FILE_SYNCHRONOUS_IO, "the file object does synchronous I/O");
        } finally {
            assertTrue(io.CloseHandle(handle));
        }

        try (TestServer server = TestServer.start(ch -> ch.pipeline().addLast(
                new SimpleChannelInboundHandler<FullHttpRequest>() {
                    @Override
                    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
                        ctx.write(ShrinkingFileResponseTest.headOf(content.length));
                        ctx.write(new DefaultFileRegion(file, 0, content.length));
                        ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT).addListener(ChannelFutureListener.CLOSE);
                    }
                }))) {
            java.net.http.HttpResponse<byte[]> response = RequestResponseTest.client().send(
                    HttpRequest.newBuilder(server.uri("/file")).build(), BodyHandlers.ofByteArray());
            assertEquals(200, response.statusCode());
            assertArrayEquals(content, response.body());
        }
    }

    @Test
    void aSendOfAFileThatShrankCompletesSuccessfully() throws Exception {
        shrinking().fileThatShrankBeforeTheSendEndsTheResponseEarlyAndTheWriteSucceeds();
    }

    @Test
    void aSendOfAFileThatShrinksMeanwhileCompletesSuccessfully() throws Exception {
        shrinking().fileThatShrinksDuringTheSendEndsTheResponseEarlyAndTheWriteSucceeds();
    }

    private ShrinkingFileResponseTest shrinking() {
        ShrinkingFileResponseTest test = new ShrinkingFileResponseTest();
        test.directory = directory;
        return test;
    }
}
