package io.netty.contrib.httpsys.nativeapi;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code static final int} byte-offset constant of a {@link NativeStruct} layout class with the
 * field it mirrors, named as in the SDK headers ({@code "pRawUrl"}, or a dotted path into a union such as
 * {@code "FromMemory.pBuffer"}), and the field's size in bytes, which the accessors' widths follow.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface NativeField {
    /** The field's name (or dotted path) in the SDK headers. */
    String value();

    /** The field's size in bytes. */
    int size();
}
