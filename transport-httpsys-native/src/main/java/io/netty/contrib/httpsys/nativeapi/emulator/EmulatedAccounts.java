package io.netty.contrib.httpsys.nativeapi.emulator;

import io.netty.util.internal.SystemPropertyUtil;
import io.netty.util.internal.logging.InternalLogger;
import io.netty.util.internal.logging.InternalLoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The user accounts of the emulated machine, for Basic authentication and the {@link NegotiateTestDouble}: read
 * from the file named by {@value #CREDENTIALS_PROPERTY}, one {@code user:password} per line (the password is
 * everything after the first {@code :}; blank lines and lines starting with {@code #} are skipped). Every account
 * belongs to the machine's domain, {@value #DOMAIN_PROPERTY} (default {@value #DEFAULT_DOMAIN}), and gets the
 * RID 1000 + its line's position among the accounts. Without the property there are no accounts, so every Basic
 * attempt fails. The file is re-read when its path or modification time changes.
 *
 * <p>Accounts that were issued a token stay known by SID ({@link #bySid}) for {@code LookupAccountSidW}, as a
 * Windows account outlives a change of its password.
 */
final class EmulatedAccounts {

    /** The path of the credentials file. */
    static final String CREDENTIALS_PROPERTY = "io.netty.contrib.httpsys.emulator.credentials";
    /** The emulated machine's name, the domain of its accounts. */
    static final String DOMAIN_PROPERTY = "io.netty.contrib.httpsys.emulator.domain";
    static final String DEFAULT_DOMAIN = "EMULATOR";

    private static final InternalLogger logger = InternalLoggerFactory.getInstance(EmulatedAccounts.class);

    private final Map<String, EmulatedAccount> bySid = new ConcurrentHashMap<>();
    private String loadedPath;
    private long loadedModified;
    private List<String[]> entries = List.of();

    /** The machine's domain. */
    static String domain() {
        return SystemPropertyUtil.get(DOMAIN_PROPERTY, DEFAULT_DOMAIN);
    }

    /**
     * The account {@code user} (plain, or <code>DOMAIN&#92;user</code> with the machine's domain) when {@code password}
     * is its password, else {@code null}.
     */
    synchronized EmulatedAccount verify(String user, String password) {
        int index = indexOf(user);
        return index >= 0 && entries.get(index)[1].equals(password) ? issue(index) : null;
    }

    /** The account {@code user} whatever its password (for the Negotiate test double), else {@code null}. */
    synchronized EmulatedAccount find(String user) {
        int index = indexOf(user);
        return index >= 0 ? issue(index) : null;
    }

    /** The account that was issued a token and has this SID, or {@code null}. */
    EmulatedAccount bySid(String sid) {
        return bySid.get(sid);
    }

    private EmulatedAccount issue(int index) {
        EmulatedAccount account = new EmulatedAccount(domain(), entries.get(index)[0],
                EmulatedAccount.FIRST_USER_RID + index);
        bySid.put(account.sidString(), account);
        return account;
    }

    private int indexOf(String user) {
        reload();
        String name = user;
        int slash = user.indexOf('\\');
        if (slash >= 0) {
            if (!user.substring(0, slash).equalsIgnoreCase(domain())) {
                return -1;
            }
            name = user.substring(slash + 1);
        }
        // Windows account names are case-insensitive.
        String key = name.toLowerCase(Locale.ROOT);
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i)[0].toLowerCase(Locale.ROOT).equals(key)) {
                return i;
            }
        }
        return -1;
    }

    private void reload() {
        String path = SystemPropertyUtil.get(CREDENTIALS_PROPERTY);
        if (path == null) {
            loadedPath = null;
            entries = List.of();
            return;
        }
        Path file = Path.of(path);
        try {
            long modified = Files.getLastModifiedTime(file).toMillis();
            if (path.equals(loadedPath) && modified == loadedModified) {
                return;
            }
            List<String[]> read = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int colon = line.indexOf(':');
                if (line.isBlank() || line.startsWith("#") || colon <= 0) {
                    continue;
                }
                read.add(new String[] {line.substring(0, colon).trim(), line.substring(colon + 1)});
            }
            entries = read;
            loadedPath = path;
            loadedModified = modified;
        } catch (IOException e) {
            // Every attempt then fails, as against a machine without the account.
            logger.warn("-D{}={} cannot be read: the emulator knows no accounts", CREDENTIALS_PROPERTY, path, e);
            loadedPath = null;
            entries = List.of();
        }
    }
}
