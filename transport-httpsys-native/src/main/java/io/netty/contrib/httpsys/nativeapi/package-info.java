/**
 * The HTTP Server API v2 ({@code httpapi.dll}) and the I/O completion port functions ({@code kernel32.dll}) as
 * Java interfaces, one method per SDK function under its SDK name ({@link io.netty.contrib.httpsys.nativeapi.HttpApi},
 * {@link io.netty.contrib.httpsys.nativeapi.IoCompletion}), with the SDK's constants and error codes; and the
 * {@code advapi32.dll} token functions that name the user of an authenticated request
 * ({@link io.netty.contrib.httpsys.nativeapi.TokenApi}).
 *
 * <p>{@link io.netty.contrib.httpsys.nativeapi.HttpSysBackend} picks the implementation once per JVM: the JNA
 * binding of the real DLLs on Windows x64 ({@code nativeapi.windows}) or the user-mode emulator
 * ({@code nativeapi.emulator}) elsewhere; the system property {@code io.netty.contrib.httpsys.backend}
 * ({@code auto}, {@code native}, {@code emulator}) overrides the choice. Failed calls become
 * {@link io.netty.contrib.httpsys.nativeapi.HttpSysException}s whose messages say what to do, for example which
 * {@code netsh} command lets this user register a URL prefix.
 *
 * <p>This is the layer the transport ({@code io.netty.contrib.httpsys}) is written against; applications normally
 * do not use it directly.
 */
package io.netty.contrib.httpsys.nativeapi;
