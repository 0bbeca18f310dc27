package io.netty.contrib.httpsys.nativeapi;

import io.netty.util.internal.SystemPropertyUtil;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A failed HTTP Server API (or kernel32) call: the Win32 error code with its {@code winerror.h} name, the
 * function that returned it, the object it was acting on (such as a URL prefix), and, for the failures users
 * meet when they set a server up, what to do about it, for example the exact {@code netsh http add urlacl}
 * command that lets this user register a URL prefix.
 *
 * <p>Both backends produce the same codes, so the same messages appear on Windows and under the emulator.
 */
public final class HttpSysException extends IOException {

    private static final long serialVersionUID = 1L;

    private final int errorCode;
    private final String function;
    private final String object;

    private HttpSysException(String function, int errorCode, String object) {
        this(function, errorCode, object, message(function, errorCode, object));
    }

    private HttpSysException(String function, int errorCode, String object, String message) {
        super(message);
        this.errorCode = errorCode;
        this.function = function;
        this.object = object;
    }

    /** {@code function} returned {@code errorCode}. */
    public static HttpSysException of(String function, int errorCode) {
        return new HttpSysException(function, errorCode, null);
    }

    /**
     * {@code function} returned {@code errorCode} while acting on {@code urlPrefix}: the message says how to
     * fix the URL ACL ({@code 5}), prefix conflicts ({@code 183}), port conflicts ({@code 32}) and prefix
     * syntax ({@code 87}, naming the {@linkplain UrlPrefixRules rule} the prefix breaks).
     */
    public static HttpSysException forUrlPrefix(String function, int errorCode, String urlPrefix) {
        return new HttpSysException(function, errorCode, urlPrefix);
    }

    /**
     * {@code function} returned {@code errorCode} while acting on {@code object} (a request queue's name, a security
     * descriptor string), and the caller knows what to do about it: {@code advice} ends the message.
     */
    public static HttpSysException withAdvice(String function, int errorCode, String object, String advice) {
        return new HttpSysException(function, errorCode, object, function + '(' + object + ") failed: " + errorCode
                + ' ' + WinError.nameOf(errorCode) + ": " + advice);
    }

    /**
     * Throws {@link #of(String, int)} unless {@code errorCode} is {@code NO_ERROR}. Callers of asynchronous
     * calls handle {@code ERROR_IO_PENDING} themselves before calling this.
     */
    public static void check(int errorCode, String function) throws HttpSysException {
        if (errorCode != WinError.NO_ERROR) {
            throw of(function, errorCode);
        }
    }

    /** Throws {@link #forUrlPrefix(String, int, String)} unless {@code errorCode} is {@code NO_ERROR}. */
    public static void checkUrlPrefix(int errorCode, String function, String urlPrefix) throws HttpSysException {
        if (errorCode != WinError.NO_ERROR) {
            throw forUrlPrefix(function, errorCode, urlPrefix);
        }
    }

    /** The Win32 error code. */
    public int errorCode() {
        return errorCode;
    }

    /** The error code's {@code winerror.h} name, {@code ERROR_ACCESS_DENIED} for example. */
    public String errorName() {
        return WinError.nameOf(errorCode);
    }

    /** The function that failed, named as in the SDK. */
    public String function() {
        return function;
    }

    /** What the function was acting on (a URL prefix, say), or {@code null}. */
    public String object() {
        return object;
    }

    private static String message(String function, int errorCode, String object) {
        StringBuilder message = new StringBuilder(function);
        if (object != null) {
            message.append('(').append(object).append(')');
        }
        message.append(" failed: ").append(errorCode).append(' ').append(WinError.nameOf(errorCode));
        String advice = object != null ? urlPrefixAdvice(errorCode, object) : null;
        if (advice == null) {
            advice = meaning(errorCode);
        }
        if (advice != null) {
            message.append(": ").append(advice);
        }
        return message.toString();
    }

    private static String urlPrefixAdvice(int errorCode, String prefix) {
        switch (errorCode) {
            case WinError.ERROR_ACCESS_DENIED:
                return "this user may not listen on " + prefix + ". Reserve the prefix for this user once, "
                        + "from an elevated command prompt: netsh http add urlacl url=" + prefix + " user="
                        + quoteIfNeeded(currentUser()) + " (or run this process elevated, as Administrator)";
            case WinError.ERROR_ALREADY_EXISTS:
                return "another process or URL group already registered " + prefix + " (a prefix with and "
                        + "without its trailing slash is the same URL). See who holds it with: netsh http show "
                        + "servicestate; see reservations with: netsh http show urlacl";
            case WinError.ERROR_SHARING_VIOLATION:
                return portInUseAdvice(UrlPrefixRules.port(prefix), SystemPropertyUtil.get("os.name", ""));
            case WinError.ERROR_INVALID_PARAMETER:
                List<UrlPrefixRules.Rule> broken = UrlPrefixRules.brokenRules(prefix);
                if (broken.isEmpty()) {
                    return "the URL prefix " + prefix + " is well-formed (" + UrlPrefixRules.SUMMARY
                            + "), so another argument was invalid";
                }
                return "the URL prefix " + prefix + " is invalid: " + broken.stream()
                        .map(UrlPrefixRules.Rule::description).collect(Collectors.joining("; "))
                        + ". A URL prefix needs: " + UrlPrefixRules.SUMMARY;
            default:
                return null;
        }
    }

    /**
     * Who may hold {@code port} ({@code -1}: not known), and the command that finds that process on
     * {@code osName}. On Windows it is a program on a plain socket (HTTP.SYS shares a port among all its users); elsewhere the
     * emulator listens on a plain socket of its own per port, so the holder may be another JVM running the
     * emulator, which could share the port on Windows.
     */
    static String portInUseAdvice(int port, String osName) {
        String portName = port < 0 ? "the port" : "port " + port;
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String portFilter = " | findstr :" + (port < 0 ? "<port>" : String.valueOf(port));
            return portName + " is owned by a program listening on a plain socket rather than through "
                    + "HTTP.SYS. Find its process id (last column) with: netstat -ano" + portFilter;
        }
        String portArgument = port < 0 ? "<port>" : String.valueOf(port);
        String find = os.startsWith("mac") || os.contains("bsd")
                ? "lsof -nP -iTCP:" + portArgument + " -sTCP:LISTEN"
                : "ss -ltnp | grep :" + portArgument;
        return portName + " is in use by another process, possibly another JVM running the emulator "
                + "(off Windows each port is one process's socket: the emulator cannot share a port between "
                + "processes as HTTP.SYS does), or by this JVM for the other scheme (a port serves http or https, "
                + "not both). Find the process with: " + find;
    }

    private static String meaning(int errorCode) {
        switch (errorCode) {
            case WinError.ERROR_ACCESS_DENIED:
                return "access denied: run this process elevated (as Administrator) or grant this user the "
                        + "right (for a URL prefix: netsh http add urlacl)";
            case WinError.ERROR_ALREADY_EXISTS:
                return "the object already exists (another process or URL group registered it)";
            case WinError.ERROR_SHARING_VIOLATION:
                return portInUseAdvice(-1, SystemPropertyUtil.get("os.name", ""));
            case WinError.ERROR_INVALID_PARAMETER:
                return "an argument was invalid";
            case WinError.ERROR_PROC_NOT_FOUND:
                return "this Windows's httpapi.dll does not export the function: it needs a newer Windows";
            case WinError.ERROR_OPERATION_ABORTED:
                return "the I/O was cancelled (CancelIoEx or HttpCancelHttpRequest, or its request queue was "
                        + "shut down or closed)";
            case WinError.ERROR_CONNECTION_INVALID:
                return "the client's connection is gone (it closed or was reset before this call)";
            case WinError.ERROR_REVISION_MISMATCH:
                return "this HTTP Server API version is not supported: use HTTPAPI_VERSION_2";
            default:
                return null;
        }
    }

    // netsh wants a down-level logon name (domain, backslash, user); USERDOMAIN is the logon domain,
    // the machine name for a local account.
    private static String currentUser() {
        String user = System.getProperty("user.name", "<user>");
        String domain = System.getenv("USERDOMAIN");
        return domain == null || domain.isEmpty() ? user : domain + '\\' + user;
    }

    private static String quoteIfNeeded(String user) {
        return user.chars().anyMatch(Character::isWhitespace) ? '"' + user + '"' : user;
    }
}
