package io.netty.contrib.httpsys;

import io.netty.buffer.ByteBuf;
import io.netty.channel.DefaultFileRegion;
import io.netty.channel.FileRegion;
import io.netty.contrib.httpsys.nativeapi.IoCompletion;
import io.netty.contrib.httpsys.nativeapi.WinBase;
import io.netty.util.internal.logging.InternalLogger;
import io.netty.util.internal.logging.InternalLoggerFactory;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;

/**
 * What the response encoder needs from a {@link FileRegion}: the file it reads, so HTTP.SYS can send it
 * straight from a file handle ({@code HttpDataChunkFromFileHandle}, zero copy like {@code TransmitFile}),
 * and otherwise a way to copy a piece of it into a buffer.
 *
 * <p>{@link DefaultFileRegion} has no accessor for its file, but one built from a {@link File} keeps it in a
 * private field; that field is read reflectively (Netty is on the class path, so this needs no
 * {@code --add-opens}). A region built from a {@code FileChannel} has no name: a channel cannot become a
 * Windows {@code HANDLE}, so such regions are copied.
 */
final class HttpSysFileRegions {

    private static final InternalLogger logger = InternalLoggerFactory.getInstance(HttpSysFileRegions.class);
    private static final Field FILE_FIELD = fileField();

    private HttpSysFileRegions() {
    }

    /** The file {@code region} reads, or {@code null} when it cannot be named. */
    static File fileOf(FileRegion region) {
        if (FILE_FIELD == null || !(region instanceof DefaultFileRegion)) {
            return null;
        }
        try {
            return (File) FILE_FIELD.get(region);
        } catch (IllegalAccessException e) {
            return null;
        }
    }

    /**
     * Opens {@code file} for a {@code HttpDataChunkFromFileHandle}: read-only, sharing read, write and delete so the
     * application may replace or delete it while it is sent, and for overlapped I/O, as ASP.NET Core opens the
     * files it sends ({@code ResponseBody.SendFileAsyncCore}: {@code FileOptions.Asynchronous |
     * FileOptions.SequentialScan}); IIS requires overlapped handles for the files it hands to HTTP.SYS
     * ({@code IHttpFileInfo::GetFileHandle}). Whether HTTP.SYS would read a synchronous file object inline, in the
     * event loop's thread, is undocumented; an overlapped one rules it out.
     *
     * @return the handle, to be closed with {@code CloseHandle}; {@link IoCompletion#INVALID_HANDLE_VALUE} (or 0)
     *         when the file cannot be opened
     */
    static long openForSend(IoCompletion io, File file) {
        return io.CreateFileW(file.getAbsolutePath(), WinBase.GENERIC_READ,
                WinBase.FILE_SHARE_READ | WinBase.FILE_SHARE_WRITE | WinBase.FILE_SHARE_DELETE, 0,
                WinBase.OPEN_EXISTING, WinBase.FILE_FLAG_OVERLAPPED | WinBase.FILE_FLAG_SEQUENTIAL_SCAN, 0);
    }

    /**
     * Copies the next bytes of {@code region} (from {@code region.transferred()}) into {@code target} until
     * it is full or the region is done; the region counts them as transferred.
     *
     * @throws IOException when the file cannot be read or is shorter than the region
     */
    static void copyNextPiece(FileRegion region, ByteBuf target) throws IOException {
        WritableByteChannel channel = new ByteBufChannel(target);
        while (target.isWritable() && region.transferred() < region.count()) {
            long before = region.transferred();
            long written = region.transferTo(channel, before);
            if (written <= 0) {
                throw new IOException("file region ended after " + before + " of " + region.count() + " bytes");
            }
            if (region.transferred() != before + written) {
                // The next piece starts at transferred(): a region that does not count would repeat itself.
                throw new IOException(region.getClass().getName() + ".transferTo does not advance transferred()");
            }
        }
    }

    private static Field fileField() {
        try {
            Field field = DefaultFileRegion.class.getDeclaredField("f");
            field.setAccessible(true);
            return field;
        } catch (ReflectiveOperationException | RuntimeException e) {
            logger.debug("DefaultFileRegion's file is not readable; file regions will be copied", e);
            return null;
        }
    }

    /** Writes into a {@link ByteBuf} up to its capacity, then accepts no more. */
    private static final class ByteBufChannel implements WritableByteChannel {
        private final ByteBuf target;

        ByteBufChannel(ByteBuf target) {
            this.target = target;
        }

        @Override
        public int write(ByteBuffer src) {
            int length = Math.min(src.remaining(), target.writableBytes());
            if (length == 0) {
                return 0;
            }
            ByteBuffer part = src.duplicate();
            part.limit(part.position() + length);
            target.writeBytes(part);
            src.position(src.position() + length);
            return length;
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {
        }
    }
}
