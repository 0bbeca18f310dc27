package io.netty.contrib.httpsys.nativeapi;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a holder of SDK constants, named after the header that defines them ({@code "http.h"}).
 * Every {@code public static final} {@code int} or {@code long} field is named verbatim as in the header,
 * and the ABI test checks its value against the golden data.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface NativeConstants {
    /** The SDK header the constants come from. */
    String value();
}
