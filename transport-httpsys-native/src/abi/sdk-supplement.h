/*
 * What the Windows SDK's http.h declares and mingw-w64 10's http.h lacks or gets wrong, transcribed from
 * Microsoft's win32metadata (the machine-readable Windows SDK). The compiler lays these out; nothing here
 * is an offset typed by hand. Every type and macro carries an SDK_ prefix so it cannot collide with (or
 * silently fall back to) a mingw-w64 declaration; abi_dump.c prints each under its SDK name.
 *
 * Sources (cited per item below by letter):
 *   [H] the Windows SDK's own http.h as kept by Microsoft's win32metadata:
 *       microsoft/win32metadata generation/WinSDK/RecompiledIdlHeaders/um/http.h
 *       at commit 095e12e664fc3a04adda0c36424fe410614f1c61. This is the pinned SDK: enum sentinels
 *       (HttpDataChunkMaximum, HttpServiceConfigMax, ...) are taken from it.
 *   [M] the same metadata as generated into windows-rs, crates/libs/sys/src/Windows/Win32/Networking/HttpServer/mod.rs
 *       (microsoft/windows-rs, commit 0337d4bca809f7cb87274c6baddcdbd01db65e7b), an older SDK: wherever it has an
 *       item it agrees with [H], except the sentinels [H] has grown since; it lacks the members appended later.
 *   [N] newer win32metadata than [H] (the windows-sys HttpServer bindings and the win32metadata release notes
 *       that introduce HttpServerRequestInfoProperty = 19). Enumerators are append-only, so an enumerator
 *       added after [H] is safe to use; sentinels are not taken from [N].
 *   [D] learn.microsoft.com/windows/win32/api/http/ns-http-<struct> (the page's Syntax block) for the struct named.
 */
#ifndef HTTPSYS_SDK_SUPPLEMENT_H
#define HTTPSYS_SDK_SUPPLEMENT_H

/* HTTP_DATA_CHUNK_TYPE [H] (implicit values, spelled out here): the SDK adds HttpDataChunkTrailers = 4 and
 * HttpDataChunkFromWinHttpFastForwarding = 5, so HttpDataChunkMaximum is 6 ([M], an older SDK, says 5;
 * mingw-w64 says 4). */
typedef enum {
    SDK_HttpDataChunkFromMemory = 0,
    SDK_HttpDataChunkFromFileHandle = 1,
    SDK_HttpDataChunkFromFragmentCache = 2,
    SDK_HttpDataChunkFromFragmentCacheEx = 3,
    SDK_HttpDataChunkTrailers = 4,
    SDK_HttpDataChunkFromWinHttpFastForwarding = 5,
    SDK_HttpDataChunkMaximum = 6
} SDK_HTTP_DATA_CHUNK_TYPE;

/* HTTP_WINHTTP_FAST_FORWARDING_DATA [H]: opaque 16 bytes, the payload of FromWinHttpFastForwarding. */
typedef struct {
    UCHAR Reserved[16];
} SDK_HTTP_WINHTTP_FAST_FORWARDING_DATA;

/* HTTP_DATA_CHUNK [H], [M] (HTTP_DATA_CHUNK_0 .. _0_4) and [D] ns-http-http_data_chunk (which, like [H], already
 * lists FromWinHttpFastForwarding): the union also holds
 * FromFragmentCacheEx { HTTP_BYTE_RANGE ByteRange; PCWSTR pFragmentName; },
 * Trailers { USHORT TrailerCount; PHTTP_UNKNOWN_HEADER pTrailers; } and (in [H])
 * FromWinHttpFastForwarding { HTTP_WINHTTP_FAST_FORWARDING_DATA WhFastForwardingData; }, all absent in mingw-w64.
 * The SDK asserts TYPE_ALIGNMENT(HTTP_DATA_CHUNK) == 8. */
typedef struct {
    SDK_HTTP_DATA_CHUNK_TYPE DataChunkType;
    union {
        struct {
            PVOID pBuffer;
            ULONG BufferLength;
        } FromMemory;
        struct {
            HTTP_BYTE_RANGE ByteRange;
            HANDLE FileHandle;
        } FromFileHandle;
        struct {
            USHORT FragmentNameLength;
            PCWSTR pFragmentName;
        } FromFragmentCache;
        struct {
            HTTP_BYTE_RANGE ByteRange;
            PCWSTR pFragmentName;
        } FromFragmentCacheEx;
        struct {
            USHORT TrailerCount;
            PHTTP_UNKNOWN_HEADER pTrailers;
        } Trailers;
        struct {
            SDK_HTTP_WINHTTP_FAST_FORWARDING_DATA WhFastForwardingData;
        } FromWinHttpFastForwarding;
    };
} SDK_HTTP_DATA_CHUNK;

/* HTTP_REQUEST_AUTH_INFO [H], [M] and [D] ns-http-http_request_auth_info: the SDK appends
 * PackageNameLength and pPackageName (80 bytes on x64; mingw-w64 stops at pMutualAuthData, 64). */
typedef struct {
    HTTP_AUTH_STATUS AuthStatus;
    SECURITY_STATUS SecStatus;
    ULONG Flags;
    HTTP_REQUEST_AUTH_TYPE AuthType;
    HANDLE AccessToken;
    ULONG ContextAttributes;
    ULONG PackedContextLength;
    ULONG PackedContextType;
    PVOID PackedContext;
    ULONG MutualAuthDataLength;
    PCHAR pMutualAuthData;
    USHORT PackageNameLength;
    PWSTR pPackageName;
} SDK_HTTP_REQUEST_AUTH_INFO;

/* HTTP_LOG_FIELDS_DATA [H], [M] and [D] ns-http-http_log_fields_data: ServiceNameLength sits between
 * ServerNameLength and ServerIpLength; mingw-w64 omits it, shifting the later lengths by 2 bytes. */
typedef struct {
    HTTP_LOG_DATA Base;
    USHORT UserNameLength;
    USHORT UriStemLength;
    USHORT ClientIpLength;
    USHORT ServerNameLength;
    USHORT ServiceNameLength;
    USHORT ServerIpLength;
    USHORT MethodLength;
    USHORT UriQueryLength;
    USHORT HostLength;
    USHORT UserAgentLength;
    USHORT CookieLength;
    USHORT ReferrerLength;
    PWCHAR UserName;
    PWCHAR UriStem;
    PCHAR ClientIp;
    PCHAR ServerName;
    PCHAR ServiceName;
    PCHAR ServerIp;
    PCHAR Method;
    PCHAR UriQuery;
    PCHAR Host;
    PCHAR UserAgent;
    PCHAR Cookie;
    PCHAR Referrer;
    USHORT ServerPort;
    USHORT ProtocolStatus;
    ULONG Win32Status;
    HTTP_VERB MethodNum;
    USHORT SubStatus;
} SDK_HTTP_LOG_FIELDS_DATA;

/* HTTP_SSL_PROTOCOL_INFO [H], [M] (HttpRequestInfoTypeSslProtocol payload): absent in mingw-w64. [H] declares
 * all seven members ULONG (their values are those of SecPkgContext_ConnectionInfo, whose ALG_IDs are 4 bytes). */
typedef struct {
    ULONG Protocol;
    ULONG CipherType;
    ULONG CipherStrength;
    ULONG HashType;
    ULONG HashStrength;
    ULONG KeyExchangeType;
    ULONG KeyExchangeStrength;
} SDK_HTTP_SSL_PROTOCOL_INFO;

/* HTTP_PROTECTION_LEVEL_TYPE / HTTP_PROTECTION_LEVEL_INFO [H], [M] (HttpServerProtectionLevelProperty): absent. */
typedef enum {
    SDK_HttpProtectionLevelUnrestricted = 0,
    SDK_HttpProtectionLevelEdgeRestricted = 1,
    SDK_HttpProtectionLevelRestricted = 2
} SDK_HTTP_PROTECTION_LEVEL_TYPE;

typedef struct {
    HTTP_PROPERTY_FLAGS Flags;
    SDK_HTTP_PROTECTION_LEVEL_TYPE Level;
} SDK_HTTP_PROTECTION_LEVEL_INFO;

/* HTTP_SERVER_PROPERTY [H], [M]: ProtectionLevel = 11, Delegation = 16 and FastForwarding = 18 ([H]) are
 * missing from mingw-w64; RequestInfo = 19 comes from [N]. There is no sentinel. */
typedef enum {
    SDK_HttpServerAuthenticationProperty = 0,
    SDK_HttpServerLoggingProperty = 1,
    SDK_HttpServerQosProperty = 2,
    SDK_HttpServerTimeoutsProperty = 3,
    SDK_HttpServerQueueLengthProperty = 4,
    SDK_HttpServerStateProperty = 5,
    SDK_HttpServer503VerbosityProperty = 6,
    SDK_HttpServerBindingProperty = 7,
    SDK_HttpServerExtendedAuthenticationProperty = 8,
    SDK_HttpServerListenEndpointProperty = 9,
    SDK_HttpServerChannelBindProperty = 10,
    SDK_HttpServerProtectionLevelProperty = 11,
    SDK_HttpServerDelegationProperty = 16,
    SDK_HttpServerFastForwardingProperty = 18,
    SDK_HttpServerRequestInfoProperty = 19
} SDK_HTTP_SERVER_PROPERTY;

/* HTTP_SERVICE_CONFIG_ID [H] (with _WIN32_WINNT >= WIN10, which enables every member), [M]: mingw-w64 stops
 * after UrlAclInfo, so its HttpServiceConfigMax (3) is wrong. */
typedef enum {
    SDK_HttpServiceConfigIPListenList = 0,
    SDK_HttpServiceConfigSSLCertInfo = 1,
    SDK_HttpServiceConfigUrlAclInfo = 2,
    SDK_HttpServiceConfigTimeout = 3,
    SDK_HttpServiceConfigCache = 4,
    SDK_HttpServiceConfigSslSniCertInfo = 5,
    SDK_HttpServiceConfigSslCcsCertInfo = 6,
    SDK_HttpServiceConfigSetting = 7,
    SDK_HttpServiceConfigSslCertInfoEx = 8,
    SDK_HttpServiceConfigSslSniCertInfoEx = 9,
    SDK_HttpServiceConfigSslCcsCertInfoEx = 10,
    SDK_HttpServiceConfigSslScopedCcsCertInfo = 11,
    SDK_HttpServiceConfigSslScopedCcsCertInfoEx = 12,
    SDK_HttpServiceConfigMax = 13
} SDK_HTTP_SERVICE_CONFIG_ID;

/* HTTP_REQUEST_INFO_TYPE [H], [M]: mingw-w64 has only HttpRequestInfoTypeAuth. QuicStatsV2 and TcpInfoV2 are
 * in [H] only. There is no sentinel. */
typedef enum {
    SDK_HttpRequestInfoTypeAuth = 0,
    SDK_HttpRequestInfoTypeChannelBind = 1,
    SDK_HttpRequestInfoTypeSslProtocol = 2,
    SDK_HttpRequestInfoTypeSslTokenBindingDraft = 3,
    SDK_HttpRequestInfoTypeSslTokenBinding = 4,
    SDK_HttpRequestInfoTypeRequestTiming = 5,
    SDK_HttpRequestInfoTypeTcpInfoV0 = 6,
    SDK_HttpRequestInfoTypeRequestSizing = 7,
    SDK_HttpRequestInfoTypeQuicStats = 8,
    SDK_HttpRequestInfoTypeTcpInfoV1 = 9,
    SDK_HttpRequestInfoTypeQuicStatsV2 = 10,
    SDK_HttpRequestInfoTypeTcpInfoV2 = 11
} SDK_HTTP_REQUEST_INFO_TYPE;

/* HTTP_FEATURE_ID [H] (the argument of HttpIsFeatureSupported): absent in mingw-w64. Newer SDKs append members
 * (10.0.26100 goes on to HttpFeatureCacheTlsClientHello = 11), so no sentinel is taken. */
typedef enum {
    SDK_HttpFeatureUnknown = 0,
    SDK_HttpFeatureResponseTrailers = 1,
    SDK_HttpFeatureApiTimings = 2,
    SDK_HttpFeatureDelegateEx = 3,
    SDK_HttpFeatureHttp3 = 4
} SDK_HTTP_FEATURE_ID;

/* HTTP_RESPONSE_INFO_TYPE [H], [M]: the SDK spells the QoS member HttpResponseInfoTypeQoSProperty
 * (mingw-w64: HttpResponseInfoTypeQosProperty). */
typedef enum {
    SDK_HttpResponseInfoTypeMultipleKnownHeaders = 0,
    SDK_HttpResponseInfoTypeAuthenticationProperty = 1,
    SDK_HttpResponseInfoTypeQoSProperty = 2,
    SDK_HttpResponseInfoTypeChannelBind = 3
} SDK_HTTP_RESPONSE_INFO_TYPE;

/* Flag macros absent in mingw-w64 [H] (all but AUTOMATIC_CHUNKING and FAST_FORWARDING also in [M]). */
#define SDK_HTTP_RECEIVE_REQUEST_FLAG_FLUSH_BODY 0x00000002
#define SDK_HTTP_RECEIVE_SECURE_CHANNEL_TOKEN 0x00000001
#define SDK_HTTP_RECEIVE_FULL_CHAIN 0x00000002
#define SDK_HTTP_SEND_RESPONSE_FLAG_ENABLE_NAGLING 0x00000008
#define SDK_HTTP_SEND_RESPONSE_FLAG_PROCESS_RANGES 0x00000020
#define SDK_HTTP_SEND_RESPONSE_FLAG_OPAQUE 0x00000040
#define SDK_HTTP_SEND_RESPONSE_FLAG_GOAWAY 0x00000100
#define SDK_HTTP_SEND_RESPONSE_FLAG_AUTOMATIC_CHUNKING 0x00000200
#define SDK_HTTP_REQUEST_FLAG_IP_ROUTED 0x00000002
#define SDK_HTTP_REQUEST_FLAG_HTTP2 0x00000004
#define SDK_HTTP_REQUEST_FLAG_HTTP3 0x00000008
#define SDK_HTTP_REQUEST_FLAG_FAST_FORWARDING_ALLOWED 0x00000010
#define SDK_HTTP_REQUEST_FLAG_FAST_FORWARDING_RESPONSE_ALLOWED SDK_HTTP_REQUEST_FLAG_FAST_FORWARDING_ALLOWED
#define SDK_HTTP_RESPONSE_FLAG_MULTIPLE_ENCODINGS_AVAILABLE 0x00000001
#define SDK_HTTP_RESPONSE_FLAG_MORE_ENTITY_BODY_EXISTS 0x00000002
#define SDK_HTTP_RESPONSE_INFO_FLAGS_PRESERVE_ORDER 0x00000001
#define SDK_HTTP_CREATE_REQUEST_QUEUE_FLAG_OPEN_EXISTING 0x00000001
#define SDK_HTTP_CREATE_REQUEST_QUEUE_FLAG_CONTROLLER 0x00000002
#define SDK_HTTP_CREATE_REQUEST_QUEUE_FLAG_DELEGATION 0x00000008
#define SDK_HTTP_URL_FLAG_REMOVE_ALL 0x00000001
#define SDK_HTTP_DEMAND_CBT 0x00000004
#define SDK_HTTP_AUTH_ENABLE_BASIC 0x00000001
#define SDK_HTTP_AUTH_ENABLE_DIGEST 0x00000002
#define SDK_HTTP_AUTH_ENABLE_NTLM 0x00000004
#define SDK_HTTP_AUTH_ENABLE_NEGOTIATE 0x00000008
#define SDK_HTTP_AUTH_ENABLE_KERBEROS 0x00000010
#define SDK_HTTP_AUTH_ENABLE_ALL (SDK_HTTP_AUTH_ENABLE_BASIC | SDK_HTTP_AUTH_ENABLE_DIGEST | SDK_HTTP_AUTH_ENABLE_NTLM \
        | SDK_HTTP_AUTH_ENABLE_NEGOTIATE | SDK_HTTP_AUTH_ENABLE_KERBEROS)
#define SDK_HTTP_AUTH_EX_FLAG_ENABLE_KERBEROS_CREDENTIAL_CACHING 0x01
#define SDK_HTTP_AUTH_EX_FLAG_CAPTURE_CREDENTIAL 0x02
#define SDK_HTTP_REQUEST_AUTH_FLAG_TOKEN_FOR_CACHED_CRED 0x00000001
#define SDK_HTTP_CHANNEL_BIND_PROXY 0x1
#define SDK_HTTP_CHANNEL_BIND_NO_SERVICE_NAME_CHECK 0x2
#define SDK_HTTP_CHANNEL_BIND_DOTLESS_SERVICE 0x4
#define SDK_HTTP_CHANNEL_BIND_SECURE_CHANNEL_TOKEN 0x8
#define SDK_HTTP_CHANNEL_BIND_CLIENT_SERVICE 0x10
#define SDK_HTTP_CHANNEL_BIND_PROXY_COHOSTING 0x20
#define SDK_HTTP_LOGGING_FLAG_LOCAL_TIME_ROLLOVER 0x00000001
#define SDK_HTTP_LOGGING_FLAG_USE_UTF8_CONVERSION 0x00000002
#define SDK_HTTP_LOGGING_FLAG_LOG_ERRORS_ONLY 0x00000004
#define SDK_HTTP_LOGGING_FLAG_LOG_SUCCESS_ONLY 0x00000008
#define SDK_HTTP_SERVICE_CONFIG_SSL_FLAG_REJECT 0x00000008
#define SDK_HTTP_SERVICE_CONFIG_SSL_FLAG_DISABLE_HTTP2 0x00000010
#define SDK_HTTP_SERVICE_CONFIG_SSL_FLAG_DISABLE_QUIC 0x00000020
#define SDK_HTTP_SERVICE_CONFIG_SSL_FLAG_DISABLE_TLS13 0x00000040
#define SDK_HTTP_SERVICE_CONFIG_SSL_FLAG_DISABLE_OCSP_STAPLING 0x00000080
#define SDK_HTTP_SERVICE_CONFIG_SSL_FLAG_ENABLE_TOKEN_BINDING 0x00000100
#define SDK_HTTP_SERVICE_CONFIG_SSL_FLAG_LOG_EXTENDED_EVENTS 0x00000200
#define SDK_HTTP_SERVICE_CONFIG_SSL_FLAG_DISABLE_LEGACY_TLS 0x00000400
#define SDK_HTTP_SERVICE_CONFIG_SSL_FLAG_ENABLE_SESSION_TICKET 0x00000800
#define SDK_HTTP_SERVICE_CONFIG_SSL_FLAG_DISABLE_TLS12 0x00001000
#define SDK_HTTP_SERVICE_CONFIG_SSL_FLAG_ENABLE_CLIENT_CORRELATION 0x00002000
#define SDK_HTTP_SERVICE_CONFIG_SSL_FLAG_DISABLE_SESSION_ID 0x00004000

/* HTTP_VERSION_3_0 [H]: absent in mingw-w64 (which has up to HTTP_VERSION_2_0). */
#define SDK_HTTP_VERSION_3_0 { 3, 0 }

/* Limits [H] (queue lengths also in [M]; the ((ULONG)...) casts are dropped by older metadata). */
#define SDK_HTTP_MAX_SERVER_QUEUE_LENGTH 0x7FFFFFFF
#define SDK_HTTP_MIN_SERVER_QUEUE_LENGTH 1
#define SDK_HTTP_MIN_ALLOWED_BANDWIDTH_THROTTLING_RATE ((ULONG) 1024)
#define SDK_HTTP_LIMIT_INFINITE ((ULONG) -1)
#define SDK_HTTP_MIN_ALLOWED_LOG_FILE_ROLLOVER_SIZE ((ULONG) (1 * 1024 * 1024))

/* HTTP_LOG_FIELD_* (HTTP_LOGGING_INFO.Fields) [H], [M]. */
#define SDK_HTTP_LOG_FIELD_DATE 0x00000001
#define SDK_HTTP_LOG_FIELD_TIME 0x00000002
#define SDK_HTTP_LOG_FIELD_CLIENT_IP 0x00000004
#define SDK_HTTP_LOG_FIELD_USER_NAME 0x00000008
#define SDK_HTTP_LOG_FIELD_SITE_NAME 0x00000010
#define SDK_HTTP_LOG_FIELD_COMPUTER_NAME 0x00000020
#define SDK_HTTP_LOG_FIELD_SERVER_IP 0x00000040
#define SDK_HTTP_LOG_FIELD_METHOD 0x00000080
#define SDK_HTTP_LOG_FIELD_URI_STEM 0x00000100
#define SDK_HTTP_LOG_FIELD_URI_QUERY 0x00000200
#define SDK_HTTP_LOG_FIELD_STATUS 0x00000400
#define SDK_HTTP_LOG_FIELD_WIN32_STATUS 0x00000800
#define SDK_HTTP_LOG_FIELD_BYTES_SENT 0x00001000
#define SDK_HTTP_LOG_FIELD_BYTES_RECV 0x00002000
#define SDK_HTTP_LOG_FIELD_TIME_TAKEN 0x00004000
#define SDK_HTTP_LOG_FIELD_SERVER_PORT 0x00008000
#define SDK_HTTP_LOG_FIELD_USER_AGENT 0x00010000
#define SDK_HTTP_LOG_FIELD_COOKIE 0x00020000
#define SDK_HTTP_LOG_FIELD_REFERER 0x00040000
#define SDK_HTTP_LOG_FIELD_VERSION 0x00080000
#define SDK_HTTP_LOG_FIELD_HOST 0x00100000
#define SDK_HTTP_LOG_FIELD_SUB_STATUS 0x00200000
#define SDK_HTTP_LOG_FIELD_CLIENT_PORT 0x00400000
#define SDK_HTTP_LOG_FIELD_URI 0x00800000
#define SDK_HTTP_LOG_FIELD_SITE_ID 0x01000000
#define SDK_HTTP_LOG_FIELD_REASON 0x02000000
#define SDK_HTTP_LOG_FIELD_QUEUE_NAME 0x04000000
#define SDK_HTTP_LOG_FIELD_STREAM_ID 0x08000000
#define SDK_HTTP_LOG_FIELD_STREAM_ID_EX 0x10000000
#define SDK_HTTP_LOG_FIELD_TRANSPORT_TYPE 0x20000000
#define SDK_HTTP_LOG_FIELD_CORRELATION_ID 0x40000000
#define SDK_HTTP_LOG_FIELD_FAULT_CODE 0x80000000

#endif
