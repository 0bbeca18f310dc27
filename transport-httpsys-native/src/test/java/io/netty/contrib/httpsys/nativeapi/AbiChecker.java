package io.netty.contrib.httpsys.nativeapi;

import io.netty.contrib.httpsys.nativeapi.AbiGoldenData.FieldLayout;
import io.netty.contrib.httpsys.nativeapi.AbiGoldenData.StructLayout;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Compares the layout classes ({@link NativeStruct}) and constant classes ({@link NativeConstants}) of the
 * binding with the golden data from the SDK headers, and collects one readable line per mismatch, each
 * naming the class and the field.
 *
 * <p>Layout classes: {@code static final int SIZE} must equal {@code sizeof}; every other
 * {@code static final int} is an offset that must carry {@link NativeField} and equal the golden offset,
 * with the annotation's size equal to the golden size.
 *
 * <p>Constant classes: every {@code public static final} {@code int}, {@code long}, {@code short} or
 * {@code byte} must exist in the golden data with the same value. The golden value is the C value's unsigned
 * bit pattern (32 bits wide for anything narrower than 64 bits). An {@code int}, {@code short} or
 * {@code byte} matches when its bits, read as unsigned, equal it, so {@code INFINITE = -1} and
 * {@code STATUS_CANCELLED = 0xC0000120} are right as {@code int}s. A {@code long} must equal it as an unsigned
 * 64-bit number: a 64-bit C value ({@code HTTP_BYTE_RANGE_TO_EOF}) matches in all 64 bits, and a 32-bit
 * C value held in a {@code long} must be zero-extended ({@code 0xFFFFFFFFL}, not {@code -1L}), because a
 * sign-extended copy would be a different value in any 64-bit slot it is stored into.
 */
final class AbiChecker {

    static final String SIZE_FIELD = "SIZE";

    private final AbiGoldenData golden;
    private final List<String> mismatches = new ArrayList<>();
    private int structsChecked;
    private int fieldsChecked;
    private int constantsChecked;

    AbiChecker(AbiGoldenData golden) {
        this.golden = golden;
    }

    /** Checks every annotated class among {@code classes}; unannotated classes are skipped. */
    AbiChecker checkAll(Iterable<Class<?>> classes) {
        for (Class<?> type : classes) {
            if (type.isAnnotationPresent(NativeStruct.class)) {
                checkStruct(type);
            }
            if (type.isAnnotationPresent(NativeConstants.class)) {
                checkConstants(type);
            }
        }
        return this;
    }

    AbiChecker checkStruct(Class<?> type) {
        String structName = type.getAnnotation(NativeStruct.class).value();
        StructLayout layout = golden.struct(structName);
        if (layout == null) {
            mismatches.add(type.getName() + ": struct " + structName + " is not in the golden ABI data");
            return this;
        }
        structsChecked++;
        boolean sawSize = false;
        for (Field field : type.getDeclaredFields()) {
            NativeField annotation = field.getAnnotation(NativeField.class);
            if (!isStaticFinal(field) || field.getType() != int.class) {
                if (annotation != null) {
                    mismatches.add(where(type, field) + ": @NativeField on a field that is not a static final int");
                }
                continue;
            }
            int value = intValue(field);
            if (SIZE_FIELD.equals(field.getName()) && annotation == null) {
                sawSize = true;
                if (value != layout.size()) {
                    mismatches.add(where(type, field) + ": sizeof(" + structName + ") is " + layout.size()
                            + ", the class says " + value);
                }
                continue;
            }
            if (annotation == null) {
                mismatches.add(where(type, field) + ": static final int without @NativeField (offset of what?)");
                continue;
            }
            checkField(type, field, structName, layout, annotation, value);
        }
        if (!sawSize) {
            mismatches.add(type.getName() + ": no static final int " + SIZE_FIELD + " (sizeof(" + structName
                    + ") is " + layout.size() + ")");
        }
        return this;
    }

    private void checkField(Class<?> type, Field field, String structName, StructLayout layout,
                            NativeField annotation, int offset) {
        FieldLayout expected = layout.fields().get(annotation.value());
        if (expected == null) {
            mismatches.add(where(type, field) + ": " + structName + "." + annotation.value()
                    + " is not in the golden ABI data");
            return;
        }
        fieldsChecked++;
        if (expected.offset() != offset) {
            mismatches.add(where(type, field) + ": offset of " + structName + "." + annotation.value() + " is "
                    + expected.offset() + ", the class says " + offset);
        }
        if (expected.size() != annotation.size()) {
            mismatches.add(where(type, field) + ": size of " + structName + "." + annotation.value() + " is "
                    + expected.size() + ", @NativeField says " + annotation.size());
        }
    }

    AbiChecker checkConstants(Class<?> type) {
        for (Field field : type.getDeclaredFields()) {
            if (!isStaticFinal(field) || !Modifier.isPublic(field.getModifiers()) || !isIntegral(field.getType())) {
                continue;
            }
            BigInteger expected = golden.constant(field.getName());
            if (expected == null) {
                mismatches.add(where(type, field) + ": constant " + field.getName()
                        + " is not in the golden ABI data");
                continue;
            }
            constantsChecked++;
            BigInteger actual = unsignedValue(field);
            if (!expected.equals(actual)) {
                mismatches.add(where(type, field) + ": " + field.getName() + " is " + expected + " (0x"
                        + expected.toString(16).toUpperCase() + "), the class says " + actual + " (0x"
                        + actual.toString(16).toUpperCase() + ")");
            }
        }
        return this;
    }

    List<String> mismatches() {
        return Collections.unmodifiableList(mismatches);
    }

    int structsChecked() {
        return structsChecked;
    }

    int fieldsChecked() {
        return fieldsChecked;
    }

    int constantsChecked() {
        return constantsChecked;
    }

    private static boolean isStaticFinal(Field field) {
        int modifiers = field.getModifiers();
        return Modifier.isStatic(modifiers) && Modifier.isFinal(modifiers);
    }

    private static boolean isIntegral(Class<?> type) {
        return type == int.class || type == long.class || type == short.class || type == byte.class;
    }

    private static int intValue(Field field) {
        try {
            field.setAccessible(true);
            return field.getInt(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The field's value as the unsigned number its bits spell at the field's own width. */
    private static BigInteger unsignedValue(Field field) {
        try {
            Class<?> type = field.getType();
            if (type == long.class) {
                return new BigInteger(Long.toUnsignedString(field.getLong(null)));
            }
            if (type == int.class) {
                return BigInteger.valueOf(Integer.toUnsignedLong(field.getInt(null)));
            }
            if (type == short.class) {
                return BigInteger.valueOf(Short.toUnsignedInt(field.getShort(null)));
            }
            return BigInteger.valueOf(Byte.toUnsignedInt(field.getByte(null)));
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String where(Class<?> type, Field field) {
        return type.getName() + "." + field.getName();
    }
}
