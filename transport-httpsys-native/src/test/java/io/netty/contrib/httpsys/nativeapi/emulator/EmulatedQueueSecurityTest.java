package io.netty.contrib.httpsys.nativeapi.emulator;

import io.netty.contrib.httpsys.nativeapi.Http;
import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.NativeMemory;
import io.netty.contrib.httpsys.nativeapi.Sddl;
import io.netty.contrib.httpsys.nativeapi.WinError;
import io.netty.contrib.httpsys.nativeapi.struct.SecurityAttributes;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The emulator's model of request queue security: its subset of SDDL ({@link QueueSecurity}), its opaque
 * descriptors ({@link EmulatedSecurityDescriptorApi}) and {@code HttpCreateRequestQueue}'s use of them.
 */
class EmulatedQueueSecurityTest {

    private static final String OWNER = "S-1-5-21-1-2-3-1000";
    private static final String OTHER = "S-1-5-21-1-2-3-1001";

    @Test
    void theSubsetDecidesByTheFirstMatchingAce() throws Exception {
        QueueSecurity ownerAndOther = QueueSecurity.parse("D:P(A;;GA;;;OW)(A;;GA;;;" + OTHER + ")");
        assertTrue(ownerAndOther.allows(OWNER, OWNER));
        assertTrue(ownerAndOther.allows(OTHER, OWNER));
        assertFalse(ownerAndOther.allows("S-1-5-21-1-2-3-1002", OWNER), "no ACE matches: denied");

        QueueSecurity allButOther = QueueSecurity.parse("D:(D;;GA;;;" + OTHER + ")(A;;GA;;;WD)");
        assertFalse(allButOther.allows(OTHER, OWNER), "the deny ACE comes first");
        assertTrue(allButOther.allows(OWNER, OWNER));

        assertTrue(QueueSecurity.parse("D:(A;;GA;;;SY)").allows("S-1-5-18", OWNER));
        assertFalse(QueueSecurity.parse("D:(A;;GA;;;BA)").allows(OWNER, OWNER), "identities have no groups");
    }

    @Test
    void withoutADescriptorTheCreatorAndLocalSystemMayOpen() {
        assertTrue(QueueSecurity.TOKEN_DEFAULT.allows(OWNER, OWNER));
        assertTrue(QueueSecurity.TOKEN_DEFAULT.allows("S-1-5-18", OWNER));
        assertFalse(QueueSecurity.TOKEN_DEFAULT.allows(OTHER, OWNER));
    }

    @Test
    void anythingOutsideTheSubsetIsRefusedWithTheReason() {
        String[][] refusals = {
                {"O:BAD:(A;;GA;;;WD)", "must start with D:"},
                {"D:(A;;GR;;;WD)", "rights GR are not GA"},
                {"D:(A;OICI;GA;;;WD)", "has flags or object GUIDs"},
                {"D:(AU;;GA;;;WD)", "ACE type AU"},
                {"D:(A;;GA;;;NS)", "trustee NS"},
                {"D:(A;;GA;;;WD", "expected an ACE"},
                {"D:(A;;GA;;WD)", "six fields"},
                {"D:", "must start with D:"},
        };
        for (String[] refusal : refusals) {
            QueueSecurity.UnsupportedSddlException e = assertThrows(QueueSecurity.UnsupportedSddlException.class,
                    () -> QueueSecurity.parse(refusal[0]), refusal[0]);
            assertTrue(e.getMessage().contains(refusal[1]), e.getMessage());
            assertTrue(e.getMessage().contains("It understands D: or D:P followed by (A;;GA;;;sid)"), e.getMessage());
        }
    }

    @Test
    void descriptorsConvertAndAreFreedWithLocalFree() {
        EmulatedSecurityDescriptorApi api = EmulatedSecurityDescriptorApi.get();
        long before = NativeMemory.outstandingAllocations();
        long out = NativeMemory.allocate(Long.BYTES + Integer.BYTES);
        long attributes = NativeMemory.allocate(SecurityAttributes.SIZE);
        try {
            assertTrue(api.ConvertStringSecurityDescriptorToSecurityDescriptorW("D:(A;;GA;;;" + OTHER + ")",
                    Sddl.SDDL_REVISION_1, out, out + Long.BYTES));
            long descriptor = NativeAccess.getLong(out);
            assertTrue(NativeAccess.getInt(out + Long.BYTES) > 0, "the size is reported");
            SecurityAttributes.setNLength(attributes, SecurityAttributes.SIZE);
            SecurityAttributes.setLpSecurityDescriptor(attributes, descriptor);
            assertTrue(EmulatedSecurityDescriptorApi.read(attributes).allows(OTHER, OWNER));
            assertEquals(0, api.LocalFree(descriptor));
            assertEquals(descriptor, api.LocalFree(descriptor), "a freed descriptor is not freed twice");
            assertEquals(WinError.ERROR_INVALID_HANDLE, api.GetLastError());

            assertFalse(api.ConvertStringSecurityDescriptorToSecurityDescriptorW("D:(A;;GR;;;WD)",
                    Sddl.SDDL_REVISION_1, out, 0));
            assertEquals(WinError.ERROR_INVALID_PARAMETER, api.GetLastError());
        } finally {
            NativeMemory.free(attributes, SecurityAttributes.SIZE);
            NativeMemory.free(out, Long.BYTES + Integer.BYTES);
        }
        assertEquals(before, NativeMemory.outstandingAllocations());
    }

    @Test
    void openingAnExistingQueueTakesNoSecurityAttributes() {
        EmulatedHttpApi api = new EmulatedHttpApi(new Kernel());
        long out = NativeMemory.allocate(Long.BYTES);
        long attributes = NativeMemory.allocate(SecurityAttributes.SIZE);
        try {
            SecurityAttributes.setNLength(attributes, SecurityAttributes.SIZE);
            SecurityAttributes.setLpSecurityDescriptor(attributes, 0);
            assertEquals(WinError.NO_ERROR, api.HttpCreateRequestQueue(Http.HTTPAPI_VERSION_2, "security-q",
                    attributes, 0, out), "a NULL descriptor: the token's default");
            long handle = NativeAccess.getLong(out);
            assertEquals(WinError.ERROR_INVALID_PARAMETER, api.HttpCreateRequestQueue(Http.HTTPAPI_VERSION_2,
                    "security-q", attributes, Http.HTTP_CREATE_REQUEST_QUEUE_FLAG_OPEN_EXISTING, out));
            try (EmulatedIdentity.Impersonation ignored = EmulatedIdentity.impersonate(OTHER)) {
                assertEquals(WinError.ERROR_ACCESS_DENIED, api.HttpCreateRequestQueue(Http.HTTPAPI_VERSION_2,
                        "security-q", 0, Http.HTTP_CREATE_REQUEST_QUEUE_FLAG_OPEN_EXISTING, out));
            }
            assertEquals(WinError.NO_ERROR, api.HttpCreateRequestQueue(Http.HTTPAPI_VERSION_2, "security-q", 0,
                    Http.HTTP_CREATE_REQUEST_QUEUE_FLAG_OPEN_EXISTING, out), "the impersonation ended");
            api.HttpCloseRequestQueue(NativeAccess.getLong(out));
            api.HttpCloseRequestQueue(handle);
        } finally {
            NativeMemory.free(attributes, SecurityAttributes.SIZE);
            NativeMemory.free(out, Long.BYTES);
        }
    }
}
