/**
 * Example servers whose handlers are the same on HTTP.SYS, NIO and epoll:
 * {@link io.netty.contrib.httpsys.examples.HelloWorldServer},
 * {@link io.netty.contrib.httpsys.examples.FileServer} and {@link io.netty.contrib.httpsys.examples.SnoopServer},
 * with {@link io.netty.contrib.httpsys.examples.ServerTransport} as the A/B switch
 * ({@code --transport httpsys|nio|epoll}).
 */
package io.netty.contrib.httpsys.examples;
