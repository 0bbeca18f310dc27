package io.netty.contrib.httpsys.nativeapi.windows;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.JRE;
import org.junit.jupiter.api.condition.OS;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The choice between the JNA and the FFM binding: FFM exactly where the JDK (22+) and the build (the
 * {@code java22} sources) have it, JNA otherwise, and the property's two ways of going wrong said clearly.
 */
class WindowsBindingTest {

    private final String propertyBefore = System.getProperty(WindowsBinding.BINDING_PROPERTY);

    @AfterEach
    void restoreProperty() {
        if (propertyBefore == null) {
            System.clearProperty(WindowsBinding.BINDING_PROPERTY);
        } else {
            System.setProperty(WindowsBinding.BINDING_PROPERTY, propertyBefore);
        }
    }

    @Test
    void foreignBindingIsAvailableExactlyFromJdk22() {
        // A JDK 22+ build compiles src/main/java22 (the ffm profile); a JDK 17 build neither compiles nor loads it.
        assertEquals(Runtime.version().feature() >= 22, WindowsBinding.isForeignAvailable());
    }

    @Test
    @EnabledForJreRange(max = JRE.JAVA_21)
    void forcingFfmBeforeJdk22SaysWhichJdkItNeeds() {
        System.setProperty(WindowsBinding.BINDING_PROPERTY, "ffm");
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, WindowsBinding::load);
        assertTrue(e.getMessage().contains("needs JDK 22 or later"), e.getMessage());
    }

    @Test
    void anUnknownBindingIsRefusedWithTheChoices() {
        System.setProperty(WindowsBinding.BINDING_PROPERTY, "jni");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, WindowsBinding::load);
        assertTrue(e.getMessage().contains("use auto, jna or ffm"), e.getMessage());
    }

    @Test
    @EnabledOnOs(value = OS.WINDOWS, architectures = "amd64")
    @EnabledForJreRange(min = JRE.JAVA_22)
    void theNativeBackendUsesFfmOnJdk22AndLater() {
        assumeFalse(WindowsBinding.JNA.equals(propertyBefore), "JNA forced");
        assertEquals(WindowsBinding.FFM, WindowsHttpSys.binding(),
                () -> String.valueOf(WindowsHttpSys.unavailabilityCause()));
    }
}
