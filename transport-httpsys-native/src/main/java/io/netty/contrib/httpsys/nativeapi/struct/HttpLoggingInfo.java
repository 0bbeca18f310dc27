package io.netty.contrib.httpsys.nativeapi.struct;

import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.NativeField;
import io.netty.contrib.httpsys.nativeapi.NativeStruct;

/**
 * {@code HTTP_LOGGING_INFO}: the value of {@code HttpServerLoggingProperty}, which makes HTTP.SYS write a
 * request log itself (W3C, IIS, NCSA or raw {@code Format}, rolled over by {@code RolloverType}).
 * {@code SoftwareName} and {@code DirectoryName} are UTF-16 strings with lengths in bytes; {@code Fields}
 * selects the W3C fields.
 *
 * <pre>
 * offset  type                        field
 *      0  HTTP_PROPERTY_FLAGS         Flags
 *      4  ULONG                       LoggingFlags
 *      8  PCWSTR                      SoftwareName
 *     16  USHORT                      SoftwareNameLength
 *     18  USHORT                      DirectoryNameLength
 *     20                              (4 bytes of padding)
 *     24  PCWSTR                      DirectoryName
 *     32  HTTP_LOGGING_TYPE           Format
 *     36  ULONG                       Fields
 *     40  PVOID                       pExtFields
 *     48  USHORT                      NumOfExtFields
 *     50  USHORT                      MaxRecordSize
 *     52  HTTP_LOGGING_ROLLOVER_TYPE  RolloverType
 *     56  ULONG                       RolloverSize
 *     60                              (4 bytes of padding)
 *     64  PSECURITY_DESCRIPTOR        pSecurityDescriptor
 *     72                              sizeof = 72
 * </pre>
 */
@NativeStruct("HTTP_LOGGING_INFO")
public final class HttpLoggingInfo {

    public static final int SIZE = 72;

    @NativeField(value = "Flags", size = 4)
    public static final int FLAGS = 0;

    @NativeField(value = "LoggingFlags", size = 4)
    public static final int LOGGING_FLAGS = 4;

    @NativeField(value = "SoftwareName", size = 8)
    public static final int SOFTWARE_NAME = 8;

    @NativeField(value = "SoftwareNameLength", size = 2)
    public static final int SOFTWARE_NAME_LENGTH = 16;

    @NativeField(value = "DirectoryNameLength", size = 2)
    public static final int DIRECTORY_NAME_LENGTH = 18;

    @NativeField(value = "DirectoryName", size = 8)
    public static final int DIRECTORY_NAME = 24;

    @NativeField(value = "Format", size = 4)
    public static final int FORMAT = 32;

    @NativeField(value = "Fields", size = 4)
    public static final int FIELDS = 36;

    @NativeField(value = "pExtFields", size = 8)
    public static final int EXT_FIELDS = 40;

    @NativeField(value = "NumOfExtFields", size = 2)
    public static final int NUM_OF_EXT_FIELDS = 48;

    @NativeField(value = "MaxRecordSize", size = 2)
    public static final int MAX_RECORD_SIZE = 50;

    @NativeField(value = "RolloverType", size = 4)
    public static final int ROLLOVER_TYPE = 52;

    @NativeField(value = "RolloverSize", size = 4)
    public static final int ROLLOVER_SIZE = 56;

    @NativeField(value = "pSecurityDescriptor", size = 8)
    public static final int SECURITY_DESCRIPTOR = 64;

    private HttpLoggingInfo() {
    }

    /** {@code HTTP_PROPERTY_FLAGS}: 1 ({@code Present}) to apply the property, see {@link HttpPropertyFlags}. */
    public static int flags(long address) {
        return NativeAccess.getInt(address + FLAGS);
    }

    public static void setFlags(long address, int value) {
        NativeAccess.putInt(address + FLAGS, value);
    }

    public static int loggingFlags(long address) {
        return NativeAccess.getInt(address + LOGGING_FLAGS);
    }

    public static void setLoggingFlags(long address, int value) {
        NativeAccess.putInt(address + LOGGING_FLAGS, value);
    }

    public static long softwareName(long address) {
        return NativeAccess.getLong(address + SOFTWARE_NAME);
    }

    public static void setSoftwareName(long address, long value) {
        NativeAccess.putLong(address + SOFTWARE_NAME, value);
    }

    public static int softwareNameLength(long address) {
        return NativeAccess.getShort(address + SOFTWARE_NAME_LENGTH) & 0xFFFF;
    }

    public static void setSoftwareNameLength(long address, int value) {
        NativeAccess.putShort(address + SOFTWARE_NAME_LENGTH, (short) value);
    }

    public static int directoryNameLength(long address) {
        return NativeAccess.getShort(address + DIRECTORY_NAME_LENGTH) & 0xFFFF;
    }

    public static void setDirectoryNameLength(long address, int value) {
        NativeAccess.putShort(address + DIRECTORY_NAME_LENGTH, (short) value);
    }

    public static long directoryName(long address) {
        return NativeAccess.getLong(address + DIRECTORY_NAME);
    }

    public static void setDirectoryName(long address, long value) {
        NativeAccess.putLong(address + DIRECTORY_NAME, value);
    }

    public static int format(long address) {
        return NativeAccess.getInt(address + FORMAT);
    }

    public static void setFormat(long address, int value) {
        NativeAccess.putInt(address + FORMAT, value);
    }

    public static int fields(long address) {
        return NativeAccess.getInt(address + FIELDS);
    }

    public static void setFields(long address, int value) {
        NativeAccess.putInt(address + FIELDS, value);
    }

    public static long extFields(long address) {
        return NativeAccess.getLong(address + EXT_FIELDS);
    }

    public static void setExtFields(long address, long value) {
        NativeAccess.putLong(address + EXT_FIELDS, value);
    }

    public static int numOfExtFields(long address) {
        return NativeAccess.getShort(address + NUM_OF_EXT_FIELDS) & 0xFFFF;
    }

    public static void setNumOfExtFields(long address, int value) {
        NativeAccess.putShort(address + NUM_OF_EXT_FIELDS, (short) value);
    }

    public static int maxRecordSize(long address) {
        return NativeAccess.getShort(address + MAX_RECORD_SIZE) & 0xFFFF;
    }

    public static void setMaxRecordSize(long address, int value) {
        NativeAccess.putShort(address + MAX_RECORD_SIZE, (short) value);
    }

    public static int rolloverType(long address) {
        return NativeAccess.getInt(address + ROLLOVER_TYPE);
    }

    public static void setRolloverType(long address, int value) {
        NativeAccess.putInt(address + ROLLOVER_TYPE, value);
    }

    public static int rolloverSize(long address) {
        return NativeAccess.getInt(address + ROLLOVER_SIZE);
    }

    public static void setRolloverSize(long address, int value) {
        NativeAccess.putInt(address + ROLLOVER_SIZE, value);
    }

    public static long securityDescriptor(long address) {
        return NativeAccess.getLong(address + SECURITY_DESCRIPTOR);
    }

    public static void setSecurityDescriptor(long address, long value) {
        NativeAccess.putLong(address + SECURITY_DESCRIPTOR, value);
    }
}
