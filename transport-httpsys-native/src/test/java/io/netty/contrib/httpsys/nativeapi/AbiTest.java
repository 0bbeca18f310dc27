package io.netty.contrib.httpsys.nativeapi;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Proves the binding's x64 ABI without Windows: every offset, size and constant in the annotated layout and
 * constant classes of {@code io.netty.contrib.httpsys.nativeapi} (and subpackages) must match the golden data
 * that {@code src/abi/generate.sh} computed with the SDK headers ({@code src/test/resources/abi}).
 */
class AbiTest {

    // Floors, not exact counts: the binding lays out close to 50 structs with well over 200 offsets and uses
    // more than 250 constants. A scan that silently found little or nothing (a moved package, a broken class
    // listing, a lost annotation) must fail rather than pass with nothing checked; the margin leaves room to
    // retire a layout class without touching this test.
    private static final int MIN_STRUCTS = 30;
    private static final int MIN_FIELDS = 150;
    private static final int MIN_CONSTANTS = 200;

    @Test
    void everyAnnotatedOffsetSizeAndConstantMatchesTheSdkHeaders() {
        List<Class<?>> classes = NativeApiClasses.list();
        AbiChecker checker = new AbiChecker(AbiGoldenData.load()).checkAll(classes);

        assertTrue(checker.mismatches().isEmpty(), () -> checker.mismatches().size()
                + " ABI mismatch(es) against src/test/resources/abi (regenerate with src/abi/generate.sh only if the"
                + " headers changed):\n  " + String.join("\n  ", checker.mismatches()));
        assertTrue(checker.structsChecked() >= MIN_STRUCTS,
                () -> "only " + checker.structsChecked() + " @NativeStruct classes checked among " + classes.size()
                        + " classes; expected at least " + MIN_STRUCTS);
        assertTrue(checker.fieldsChecked() >= MIN_FIELDS,
                () -> "only " + checker.fieldsChecked() + " @NativeField offsets checked; expected at least "
                        + MIN_FIELDS);
        assertTrue(checker.constantsChecked() >= MIN_CONSTANTS,
                () -> "only " + checker.constantsChecked() + " constants checked; expected at least "
                        + MIN_CONSTANTS);
        System.out.printf("ABI: %d structs, %d fields, %d constants checked in %d classes%n",
                checker.structsChecked(), checker.fieldsChecked(), checker.constantsChecked(), classes.size());
    }
}
