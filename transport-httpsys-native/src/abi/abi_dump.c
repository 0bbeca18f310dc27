/*
 * Prints the x64 layout of the HTTP Server API structs and the values of the constants the transport
 * uses, as computed by the compiler from the SDK headers, in the TSV format the ABI test reads:
 *
 *   STRUCT <TAB> (sizeof)  <TAB> N
 *   STRUCT <TAB> (alignof) <TAB> N
 *   STRUCT <TAB> FIELD     <TAB> OFFSET <TAB> SIZE     (union members and nested members as dotted paths)
 *   const  <TAB> NAME      <TAB> VALUE                 (unsigned decimal of the value's bit pattern at its C width)
 *
 * Built twice by generate.sh with x86_64-w64-mingw32-gcc and run under Wine:
 *   - plain: everything from the mingw-w64 headers (abi-x64-mingw.tsv);
 *   - with -DABI_SDK_SUPPLEMENT: only what sdk-supplement.h transcribes from the Windows SDK
 *     (win32metadata) because mingw-w64 lacks it or gets it wrong (abi-x64-sdk.tsv).
 * Nothing is typed in by hand here except names: every number comes from sizeof/offsetof/the headers.
 */

/* ntstatus.h and winnt.h both define some STATUS_* values; the documented way to get all of them. */
#define WIN32_NO_STATUS
#include <winsock2.h>
#include <ws2ipdef.h>
#include <windows.h>
#include <http.h>
#include <schannel.h>
#include <sddl.h>
#undef WIN32_NO_STATUS
#include <ntstatus.h>

#include <fcntl.h>
#include <io.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static void struct_line(const char *name, size_t size, size_t align)
{
    printf("%s\t(sizeof)\t%u\n", name, (unsigned) size);
    printf("%s\t(alignof)\t%u\n", name, (unsigned) align);
}

static void field_line(const char *type, const char *field, size_t offset, size_t size)
{
    printf("%s\t%s\t%u\t%u\n", type, field, (unsigned) offset, (unsigned) size);
}

/* A value narrower than 64 bits is printed as its 32-bit pattern, so a negative LONG such as an
 * NTSTATUS and an unsigned ULONG such as INFINITE print the same way the kernel sees them. */
static void const_line(const char *name, size_t width, unsigned long long value)
{
    if (width < 8) {
        value &= 0xFFFFFFFFull;
    }
    printf("const\t%s\t%llu\n", name, value);
}

/* A { major, minor } initializer of a two-USHORT struct, as the 32-bit integer it is passed by value as
 * (HTTPAPI_VERSION to HttpInitialize and friends): major in the low 16 bits on little-endian x64. */
static void version_line(const char *name, const void *version, size_t size)
{
    uint32_t bits = 0;
    memcpy(&bits, version, size < sizeof(bits) ? size : sizeof(bits));
    const_line(name, sizeof(bits), bits);
}

#define STRUCT_AS(NAME, T) struct_line(NAME, sizeof(T), _Alignof(T))
#define FIELD_AS(NAME, T, F) field_line(NAME, #F, offsetof(T, F), sizeof(((T *) 0)->F))
#define VALUE_AS(NAME, V) const_line(NAME, sizeof(V), (unsigned long long) (V))

#define STRUCT(T) STRUCT_AS(#T, T)
#define FIELD(T, F) FIELD_AS(#T, T, F)
#define VALUE(V) VALUE_AS(#V, V)
#define VERSION(T, V) do { T v_ = V; version_line(#V, &v_, sizeof(v_)); } while (0)

#ifdef ABI_SDK_SUPPLEMENT
#include "sdk-supplement.h"

/* Supplement types and macros carry an SDK_ prefix; they print under the SDK name. */
#define SDK_STRUCT(NAME) STRUCT_AS(#NAME, SDK_##NAME)
#define SDK_FIELD(NAME, F) FIELD_AS(#NAME, SDK_##NAME, F)
#define SDK_VALUE(NAME) VALUE_AS(#NAME, SDK_##NAME)
#define SDK_VERSION(T, NAME) do { T v_ = SDK_##NAME; version_line(#NAME, &v_, sizeof(v_)); } while (0)

/* A name mingw-w64 defines that the SDK does not: the ABI test drops it from the merged data. */
static void not_in_sdk(const char *name, const char *reason)
{
    printf("missing\t%s\t%s\n", name, reason);
}

static void sdk_supplement_structs(void)
{
    SDK_STRUCT(HTTP_DATA_CHUNK);
    SDK_FIELD(HTTP_DATA_CHUNK, DataChunkType);
    SDK_FIELD(HTTP_DATA_CHUNK, FromMemory);
    SDK_FIELD(HTTP_DATA_CHUNK, FromMemory.pBuffer);
    SDK_FIELD(HTTP_DATA_CHUNK, FromMemory.BufferLength);
    SDK_FIELD(HTTP_DATA_CHUNK, FromFileHandle);
    SDK_FIELD(HTTP_DATA_CHUNK, FromFileHandle.ByteRange);
    SDK_FIELD(HTTP_DATA_CHUNK, FromFileHandle.ByteRange.StartingOffset);
    SDK_FIELD(HTTP_DATA_CHUNK, FromFileHandle.ByteRange.Length);
    SDK_FIELD(HTTP_DATA_CHUNK, FromFileHandle.FileHandle);
    SDK_FIELD(HTTP_DATA_CHUNK, FromFragmentCache);
    SDK_FIELD(HTTP_DATA_CHUNK, FromFragmentCache.FragmentNameLength);
    SDK_FIELD(HTTP_DATA_CHUNK, FromFragmentCache.pFragmentName);
    SDK_FIELD(HTTP_DATA_CHUNK, FromFragmentCacheEx);
    SDK_FIELD(HTTP_DATA_CHUNK, FromFragmentCacheEx.ByteRange);
    SDK_FIELD(HTTP_DATA_CHUNK, FromFragmentCacheEx.pFragmentName);
    SDK_FIELD(HTTP_DATA_CHUNK, Trailers);
    SDK_FIELD(HTTP_DATA_CHUNK, Trailers.TrailerCount);
    SDK_FIELD(HTTP_DATA_CHUNK, Trailers.pTrailers);
    SDK_FIELD(HTTP_DATA_CHUNK, FromWinHttpFastForwarding);
    SDK_FIELD(HTTP_DATA_CHUNK, FromWinHttpFastForwarding.WhFastForwardingData);

    SDK_STRUCT(HTTP_WINHTTP_FAST_FORWARDING_DATA);
    SDK_FIELD(HTTP_WINHTTP_FAST_FORWARDING_DATA, Reserved);

    SDK_STRUCT(HTTP_REQUEST_AUTH_INFO);
    SDK_FIELD(HTTP_REQUEST_AUTH_INFO, AuthStatus);
    SDK_FIELD(HTTP_REQUEST_AUTH_INFO, SecStatus);
    SDK_FIELD(HTTP_REQUEST_AUTH_INFO, Flags);
    SDK_FIELD(HTTP_REQUEST_AUTH_INFO, AuthType);
    SDK_FIELD(HTTP_REQUEST_AUTH_INFO, AccessToken);
    SDK_FIELD(HTTP_REQUEST_AUTH_INFO, ContextAttributes);
    SDK_FIELD(HTTP_REQUEST_AUTH_INFO, PackedContextLength);
    SDK_FIELD(HTTP_REQUEST_AUTH_INFO, PackedContextType);
    SDK_FIELD(HTTP_REQUEST_AUTH_INFO, PackedContext);
    SDK_FIELD(HTTP_REQUEST_AUTH_INFO, MutualAuthDataLength);
    SDK_FIELD(HTTP_REQUEST_AUTH_INFO, pMutualAuthData);
    SDK_FIELD(HTTP_REQUEST_AUTH_INFO, PackageNameLength);
    SDK_FIELD(HTTP_REQUEST_AUTH_INFO, pPackageName);

    SDK_STRUCT(HTTP_LOG_FIELDS_DATA);
    SDK_FIELD(HTTP_LOG_FIELDS_DATA, Base);
    SDK_FIELD(HTTP_LOG_FIELDS_DATA, UserNameLength);
    SDK_FIELD(HTTP_LOG_FIELDS_DATA, UriStemLength);
    SDK_FIELD(HTTP_LOG_FIELDS_DATA, ClientIpLength);
    SDK_FIELD(HTTP_LOG_FIELDS_DATA, ServerNameLength);
    SDK_FIELD(HTTP_LOG_FIELDS_DATA, ServiceNameLength);
    SDK_FIELD(HTTP_LOG_FIELDS_DATA, ServerIpLength);
    SDK_FIELD(HTTP_LOG_FIELDS_DATA, MethodLength);
    SDK_FIELD(HTTP_LOG_FIELDS_DATA, UriQueryLength);
    SDK_FIELD(HTTP_LOG_FIELDS_DATA, HostLength);
    SDK_FIELD(HTTP_LOG_FIELDS_DATA, UserAgentLength);
    SDK_FIELD(HTTP_LOG_FIELDS_DATA, CookieLength);
    SDK_FIELD(HTTP_LOG_FIELDS_DATA, ReferrerLength);
    SDK_FIELD(HTTP_LOG_FIELDS_DATA, UserName);
    SDK_FIELD(HTTP_LOG_FIELDS_DATA, UriStem);
    SDK_FIELD(HTTP_LOG_FIELDS_DATA, ClientIp);
    SDK_FIELD(HTTP_LOG_FIELDS_DATA, ServerName);
    SDK_FIELD(HTTP_LOG_FIELDS_DATA, ServiceName);
    SDK_FIELD(HTTP_LOG_FIELDS_DATA, ServerIp);
    SDK_FIELD(HTTP_LOG_FIELDS_DATA, Method);
    SDK_FIELD(HTTP_LOG_FIELDS_DATA, UriQuery);
    SDK_FIELD(HTTP_LOG_FIELDS_DATA, Host);
    SDK_FIELD(HTTP_LOG_FIELDS_DATA, UserAgent);
    SDK_FIELD(HTTP_LOG_FIELDS_DATA, Cookie);
    SDK_FIELD(HTTP_LOG_FIELDS_DATA, Referrer);
    SDK_FIELD(HTTP_LOG_FIELDS_DATA, ServerPort);
    SDK_FIELD(HTTP_LOG_FIELDS_DATA, ProtocolStatus);
    SDK_FIELD(HTTP_LOG_FIELDS_DATA, Win32Status);
    SDK_FIELD(HTTP_LOG_FIELDS_DATA, MethodNum);
    SDK_FIELD(HTTP_LOG_FIELDS_DATA, SubStatus);

    SDK_STRUCT(HTTP_SSL_PROTOCOL_INFO);
    SDK_FIELD(HTTP_SSL_PROTOCOL_INFO, Protocol);
    SDK_FIELD(HTTP_SSL_PROTOCOL_INFO, CipherType);
    SDK_FIELD(HTTP_SSL_PROTOCOL_INFO, CipherStrength);
    SDK_FIELD(HTTP_SSL_PROTOCOL_INFO, HashType);
    SDK_FIELD(HTTP_SSL_PROTOCOL_INFO, HashStrength);
    SDK_FIELD(HTTP_SSL_PROTOCOL_INFO, KeyExchangeType);
    SDK_FIELD(HTTP_SSL_PROTOCOL_INFO, KeyExchangeStrength);

    SDK_STRUCT(HTTP_PROTECTION_LEVEL_INFO);
    SDK_FIELD(HTTP_PROTECTION_LEVEL_INFO, Flags);
    SDK_FIELD(HTTP_PROTECTION_LEVEL_INFO, Level);
}

static void sdk_supplement_constants(void)
{
    SDK_VALUE(HttpDataChunkFromMemory);
    SDK_VALUE(HttpDataChunkFromFileHandle);
    SDK_VALUE(HttpDataChunkFromFragmentCache);
    SDK_VALUE(HttpDataChunkFromFragmentCacheEx);
    SDK_VALUE(HttpDataChunkTrailers);
    SDK_VALUE(HttpDataChunkFromWinHttpFastForwarding);
    SDK_VALUE(HttpDataChunkMaximum);

    SDK_VALUE(HttpServerAuthenticationProperty);
    SDK_VALUE(HttpServerLoggingProperty);
    SDK_VALUE(HttpServerQosProperty);
    SDK_VALUE(HttpServerTimeoutsProperty);
    SDK_VALUE(HttpServerQueueLengthProperty);
    SDK_VALUE(HttpServerStateProperty);
    SDK_VALUE(HttpServer503VerbosityProperty);
    SDK_VALUE(HttpServerBindingProperty);
    SDK_VALUE(HttpServerExtendedAuthenticationProperty);
    SDK_VALUE(HttpServerListenEndpointProperty);
    SDK_VALUE(HttpServerChannelBindProperty);
    SDK_VALUE(HttpServerProtectionLevelProperty);
    SDK_VALUE(HttpServerDelegationProperty);
    SDK_VALUE(HttpServerFastForwardingProperty);
    SDK_VALUE(HttpServerRequestInfoProperty);

    SDK_VALUE(HttpServiceConfigIPListenList);
    SDK_VALUE(HttpServiceConfigSSLCertInfo);
    SDK_VALUE(HttpServiceConfigUrlAclInfo);
    SDK_VALUE(HttpServiceConfigTimeout);
    SDK_VALUE(HttpServiceConfigCache);
    SDK_VALUE(HttpServiceConfigSslSniCertInfo);
    SDK_VALUE(HttpServiceConfigSslCcsCertInfo);
    SDK_VALUE(HttpServiceConfigSetting);
    SDK_VALUE(HttpServiceConfigSslCertInfoEx);
    SDK_VALUE(HttpServiceConfigSslSniCertInfoEx);
    SDK_VALUE(HttpServiceConfigSslCcsCertInfoEx);
    SDK_VALUE(HttpServiceConfigSslScopedCcsCertInfo);
    SDK_VALUE(HttpServiceConfigSslScopedCcsCertInfoEx);
    SDK_VALUE(HttpServiceConfigMax);

    SDK_VALUE(HttpRequestInfoTypeAuth);
    SDK_VALUE(HttpRequestInfoTypeChannelBind);
    SDK_VALUE(HttpRequestInfoTypeSslProtocol);
    SDK_VALUE(HttpRequestInfoTypeSslTokenBindingDraft);
    SDK_VALUE(HttpRequestInfoTypeSslTokenBinding);
    SDK_VALUE(HttpRequestInfoTypeRequestTiming);
    SDK_VALUE(HttpRequestInfoTypeTcpInfoV0);
    SDK_VALUE(HttpRequestInfoTypeRequestSizing);
    SDK_VALUE(HttpRequestInfoTypeQuicStats);
    SDK_VALUE(HttpRequestInfoTypeTcpInfoV1);
    SDK_VALUE(HttpRequestInfoTypeQuicStatsV2);
    SDK_VALUE(HttpRequestInfoTypeTcpInfoV2);

    SDK_VALUE(HttpFeatureUnknown);
    SDK_VALUE(HttpFeatureResponseTrailers);
    SDK_VALUE(HttpFeatureApiTimings);
    SDK_VALUE(HttpFeatureDelegateEx);
    SDK_VALUE(HttpFeatureHttp3);

    SDK_VALUE(HttpResponseInfoTypeMultipleKnownHeaders);
    SDK_VALUE(HttpResponseInfoTypeAuthenticationProperty);
    SDK_VALUE(HttpResponseInfoTypeQoSProperty);
    SDK_VALUE(HttpResponseInfoTypeChannelBind);
    not_in_sdk("HttpResponseInfoTypeQosProperty", "mingw-w64 spelling; the SDK name is HttpResponseInfoTypeQoSProperty");

    SDK_VALUE(HttpProtectionLevelUnrestricted);
    SDK_VALUE(HttpProtectionLevelEdgeRestricted);
    SDK_VALUE(HttpProtectionLevelRestricted);

    SDK_VALUE(HTTP_RECEIVE_REQUEST_FLAG_FLUSH_BODY);
    SDK_VALUE(HTTP_RECEIVE_SECURE_CHANNEL_TOKEN);
    SDK_VALUE(HTTP_RECEIVE_FULL_CHAIN);
    SDK_VALUE(HTTP_SEND_RESPONSE_FLAG_ENABLE_NAGLING);
    SDK_VALUE(HTTP_SEND_RESPONSE_FLAG_PROCESS_RANGES);
    SDK_VALUE(HTTP_SEND_RESPONSE_FLAG_OPAQUE);
    SDK_VALUE(HTTP_SEND_RESPONSE_FLAG_GOAWAY);
    SDK_VALUE(HTTP_SEND_RESPONSE_FLAG_AUTOMATIC_CHUNKING);
    SDK_VALUE(HTTP_REQUEST_FLAG_IP_ROUTED);
    SDK_VALUE(HTTP_REQUEST_FLAG_HTTP2);
    SDK_VALUE(HTTP_REQUEST_FLAG_HTTP3);
    SDK_VALUE(HTTP_REQUEST_FLAG_FAST_FORWARDING_ALLOWED);
    SDK_VALUE(HTTP_REQUEST_FLAG_FAST_FORWARDING_RESPONSE_ALLOWED);
    SDK_VALUE(HTTP_RESPONSE_FLAG_MULTIPLE_ENCODINGS_AVAILABLE);
    SDK_VALUE(HTTP_RESPONSE_FLAG_MORE_ENTITY_BODY_EXISTS);
    SDK_VALUE(HTTP_RESPONSE_INFO_FLAGS_PRESERVE_ORDER);
    SDK_VALUE(HTTP_CREATE_REQUEST_QUEUE_FLAG_OPEN_EXISTING);
    SDK_VALUE(HTTP_CREATE_REQUEST_QUEUE_FLAG_CONTROLLER);
    SDK_VALUE(HTTP_CREATE_REQUEST_QUEUE_FLAG_DELEGATION);
    SDK_VALUE(HTTP_URL_FLAG_REMOVE_ALL);
    SDK_VALUE(HTTP_DEMAND_CBT);
    SDK_VALUE(HTTP_AUTH_ENABLE_BASIC);
    SDK_VALUE(HTTP_AUTH_ENABLE_DIGEST);
    SDK_VALUE(HTTP_AUTH_ENABLE_NTLM);
    SDK_VALUE(HTTP_AUTH_ENABLE_NEGOTIATE);
    SDK_VALUE(HTTP_AUTH_ENABLE_KERBEROS);
    SDK_VALUE(HTTP_AUTH_ENABLE_ALL);
    SDK_VALUE(HTTP_AUTH_EX_FLAG_ENABLE_KERBEROS_CREDENTIAL_CACHING);
    SDK_VALUE(HTTP_AUTH_EX_FLAG_CAPTURE_CREDENTIAL);
    SDK_VALUE(HTTP_REQUEST_AUTH_FLAG_TOKEN_FOR_CACHED_CRED);
    SDK_VALUE(HTTP_CHANNEL_BIND_PROXY);
    SDK_VALUE(HTTP_CHANNEL_BIND_NO_SERVICE_NAME_CHECK);
    SDK_VALUE(HTTP_CHANNEL_BIND_DOTLESS_SERVICE);
    SDK_VALUE(HTTP_CHANNEL_BIND_SECURE_CHANNEL_TOKEN);
    SDK_VALUE(HTTP_CHANNEL_BIND_CLIENT_SERVICE);
    SDK_VALUE(HTTP_CHANNEL_BIND_PROXY_COHOSTING);
    SDK_VALUE(HTTP_LOGGING_FLAG_LOCAL_TIME_ROLLOVER);
    SDK_VALUE(HTTP_LOGGING_FLAG_USE_UTF8_CONVERSION);
    SDK_VALUE(HTTP_LOGGING_FLAG_LOG_ERRORS_ONLY);
    SDK_VALUE(HTTP_LOGGING_FLAG_LOG_SUCCESS_ONLY);
    SDK_VALUE(HTTP_SERVICE_CONFIG_SSL_FLAG_REJECT);
    SDK_VALUE(HTTP_SERVICE_CONFIG_SSL_FLAG_DISABLE_HTTP2);
    SDK_VALUE(HTTP_SERVICE_CONFIG_SSL_FLAG_DISABLE_QUIC);
    SDK_VALUE(HTTP_SERVICE_CONFIG_SSL_FLAG_DISABLE_TLS13);
    SDK_VALUE(HTTP_SERVICE_CONFIG_SSL_FLAG_DISABLE_OCSP_STAPLING);
    SDK_VALUE(HTTP_SERVICE_CONFIG_SSL_FLAG_ENABLE_TOKEN_BINDING);
    SDK_VALUE(HTTP_SERVICE_CONFIG_SSL_FLAG_LOG_EXTENDED_EVENTS);
    SDK_VALUE(HTTP_SERVICE_CONFIG_SSL_FLAG_DISABLE_LEGACY_TLS);
    SDK_VALUE(HTTP_SERVICE_CONFIG_SSL_FLAG_ENABLE_SESSION_TICKET);
    SDK_VALUE(HTTP_SERVICE_CONFIG_SSL_FLAG_DISABLE_TLS12);
    SDK_VALUE(HTTP_SERVICE_CONFIG_SSL_FLAG_ENABLE_CLIENT_CORRELATION);
    SDK_VALUE(HTTP_SERVICE_CONFIG_SSL_FLAG_DISABLE_SESSION_ID);
    SDK_VERSION(HTTP_VERSION, HTTP_VERSION_3_0);

    SDK_VALUE(HTTP_MAX_SERVER_QUEUE_LENGTH);
    SDK_VALUE(HTTP_MIN_SERVER_QUEUE_LENGTH);
    SDK_VALUE(HTTP_MIN_ALLOWED_BANDWIDTH_THROTTLING_RATE);
    SDK_VALUE(HTTP_LIMIT_INFINITE);
    SDK_VALUE(HTTP_MIN_ALLOWED_LOG_FILE_ROLLOVER_SIZE);

    SDK_VALUE(HTTP_LOG_FIELD_DATE);
    SDK_VALUE(HTTP_LOG_FIELD_TIME);
    SDK_VALUE(HTTP_LOG_FIELD_CLIENT_IP);
    SDK_VALUE(HTTP_LOG_FIELD_USER_NAME);
    SDK_VALUE(HTTP_LOG_FIELD_SITE_NAME);
    SDK_VALUE(HTTP_LOG_FIELD_COMPUTER_NAME);
    SDK_VALUE(HTTP_LOG_FIELD_SERVER_IP);
    SDK_VALUE(HTTP_LOG_FIELD_METHOD);
    SDK_VALUE(HTTP_LOG_FIELD_URI_STEM);
    SDK_VALUE(HTTP_LOG_FIELD_URI_QUERY);
    SDK_VALUE(HTTP_LOG_FIELD_STATUS);
    SDK_VALUE(HTTP_LOG_FIELD_WIN32_STATUS);
    SDK_VALUE(HTTP_LOG_FIELD_BYTES_SENT);
    SDK_VALUE(HTTP_LOG_FIELD_BYTES_RECV);
    SDK_VALUE(HTTP_LOG_FIELD_TIME_TAKEN);
    SDK_VALUE(HTTP_LOG_FIELD_SERVER_PORT);
    SDK_VALUE(HTTP_LOG_FIELD_USER_AGENT);
    SDK_VALUE(HTTP_LOG_FIELD_COOKIE);
    SDK_VALUE(HTTP_LOG_FIELD_REFERER);
    SDK_VALUE(HTTP_LOG_FIELD_VERSION);
    SDK_VALUE(HTTP_LOG_FIELD_HOST);
    SDK_VALUE(HTTP_LOG_FIELD_SUB_STATUS);
    SDK_VALUE(HTTP_LOG_FIELD_CLIENT_PORT);
    SDK_VALUE(HTTP_LOG_FIELD_URI);
    SDK_VALUE(HTTP_LOG_FIELD_SITE_ID);
    SDK_VALUE(HTTP_LOG_FIELD_REASON);
    SDK_VALUE(HTTP_LOG_FIELD_QUEUE_NAME);
    SDK_VALUE(HTTP_LOG_FIELD_STREAM_ID);
    SDK_VALUE(HTTP_LOG_FIELD_STREAM_ID_EX);
    SDK_VALUE(HTTP_LOG_FIELD_TRANSPORT_TYPE);
    SDK_VALUE(HTTP_LOG_FIELD_CORRELATION_ID);
    SDK_VALUE(HTTP_LOG_FIELD_FAULT_CODE);
}
#else
/* A ULONG bit-field cannot be passed to offsetof: find the unit that holds it by setting the bit. */
static void property_flags_present(void)
{
    HTTP_PROPERTY_FLAGS flags;
    unsigned char bytes[sizeof(flags)];
    size_t first = sizeof(flags);
    memset(&flags, 0, sizeof(flags));
    flags.Present = 1;
    memcpy(bytes, &flags, sizeof(flags));
    for (size_t i = 0; i < sizeof(bytes); i++) {
        if (bytes[i] != 0) {
            first = i;
            break;
        }
    }
    /* Present is bit 0 of a ULONG storage unit that starts at the byte where the bit lands. */
    field_line("HTTP_PROPERTY_FLAGS", "Present", first - first % sizeof(ULONG), sizeof(ULONG));
}

static void http_structs(void)
{
    STRUCT(HTTPAPI_VERSION);
    FIELD(HTTPAPI_VERSION, HttpApiMajorVersion);
    FIELD(HTTPAPI_VERSION, HttpApiMinorVersion);

    STRUCT(HTTP_VERSION);
    FIELD(HTTP_VERSION, MajorVersion);
    FIELD(HTTP_VERSION, MinorVersion);

    STRUCT(HTTP_KNOWN_HEADER);
    FIELD(HTTP_KNOWN_HEADER, RawValueLength);
    FIELD(HTTP_KNOWN_HEADER, pRawValue);

    STRUCT(HTTP_UNKNOWN_HEADER);
    FIELD(HTTP_UNKNOWN_HEADER, NameLength);
    FIELD(HTTP_UNKNOWN_HEADER, RawValueLength);
    FIELD(HTTP_UNKNOWN_HEADER, pName);
    FIELD(HTTP_UNKNOWN_HEADER, pRawValue);

    STRUCT(HTTP_REQUEST_HEADERS);
    FIELD(HTTP_REQUEST_HEADERS, UnknownHeaderCount);
    FIELD(HTTP_REQUEST_HEADERS, pUnknownHeaders);
    FIELD(HTTP_REQUEST_HEADERS, TrailerCount);
    FIELD(HTTP_REQUEST_HEADERS, pTrailers);
    FIELD(HTTP_REQUEST_HEADERS, KnownHeaders);
    /* The second element shows the array stride (sizeof(HTTP_KNOWN_HEADER)). */
    FIELD(HTTP_REQUEST_HEADERS, KnownHeaders[1]);

    STRUCT(HTTP_RESPONSE_HEADERS);
    FIELD(HTTP_RESPONSE_HEADERS, UnknownHeaderCount);
    FIELD(HTTP_RESPONSE_HEADERS, pUnknownHeaders);
    FIELD(HTTP_RESPONSE_HEADERS, TrailerCount);
    FIELD(HTTP_RESPONSE_HEADERS, pTrailers);
    FIELD(HTTP_RESPONSE_HEADERS, KnownHeaders);
    /* The second element shows the array stride (sizeof(HTTP_KNOWN_HEADER)). */
    FIELD(HTTP_RESPONSE_HEADERS, KnownHeaders[1]);

    STRUCT(HTTP_COOKED_URL);
    FIELD(HTTP_COOKED_URL, FullUrlLength);
    FIELD(HTTP_COOKED_URL, HostLength);
    FIELD(HTTP_COOKED_URL, AbsPathLength);
    FIELD(HTTP_COOKED_URL, QueryStringLength);
    FIELD(HTTP_COOKED_URL, pFullUrl);
    FIELD(HTTP_COOKED_URL, pHost);
    FIELD(HTTP_COOKED_URL, pAbsPath);
    FIELD(HTTP_COOKED_URL, pQueryString);

    STRUCT(HTTP_TRANSPORT_ADDRESS);
    FIELD(HTTP_TRANSPORT_ADDRESS, pRemoteAddress);
    FIELD(HTTP_TRANSPORT_ADDRESS, pLocalAddress);

    STRUCT(HTTP_BYTE_RANGE);
    FIELD(HTTP_BYTE_RANGE, StartingOffset);
    FIELD(HTTP_BYTE_RANGE, Length);

    STRUCT(HTTP_DATA_CHUNK);
    FIELD(HTTP_DATA_CHUNK, DataChunkType);
    FIELD(HTTP_DATA_CHUNK, FromMemory);
    FIELD(HTTP_DATA_CHUNK, FromMemory.pBuffer);
    FIELD(HTTP_DATA_CHUNK, FromMemory.BufferLength);
    FIELD(HTTP_DATA_CHUNK, FromFileHandle);
    FIELD(HTTP_DATA_CHUNK, FromFileHandle.ByteRange);
    FIELD(HTTP_DATA_CHUNK, FromFileHandle.ByteRange.StartingOffset);
    FIELD(HTTP_DATA_CHUNK, FromFileHandle.ByteRange.Length);
    FIELD(HTTP_DATA_CHUNK, FromFileHandle.FileHandle);
    FIELD(HTTP_DATA_CHUNK, FromFragmentCache);
    FIELD(HTTP_DATA_CHUNK, FromFragmentCache.FragmentNameLength);
    FIELD(HTTP_DATA_CHUNK, FromFragmentCache.pFragmentName);

    STRUCT(HTTP_SSL_CLIENT_CERT_INFO);
    FIELD(HTTP_SSL_CLIENT_CERT_INFO, CertFlags);
    FIELD(HTTP_SSL_CLIENT_CERT_INFO, CertEncodedSize);
    FIELD(HTTP_SSL_CLIENT_CERT_INFO, pCertEncoded);
    FIELD(HTTP_SSL_CLIENT_CERT_INFO, Token);
    FIELD(HTTP_SSL_CLIENT_CERT_INFO, CertDeniedByMapper);

    STRUCT(HTTP_SSL_INFO);
    FIELD(HTTP_SSL_INFO, ServerCertKeySize);
    FIELD(HTTP_SSL_INFO, ConnectionKeySize);
    FIELD(HTTP_SSL_INFO, ServerCertIssuerSize);
    FIELD(HTTP_SSL_INFO, ServerCertSubjectSize);
    FIELD(HTTP_SSL_INFO, pServerCertIssuer);
    FIELD(HTTP_SSL_INFO, pServerCertSubject);
    FIELD(HTTP_SSL_INFO, pClientCertInfo);
    FIELD(HTTP_SSL_INFO, SslClientCertNegotiated);
}

/* HTTP_REQUEST_V1 and the V1 part of HTTP_REQUEST_V2 (an anonymous member in C, a base class in C++). */
#define REQUEST_V1_FIELDS(T) \
    FIELD(T, Flags); \
    FIELD(T, ConnectionId); \
    FIELD(T, RequestId); \
    FIELD(T, UrlContext); \
    FIELD(T, Version); \
    FIELD(T, Version.MajorVersion); \
    FIELD(T, Version.MinorVersion); \
    FIELD(T, Verb); \
    FIELD(T, UnknownVerbLength); \
    FIELD(T, RawUrlLength); \
    FIELD(T, pUnknownVerb); \
    FIELD(T, pRawUrl); \
    FIELD(T, CookedUrl); \
    FIELD(T, CookedUrl.FullUrlLength); \
    FIELD(T, CookedUrl.HostLength); \
    FIELD(T, CookedUrl.AbsPathLength); \
    FIELD(T, CookedUrl.QueryStringLength); \
    FIELD(T, CookedUrl.pFullUrl); \
    FIELD(T, CookedUrl.pHost); \
    FIELD(T, CookedUrl.pAbsPath); \
    FIELD(T, CookedUrl.pQueryString); \
    FIELD(T, Address); \
    FIELD(T, Address.pRemoteAddress); \
    FIELD(T, Address.pLocalAddress); \
    FIELD(T, Headers); \
    FIELD(T, Headers.UnknownHeaderCount); \
    FIELD(T, Headers.pUnknownHeaders); \
    FIELD(T, Headers.TrailerCount); \
    FIELD(T, Headers.pTrailers); \
    FIELD(T, Headers.KnownHeaders); \
    FIELD(T, BytesReceived); \
    FIELD(T, EntityChunkCount); \
    FIELD(T, pEntityChunks); \
    FIELD(T, RawConnectionId); \
    FIELD(T, pSslInfo)

#define RESPONSE_V1_FIELDS(T) \
    FIELD(T, Flags); \
    FIELD(T, Version); \
    FIELD(T, Version.MajorVersion); \
    FIELD(T, Version.MinorVersion); \
    FIELD(T, StatusCode); \
    FIELD(T, ReasonLength); \
    FIELD(T, pReason); \
    FIELD(T, Headers); \
    FIELD(T, Headers.UnknownHeaderCount); \
    FIELD(T, Headers.pUnknownHeaders); \
    FIELD(T, Headers.TrailerCount); \
    FIELD(T, Headers.pTrailers); \
    FIELD(T, Headers.KnownHeaders); \
    FIELD(T, EntityChunkCount); \
    FIELD(T, pEntityChunks)

static void http_request_response_structs(void)
{
    STRUCT(HTTP_REQUEST_V1);
    REQUEST_V1_FIELDS(HTTP_REQUEST_V1);

    STRUCT(HTTP_REQUEST_V2);
    REQUEST_V1_FIELDS(HTTP_REQUEST_V2);
    FIELD(HTTP_REQUEST_V2, RequestInfoCount);
    FIELD(HTTP_REQUEST_V2, pRequestInfo);

    STRUCT(HTTP_REQUEST);

    STRUCT(HTTP_REQUEST_INFO);
    FIELD(HTTP_REQUEST_INFO, InfoType);
    FIELD(HTTP_REQUEST_INFO, InfoLength);
    FIELD(HTTP_REQUEST_INFO, pInfo);

    STRUCT(HTTP_REQUEST_AUTH_INFO);
    FIELD(HTTP_REQUEST_AUTH_INFO, AuthStatus);
    FIELD(HTTP_REQUEST_AUTH_INFO, SecStatus);
    FIELD(HTTP_REQUEST_AUTH_INFO, Flags);
    FIELD(HTTP_REQUEST_AUTH_INFO, AuthType);
    FIELD(HTTP_REQUEST_AUTH_INFO, AccessToken);
    FIELD(HTTP_REQUEST_AUTH_INFO, ContextAttributes);
    FIELD(HTTP_REQUEST_AUTH_INFO, PackedContextLength);
    FIELD(HTTP_REQUEST_AUTH_INFO, PackedContextType);
    FIELD(HTTP_REQUEST_AUTH_INFO, PackedContext);
    FIELD(HTTP_REQUEST_AUTH_INFO, MutualAuthDataLength);
    FIELD(HTTP_REQUEST_AUTH_INFO, pMutualAuthData);

    STRUCT(HTTP_REQUEST_CHANNEL_BIND_STATUS);
    FIELD(HTTP_REQUEST_CHANNEL_BIND_STATUS, ServiceName);
    FIELD(HTTP_REQUEST_CHANNEL_BIND_STATUS, ChannelToken);
    FIELD(HTTP_REQUEST_CHANNEL_BIND_STATUS, ChannelTokenSize);
    FIELD(HTTP_REQUEST_CHANNEL_BIND_STATUS, Flags);

    STRUCT(HTTP_RESPONSE_V1);
    RESPONSE_V1_FIELDS(HTTP_RESPONSE_V1);

    STRUCT(HTTP_RESPONSE_V2);
    RESPONSE_V1_FIELDS(HTTP_RESPONSE_V2);
    FIELD(HTTP_RESPONSE_V2, ResponseInfoCount);
    FIELD(HTTP_RESPONSE_V2, pResponseInfo);

    STRUCT(HTTP_RESPONSE);

    STRUCT(HTTP_RESPONSE_INFO);
    FIELD(HTTP_RESPONSE_INFO, Type);
    FIELD(HTTP_RESPONSE_INFO, Length);
    FIELD(HTTP_RESPONSE_INFO, pInfo);

    STRUCT(HTTP_MULTIPLE_KNOWN_HEADERS);
    FIELD(HTTP_MULTIPLE_KNOWN_HEADERS, HeaderId);
    FIELD(HTTP_MULTIPLE_KNOWN_HEADERS, Flags);
    FIELD(HTTP_MULTIPLE_KNOWN_HEADERS, KnownHeaderCount);
    FIELD(HTTP_MULTIPLE_KNOWN_HEADERS, KnownHeaders);

    STRUCT(HTTP_CACHE_POLICY);
    FIELD(HTTP_CACHE_POLICY, Policy);
    FIELD(HTTP_CACHE_POLICY, SecondsToLive);

    STRUCT(HTTP_LOG_DATA);
    FIELD(HTTP_LOG_DATA, Type);

    STRUCT(HTTP_LOG_FIELDS_DATA);
    FIELD(HTTP_LOG_FIELDS_DATA, Base);
    FIELD(HTTP_LOG_FIELDS_DATA, UserNameLength);
    FIELD(HTTP_LOG_FIELDS_DATA, UriStemLength);
    FIELD(HTTP_LOG_FIELDS_DATA, ClientIpLength);
    FIELD(HTTP_LOG_FIELDS_DATA, ServerNameLength);
    FIELD(HTTP_LOG_FIELDS_DATA, ServerIpLength);
    FIELD(HTTP_LOG_FIELDS_DATA, MethodLength);
    FIELD(HTTP_LOG_FIELDS_DATA, UriQueryLength);
    FIELD(HTTP_LOG_FIELDS_DATA, HostLength);
    FIELD(HTTP_LOG_FIELDS_DATA, UserAgentLength);
    FIELD(HTTP_LOG_FIELDS_DATA, CookieLength);
    FIELD(HTTP_LOG_FIELDS_DATA, ReferrerLength);
    FIELD(HTTP_LOG_FIELDS_DATA, UserName);
    FIELD(HTTP_LOG_FIELDS_DATA, UriStem);
    FIELD(HTTP_LOG_FIELDS_DATA, ClientIp);
    FIELD(HTTP_LOG_FIELDS_DATA, ServerName);
    FIELD(HTTP_LOG_FIELDS_DATA, ServiceName);
    FIELD(HTTP_LOG_FIELDS_DATA, ServerIp);
    FIELD(HTTP_LOG_FIELDS_DATA, Method);
    FIELD(HTTP_LOG_FIELDS_DATA, UriQuery);
    FIELD(HTTP_LOG_FIELDS_DATA, Host);
    FIELD(HTTP_LOG_FIELDS_DATA, UserAgent);
    FIELD(HTTP_LOG_FIELDS_DATA, Cookie);
    FIELD(HTTP_LOG_FIELDS_DATA, Referrer);
    FIELD(HTTP_LOG_FIELDS_DATA, ServerPort);
    FIELD(HTTP_LOG_FIELDS_DATA, ProtocolStatus);
    FIELD(HTTP_LOG_FIELDS_DATA, Win32Status);
    FIELD(HTTP_LOG_FIELDS_DATA, MethodNum);
    FIELD(HTTP_LOG_FIELDS_DATA, SubStatus);
}

static void http_property_structs(void)
{
    STRUCT(HTTP_PROPERTY_FLAGS);
    property_flags_present();

    STRUCT(HTTP_BINDING_INFO);
    FIELD(HTTP_BINDING_INFO, Flags);
    FIELD(HTTP_BINDING_INFO, RequestQueueHandle);

    STRUCT(HTTP_TIMEOUT_LIMIT_INFO);
    FIELD(HTTP_TIMEOUT_LIMIT_INFO, Flags);
    FIELD(HTTP_TIMEOUT_LIMIT_INFO, EntityBody);
    FIELD(HTTP_TIMEOUT_LIMIT_INFO, DrainEntityBody);
    FIELD(HTTP_TIMEOUT_LIMIT_INFO, RequestQueue);
    FIELD(HTTP_TIMEOUT_LIMIT_INFO, IdleConnection);
    FIELD(HTTP_TIMEOUT_LIMIT_INFO, HeaderWait);
    FIELD(HTTP_TIMEOUT_LIMIT_INFO, MinSendRate);

    STRUCT(HTTP_QOS_SETTING_INFO);
    FIELD(HTTP_QOS_SETTING_INFO, QosType);
    FIELD(HTTP_QOS_SETTING_INFO, QosSetting);

    STRUCT(HTTP_CONNECTION_LIMIT_INFO);
    FIELD(HTTP_CONNECTION_LIMIT_INFO, Flags);
    FIELD(HTTP_CONNECTION_LIMIT_INFO, MaxConnections);

    STRUCT(HTTP_BANDWIDTH_LIMIT_INFO);
    FIELD(HTTP_BANDWIDTH_LIMIT_INFO, Flags);
    FIELD(HTTP_BANDWIDTH_LIMIT_INFO, MaxBandwidth);

    STRUCT(HTTP_FLOWRATE_INFO);
    FIELD(HTTP_FLOWRATE_INFO, Flags);
    FIELD(HTTP_FLOWRATE_INFO, MaxBandwidth);
    FIELD(HTTP_FLOWRATE_INFO, MaxPeakBandwidth);
    FIELD(HTTP_FLOWRATE_INFO, BurstSize);

    STRUCT(HTTP_SERVER_AUTHENTICATION_DIGEST_PARAMS);
    FIELD(HTTP_SERVER_AUTHENTICATION_DIGEST_PARAMS, DomainNameLength);
    FIELD(HTTP_SERVER_AUTHENTICATION_DIGEST_PARAMS, DomainName);
    FIELD(HTTP_SERVER_AUTHENTICATION_DIGEST_PARAMS, RealmLength);
    FIELD(HTTP_SERVER_AUTHENTICATION_DIGEST_PARAMS, Realm);

    STRUCT(HTTP_SERVER_AUTHENTICATION_BASIC_PARAMS);
    FIELD(HTTP_SERVER_AUTHENTICATION_BASIC_PARAMS, RealmLength);
    FIELD(HTTP_SERVER_AUTHENTICATION_BASIC_PARAMS, Realm);

    STRUCT(HTTP_SERVER_AUTHENTICATION_INFO);
    FIELD(HTTP_SERVER_AUTHENTICATION_INFO, Flags);
    FIELD(HTTP_SERVER_AUTHENTICATION_INFO, AuthSchemes);
    FIELD(HTTP_SERVER_AUTHENTICATION_INFO, ReceiveMutualAuth);
    FIELD(HTTP_SERVER_AUTHENTICATION_INFO, ReceiveContextHandle);
    FIELD(HTTP_SERVER_AUTHENTICATION_INFO, DisableNTLMCredentialCaching);
    FIELD(HTTP_SERVER_AUTHENTICATION_INFO, ExFlags);
    FIELD(HTTP_SERVER_AUTHENTICATION_INFO, DigestParams);
    FIELD(HTTP_SERVER_AUTHENTICATION_INFO, DigestParams.DomainNameLength);
    FIELD(HTTP_SERVER_AUTHENTICATION_INFO, DigestParams.DomainName);
    FIELD(HTTP_SERVER_AUTHENTICATION_INFO, DigestParams.RealmLength);
    FIELD(HTTP_SERVER_AUTHENTICATION_INFO, DigestParams.Realm);
    FIELD(HTTP_SERVER_AUTHENTICATION_INFO, BasicParams);
    FIELD(HTTP_SERVER_AUTHENTICATION_INFO, BasicParams.RealmLength);
    FIELD(HTTP_SERVER_AUTHENTICATION_INFO, BasicParams.Realm);

    STRUCT(HTTP_STATE_INFO);
    FIELD(HTTP_STATE_INFO, Flags);
    FIELD(HTTP_STATE_INFO, State);

    STRUCT(HTTP_LISTEN_ENDPOINT_INFO);
    FIELD(HTTP_LISTEN_ENDPOINT_INFO, Flags);
    FIELD(HTTP_LISTEN_ENDPOINT_INFO, EnableSharing);

    STRUCT(HTTP_LOGGING_INFO);
    FIELD(HTTP_LOGGING_INFO, Flags);
    FIELD(HTTP_LOGGING_INFO, LoggingFlags);
    FIELD(HTTP_LOGGING_INFO, SoftwareName);
    FIELD(HTTP_LOGGING_INFO, SoftwareNameLength);
    FIELD(HTTP_LOGGING_INFO, DirectoryNameLength);
    FIELD(HTTP_LOGGING_INFO, DirectoryName);
    FIELD(HTTP_LOGGING_INFO, Format);
    FIELD(HTTP_LOGGING_INFO, Fields);
    FIELD(HTTP_LOGGING_INFO, pExtFields);
    FIELD(HTTP_LOGGING_INFO, NumOfExtFields);
    FIELD(HTTP_LOGGING_INFO, MaxRecordSize);
    FIELD(HTTP_LOGGING_INFO, RolloverType);
    FIELD(HTTP_LOGGING_INFO, RolloverSize);
    FIELD(HTTP_LOGGING_INFO, pSecurityDescriptor);

    STRUCT(HTTP_SERVICE_BINDING_BASE);
    FIELD(HTTP_SERVICE_BINDING_BASE, Type);

    STRUCT(HTTP_SERVICE_BINDING_A);
    FIELD(HTTP_SERVICE_BINDING_A, Base);
    FIELD(HTTP_SERVICE_BINDING_A, Buffer);
    FIELD(HTTP_SERVICE_BINDING_A, BufferSize);

    STRUCT(HTTP_SERVICE_BINDING_W);
    FIELD(HTTP_SERVICE_BINDING_W, Base);
    FIELD(HTTP_SERVICE_BINDING_W, Buffer);
    FIELD(HTTP_SERVICE_BINDING_W, BufferSize);

    STRUCT(HTTP_CHANNEL_BIND_INFO);
    FIELD(HTTP_CHANNEL_BIND_INFO, Hardening);
    FIELD(HTTP_CHANNEL_BIND_INFO, Flags);
    FIELD(HTTP_CHANNEL_BIND_INFO, ServiceNames);
    FIELD(HTTP_CHANNEL_BIND_INFO, NumberOfServiceNames);
}

static void http_service_config_structs(void)
{
    STRUCT(HTTP_SERVICE_CONFIG_SSL_KEY);
    FIELD(HTTP_SERVICE_CONFIG_SSL_KEY, pIpPort);

    STRUCT(HTTP_SERVICE_CONFIG_SSL_PARAM);
    FIELD(HTTP_SERVICE_CONFIG_SSL_PARAM, SslHashLength);
    FIELD(HTTP_SERVICE_CONFIG_SSL_PARAM, pSslHash);
    FIELD(HTTP_SERVICE_CONFIG_SSL_PARAM, AppId);
    FIELD(HTTP_SERVICE_CONFIG_SSL_PARAM, pSslCertStoreName);
    FIELD(HTTP_SERVICE_CONFIG_SSL_PARAM, DefaultCertCheckMode);
    FIELD(HTTP_SERVICE_CONFIG_SSL_PARAM, DefaultRevocationFreshnessTime);
    FIELD(HTTP_SERVICE_CONFIG_SSL_PARAM, DefaultRevocationUrlRetrievalTimeout);
    FIELD(HTTP_SERVICE_CONFIG_SSL_PARAM, pDefaultSslCtlIdentifier);
    FIELD(HTTP_SERVICE_CONFIG_SSL_PARAM, pDefaultSslCtlStoreName);
    FIELD(HTTP_SERVICE_CONFIG_SSL_PARAM, DefaultFlags);

    STRUCT(HTTP_SERVICE_CONFIG_SSL_SET);
    FIELD(HTTP_SERVICE_CONFIG_SSL_SET, KeyDesc);
    FIELD(HTTP_SERVICE_CONFIG_SSL_SET, KeyDesc.pIpPort);
    FIELD(HTTP_SERVICE_CONFIG_SSL_SET, ParamDesc);
    FIELD(HTTP_SERVICE_CONFIG_SSL_SET, ParamDesc.SslHashLength);
    FIELD(HTTP_SERVICE_CONFIG_SSL_SET, ParamDesc.pSslHash);
    FIELD(HTTP_SERVICE_CONFIG_SSL_SET, ParamDesc.AppId);
    FIELD(HTTP_SERVICE_CONFIG_SSL_SET, ParamDesc.pSslCertStoreName);
    FIELD(HTTP_SERVICE_CONFIG_SSL_SET, ParamDesc.DefaultCertCheckMode);
    FIELD(HTTP_SERVICE_CONFIG_SSL_SET, ParamDesc.DefaultRevocationFreshnessTime);
    FIELD(HTTP_SERVICE_CONFIG_SSL_SET, ParamDesc.DefaultRevocationUrlRetrievalTimeout);
    FIELD(HTTP_SERVICE_CONFIG_SSL_SET, ParamDesc.pDefaultSslCtlIdentifier);
    FIELD(HTTP_SERVICE_CONFIG_SSL_SET, ParamDesc.pDefaultSslCtlStoreName);
    FIELD(HTTP_SERVICE_CONFIG_SSL_SET, ParamDesc.DefaultFlags);

    STRUCT(HTTP_SERVICE_CONFIG_SSL_QUERY);
    FIELD(HTTP_SERVICE_CONFIG_SSL_QUERY, QueryDesc);
    FIELD(HTTP_SERVICE_CONFIG_SSL_QUERY, KeyDesc);
    FIELD(HTTP_SERVICE_CONFIG_SSL_QUERY, KeyDesc.pIpPort);
    FIELD(HTTP_SERVICE_CONFIG_SSL_QUERY, dwToken);

    STRUCT(HTTP_SERVICE_CONFIG_URLACL_KEY);
    FIELD(HTTP_SERVICE_CONFIG_URLACL_KEY, pUrlPrefix);

    STRUCT(HTTP_SERVICE_CONFIG_URLACL_PARAM);
    FIELD(HTTP_SERVICE_CONFIG_URLACL_PARAM, pStringSecurityDescriptor);

    STRUCT(HTTP_SERVICE_CONFIG_URLACL_SET);
    FIELD(HTTP_SERVICE_CONFIG_URLACL_SET, KeyDesc);
    FIELD(HTTP_SERVICE_CONFIG_URLACL_SET, KeyDesc.pUrlPrefix);
    FIELD(HTTP_SERVICE_CONFIG_URLACL_SET, ParamDesc);
    FIELD(HTTP_SERVICE_CONFIG_URLACL_SET, ParamDesc.pStringSecurityDescriptor);

    STRUCT(HTTP_SERVICE_CONFIG_URLACL_QUERY);
    FIELD(HTTP_SERVICE_CONFIG_URLACL_QUERY, QueryDesc);
    FIELD(HTTP_SERVICE_CONFIG_URLACL_QUERY, KeyDesc);
    FIELD(HTTP_SERVICE_CONFIG_URLACL_QUERY, KeyDesc.pUrlPrefix);
    FIELD(HTTP_SERVICE_CONFIG_URLACL_QUERY, dwToken);

    /* The timeout key is an enum and its param a USHORT typedef: only their sizes are a layout. */
    STRUCT(HTTP_SERVICE_CONFIG_TIMEOUT_KEY);
    STRUCT(HTTP_SERVICE_CONFIG_TIMEOUT_PARAM);
    STRUCT(HTTP_SERVICE_CONFIG_TIMEOUT_SET);
    FIELD(HTTP_SERVICE_CONFIG_TIMEOUT_SET, KeyDesc);
    FIELD(HTTP_SERVICE_CONFIG_TIMEOUT_SET, ParamDesc);

    STRUCT(HTTP_SERVICE_CONFIG_CACHE_SET);
    FIELD(HTTP_SERVICE_CONFIG_CACHE_SET, KeyDesc);
    FIELD(HTTP_SERVICE_CONFIG_CACHE_SET, ParamDesc);

    STRUCT(HTTP_SERVICE_CONFIG_IP_LISTEN_PARAM);
    FIELD(HTTP_SERVICE_CONFIG_IP_LISTEN_PARAM, AddrLength);
    FIELD(HTTP_SERVICE_CONFIG_IP_LISTEN_PARAM, pAddress);

    STRUCT(HTTP_SERVICE_CONFIG_IP_LISTEN_QUERY);
    FIELD(HTTP_SERVICE_CONFIG_IP_LISTEN_QUERY, AddrCount);
    FIELD(HTTP_SERVICE_CONFIG_IP_LISTEN_QUERY, AddrList);
    /* AddrList is SOCKADDR_STORAGE[ANYSIZE_ARRAY]: the second element shows the stride (sizeof(SOCKADDR_STORAGE)). */
    FIELD(HTTP_SERVICE_CONFIG_IP_LISTEN_QUERY, AddrList[1]);
}

static void kernel32_winsock_structs(void)
{
    STRUCT(OVERLAPPED);
    FIELD(OVERLAPPED, Internal);
    FIELD(OVERLAPPED, InternalHigh);
    FIELD(OVERLAPPED, Offset);
    FIELD(OVERLAPPED, OffsetHigh);
    FIELD(OVERLAPPED, Pointer);
    FIELD(OVERLAPPED, hEvent);

    STRUCT(OVERLAPPED_ENTRY);
    FIELD(OVERLAPPED_ENTRY, lpCompletionKey);
    FIELD(OVERLAPPED_ENTRY, lpOverlapped);
    FIELD(OVERLAPPED_ENTRY, Internal);
    FIELD(OVERLAPPED_ENTRY, dwNumberOfBytesTransferred);

    STRUCT(LARGE_INTEGER);
    FIELD(LARGE_INTEGER, LowPart);
    FIELD(LARGE_INTEGER, HighPart);
    FIELD(LARGE_INTEGER, u.LowPart);
    FIELD(LARGE_INTEGER, u.HighPart);
    FIELD(LARGE_INTEGER, QuadPart);

    STRUCT(SECURITY_ATTRIBUTES);
    FIELD(SECURITY_ATTRIBUTES, nLength);
    FIELD(SECURITY_ATTRIBUTES, lpSecurityDescriptor);
    FIELD(SECURITY_ATTRIBUTES, bInheritHandle);

    STRUCT(SOCKADDR);
    FIELD(SOCKADDR, sa_family);
    FIELD(SOCKADDR, sa_data);

    STRUCT(SOCKADDR_IN);
    FIELD(SOCKADDR_IN, sin_family);
    FIELD(SOCKADDR_IN, sin_port);
    FIELD(SOCKADDR_IN, sin_addr);
    FIELD(SOCKADDR_IN, sin_zero);

    STRUCT(SOCKADDR_IN6);
    FIELD(SOCKADDR_IN6, sin6_family);
    FIELD(SOCKADDR_IN6, sin6_port);
    FIELD(SOCKADDR_IN6, sin6_flowinfo);
    FIELD(SOCKADDR_IN6, sin6_addr);
    FIELD(SOCKADDR_IN6, sin6_scope_id);
    FIELD(SOCKADDR_IN6, sin6_scope_struct);

    STRUCT(SOCKADDR_STORAGE);
    FIELD(SOCKADDR_STORAGE, ss_family);
    FIELD(SOCKADDR_STORAGE, __ss_pad1);
    FIELD(SOCKADDR_STORAGE, __ss_align);
    FIELD(SOCKADDR_STORAGE, __ss_pad2);
}

/* What GetTokenInformation(TokenUser) returns about the access token of an authenticated request (winnt.h). */
static void advapi32_token_structs(void)
{
    STRUCT(SID_AND_ATTRIBUTES);
    FIELD(SID_AND_ATTRIBUTES, Sid);
    FIELD(SID_AND_ATTRIBUTES, Attributes);

    STRUCT(TOKEN_USER);
    FIELD(TOKEN_USER, User);
    FIELD(TOKEN_USER, User.Sid);
    FIELD(TOKEN_USER, User.Attributes);
}

static void http_constants(void)
{
    /* HTTP_HEADER_ID */
    VALUE(HttpHeaderCacheControl);
    VALUE(HttpHeaderConnection);
    VALUE(HttpHeaderDate);
    VALUE(HttpHeaderKeepAlive);
    VALUE(HttpHeaderPragma);
    VALUE(HttpHeaderTrailer);
    VALUE(HttpHeaderTransferEncoding);
    VALUE(HttpHeaderUpgrade);
    VALUE(HttpHeaderVia);
    VALUE(HttpHeaderWarning);
    VALUE(HttpHeaderAllow);
    VALUE(HttpHeaderContentLength);
    VALUE(HttpHeaderContentType);
    VALUE(HttpHeaderContentEncoding);
    VALUE(HttpHeaderContentLanguage);
    VALUE(HttpHeaderContentLocation);
    VALUE(HttpHeaderContentMd5);
    VALUE(HttpHeaderContentRange);
    VALUE(HttpHeaderExpires);
    VALUE(HttpHeaderLastModified);
    VALUE(HttpHeaderAccept);
    VALUE(HttpHeaderAcceptCharset);
    VALUE(HttpHeaderAcceptEncoding);
    VALUE(HttpHeaderAcceptLanguage);
    VALUE(HttpHeaderAuthorization);
    VALUE(HttpHeaderCookie);
    VALUE(HttpHeaderExpect);
    VALUE(HttpHeaderFrom);
    VALUE(HttpHeaderHost);
    VALUE(HttpHeaderIfMatch);
    VALUE(HttpHeaderIfModifiedSince);
    VALUE(HttpHeaderIfNoneMatch);
    VALUE(HttpHeaderIfRange);
    VALUE(HttpHeaderIfUnmodifiedSince);
    VALUE(HttpHeaderMaxForwards);
    VALUE(HttpHeaderProxyAuthorization);
    VALUE(HttpHeaderReferer);
    VALUE(HttpHeaderRange);
    VALUE(HttpHeaderTe);
    VALUE(HttpHeaderTranslate);
    VALUE(HttpHeaderUserAgent);
    VALUE(HttpHeaderRequestMaximum);
    VALUE(HttpHeaderAcceptRanges);
    VALUE(HttpHeaderAge);
    VALUE(HttpHeaderEtag);
    VALUE(HttpHeaderLocation);
    VALUE(HttpHeaderProxyAuthenticate);
    VALUE(HttpHeaderRetryAfter);
    VALUE(HttpHeaderServer);
    VALUE(HttpHeaderSetCookie);
    VALUE(HttpHeaderVary);
    VALUE(HttpHeaderWwwAuthenticate);
    VALUE(HttpHeaderResponseMaximum);
    VALUE(HttpHeaderMaximum);

    /* HTTP_VERB */
    VALUE(HttpVerbUnparsed);
    VALUE(HttpVerbUnknown);
    VALUE(HttpVerbInvalid);
    VALUE(HttpVerbOPTIONS);
    VALUE(HttpVerbGET);
    VALUE(HttpVerbHEAD);
    VALUE(HttpVerbPOST);
    VALUE(HttpVerbPUT);
    VALUE(HttpVerbDELETE);
    VALUE(HttpVerbTRACE);
    VALUE(HttpVerbCONNECT);
    VALUE(HttpVerbTRACK);
    VALUE(HttpVerbMOVE);
    VALUE(HttpVerbCOPY);
    VALUE(HttpVerbPROPFIND);
    VALUE(HttpVerbPROPPATCH);
    VALUE(HttpVerbMKCOL);
    VALUE(HttpVerbLOCK);
    VALUE(HttpVerbUNLOCK);
    VALUE(HttpVerbSEARCH);
    VALUE(HttpVerbMaximum);

    /* HTTP_DATA_CHUNK_TYPE (mingw-w64 lacks HttpDataChunkTrailers: see sdk-supplement.h) */
    VALUE(HttpDataChunkFromMemory);
    VALUE(HttpDataChunkFromFileHandle);
    VALUE(HttpDataChunkFromFragmentCache);
    VALUE(HttpDataChunkFromFragmentCacheEx);
    VALUE(HttpDataChunkMaximum);

    /* HTTP_SERVER_PROPERTY */
    VALUE(HttpServerAuthenticationProperty);
    VALUE(HttpServerLoggingProperty);
    VALUE(HttpServerQosProperty);
    VALUE(HttpServerTimeoutsProperty);
    VALUE(HttpServerQueueLengthProperty);
    VALUE(HttpServerStateProperty);
    VALUE(HttpServer503VerbosityProperty);
    VALUE(HttpServerBindingProperty);
    VALUE(HttpServerExtendedAuthenticationProperty);
    VALUE(HttpServerListenEndpointProperty);
    VALUE(HttpServerChannelBindProperty);

    /* HTTP_SERVICE_CONFIG_ID */
    VALUE(HttpServiceConfigIPListenList);
    VALUE(HttpServiceConfigSSLCertInfo);
    VALUE(HttpServiceConfigUrlAclInfo);
    VALUE(HttpServiceConfigMax);

    /* HTTP_SERVICE_CONFIG_QUERY_TYPE */
    VALUE(HttpServiceConfigQueryExact);
    VALUE(HttpServiceConfigQueryNext);
    VALUE(HttpServiceConfigQueryMax);

    /* HTTP_SERVICE_CONFIG_CACHE_KEY */
    VALUE(MaxCacheResponseSize);
    VALUE(CacheRangeChunkSize);

    /* HTTP_SERVICE_CONFIG_TIMEOUT_KEY */
    VALUE(IdleConnectionTimeout);
    VALUE(HeaderWaitTimeout);

    /* HTTP_CACHE_POLICY_TYPE */
    VALUE(HttpCachePolicyNocache);
    VALUE(HttpCachePolicyUserInvalidates);
    VALUE(HttpCachePolicyTimeToLive);
    VALUE(HttpCachePolicyMaximum);

    /* HTTP_REQUEST_INFO_TYPE, HTTP_RESPONSE_INFO_TYPE */
    VALUE(HttpRequestInfoTypeAuth);
    VALUE(HttpResponseInfoTypeMultipleKnownHeaders);
    VALUE(HttpResponseInfoTypeAuthenticationProperty);
    VALUE(HttpResponseInfoTypeQosProperty);
    VALUE(HttpResponseInfoTypeChannelBind);

    /* HTTP_AUTH_STATUS, HTTP_REQUEST_AUTH_TYPE */
    VALUE(HttpAuthStatusSuccess);
    VALUE(HttpAuthStatusNotAuthenticated);
    VALUE(HttpAuthStatusFailure);
    VALUE(HttpRequestAuthTypeNone);
    VALUE(HttpRequestAuthTypeBasic);
    VALUE(HttpRequestAuthTypeDigest);
    VALUE(HttpRequestAuthTypeNTLM);
    VALUE(HttpRequestAuthTypeNegotiate);
    VALUE(HttpRequestAuthTypeKerberos);

    /* HTTP_503_RESPONSE_VERBOSITY, HTTP_ENABLED_STATE, HTTP_QOS_SETTING_TYPE */
    VALUE(Http503ResponseVerbosityBasic);
    VALUE(Http503ResponseVerbosityLimited);
    VALUE(Http503ResponseVerbosityFull);
    VALUE(HttpEnabledStateActive);
    VALUE(HttpEnabledStateInactive);
    VALUE(HttpQosSettingTypeBandwidth);
    VALUE(HttpQosSettingTypeConnectionLimit);
    VALUE(HttpQosSettingTypeFlowRate);

    /* HTTP_LOGGING_TYPE, HTTP_LOGGING_ROLLOVER_TYPE, HTTP_LOG_DATA_TYPE */
    VALUE(HttpLoggingTypeW3C);
    VALUE(HttpLoggingTypeIIS);
    VALUE(HttpLoggingTypeNCSA);
    VALUE(HttpLoggingTypeRaw);
    VALUE(HttpLoggingRolloverSize);
    VALUE(HttpLoggingRolloverDaily);
    VALUE(HttpLoggingRolloverWeekly);
    VALUE(HttpLoggingRolloverMonthly);
    VALUE(HttpLoggingRolloverHourly);
    VALUE(HttpLogDataTypeFields);

    /* HTTP_AUTHENTICATION_HARDENING_LEVELS, HTTP_SERVICE_BINDING_TYPE */
    VALUE(HttpAuthenticationHardeningLegacy);
    VALUE(HttpAuthenticationHardeningMedium);
    VALUE(HttpAuthenticationHardeningStrict);
    VALUE(HttpServiceBindingTypeNone);
    VALUE(HttpServiceBindingTypeW);
    VALUE(HttpServiceBindingTypeA);

    /* Flag macros */
    VALUE(HTTP_INITIALIZE_SERVER);
    VALUE(HTTP_INITIALIZE_CONFIG);
    VALUE(HTTP_RECEIVE_REQUEST_FLAG_COPY_BODY);
    VALUE(HTTP_RECEIVE_REQUEST_ENTITY_BODY_FLAG_FILL_BUFFER);
    VALUE(HTTP_SEND_RESPONSE_FLAG_DISCONNECT);
    VALUE(HTTP_SEND_RESPONSE_FLAG_MORE_DATA);
    VALUE(HTTP_SEND_RESPONSE_FLAG_BUFFER_DATA);
    VALUE(HTTP_FLUSH_RESPONSE_FLAG_RECURSIVE);
    VALUE(HTTP_REQUEST_FLAG_MORE_ENTITY_BODY_EXISTS);
    VALUE(HTTP_SERVICE_CONFIG_SSL_FLAG_USE_DS_MAPPER);
    VALUE(HTTP_SERVICE_CONFIG_SSL_FLAG_NEGOTIATE_CLIENT_CERT);
    VALUE(HTTP_SERVICE_CONFIG_SSL_FLAG_NO_RAW_FILTER);

    /* Ids and versions */
    VALUE(HTTP_NULL_ID);
    VALUE(HTTP_BYTE_RANGE_TO_EOF);
    VERSION(HTTPAPI_VERSION, HTTPAPI_VERSION_1);
    VERSION(HTTPAPI_VERSION, HTTPAPI_VERSION_2);
    VERSION(HTTP_VERSION, HTTP_VERSION_UNKNOWN);
    VERSION(HTTP_VERSION, HTTP_VERSION_0_9);
    VERSION(HTTP_VERSION, HTTP_VERSION_1_0);
    VERSION(HTTP_VERSION, HTTP_VERSION_1_1);
    VERSION(HTTP_VERSION, HTTP_VERSION_2_0);
}

/* The Win32 error codes the binding and the emulator return or test for. */
static void winerror_constants(void)
{
    VALUE(NO_ERROR);
    VALUE(ERROR_SUCCESS);
    VALUE(ERROR_INVALID_FUNCTION);
    VALUE(ERROR_FILE_NOT_FOUND);
    VALUE(ERROR_PATH_NOT_FOUND);
    VALUE(ERROR_ACCESS_DENIED);
    VALUE(ERROR_INVALID_HANDLE);
    VALUE(ERROR_NOT_ENOUGH_MEMORY);
    VALUE(ERROR_INVALID_DATA);
    VALUE(ERROR_OUTOFMEMORY);
    VALUE(ERROR_BAD_COMMAND);
    VALUE(ERROR_GEN_FAILURE);
    VALUE(ERROR_SHARING_VIOLATION);
    VALUE(ERROR_HANDLE_EOF);
    VALUE(ERROR_NOT_SUPPORTED);
    VALUE(ERROR_NETNAME_DELETED);
    VALUE(ERROR_BAD_NET_NAME);
    VALUE(ERROR_FILE_EXISTS);
    VALUE(ERROR_INVALID_PARAMETER);
    VALUE(ERROR_BROKEN_PIPE);
    VALUE(ERROR_CALL_NOT_IMPLEMENTED);
    VALUE(ERROR_SEM_TIMEOUT);
    VALUE(ERROR_INSUFFICIENT_BUFFER);
    VALUE(ERROR_INVALID_NAME);
    VALUE(ERROR_MOD_NOT_FOUND);
    VALUE(ERROR_PROC_NOT_FOUND);
    VALUE(ERROR_BAD_ARGUMENTS);
    VALUE(ERROR_BUSY);
    VALUE(ERROR_ALREADY_EXISTS);
    VALUE(ERROR_NO_DATA);
    VALUE(ERROR_MORE_DATA);
    VALUE(WAIT_TIMEOUT);
    VALUE(ERROR_NO_MORE_ITEMS);
    VALUE(ERROR_ABANDONED_WAIT_0);
    VALUE(ERROR_OPERATION_ABORTED);
    VALUE(ERROR_IO_INCOMPLETE);
    VALUE(ERROR_IO_PENDING);
    VALUE(ERROR_NOACCESS);
    VALUE(ERROR_INVALID_FLAGS);
    VALUE(ERROR_DLL_INIT_FAILED);
    VALUE(ERROR_NOT_FOUND);
    VALUE(ERROR_CANCELLED);
    VALUE(ERROR_CONNECTION_REFUSED);
    VALUE(ERROR_GRACEFUL_DISCONNECT);
    VALUE(ERROR_ADDRESS_ALREADY_ASSOCIATED);
    VALUE(ERROR_CONNECTION_INVALID);
    VALUE(ERROR_CONNECTION_ACTIVE);
    VALUE(ERROR_NETWORK_UNREACHABLE);
    VALUE(ERROR_HOST_UNREACHABLE);
    VALUE(ERROR_PORT_UNREACHABLE);
    VALUE(ERROR_REQUEST_ABORTED);
    VALUE(ERROR_CONNECTION_ABORTED);
    VALUE(ERROR_ALREADY_INITIALIZED);
    VALUE(ERROR_REVISION_MISMATCH);
    VALUE(ERROR_NONE_MAPPED);
    VALUE(ERROR_INVALID_ID_AUTHORITY);
    VALUE(ERROR_NO_SYSTEM_RESOURCES);
    VALUE(ERROR_TIMEOUT);
    VALUE(ERROR_INVALID_USER_BUFFER);
    VALUE(ERROR_OBJECT_ALREADY_EXISTS);
    VALUE(ERROR_INVALID_STATE);
}

static void kernel32_winsock_constants(void)
{
    VALUE(INFINITE);
    VALUE(WAIT_OBJECT_0);
    VALUE(WAIT_ABANDONED);
    VALUE(WAIT_IO_COMPLETION);
    VALUE(WAIT_FAILED);
    VALUE(INVALID_HANDLE_VALUE);
    VALUE(FILE_SKIP_COMPLETION_PORT_ON_SUCCESS);
    VALUE(FILE_SKIP_SET_EVENT_ON_HANDLE);
    VALUE(GENERIC_READ);
    VALUE(GENERIC_WRITE);
    VALUE(FILE_SHARE_READ);
    VALUE(FILE_SHARE_WRITE);
    VALUE(FILE_SHARE_DELETE);
    VALUE(CREATE_NEW);
    VALUE(CREATE_ALWAYS);
    VALUE(OPEN_EXISTING);
    VALUE(OPEN_ALWAYS);
    VALUE(TRUNCATE_EXISTING);
    VALUE(FILE_ATTRIBUTE_READONLY);
    VALUE(FILE_ATTRIBUTE_NORMAL);
    VALUE(FILE_FLAG_OVERLAPPED);
    VALUE(FILE_FLAG_NO_BUFFERING);
    VALUE(FILE_FLAG_RANDOM_ACCESS);
    VALUE(FILE_FLAG_SEQUENTIAL_SCAN);

    VALUE(STATUS_SUCCESS);
    VALUE(STATUS_WAIT_0);
    VALUE(STATUS_TIMEOUT);
    VALUE(STATUS_PENDING);
    VALUE(STATUS_USER_APC);
    VALUE(STATUS_BUFFER_OVERFLOW);
    VALUE(STATUS_END_OF_FILE);
    VALUE(STATUS_CANCELLED);
    VALUE(STATUS_CONNECTION_RESET);
    VALUE(STATUS_CONNECTION_ABORTED);
    VALUE(STATUS_CONNECTION_DISCONNECTED);
    VALUE(STATUS_CONNECTION_REFUSED);
    VALUE(STATUS_CONNECTION_INVALID);
    VALUE(STATUS_LOCAL_DISCONNECT);
    VALUE(STATUS_REMOTE_DISCONNECT);
    VALUE(STATUS_INSUFFICIENT_RESOURCES);
    VALUE(STATUS_BUFFER_TOO_SMALL);
    VALUE(STATUS_ACCESS_DENIED);
    VALUE(STATUS_NOT_FOUND);
    VALUE(STATUS_NOT_SUPPORTED);
    VALUE(STATUS_OBJECT_NAME_COLLISION);
    VALUE(STATUS_INVALID_DEVICE_REQUEST);
    VALUE(STATUS_INVALID_PARAMETER);
    VALUE(STATUS_INVALID_HANDLE);

    VALUE(AF_UNSPEC);
    VALUE(AF_INET);
    VALUE(AF_INET6);
    VALUE(SOCK_STREAM);
    VALUE(IPPROTO_TCP);
    VALUE(INADDR_ANY);
    VALUE(INADDR_LOOPBACK);

    VALUE(SDDL_REVISION_1);
}

/* What HTTP_SSL_PROTOCOL_INFO reports (the values of SecPkgContext_ConnectionInfo): the server-side
 * SP_PROT_* protocol flags of schannel.h and the ALG_IDs of wincrypt.h. */
static void schannel_wincrypt_constants(void)
{
    VALUE(SP_PROT_TLS1_0_SERVER);
    VALUE(SP_PROT_TLS1_1_SERVER);
    VALUE(SP_PROT_TLS1_2_SERVER);
    VALUE(SP_PROT_TLS1_3_SERVER);

    VALUE(CALG_AES_128);
    VALUE(CALG_AES_256);
    VALUE(CALG_SHA1);
    VALUE(CALG_SHA_256);
    VALUE(CALG_SHA_384);
    VALUE(CALG_RSA_KEYX);
    VALUE(CALG_DH_EPHEM);
    VALUE(CALG_ECDH_EPHEM);
}

/* GetTokenInformation's information class, and the SECURITY_STATUS of a failed logon (winerror.h). */
static void advapi32_token_constants(void)
{
    VALUE(TokenUser);
    VALUE(SEC_E_LOGON_DENIED);
    VALUE(SEC_E_INVALID_TOKEN);
}
#endif

int main(void)
{
    /* LF line ends on every host: the golden files are compared byte for byte. */
    _setmode(_fileno(stdout), _O_BINARY);
    printf("# generated by src/abi/abi_dump.c%s; do not edit\n",
#ifdef ABI_SDK_SUPPLEMENT
           " -DABI_SDK_SUPPLEMENT (sdk-supplement.h)"
#else
           ""
#endif
    );
    printf("# compiler x86_64-w64-mingw32-gcc %s, mingw-w64 %s, _WIN32_WINNT 0x%04x\n",
           __VERSION__, __MINGW64_VERSION_STR, (unsigned) _WIN32_WINNT);
#ifdef ABI_SDK_SUPPLEMENT
    sdk_supplement_structs();
    sdk_supplement_constants();
#else
    http_structs();
    http_request_response_structs();
    http_property_structs();
    http_service_config_structs();
    kernel32_winsock_structs();
    advapi32_token_structs();
    http_constants();
    winerror_constants();
    kernel32_winsock_constants();
    schannel_wincrypt_constants();
    advapi32_token_constants();
#endif
    return 0;
}
