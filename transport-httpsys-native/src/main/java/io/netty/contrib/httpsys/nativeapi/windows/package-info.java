/**
 * The native backend: {@link io.netty.contrib.httpsys.nativeapi.HttpApi} and
 * {@link io.netty.contrib.httpsys.nativeapi.IoCompletion} bound to the real {@code httpapi.dll} and
 * {@code kernel32.dll}, for Windows on x64 only: through {@code java.lang.foreign} on JDK 22 and later (the
 * multi-release jar's {@code META-INF/versions/22}), through JNA direct mapping on JDK 17 to 21 or when
 * {@code -Dio.netty.contrib.httpsys.binding=jna} says so ({@code WindowsBinding}).
 * {@link io.netty.contrib.httpsys.nativeapi.windows.WindowsHttpSys} tells whether it loads on this machine and,
 * if not, why.
 */
package io.netty.contrib.httpsys.nativeapi.windows;
