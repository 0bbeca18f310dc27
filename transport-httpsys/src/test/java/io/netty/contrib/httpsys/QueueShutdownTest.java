package io.netty.contrib.httpsys;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Closing a server whose request queue is shared by name with another server (port sharing between processes, or
 * several servers in one JVM): the creator detaches the queue from its URL group and shuts it down
 * ({@code HttpShutdownRequestQueue}) before closing its handles; an attached server leaves the queue alone.
 */
@ExtendWith(LeakCheck.class)
@Timeout(60)
class QueueShutdownTest {

    private static Channel attach(HttpSysEventLoopGroup group, String queueName, int port) throws Exception {
        return new ServerBootstrap().group(group).channel(HttpSysServerChannel.class)
                .option(HttpSysChannelOption.REQUEST_QUEUE_NAME, queueName)
                .option(HttpSysChannelOption.REQUEST_QUEUE_MODE, HttpSysChannelOption.RequestQueueMode.ATTACH)
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(new StockHandlersTest.TextHandler("attached"));
                    }
                })
                .bind(HttpSysAddress.ofPort(port)).sync().channel();
    }

    private static TestServer creator(String queueName) throws Exception {
        return TestServer.builder()
                .option(HttpSysChannelOption.REQUEST_QUEUE_NAME, queueName)
                .pipeline(ch -> ch.pipeline().addLast(new StockHandlersTest.TextHandler("creator"))).start();
    }

    /**
     * The attached server's receives end with {@code ERROR_OPERATION_ABORTED} when the creator shuts the queue
     * down; it closes instead of waiting forever on a queue that no URL routes to any more.
     */
    @Test
    void closingTheCreatorShutsTheQueueDownAndTheAttachedServerCloses() throws Exception {
        String queueName = "shutdown-creator-" + System.nanoTime();
        HttpSysEventLoopGroup group = new HttpSysEventLoopGroup(1);
        try {
            Channel attached;
            try (TestServer creator = creator(queueName)) {
                attached = attach(group, queueName, creator.port());
                assertTrue(attached.isOpen());
            }
            assertTrue(attached.closeFuture().await(20, TimeUnit.SECONDS), "the attached server is still open");
        } finally {
            group.shutdownGracefully(0, 5, TimeUnit.SECONDS).sync();
        }
    }

    @Test
    void closingAnAttachedServerLeavesTheCreatorServing() throws Exception {
        String queueName = "shutdown-attached-" + System.nanoTime();
        HttpSysEventLoopGroup group = new HttpSysEventLoopGroup(1);
        try (TestServer creator = creator(queueName)) {
            attach(group, queueName, creator.port()).close().sync();
            group.shutdownGracefully(0, 5, TimeUnit.SECONDS).sync();
            for (int i = 0; i < 5; i++) {
                assertEquals("creator", RequestResponseTest.get(creator, "/still-served/" + i).body());
            }
        } finally {
            group.shutdownGracefully(0, 5, TimeUnit.SECONDS).sync();
        }
    }
}
