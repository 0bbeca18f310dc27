package io.netty.contrib.httpsys.nativeapi.emulator;

import io.netty.contrib.httpsys.nativeapi.NativeAccess;


/**
 * A user account of the emulated machine: its domain (the machine's name, as for a local account on Windows),
 * its name, and its SID {@code S-1-5-21-<machine>-<RID>} ({@code SECURITY_NT_AUTHORITY}, a local account's
 * sub-authorities). What an emulated access token belongs to.
 */
final class EmulatedAccount {

    /** {@code SECURITY_NT_AUTHORITY}: the identifier authority of every Windows account SID. */
    private static final int NT_AUTHORITY = 5;
    /** {@code SECURITY_NT_NON_UNIQUE}, then the emulated machine's three sub-authorities. */
    private static final int[] MACHINE = {21, 1000000001, 1000000002, 1000000003};
    /** The first RID Windows gives a user account it creates. */
    static final int FIRST_USER_RID = 1000;

    final String domain;
    final String user;
    private final int[] subAuthorities;

    EmulatedAccount(String domain, String user, int rid) {
        this.domain = domain;
        this.user = user;
        subAuthorities = new int[MACHINE.length + 1];
        System.arraycopy(MACHINE, 0, subAuthorities, 0, MACHINE.length);
        subAuthorities[MACHINE.length] = rid;
    }

    /** The size of the binary SID: revision, count, 6-byte authority, 4 bytes per sub-authority. */
    int sidLength() {
        return 8 + 4 * subAuthorities.length;
    }

    /** Writes the binary SID at {@code address} (the layout of {@code winnt.h}'s {@code SID}). */
    void writeSid(long address) {
        NativeAccess.putByte(address, (byte) 1);
        NativeAccess.putByte(address + 1, (byte) subAuthorities.length);
        // IdentifierAuthority is a big-endian 6-byte value.
        for (int i = 0; i < 6; i++) {
            NativeAccess.putByte(address + 2 + i, (byte) (i == 5 ? NT_AUTHORITY : 0));
        }
        for (int i = 0; i < subAuthorities.length; i++) {
            NativeAccess.putInt(address + 8 + 4L * i, subAuthorities[i]);
        }
    }

    /** The SID's string form, {@code S-1-5-21-...}. */
    String sidString() {
        StringBuilder sid = new StringBuilder("S-1-").append(NT_AUTHORITY);
        for (int subAuthority : subAuthorities) {
            sid.append('-').append(Integer.toUnsignedString(subAuthority));
        }
        return sid.toString();
    }

    /** The string form of the binary SID at {@code address}, or {@code null} when it is not a valid SID. */
    static String sidString(long address) {
        if (address == 0 || NativeAccess.getByte(address) != 1) {
            return null;
        }
        int count = NativeAccess.getByte(address + 1) & 0xFF;
        long authority = 0;
        for (int i = 0; i < 6; i++) {
            authority = authority << 8 | NativeAccess.getByte(address + 2 + i) & 0xFF;
        }
        StringBuilder sid = new StringBuilder("S-1-").append(authority);
        for (int i = 0; i < count; i++) {
            sid.append('-').append(Integer.toUnsignedString(NativeAccess.getInt(address + 8 + 4L * i)));
        }
        return sid.toString();
    }
}
