package io.netty.contrib.httpsys.nativeapi.struct;

import io.netty.contrib.httpsys.nativeapi.NativeAccess;
import io.netty.contrib.httpsys.nativeapi.NativeField;
import io.netty.contrib.httpsys.nativeapi.NativeStruct;

/**
 * {@code HTTP_LOG_FIELDS_DATA}: the log record that may accompany a response ({@code pLogData} of
 * {@code HttpSendHttpResponse}) when HTTP.SYS logging is on, overriding fields HTTP.SYS would log.
 * {@code Base} is the embedded {@code HTTP_LOG_DATA}, whose only member is its {@code Type}
 * ({@code HttpLogDataTypeFields}). The layout is the SDK's: mingw-w64 lacks {@code ServiceNameLength},
 * which moves the lengths after it by 2 bytes.
 *
 * <pre>
 * offset  type           field
 *      0  HTTP_LOG_DATA  Base
 *      4  USHORT         UserNameLength
 *      6  USHORT         UriStemLength
 *      8  USHORT         ClientIpLength
 *     10  USHORT         ServerNameLength
 *     12  USHORT         ServiceNameLength
 *     14  USHORT         ServerIpLength
 *     16  USHORT         MethodLength
 *     18  USHORT         UriQueryLength
 *     20  USHORT         HostLength
 *     22  USHORT         UserAgentLength
 *     24  USHORT         CookieLength
 *     26  USHORT         ReferrerLength
 *     28                 (4 bytes of padding)
 *     32  PWCHAR         UserName
 *     40  PWCHAR         UriStem
 *     48  PCHAR          ClientIp
 *     56  PCHAR          ServerName
 *     64  PCHAR          ServiceName
 *     72  PCHAR          ServerIp
 *     80  PCHAR          Method
 *     88  PCHAR          UriQuery
 *     96  PCHAR          Host
 *    104  PCHAR          UserAgent
 *    112  PCHAR          Cookie
 *    120  PCHAR          Referrer
 *    128  USHORT         ServerPort
 *    130  USHORT         ProtocolStatus
 *    132  ULONG          Win32Status
 *    136  HTTP_VERB      MethodNum
 *    140  USHORT         SubStatus
 *    142                 (2 bytes of padding)
 *    144                 sizeof = 144
 * </pre>
 */
@NativeStruct("HTTP_LOG_FIELDS_DATA")
public final class HttpLogFieldsData {

    public static final int SIZE = 144;

    @NativeField(value = "Base", size = 4)
    public static final int BASE = 0;

    @NativeField(value = "UserNameLength", size = 2)
    public static final int USER_NAME_LENGTH = 4;

    @NativeField(value = "UriStemLength", size = 2)
    public static final int URI_STEM_LENGTH = 6;

    @NativeField(value = "ClientIpLength", size = 2)
    public static final int CLIENT_IP_LENGTH = 8;

    @NativeField(value = "ServerNameLength", size = 2)
    public static final int SERVER_NAME_LENGTH = 10;

    @NativeField(value = "ServiceNameLength", size = 2)
    public static final int SERVICE_NAME_LENGTH = 12;

    @NativeField(value = "ServerIpLength", size = 2)
    public static final int SERVER_IP_LENGTH = 14;

    @NativeField(value = "MethodLength", size = 2)
    public static final int METHOD_LENGTH = 16;

    @NativeField(value = "UriQueryLength", size = 2)
    public static final int URI_QUERY_LENGTH = 18;

    @NativeField(value = "HostLength", size = 2)
    public static final int HOST_LENGTH = 20;

    @NativeField(value = "UserAgentLength", size = 2)
    public static final int USER_AGENT_LENGTH = 22;

    @NativeField(value = "CookieLength", size = 2)
    public static final int COOKIE_LENGTH = 24;

    @NativeField(value = "ReferrerLength", size = 2)
    public static final int REFERRER_LENGTH = 26;

    @NativeField(value = "UserName", size = 8)
    public static final int USER_NAME = 32;

    @NativeField(value = "UriStem", size = 8)
    public static final int URI_STEM = 40;

    @NativeField(value = "ClientIp", size = 8)
    public static final int CLIENT_IP = 48;

    @NativeField(value = "ServerName", size = 8)
    public static final int SERVER_NAME = 56;

    @NativeField(value = "ServiceName", size = 8)
    public static final int SERVICE_NAME = 64;

    @NativeField(value = "ServerIp", size = 8)
    public static final int SERVER_IP = 72;

    @NativeField(value = "Method", size = 8)
    public static final int METHOD = 80;

    @NativeField(value = "UriQuery", size = 8)
    public static final int URI_QUERY = 88;

    @NativeField(value = "Host", size = 8)
    public static final int HOST = 96;

    @NativeField(value = "UserAgent", size = 8)
    public static final int USER_AGENT = 104;

    @NativeField(value = "Cookie", size = 8)
    public static final int COOKIE = 112;

    @NativeField(value = "Referrer", size = 8)
    public static final int REFERRER = 120;

    @NativeField(value = "ServerPort", size = 2)
    public static final int SERVER_PORT = 128;

    @NativeField(value = "ProtocolStatus", size = 2)
    public static final int PROTOCOL_STATUS = 130;

    @NativeField(value = "Win32Status", size = 4)
    public static final int WIN32_STATUS = 132;

    @NativeField(value = "MethodNum", size = 4)
    public static final int METHOD_NUM = 136;

    @NativeField(value = "SubStatus", size = 2)
    public static final int SUB_STATUS = 140;

    private HttpLogFieldsData() {
    }

    /** {@code Base.Type}, the only member of the embedded {@code HTTP_LOG_DATA}. */
    public static int base(long address) {
        return NativeAccess.getInt(address + BASE);
    }

    public static void setBase(long address, int value) {
        NativeAccess.putInt(address + BASE, value);
    }

    public static int userNameLength(long address) {
        return NativeAccess.getShort(address + USER_NAME_LENGTH) & 0xFFFF;
    }

    public static void setUserNameLength(long address, int value) {
        NativeAccess.putShort(address + USER_NAME_LENGTH, (short) value);
    }

    public static int uriStemLength(long address) {
        return NativeAccess.getShort(address + URI_STEM_LENGTH) & 0xFFFF;
    }

    public static void setUriStemLength(long address, int value) {
        NativeAccess.putShort(address + URI_STEM_LENGTH, (short) value);
    }

    public static int clientIpLength(long address) {
        return NativeAccess.getShort(address + CLIENT_IP_LENGTH) & 0xFFFF;
    }

    public static void setClientIpLength(long address, int value) {
        NativeAccess.putShort(address + CLIENT_IP_LENGTH, (short) value);
    }

    public static int serverNameLength(long address) {
        return NativeAccess.getShort(address + SERVER_NAME_LENGTH) & 0xFFFF;
    }

    public static void setServerNameLength(long address, int value) {
        NativeAccess.putShort(address + SERVER_NAME_LENGTH, (short) value);
    }

    public static int serviceNameLength(long address) {
        return NativeAccess.getShort(address + SERVICE_NAME_LENGTH) & 0xFFFF;
    }

    public static void setServiceNameLength(long address, int value) {
        NativeAccess.putShort(address + SERVICE_NAME_LENGTH, (short) value);
    }

    public static int serverIpLength(long address) {
        return NativeAccess.getShort(address + SERVER_IP_LENGTH) & 0xFFFF;
    }

    public static void setServerIpLength(long address, int value) {
        NativeAccess.putShort(address + SERVER_IP_LENGTH, (short) value);
    }

    public static int methodLength(long address) {
        return NativeAccess.getShort(address + METHOD_LENGTH) & 0xFFFF;
    }

    public static void setMethodLength(long address, int value) {
        NativeAccess.putShort(address + METHOD_LENGTH, (short) value);
    }

    public static int uriQueryLength(long address) {
        return NativeAccess.getShort(address + URI_QUERY_LENGTH) & 0xFFFF;
    }

    public static void setUriQueryLength(long address, int value) {
        NativeAccess.putShort(address + URI_QUERY_LENGTH, (short) value);
    }

    public static int hostLength(long address) {
        return NativeAccess.getShort(address + HOST_LENGTH) & 0xFFFF;
    }

    public static void setHostLength(long address, int value) {
        NativeAccess.putShort(address + HOST_LENGTH, (short) value);
    }

    public static int userAgentLength(long address) {
        return NativeAccess.getShort(address + USER_AGENT_LENGTH) & 0xFFFF;
    }

    public static void setUserAgentLength(long address, int value) {
        NativeAccess.putShort(address + USER_AGENT_LENGTH, (short) value);
    }

    public static int cookieLength(long address) {
        return NativeAccess.getShort(address + COOKIE_LENGTH) & 0xFFFF;
    }

    public static void setCookieLength(long address, int value) {
        NativeAccess.putShort(address + COOKIE_LENGTH, (short) value);
    }

    public static int referrerLength(long address) {
        return NativeAccess.getShort(address + REFERRER_LENGTH) & 0xFFFF;
    }

    public static void setReferrerLength(long address, int value) {
        NativeAccess.putShort(address + REFERRER_LENGTH, (short) value);
    }

    public static long userName(long address) {
        return NativeAccess.getLong(address + USER_NAME);
    }

    public static void setUserName(long address, long value) {
        NativeAccess.putLong(address + USER_NAME, value);
    }

    public static long uriStem(long address) {
        return NativeAccess.getLong(address + URI_STEM);
    }

    public static void setUriStem(long address, long value) {
        NativeAccess.putLong(address + URI_STEM, value);
    }

    public static long clientIp(long address) {
        return NativeAccess.getLong(address + CLIENT_IP);
    }

    public static void setClientIp(long address, long value) {
        NativeAccess.putLong(address + CLIENT_IP, value);
    }

    public static long serverName(long address) {
        return NativeAccess.getLong(address + SERVER_NAME);
    }

    public static void setServerName(long address, long value) {
        NativeAccess.putLong(address + SERVER_NAME, value);
    }

    public static long serviceName(long address) {
        return NativeAccess.getLong(address + SERVICE_NAME);
    }

    public static void setServiceName(long address, long value) {
        NativeAccess.putLong(address + SERVICE_NAME, value);
    }

    public static long serverIp(long address) {
        return NativeAccess.getLong(address + SERVER_IP);
    }

    public static void setServerIp(long address, long value) {
        NativeAccess.putLong(address + SERVER_IP, value);
    }

    public static long method(long address) {
        return NativeAccess.getLong(address + METHOD);
    }

    public static void setMethod(long address, long value) {
        NativeAccess.putLong(address + METHOD, value);
    }

    public static long uriQuery(long address) {
        return NativeAccess.getLong(address + URI_QUERY);
    }

    public static void setUriQuery(long address, long value) {
        NativeAccess.putLong(address + URI_QUERY, value);
    }

    public static long host(long address) {
        return NativeAccess.getLong(address + HOST);
    }

    public static void setHost(long address, long value) {
        NativeAccess.putLong(address + HOST, value);
    }

    public static long userAgent(long address) {
        return NativeAccess.getLong(address + USER_AGENT);
    }

    public static void setUserAgent(long address, long value) {
        NativeAccess.putLong(address + USER_AGENT, value);
    }

    public static long cookie(long address) {
        return NativeAccess.getLong(address + COOKIE);
    }

    public static void setCookie(long address, long value) {
        NativeAccess.putLong(address + COOKIE, value);
    }

    public static long referrer(long address) {
        return NativeAccess.getLong(address + REFERRER);
    }

    public static void setReferrer(long address, long value) {
        NativeAccess.putLong(address + REFERRER, value);
    }

    public static int serverPort(long address) {
        return NativeAccess.getShort(address + SERVER_PORT) & 0xFFFF;
    }

    public static void setServerPort(long address, int value) {
        NativeAccess.putShort(address + SERVER_PORT, (short) value);
    }

    public static int protocolStatus(long address) {
        return NativeAccess.getShort(address + PROTOCOL_STATUS) & 0xFFFF;
    }

    public static void setProtocolStatus(long address, int value) {
        NativeAccess.putShort(address + PROTOCOL_STATUS, (short) value);
    }

    public static int win32Status(long address) {
        return NativeAccess.getInt(address + WIN32_STATUS);
    }

    public static void setWin32Status(long address, int value) {
        NativeAccess.putInt(address + WIN32_STATUS, value);
    }

    public static int methodNum(long address) {
        return NativeAccess.getInt(address + METHOD_NUM);
    }

    public static void setMethodNum(long address, int value) {
        NativeAccess.putInt(address + METHOD_NUM, value);
    }

    public static int subStatus(long address) {
        return NativeAccess.getShort(address + SUB_STATUS) & 0xFFFF;
    }

    public static void setSubStatus(long address, int value) {
        NativeAccess.putShort(address + SUB_STATUS, (short) value);
    }
}
