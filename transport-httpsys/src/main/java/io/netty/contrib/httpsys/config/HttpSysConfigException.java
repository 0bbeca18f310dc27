package io.netty.contrib.httpsys.config;

import io.netty.contrib.httpsys.nativeapi.WinError;

import java.io.IOException;

/**
 * A configuration call that HTTP.SYS refused: the Win32 error code and its {@code winerror.h} name, the function,
 * what it was changing, and the exact fix for the errors people meet (5: run elevated; 183: delete the existing
 * record first; 2: nothing to delete or show).
 */
public final class HttpSysConfigException extends IOException {

    private static final long serialVersionUID = 1L;

    private final int errorCode;
    private final String function;

    HttpSysConfigException(String function, int errorCode, String object, String advice) {
        super(function + "(" + object + ") failed: " + errorCode + ' ' + WinError.nameOf(errorCode)
                + (advice == null ? "" : ": " + advice));
        this.errorCode = errorCode;
        this.function = function;
    }

    /** The Win32 error code, {@code 5} ({@code ERROR_ACCESS_DENIED}) for example. */
    public int errorCode() {
        return errorCode;
    }

    /** The function that failed, named as in the SDK. */
    public String function() {
        return function;
    }
}
