package io.netty.contrib.httpsys.nativeapi.struct;

import io.netty.contrib.httpsys.nativeapi.NativeField;
import io.netty.contrib.httpsys.nativeapi.NativeStruct;

/**
 * {@code TOKEN_USER} ({@code winnt.h}): what {@code GetTokenInformation(TokenUser)} returns, the user an access
 * token belongs to. {@code User.Sid} points into the same buffer, behind the struct.
 *
 * <pre>
 * offset  type                field
 *      0  SID_AND_ATTRIBUTES  User
 *     16                      sizeof = 16
 * </pre>
 */
@NativeStruct("TOKEN_USER")
public final class TokenUser {

    public static final int SIZE = 16;

    @NativeField(value = "User", size = SidAndAttributes.SIZE)
    public static final int USER = 0;

    private TokenUser() {
    }

    /** The address of the embedded {@code SID_AND_ATTRIBUTES}. */
    public static long user(long address) {
        return address + USER;
    }

    /** {@code User.Sid}: the user's SID. */
    public static long userSid(long address) {
        return SidAndAttributes.sid(user(address));
    }
}
