package io.netty.contrib.httpsys.nativeapi.windows;

import io.netty.contrib.httpsys.nativeapi.HttpApi;
import io.netty.contrib.httpsys.nativeapi.IoCompletion;

/** Skeleton: replaced by the Windows binding. */
public final class WindowsHttpSys {
    private WindowsHttpSys() {
    }

    public static void ensureAvailability() {
        throw new UnsupportedOperationException("not written yet");
    }

    public static boolean isAvailable() {
        return false;
    }

    public static Throwable unavailabilityCause() {
        return new UnsupportedOperationException("not written yet");
    }

    public static HttpApi httpApi() {
        throw new UnsupportedOperationException("not written yet");
    }

    public static IoCompletion ioCompletion() {
        throw new UnsupportedOperationException("not written yet");
    }
}
