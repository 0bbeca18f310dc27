package io.netty.contrib.httpsys.nativeapi.struct;

import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.NativeField;
import io.netty.contrib.httpsys.nativeapi.NativeStruct;

/**
 * {@code HTTP_CACHE_POLICY}: the kernel response-cache policy passed to {@code HttpSendHttpResponse}. The
 * transport passes {@code HttpCachePolicyTimeToLive} with {@code SecondsToLive} only for responses that are
 * safe to share between users, so later hits are served by HTTP.SYS without reaching Java.
 *
 * <pre>
 * offset  type                    field
 *      0  HTTP_CACHE_POLICY_TYPE  Policy
 *      4  ULONG                   SecondsToLive
 *      8                          sizeof = 8
 * </pre>
 */
@NativeStruct("HTTP_CACHE_POLICY")
public final class HttpCachePolicy {

    public static final int SIZE = 8;

    @NativeField(value = "Policy", size = 4)
    public static final int POLICY = 0;

    @NativeField(value = "SecondsToLive", size = 4)
    public static final int SECONDS_TO_LIVE = 4;

    private HttpCachePolicy() {
    }

    public static int policy(long address) {
        return NativeAccess.getInt(address + POLICY);
    }

    public static void setPolicy(long address, int value) {
        NativeAccess.putInt(address + POLICY, value);
    }

    public static int secondsToLive(long address) {
        return NativeAccess.getInt(address + SECONDS_TO_LIVE);
    }

    public static void setSecondsToLive(long address, int value) {
        NativeAccess.putInt(address + SECONDS_TO_LIVE, value);
    }
}
