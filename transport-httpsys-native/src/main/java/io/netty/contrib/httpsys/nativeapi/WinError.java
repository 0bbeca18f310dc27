package io.netty.contrib.httpsys.nativeapi;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;

/**
 * The Win32 error codes ({@code winerror.h}) that the HTTP Server API functions return and that the
 * transport and the emulator act on, named verbatim as in the SDK.
 *
 * <p>{@link #nameOf(int)} turns a code into its name for exception messages and logs, so that an
 * operator reads {@code ERROR_ACCESS_DENIED} rather than {@code 5}.
 */
@NativeConstants("winerror.h")
public final class WinError {

    public static final int ERROR_SUCCESS = 0;
    public static final int NO_ERROR = 0;
    public static final int ERROR_INVALID_FUNCTION = 1;
    public static final int ERROR_FILE_NOT_FOUND = 2;
    public static final int ERROR_ACCESS_DENIED = 5;
    public static final int ERROR_INVALID_HANDLE = 6;
    public static final int ERROR_NOT_ENOUGH_MEMORY = 8;
    public static final int ERROR_BAD_COMMAND = 22;
    public static final int ERROR_SHARING_VIOLATION = 32;
    public static final int ERROR_HANDLE_EOF = 38;
    public static final int ERROR_NOT_SUPPORTED = 50;
    public static final int ERROR_NETNAME_DELETED = 64;
    public static final int ERROR_BAD_NET_NAME = 67;
    public static final int ERROR_FILE_EXISTS = 80;
    public static final int ERROR_INVALID_PARAMETER = 87;
    public static final int ERROR_CALL_NOT_IMPLEMENTED = 120;
    public static final int ERROR_INSUFFICIENT_BUFFER = 122;
    // LoadLibrary / GetProcAddress failures: an httpapi.dll too old for an optional export.
    public static final int ERROR_MOD_NOT_FOUND = 126;
    public static final int ERROR_PROC_NOT_FOUND = 127;
    public static final int ERROR_ALREADY_EXISTS = 183;
    public static final int ERROR_MORE_DATA = 234;
    public static final int WAIT_TIMEOUT = 258;
    public static final int ERROR_NO_MORE_ITEMS = 259;
    public static final int ERROR_ABANDONED_WAIT_0 = 735;
    public static final int ERROR_OPERATION_ABORTED = 995;
    public static final int ERROR_IO_INCOMPLETE = 996;
    public static final int ERROR_IO_PENDING = 997;
    public static final int ERROR_DLL_INIT_FAILED = 1114;
    public static final int ERROR_NOT_FOUND = 1168;
    public static final int ERROR_CONNECTION_REFUSED = 1225;
    public static final int ERROR_CONNECTION_INVALID = 1229;
    public static final int ERROR_CONNECTION_ABORTED = 1236;
    public static final int ERROR_ALREADY_INITIALIZED = 1247;
    public static final int ERROR_REVISION_MISMATCH = 1306;
    public static final int ERROR_NONE_MAPPED = 1332;
    public static final int ERROR_INVALID_ID_AUTHORITY = 1343;
    public static final int ERROR_NO_SYSTEM_RESOURCES = 1450;
    public static final int ERROR_INVALID_USER_BUFFER = 1784;
    public static final int ERROR_OBJECT_ALREADY_EXISTS = 5010;

    private static final Map<Integer, String> NAMES = names();

    private WinError() {
    }

    /**
     * The name of {@code code} as declared here, or {@code "ERROR_<code>"} for a code this class does not
     * declare. Where two names share a value the {@code ERROR_} one wins, so {@code 0} is
     * {@code "ERROR_SUCCESS"} (not {@code "NO_ERROR"}).
     */
    public static String nameOf(int code) {
        String name = NAMES.get(code);
        return name != null ? name : "ERROR_" + code;
    }

    private static Map<Integer, String> names() {
        Map<Integer, String> names = new HashMap<>();
        for (Field field : WinError.class.getDeclaredFields()) {
            int modifiers = field.getModifiers();
            if (field.getType() != int.class || !Modifier.isPublic(modifiers) || !Modifier.isStatic(modifiers)) {
                continue;
            }
            int value;
            try {
                value = field.getInt(null);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
            String name = field.getName();
            names.merge(value, name, (existing, candidate) -> existing.startsWith("ERROR_") ? existing : candidate);
        }
        return names;
    }
}
