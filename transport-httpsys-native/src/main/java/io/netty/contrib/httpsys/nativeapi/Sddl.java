package io.netty.contrib.httpsys.nativeapi;

/** The {@code sddl.h} constant {@link SecurityDescriptorApi} callers pass. Named verbatim as in the SDK. */
@NativeConstants("sddl.h")
public final class Sddl {

    // ConvertStringSecurityDescriptorToSecurityDescriptorW StringSDRevision: the only revision there is.
    public static final int SDDL_REVISION_1 = 1;

    private Sddl() {
    }
}
