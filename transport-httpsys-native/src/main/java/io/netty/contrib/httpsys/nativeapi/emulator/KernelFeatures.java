package io.netty.contrib.httpsys.nativeapi.emulator;

import io.netty.contrib.httpsys.nativeapi.Http;
import io.netty.util.internal.SystemPropertyUtil;

/**
 * Which optional HTTP.SYS features the emulated Windows build has: the answer of {@code HttpIsFeatureSupported}
 * and what the kernel then accepts.
 *
 * <p>{@code HttpFeatureResponseTrailers}: {@code HttpDataChunkTrailers} exists from Windows 10 version 2004's
 * successors on ("Windows 10, version 2004 and prior: This flag is not supported", {@code HTTP_DATA_CHUNK_TYPE}
 * docs; Windows Server 2022 / Windows 11 have it). The emulator has it unless the system property
 * {@value #RESPONSE_TRAILERS_PROPERTY} is {@code 0}; it is read on every query, so that a test can emulate an
 * older Windows for one server and a newer one for the next (a real machine answers the same all its life).
 * Without the feature a trailers chunk is an unknown {@code HTTP_DATA_CHUNK_TYPE}, refused with
 * {@code ERROR_INVALID_PARAMETER} as any out-of-range type.
 *
 * <p>{@code HttpFeatureHttp3}: HTTP/3 ({@link Http3Listener}) is served when {@value #ENABLE_HTTP3_PROPERTY} is
 * {@code 1}, the registry value {@code EnableHttp3} of Windows Server 2022, where it is opt-in (default 0). Other
 * features are not emulated. This class names no QUIC type, so that a JVM without the optional HTTP/3 libraries
 * loads the kernel.
 */
public final class KernelFeatures {

    /** {@code 0} emulates a Windows without response trailers; default {@code 1}. */
    public static final String RESPONSE_TRAILERS_PROPERTY = CacheLimits.PROPERTY_PREFIX + "ResponseTrailers";
    /** {@code 1} serves HTTP/3 on {@code https} ports bound from then on; default {@code 0}. */
    public static final String ENABLE_HTTP3_PROPERTY = CacheLimits.PROPERTY_PREFIX + "EnableHttp3";

    private KernelFeatures() {
    }

    /** {@code HttpIsFeatureSupported(featureId)} of the emulated build. */
    public static boolean isSupported(int featureId) {
        return featureId == Http.HttpFeatureResponseTrailers && responseTrailers()
                || featureId == Http.HttpFeatureHttp3 && http3();
    }

    /** Whether HTTP/3 is turned on ({@code EnableHttp3}). */
    static boolean http3() {
        return SystemPropertyUtil.getInt(ENABLE_HTTP3_PROPERTY, 0) != 0;
    }

    /** Whether {@code HttpDataChunkTrailers} is accepted. */
    static boolean responseTrailers() {
        return SystemPropertyUtil.getInt(RESPONSE_TRAILERS_PROPERTY, 1) != 0;
    }
}
