/**
 * The native backend: {@link io.netty.contrib.httpsys.nativeapi.HttpApi} and
 * {@link io.netty.contrib.httpsys.nativeapi.IoCompletion} bound to the real {@code httpapi.dll} and
 * {@code kernel32.dll} through JNA direct mapping, for Windows on x64 only.
 * {@link io.netty.contrib.httpsys.nativeapi.windows.WindowsHttpSys} tells whether it loads on this machine and,
 * if not, why.
 */
package io.netty.contrib.httpsys.nativeapi.windows;
