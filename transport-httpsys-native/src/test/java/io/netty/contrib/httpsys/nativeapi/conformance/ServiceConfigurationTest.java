package io.netty.contrib.httpsys.nativeapi.conformance;

import io.netty.contrib.httpsys.nativeapi.Http;
import io.netty.contrib.httpsys.nativeapi.HttpApi;
import io.netty.contrib.httpsys.nativeapi.HttpSysBackend;
import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.NativeMemory;
import io.netty.contrib.httpsys.nativeapi.WinError;
import io.netty.contrib.httpsys.nativeapi.struct.HttpServiceConfigIpListenParam;
import io.netty.contrib.httpsys.nativeapi.struct.HttpServiceConfigIpListenQuery;
import io.netty.contrib.httpsys.nativeapi.struct.HttpServiceConfigSslKey;
import io.netty.contrib.httpsys.nativeapi.struct.HttpServiceConfigSslParam;
import io.netty.contrib.httpsys.nativeapi.struct.HttpServiceConfigSslQuery;
import io.netty.contrib.httpsys.nativeapi.struct.HttpServiceConfigSslSet;
import io.netty.contrib.httpsys.nativeapi.struct.HttpServiceConfigTimeoutSet;
import io.netty.contrib.httpsys.nativeapi.struct.HttpServiceConfigUrlaclKey;
import io.netty.contrib.httpsys.nativeapi.struct.HttpServiceConfigUrlaclParam;
import io.netty.contrib.httpsys.nativeapi.struct.HttpServiceConfigUrlaclQuery;
import io.netty.contrib.httpsys.nativeapi.struct.HttpServiceConfigUrlaclSet;
import io.netty.contrib.httpsys.nativeapi.struct.Sockaddr;
import io.netty.contrib.httpsys.nativeapi.struct.SockaddrIn6;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The configuration store of {@code HttpSetServiceConfiguration} / {@code HttpQueryServiceConfiguration} /
 * {@code HttpDeleteServiceConfiguration} (what {@code netsh http add urlacl|sslcert|timeout|iplisten} edits). Error codes
 * from Microsoft's reference pages of the three functions: 183 for an existing key, 122 with the size in
 * {@code *pReturnLength} for a record that does not fit (234 for HttpServiceConfigTimeout), 259 past the last
 * record of a QueryNext; 2 for an absent key. On Windows the store is machine-wide and needs administrator
 * rights: the tests use keys on a free port, skip when access is denied, and delete what they add.
 */
@Timeout(30)
class ServiceConfigurationTest {

    private static final String SDDL = "D:(A;;GX;;;WD)";

    private final HttpApi api = HttpSysBackend.current().httpApi();
    private long allocationsBefore;
    private NativeArena arena;

    @BeforeEach
    void setUp() {
        allocationsBefore = NativeMemory.outstandingAllocations();
        arena = new NativeArena();
    }

    @AfterEach
    void tearDown() {
        arena.close();
        assertEquals(allocationsBefore, NativeMemory.outstandingAllocations());
    }

    private long wide(String text) {
        byte[] bytes = (text + "\0").getBytes(StandardCharsets.UTF_16LE);
        long address = arena.allocate(bytes.length);
        NativeAccess.copyMemory(bytes, 0, address, bytes.length);
        return address;
    }

    private long urlAclSet(String prefix) {
        long set = arena.allocate(HttpServiceConfigUrlaclSet.SIZE);
        HttpServiceConfigUrlaclKey.setUrlPrefix(HttpServiceConfigUrlaclSet.keyDesc(set), wide(prefix));
        HttpServiceConfigUrlaclParam.setStringSecurityDescriptor(HttpServiceConfigUrlaclSet.paramDesc(set),
                wide(SDDL));
        return set;
    }

    private long urlAclQuery(int type, String prefix, int token) {
        long query = arena.allocate(HttpServiceConfigUrlaclQuery.SIZE);
        NativeAccess.setMemory(query, HttpServiceConfigUrlaclQuery.SIZE, (byte) 0);
        HttpServiceConfigUrlaclQuery.setQueryDesc(query, type);
        if (prefix != null) {
            HttpServiceConfigUrlaclKey.setUrlPrefix(HttpServiceConfigUrlaclQuery.keyDesc(query), wide(prefix));
        }
        HttpServiceConfigUrlaclQuery.setToken(query, token);
        return query;
    }

    /** Sets a record; skips the test when Windows refuses a non-administrator. */
    private void set(int configId, long info, int length) {
        int error = api.HttpSetServiceConfiguration(0, configId, info, length, 0);
        assumeFalse(error == WinError.ERROR_ACCESS_DENIED, "changing the HTTP.SYS configuration needs an administrator");
        assertEquals(WinError.NO_ERROR, error);
    }

    @Test
    void urlReservationsAreStoredQueriedEnumeratedAndDeleted() {
        String prefix = "http://+:" + TestServer.freePort() + "/netty-httpsys-test/";
        long set = urlAclSet(prefix);
        set(Http.HttpServiceConfigUrlAclInfo, set, HttpServiceConfigUrlaclSet.SIZE);
        try {
            assertEquals(WinError.ERROR_ALREADY_EXISTS, api.HttpSetServiceConfiguration(0,
                    Http.HttpServiceConfigUrlAclInfo, set, HttpServiceConfigUrlaclSet.SIZE, 0));

            long exact = urlAclQuery(Http.HttpServiceConfigQueryExact, prefix, 0);
            long size = arena.allocate(4);
            assertEquals(WinError.ERROR_INSUFFICIENT_BUFFER, api.HttpQueryServiceConfiguration(0,
                    Http.HttpServiceConfigUrlAclInfo, exact, HttpServiceConfigUrlaclQuery.SIZE, 0, 0, size, 0));
            int needed = NativeAccess.getInt(size);
            assertTrue(needed > HttpServiceConfigUrlaclSet.SIZE + 2 * prefix.length(), "size " + needed);
            long shortBuffer = arena.guarded(needed - 1);
            assertEquals(WinError.ERROR_INSUFFICIENT_BUFFER, api.HttpQueryServiceConfiguration(0,
                    Http.HttpServiceConfigUrlAclInfo, exact, HttpServiceConfigUrlaclQuery.SIZE, shortBuffer,
                    needed - 1, size, 0));
            NativeArena.assertGuardIntact(shortBuffer, needed - 1);

            long out = arena.guarded(needed);
            assertEquals(WinError.NO_ERROR, api.HttpQueryServiceConfiguration(0, Http.HttpServiceConfigUrlAclInfo,
                    exact, HttpServiceConfigUrlaclQuery.SIZE, out, needed, size, 0));
            NativeArena.assertGuardIntact(out, needed);
            long prefixAt = HttpServiceConfigUrlaclKey.urlPrefix(HttpServiceConfigUrlaclSet.keyDesc(out));
            long sddlAt = HttpServiceConfigUrlaclParam.stringSecurityDescriptor(
                    HttpServiceConfigUrlaclSet.paramDesc(out));
            assertTrue(prefixAt >= out + HttpServiceConfigUrlaclSet.SIZE && prefixAt < out + needed,
                    "pUrlPrefix points into the output buffer");
            assertTrue(sddlAt >= out + HttpServiceConfigUrlaclSet.SIZE && sddlAt < out + needed,
                    "pStringSecurityDescriptor points into the output buffer");
            assertEquals(prefix, NativeAccess.getUtf16String(prefixAt));
            assertEquals(SDDL, NativeAccess.getUtf16String(sddlAt));

            assertTrue(enumerateUrlAcls().contains(prefix), "QueryNext lists the reservation");

            assertEquals(WinError.NO_ERROR, api.HttpDeleteServiceConfiguration(0, Http.HttpServiceConfigUrlAclInfo,
                    set, HttpServiceConfigUrlaclSet.SIZE, 0));
            assertEquals(WinError.ERROR_FILE_NOT_FOUND, api.HttpDeleteServiceConfiguration(0,
                    Http.HttpServiceConfigUrlAclInfo, set, HttpServiceConfigUrlaclSet.SIZE, 0));
            assertEquals(WinError.ERROR_FILE_NOT_FOUND, api.HttpQueryServiceConfiguration(0,
                    Http.HttpServiceConfigUrlAclInfo, exact, HttpServiceConfigUrlaclQuery.SIZE, out, needed, size, 0));
            assertTrue(!enumerateUrlAcls().contains(prefix), "QueryNext no longer lists it");
        } finally {
            api.HttpDeleteServiceConfiguration(0, Http.HttpServiceConfigUrlAclInfo, set,
                    HttpServiceConfigUrlaclSet.SIZE, 0);
        }
    }

    /** Every reservation, by QueryNext with dwToken 0, 1, ... until ERROR_NO_MORE_ITEMS. */
    private List<String> enumerateUrlAcls() {
        List<String> prefixes = new ArrayList<>();
        long size = arena.allocate(4);
        for (int token = 0; ; token++) {
            long next = urlAclQuery(Http.HttpServiceConfigQueryNext, null, token);
            int error = api.HttpQueryServiceConfiguration(0, Http.HttpServiceConfigUrlAclInfo, next,
                    HttpServiceConfigUrlaclQuery.SIZE, 0, 0, size, 0);
            if (error == WinError.ERROR_NO_MORE_ITEMS) {
                return prefixes;
            }
            assertEquals(WinError.ERROR_INSUFFICIENT_BUFFER, error);
            int needed = NativeAccess.getInt(size);
            long out = arena.allocate(needed);
            assertEquals(WinError.NO_ERROR, api.HttpQueryServiceConfiguration(0, Http.HttpServiceConfigUrlAclInfo,
                    next, HttpServiceConfigUrlaclQuery.SIZE, out, needed, size, 0));
            prefixes.add(NativeAccess.getUtf16String(HttpServiceConfigUrlaclKey.urlPrefix(HttpServiceConfigUrlaclSet.keyDesc(out))));
        }
    }

    @Test
    void certificateBindingsAreStoredQueriedEnumeratedAndDeleted() {
        assumeTrue(HttpSysBackend.current().isEmulated(),
                "Windows checks the hash against its certificate store (ERROR_NO_SUCH_LOGON_SESSION for a made-up one)");
        InetSocketAddress endpoint = new InetSocketAddress("127.0.0.1", TestServer.freePort());
        byte[] hash = new byte[20];
        for (int i = 0; i < hash.length; i++) {
            hash[i] = (byte) (0xA0 + i);
        }
        UUID appId = UUID.fromString("4dc3e181-e14b-4a21-b022-59fc669b0914");
        long set = arena.allocate(HttpServiceConfigSslSet.SIZE);
        NativeAccess.setMemory(set, HttpServiceConfigSslSet.SIZE, (byte) 0);
        long address = arena.allocate(SockaddrIn6.SIZE);
        Sockaddr.write(address, endpoint);
        HttpServiceConfigSslKey.setIpPort(HttpServiceConfigSslSet.keyDesc(set), address);
        long param = HttpServiceConfigSslSet.paramDesc(set);
        long hashAt = arena.allocate(hash.length);
        NativeAccess.copyMemory(hash, 0, hashAt, hash.length);
        HttpServiceConfigSslParam.setSslHashLength(param, hash.length);
        HttpServiceConfigSslParam.setSslHash(param, hashAt);
        HttpServiceConfigSslParam.setAppId(param, appId);
        HttpServiceConfigSslParam.setSslCertStoreName(param, wide("MY"));
        HttpServiceConfigSslParam.setDefaultFlags(param, Http.HTTP_SERVICE_CONFIG_SSL_FLAG_NEGOTIATE_CLIENT_CERT);

        assertEquals(WinError.ERROR_INSUFFICIENT_BUFFER, api.HttpSetServiceConfiguration(0,
                Http.HttpServiceConfigSSLCertInfo, set, HttpServiceConfigSslSet.SIZE - 1, 0));
        set(Http.HttpServiceConfigSSLCertInfo, set, HttpServiceConfigSslSet.SIZE);
        try {
            assertEquals(WinError.ERROR_ALREADY_EXISTS, api.HttpSetServiceConfiguration(0,
                    Http.HttpServiceConfigSSLCertInfo, set, HttpServiceConfigSslSet.SIZE, 0));
            long query = arena.allocate(HttpServiceConfigSslQuery.SIZE);
            NativeAccess.setMemory(query, HttpServiceConfigSslQuery.SIZE, (byte) 0);
            HttpServiceConfigSslQuery.setQueryDesc(query, Http.HttpServiceConfigQueryExact);
            HttpServiceConfigSslKey.setIpPort(HttpServiceConfigSslQuery.keyDesc(query), address);
            long size = arena.allocate(4);
            assertEquals(WinError.ERROR_INSUFFICIENT_BUFFER, api.HttpQueryServiceConfiguration(0,
                    Http.HttpServiceConfigSSLCertInfo, query, HttpServiceConfigSslQuery.SIZE, 0, 0, size, 0));
            int needed = NativeAccess.getInt(size);
            long out = arena.guarded(needed);
            assertEquals(WinError.NO_ERROR, api.HttpQueryServiceConfiguration(0, Http.HttpServiceConfigSSLCertInfo,
                    query, HttpServiceConfigSslQuery.SIZE, out, needed, size, 0));
            NativeArena.assertGuardIntact(out, needed);
            long outAddress = HttpServiceConfigSslKey.ipPort(HttpServiceConfigSslSet.keyDesc(out));
            assertTrue(outAddress >= out + HttpServiceConfigSslSet.SIZE && outAddress < out + needed);
            assertEquals(endpoint, Sockaddr.toInetSocketAddress(outAddress));
            long outParam = HttpServiceConfigSslSet.paramDesc(out);
            assertEquals(hash.length, HttpServiceConfigSslParam.sslHashLength(outParam));
            long outHash = HttpServiceConfigSslParam.sslHash(outParam);
            assertTrue(outHash >= out && outHash + hash.length <= out + needed, "pSslHash inside the buffer");
            assertArrayEquals(hash, NativeArena.read(outHash, hash.length));
            assertEquals(appId, HttpServiceConfigSslParam.appId(outParam));
            assertEquals("MY", NativeAccess.getUtf16String(HttpServiceConfigSslParam.sslCertStoreName(outParam)));
            assertEquals(0, HttpServiceConfigSslParam.defaultSslCtlIdentifier(outParam));
            assertEquals(Http.HTTP_SERVICE_CONFIG_SSL_FLAG_NEGOTIATE_CLIENT_CERT,
                    HttpServiceConfigSslParam.defaultFlags(outParam));

            HttpServiceConfigSslQuery.setQueryDesc(query, Http.HttpServiceConfigQueryNext);
            boolean listed = false;
            for (int token = 0; ; token++) {
                HttpServiceConfigSslQuery.setToken(query, token);
                long each = arena.allocate(needed + 64);
                int error = api.HttpQueryServiceConfiguration(0, Http.HttpServiceConfigSSLCertInfo, query,
                        HttpServiceConfigSslQuery.SIZE, each, needed + 64, size, 0);
                if (error == WinError.ERROR_NO_MORE_ITEMS) {
                    break;
                }
                assertEquals(WinError.NO_ERROR, error);
                listed |= endpoint.equals(Sockaddr.toInetSocketAddress(
                        HttpServiceConfigSslKey.ipPort(HttpServiceConfigSslSet.keyDesc(each))));
            }
            assertTrue(listed, "QueryNext lists the binding");

            assertEquals(WinError.NO_ERROR, api.HttpDeleteServiceConfiguration(0, Http.HttpServiceConfigSSLCertInfo,
                    set, HttpServiceConfigSslSet.SIZE, 0));
            HttpServiceConfigSslQuery.setQueryDesc(query, Http.HttpServiceConfigQueryExact);
            assertEquals(WinError.ERROR_FILE_NOT_FOUND, api.HttpQueryServiceConfiguration(0,
                    Http.HttpServiceConfigSSLCertInfo, query, HttpServiceConfigSslQuery.SIZE, out, needed, size, 0));
            assertEquals(WinError.ERROR_FILE_NOT_FOUND, api.HttpDeleteServiceConfiguration(0,
                    Http.HttpServiceConfigSSLCertInfo, set, HttpServiceConfigSslSet.SIZE, 0));
        } finally {
            api.HttpDeleteServiceConfiguration(0, Http.HttpServiceConfigSSLCertInfo, set, HttpServiceConfigSslSet.SIZE,
                    0);
        }
    }

    @Test
    void serviceWideTimeoutsAreStoredQueriedAndDeleted() {
        long set = arena.allocate(HttpServiceConfigTimeoutSet.SIZE);
        HttpServiceConfigTimeoutSet.setKeyDesc(set, Http.HeaderWaitTimeout);
        HttpServiceConfigTimeoutSet.setParamDesc(set, 77);
        long key = arena.allocate(4);
        NativeAccess.putInt(key, Http.HeaderWaitTimeout);
        long size = arena.allocate(4);
        long out = arena.allocate(2);
        int existing = api.HttpQueryServiceConfiguration(0, Http.HttpServiceConfigTimeout, key, 4, out, 2, size, 0);
        assumeTrue(existing == WinError.ERROR_FILE_NOT_FOUND, "this machine already configures HeaderWaitTimeout");
        set(Http.HttpServiceConfigTimeout, set, HttpServiceConfigTimeoutSet.SIZE);
        try {
            assertEquals(WinError.ERROR_ALREADY_EXISTS, api.HttpSetServiceConfiguration(0,
                    Http.HttpServiceConfigTimeout, set, HttpServiceConfigTimeoutSet.SIZE, 0));
            assertEquals(WinError.ERROR_MORE_DATA, api.HttpQueryServiceConfiguration(0, Http.HttpServiceConfigTimeout,
                    key, 4, out, 1, size, 0));
            assertEquals(2, NativeAccess.getInt(size));
            assertEquals(WinError.NO_ERROR, api.HttpQueryServiceConfiguration(0, Http.HttpServiceConfigTimeout,
                    key, 4, out, 2, size, 0));
            assertEquals(77, NativeAccess.getShort(out));
            assertEquals(WinError.NO_ERROR, api.HttpDeleteServiceConfiguration(0, Http.HttpServiceConfigTimeout,
                    set, HttpServiceConfigTimeoutSet.SIZE, 0));
            assertEquals(WinError.ERROR_FILE_NOT_FOUND, api.HttpQueryServiceConfiguration(0,
                    Http.HttpServiceConfigTimeout, key, 4, out, 2, size, 0));
        } finally {
            api.HttpDeleteServiceConfiguration(0, Http.HttpServiceConfigTimeout, set, HttpServiceConfigTimeoutSet.SIZE,
                    0);
        }
    }

    @Test
    void ipListenListRestrictsWherePortsListen() throws IOException {
        assumeTrue(HttpSysBackend.current().isEmulated(),
                "on Windows this would change where every HTTP.SYS application of the machine listens");
        int paramSize = HttpServiceConfigIpListenParam.SIZE;
        long param = arena.allocate(paramSize);
        long address = arena.allocate(SockaddrIn6.SIZE);
        HttpServiceConfigIpListenParam.setAddrLength(param,
                Sockaddr.write(address, new InetSocketAddress("127.0.0.1", 0)));
        HttpServiceConfigIpListenParam.setAddress(param, address);
        set(Http.HttpServiceConfigIPListenList, param, paramSize);
        try {
            assertEquals(WinError.ERROR_ALREADY_EXISTS, api.HttpSetServiceConfiguration(0,
                    Http.HttpServiceConfigIPListenList, param, paramSize, 0));
            long size = arena.allocate(4);
            assertEquals(WinError.ERROR_INSUFFICIENT_BUFFER, api.HttpQueryServiceConfiguration(0,
                    Http.HttpServiceConfigIPListenList, 0, 0, 0, 0, size, 0));
            int needed = NativeAccess.getInt(size);
            long out = arena.guarded(needed);
            assertEquals(WinError.NO_ERROR, api.HttpQueryServiceConfiguration(0, Http.HttpServiceConfigIPListenList,
                    0, 0, out, needed, size, 0));
            NativeArena.assertGuardIntact(out, needed);
            assertEquals(1, HttpServiceConfigIpListenQuery.addrCount(out));
            assertEquals(new InetSocketAddress("127.0.0.1", 0),
                    Sockaddr.toInetSocketAddress(HttpServiceConfigIpListenQuery.addr(out, 0)));

            try (TestServer server = new TestServer()) {
                int port = server.addLocalhostUrl("/");
                new Socket("127.0.0.1", port).close();
                assertThrows(IOException.class, () -> new Socket("::1", port).close(), "::1 is not in the list");
            }
            assertEquals(WinError.NO_ERROR, api.HttpDeleteServiceConfiguration(0, Http.HttpServiceConfigIPListenList,
                    param, paramSize, 0));
            assertEquals(WinError.ERROR_FILE_NOT_FOUND, api.HttpDeleteServiceConfiguration(0,
                    Http.HttpServiceConfigIPListenList, param, paramSize, 0));
        } finally {
            api.HttpDeleteServiceConfiguration(0, Http.HttpServiceConfigIPListenList, param, paramSize, 0);
        }
    }

    @Test
    void httpsPortWithABindingButNoEmulatorCertificateSaysHowToConfigureIt() {
        assumeTrue(HttpSysBackend.current().isEmulated(), "the emulator's own diagnostic");
        assumeTrue(System.getProperty("io.netty.contrib.httpsys.emulator.certificate") == null,
                "an emulator certificate is configured");
        int port = TestServer.freePort();
        long set = arena.allocate(HttpServiceConfigSslSet.SIZE);
        NativeAccess.setMemory(set, HttpServiceConfigSslSet.SIZE, (byte) 0);
        long address = arena.allocate(SockaddrIn6.SIZE);
        Sockaddr.write(address, new InetSocketAddress("0.0.0.0", port));
        HttpServiceConfigSslKey.setIpPort(HttpServiceConfigSslSet.keyDesc(set), address);
        long param = HttpServiceConfigSslSet.paramDesc(set);
        HttpServiceConfigSslParam.setSslHashLength(param, 20);
        HttpServiceConfigSslParam.setSslHash(param, arena.allocate(20));
        set(Http.HttpServiceConfigSSLCertInfo, set, HttpServiceConfigSslSet.SIZE);
        List<String> warnings = new ArrayList<>();
        Logger logger = Logger.getLogger("io.netty.contrib.httpsys.nativeapi.emulator.Kernel");
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                synchronized (warnings) {
                    warnings.add(new SimpleFormatter().formatMessage(record));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(capture);
        try (TestServer server = new TestServer()) {
            assertEquals(WinError.NO_ERROR,
                    api.HttpAddUrlToUrlGroup(server.group, "https://localhost:" + port + "/", 0, 0));
            synchronized (warnings) {
                assertTrue(warnings.stream().anyMatch(w -> w.contains("port " + port)
                        && w.contains("SSL certificate binding")
                        && w.contains("-Dio.netty.contrib.httpsys.emulator.certificate=")), warnings.toString());
            }
        } finally {
            logger.removeHandler(capture);
            api.HttpDeleteServiceConfiguration(0, Http.HttpServiceConfigSSLCertInfo, set, HttpServiceConfigSslSet.SIZE,
                    0);
        }
    }

    @Test
    void malformedCallsAreInvalidParameters() {
        assertEquals(WinError.ERROR_INVALID_PARAMETER, api.HttpSetServiceConfiguration(0,
                Http.HttpServiceConfigUrlAclInfo, 0, HttpServiceConfigUrlaclSet.SIZE, 0));
        assertEquals(WinError.ERROR_INVALID_PARAMETER, api.HttpQueryServiceConfiguration(0,
                Http.HttpServiceConfigUrlAclInfo, 0, 0, 0, 0, 0, 0));
        long badPrefix = urlAclSet("http://localhost:1234");
        assertEquals(WinError.ERROR_INVALID_PARAMETER, api.HttpSetServiceConfiguration(0,
                Http.HttpServiceConfigUrlAclInfo, badPrefix, HttpServiceConfigUrlaclSet.SIZE, 0));
    }
}
