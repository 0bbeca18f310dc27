package io.netty.contrib.httpsys;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Installs {@link ScriptedKernel} before the first test class of the {@code scripted-kernel} surefire execution
 * runs, whichever class that is: a {@code -Dtest=} pattern can put other test classes in that JVM, and the first
 * transport object any of them makes would choose the emulator for good. Loaded only there, by JUnit's extension
 * auto-detection (enabled by that execution alone; see this module's pom). After each test it disarms whatever
 * the test left scripted.
 */
public final class ScriptedKernelInstaller implements BeforeAllCallback, AfterEachCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        if (Boolean.getBoolean(ScriptedKernel.EXECUTION_PROPERTY)) {
            ScriptedKernel.get();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (Boolean.getBoolean(ScriptedKernel.EXECUTION_PROPERTY)) {
            ScriptedKernel.get().reset();
        }
    }
}
