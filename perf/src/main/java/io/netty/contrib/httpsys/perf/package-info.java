/**
 * The load side of the benchmarks: {@link io.netty.contrib.httpsys.perf.LoadGenerator} (a closed-loop HTTP(S)
 * client in the manner of WCAT), {@link io.netty.contrib.httpsys.perf.HelloServer} (the benchmark's server on its
 * own) and {@link io.netty.contrib.httpsys.perf.PerfMatrix} (every server variant against every scenario, one
 * table of medians). See {@code perf/README.md}. {@link io.netty.contrib.httpsys.perf.WindowsVerification} is the
 * Windows verification kit that {@code verify-windows.cmd} runs.
 */
package io.netty.contrib.httpsys.perf;
