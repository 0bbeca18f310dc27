package io.netty.contrib.httpsys.nativeapi.emulator;

/** Thrown inside the request parser when the kernel answers a request itself instead of delivering it. */
final class RequestRejectedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient KernelAnswer answer;

    RequestRejectedException(KernelAnswer answer, String why) {
        super(why, null, false, false);
        this.answer = answer;
    }

    KernelAnswer answer() {
        return answer;
    }
}
