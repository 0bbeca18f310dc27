package io.netty.contrib.httpsys;

import io.netty.contrib.httpsys.nativeapi.HttpSysException;
import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.NativeMemory;
import io.netty.contrib.httpsys.nativeapi.Sddl;
import io.netty.contrib.httpsys.nativeapi.SecurityDescriptorApi;
import io.netty.contrib.httpsys.nativeapi.struct.SecurityAttributes;

/**
 * The {@code SECURITY_ATTRIBUTES} of {@link HttpSysChannelOption#REQUEST_QUEUE_SECURITY_DESCRIPTOR}, for the one
 * {@code HttpCreateRequestQueue} call that creates the queue: the SDDL converted by
 * {@code ConvertStringSecurityDescriptorToSecurityDescriptorW}, whose descriptor {@link #close()} gives back with
 * {@code LocalFree}, as that function's reference asks. The kernel keeps its own copy, so nothing outlives the call.
 */
final class QueueSecurityAttributes implements AutoCloseable {

    private final SecurityDescriptorApi security;
    private final long descriptor;
    private final long attributes;

    private QueueSecurityAttributes(SecurityDescriptorApi security, long descriptor, long attributes) {
        this.security = security;
        this.descriptor = descriptor;
        this.attributes = attributes;
    }

    /**
     * Converts {@code sddl}.
     *
     * @throws HttpSysException when it is not a security descriptor string the system accepts
     */
    static QueueSecurityAttributes fromSddl(String sddl) throws HttpSysException {
        SecurityDescriptorApi security = SecurityDescriptorApi.current();
        long out = NativeMemory.allocate(Long.BYTES);
        long descriptor;
        try {
            if (!security.ConvertStringSecurityDescriptorToSecurityDescriptorW(sddl, Sddl.SDDL_REVISION_1, out, 0)) {
                throw HttpSysException.withAdvice("ConvertStringSecurityDescriptorToSecurityDescriptorW",
                        security.GetLastError(), sddl, "HttpSysChannelOption.REQUEST_QUEUE_SECURITY_DESCRIPTOR must "
                                + "be a security descriptor string (SDDL), such as D:(A;;GA;;;OW)(A;;GA;;;S-1-5-...) "
                                + "to let the queue's owner and one more account open the queue");
            }
            descriptor = NativeAccess.getLong(out);
        } finally {
            NativeMemory.free(out, Long.BYTES);
        }
        long attributes = NativeMemory.allocate(SecurityAttributes.SIZE);
        SecurityAttributes.setNLength(attributes, SecurityAttributes.SIZE);
        SecurityAttributes.setLpSecurityDescriptor(attributes, descriptor);
        SecurityAttributes.setBInheritHandle(attributes, false);
        return new QueueSecurityAttributes(security, descriptor, attributes);
    }

    /** The {@code SECURITY_ATTRIBUTES} to pass. */
    long address() {
        return attributes;
    }

    @Override
    public void close() {
        NativeMemory.free(attributes, SecurityAttributes.SIZE);
        security.LocalFree(descriptor);
    }
}
