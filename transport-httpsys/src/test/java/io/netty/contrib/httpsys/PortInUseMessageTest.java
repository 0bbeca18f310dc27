package io.netty.contrib.httpsys;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.contrib.httpsys.nativeapi.HttpSysException;
import io.netty.contrib.httpsys.nativeapi.WinError;
import io.netty.util.internal.PlatformDependent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Binding a port another process holds (here a plain socket of this JVM, which the backend cannot tell from
 * another process) fails with {@code ERROR_SHARING_VIOLATION} and a message whose command finds that process on
 * this platform: {@code netstat} on Windows, {@code ss} on Linux, where the holder may be another JVM running the
 * emulator.
 */
@ExtendWith(LeakCheck.class)
@Timeout(60)
class PortInUseMessageTest {

    @Test
    void aPortHeldByAnotherSocketNamesTheCommandThatFindsItsOwner() throws Exception {
        HttpSysEventLoopGroup group = new HttpSysEventLoopGroup(1);
        try (ServerSocket holder = new ServerSocket()) {
            // The backends' first listen address is 127.0.0.1 (HTTP.SYS: Wine's test_v2_bound_port).
            holder.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            int port = holder.getLocalPort();
            ServerBootstrap bootstrap = new ServerBootstrap().group(group).channel(HttpSysServerChannel.class)
                    .childHandler(new ChannelInitializer<Channel>() {
                        @Override
                        protected void initChannel(Channel ch) {
                            ch.close();
                        }
                    });

            HttpSysException e = assertThrows(HttpSysException.class,
                    () -> bootstrap.bind(HttpSysAddress.ofPort(port)).sync());

            assertEquals(WinError.ERROR_SHARING_VIOLATION, e.errorCode());
            String message = e.getMessage();
            if (PlatformDependent.isWindows()) {
                assertTrue(message.contains("netstat -ano | findstr :" + port), message);
            } else if (PlatformDependent.isOsx()) {
                assertTrue(message.contains("lsof -nP -iTCP:" + port + " -sTCP:LISTEN"), message);
            } else {
                assertTrue(message.contains("ss -ltnp | grep :" + port), message);
                assertTrue(message.contains("another JVM running the emulator"), message);
                assertFalse(message.contains("netstat"), message);
            }
        } finally {
            group.shutdownGracefully(0, 5, TimeUnit.SECONDS).sync();
        }
    }
}
