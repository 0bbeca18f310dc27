/**
 * A kernel that does no work ({@link io.netty.contrib.httpsys.perf.nullkernel.NullKernel}) and the request images
 * it hands out, so that benchmarks measure the transport's own cost per request.
 */
package io.netty.contrib.httpsys.perf.nullkernel;
