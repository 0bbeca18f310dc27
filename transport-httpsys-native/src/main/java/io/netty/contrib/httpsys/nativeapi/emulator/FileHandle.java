package io.netty.contrib.httpsys.nativeapi.emulator;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A file opened by the emulated {@code CreateFileW}, for {@code HttpDataChunkFromFileHandle} responses. Each
 * send opens its own channel on the file, so closing the handle while a send is in flight does not cut the
 * send short (the kernel holds its own reference to the file object, as on Windows).
 */
final class FileHandle {

    private final Path path;
    private final FileChannel channel;

    FileHandle(Path path, FileChannel channel) {
        this.path = path;
        this.channel = channel;
    }

    long size() throws IOException {
        return channel.size();
    }

    /** A new read channel on the file for one send; the send closes it. */
    FileChannel openForSend() throws IOException {
        return FileChannel.open(path, StandardOpenOption.READ);
    }

    void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // Closing a read-only file cannot lose data.
        }
    }
}
