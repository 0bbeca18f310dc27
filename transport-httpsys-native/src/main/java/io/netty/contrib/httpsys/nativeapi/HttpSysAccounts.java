package io.netty.contrib.httpsys.nativeapi;

import io.netty.contrib.httpsys.nativeapi.emulator.EmulatedAccountNames;
import io.netty.contrib.httpsys.nativeapi.windows.WindowsAccountNames;
import io.netty.util.internal.PlatformDependent;

/**
 * The {@link AccountNames} that go with this JVM's {@link HttpSysBackend}: Windows' own account database when the
 * backend is the kernel, the emulator's table otherwise (the emulator, or a backend a test installed).
 */
public final class HttpSysAccounts {

    private HttpSysAccounts() {
    }

    /** The account names of {@link HttpSysBackend#current()}. */
    public static AccountNames current() {
        HttpSysBackend backend = HttpSysBackend.current();
        return PlatformDependent.isWindows() && "native".equals(backend.name())
                ? WindowsAccountNames.load() : EmulatedAccountNames.get();
    }
}
