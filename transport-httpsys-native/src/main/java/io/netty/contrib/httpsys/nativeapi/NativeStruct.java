package io.netty.contrib.httpsys.nativeapi;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a layout class that mirrors one SDK struct, named verbatim ({@code "HTTP_REQUEST_V2"}).
 *
 * <p>Its {@code static final int SIZE} is the struct's {@code sizeof}, and every other
 * {@code static final int} field is a byte offset annotated with {@link NativeField}. The ABI test checks
 * all of them against the golden data generated from the SDK headers, and fails on any that the golden
 * data lacks.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface NativeStruct {
    /** The struct's name in the SDK headers. */
    String value();
}
