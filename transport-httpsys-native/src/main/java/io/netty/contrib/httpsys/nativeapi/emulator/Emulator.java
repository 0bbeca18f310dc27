package io.netty.contrib.httpsys.nativeapi.emulator;

import io.netty.contrib.httpsys.nativeapi.HttpApi;
import io.netty.contrib.httpsys.nativeapi.IoCompletion;

/** Skeleton: replaced by the emulator. */
public final class Emulator {
    private Emulator() {
    }

    public static Emulator get() {
        throw new UnsupportedOperationException("not written yet");
    }

    public HttpApi httpApi() {
        throw new UnsupportedOperationException("not written yet");
    }

    public IoCompletion ioCompletion() {
        throw new UnsupportedOperationException("not written yet");
    }
}
