package io.netty.contrib.httpsys.nativeapi;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HttpSysBackendTest {

    @Test
    void aBackendOfYourOwnIsRefusedOnceTheBackendWasChosen() {
        HttpSysBackend chosen = HttpSysBackend.current();
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> HttpSysBackend.install("fake", chosen.httpApi(), chosen.ioCompletion()));
        assertTrue(refused.getMessage().contains("already chosen (" + chosen.name() + ")"), refused.getMessage());
        assertSame(chosen, HttpSysBackend.current());
    }
}
