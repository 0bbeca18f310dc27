/**
 * JMH benchmarks of CPU and allocation per request: the transport's path against a null kernel, the same
 * requests through NIO's {@code HttpServerCodec} pipeline, the benchmark handler alone (the floor both pay), and
 * the cost of one JNA call.
 */
package io.netty.contrib.httpsys.perf.jmh;
