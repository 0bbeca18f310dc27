package io.netty.contrib.httpsys.nativeapi;

/**
 * The constants of the HTTP Server API ({@code http.h}) that the binding, the transport and the emulator
 * use, named verbatim as in the SDK so that a reader can look each one up in Microsoft's documentation.
 *
 * <p>Enum values are {@code int}s (an enum is 4 bytes on x64). Values come from the Windows SDK
 * (win32metadata) where mingw-w64's {@code http.h} lacks them or differs, for example
 * {@link #HttpDataChunkMaximum}, {@link #HttpServiceConfigMax} and the {@code HttpRequestInfoType*}
 * values above {@code HttpRequestInfoTypeAuth}; the ABI test checks every value against the golden data.
 */
@NativeConstants("http.h")
public final class Http {

    // HTTPAPI_VERSION passed by value as one 32-bit integer: major version in the low 16 bits, minor in the
    // high 16 bits, so version 2.0 is 0x00000002 (see HttpapiVersion for the struct view).
    public static final int HTTPAPI_VERSION_1 = 0x00000001;
    public static final int HTTPAPI_VERSION_2 = 0x00000002;

    // HTTP_NULL_ID: "no request yet" for HttpReceiveHttpRequest, and the null value of every 64-bit id.
    public static final long HTTP_NULL_ID = 0L;

    // HTTP_BYTE_RANGE_TO_EOF: Length of an HTTP_BYTE_RANGE that extends to the end of the file.
    public static final long HTTP_BYTE_RANGE_TO_EOF = 0xFFFFFFFFFFFFFFFFL;

    // HTTP_HEADER_ID: indexes into KnownHeaders of HTTP_REQUEST_HEADERS (0..40) and HTTP_RESPONSE_HEADERS (0..29).
    // Ids 20 and up mean different headers in requests and responses.
    public static final int HttpHeaderCacheControl = 0;
    public static final int HttpHeaderConnection = 1;
    public static final int HttpHeaderDate = 2;
    public static final int HttpHeaderKeepAlive = 3;
    public static final int HttpHeaderPragma = 4;
    public static final int HttpHeaderTrailer = 5;
    public static final int HttpHeaderTransferEncoding = 6;
    public static final int HttpHeaderUpgrade = 7;
    public static final int HttpHeaderVia = 8;
    public static final int HttpHeaderWarning = 9;
    public static final int HttpHeaderAllow = 10;
    public static final int HttpHeaderContentLength = 11;
    public static final int HttpHeaderContentType = 12;
    public static final int HttpHeaderContentEncoding = 13;
    public static final int HttpHeaderContentLanguage = 14;
    public static final int HttpHeaderContentLocation = 15;
    public static final int HttpHeaderContentMd5 = 16;
    public static final int HttpHeaderContentRange = 17;
    public static final int HttpHeaderExpires = 18;
    public static final int HttpHeaderLastModified = 19;
    public static final int HttpHeaderAccept = 20;
    public static final int HttpHeaderAcceptCharset = 21;
    public static final int HttpHeaderAcceptEncoding = 22;
    public static final int HttpHeaderAcceptLanguage = 23;
    public static final int HttpHeaderAuthorization = 24;
    public static final int HttpHeaderCookie = 25;
    public static final int HttpHeaderExpect = 26;
    public static final int HttpHeaderFrom = 27;
    public static final int HttpHeaderHost = 28;
    public static final int HttpHeaderIfMatch = 29;
    public static final int HttpHeaderIfModifiedSince = 30;
    public static final int HttpHeaderIfNoneMatch = 31;
    public static final int HttpHeaderIfRange = 32;
    public static final int HttpHeaderIfUnmodifiedSince = 33;
    public static final int HttpHeaderMaxForwards = 34;
    public static final int HttpHeaderProxyAuthorization = 35;
    public static final int HttpHeaderReferer = 36;
    public static final int HttpHeaderRange = 37;
    public static final int HttpHeaderTe = 38;
    public static final int HttpHeaderTranslate = 39;
    public static final int HttpHeaderUserAgent = 40;
    public static final int HttpHeaderRequestMaximum = 41;
    public static final int HttpHeaderAcceptRanges = 20;
    public static final int HttpHeaderAge = 21;
    public static final int HttpHeaderEtag = 22;
    public static final int HttpHeaderLocation = 23;
    public static final int HttpHeaderProxyAuthenticate = 24;
    public static final int HttpHeaderRetryAfter = 25;
    public static final int HttpHeaderServer = 26;
    public static final int HttpHeaderSetCookie = 27;
    public static final int HttpHeaderVary = 28;
    public static final int HttpHeaderWwwAuthenticate = 29;
    public static final int HttpHeaderResponseMaximum = 30;
    public static final int HttpHeaderMaximum = 41;

    // HTTP_VERB: Verb of HTTP_REQUEST_V2; for HttpVerbUnknown the method is in pUnknownVerb.
    public static final int HttpVerbUnparsed = 0;
    public static final int HttpVerbUnknown = 1;
    public static final int HttpVerbInvalid = 2;
    public static final int HttpVerbOPTIONS = 3;
    public static final int HttpVerbGET = 4;
    public static final int HttpVerbHEAD = 5;
    public static final int HttpVerbPOST = 6;
    public static final int HttpVerbPUT = 7;
    public static final int HttpVerbDELETE = 8;
    public static final int HttpVerbTRACE = 9;
    public static final int HttpVerbCONNECT = 10;
    public static final int HttpVerbTRACK = 11;
    public static final int HttpVerbMOVE = 12;
    public static final int HttpVerbCOPY = 13;
    public static final int HttpVerbPROPFIND = 14;
    public static final int HttpVerbPROPPATCH = 15;
    public static final int HttpVerbMKCOL = 16;
    public static final int HttpVerbLOCK = 17;
    public static final int HttpVerbUNLOCK = 18;
    public static final int HttpVerbSEARCH = 19;
    public static final int HttpVerbMaximum = 20;

    // HTTP_DATA_CHUNK_TYPE: which union member of HTTP_DATA_CHUNK is valid. The SDK adds HttpDataChunkTrailers
    // and HttpDataChunkFromWinHttpFastForwarding, which mingw-w64 lacks.
    public static final int HttpDataChunkFromMemory = 0;
    public static final int HttpDataChunkFromFileHandle = 1;
    public static final int HttpDataChunkFromFragmentCache = 2;
    public static final int HttpDataChunkFromFragmentCacheEx = 3;
    public static final int HttpDataChunkTrailers = 4;
    public static final int HttpDataChunkFromWinHttpFastForwarding = 5;
    public static final int HttpDataChunkMaximum = 6;

    // HTTP_SERVER_PROPERTY: the property argument of HttpSet/QueryServerSessionProperty,
    // HttpSet/QueryUrlGroupProperty and HttpSet/QueryRequestQueueProperty.
    public static final int HttpServerAuthenticationProperty = 0;
    public static final int HttpServerLoggingProperty = 1;
    public static final int HttpServerQosProperty = 2;
    public static final int HttpServerTimeoutsProperty = 3;
    public static final int HttpServerQueueLengthProperty = 4;
    public static final int HttpServerStateProperty = 5;
    public static final int HttpServer503VerbosityProperty = 6;
    public static final int HttpServerBindingProperty = 7;
    public static final int HttpServerExtendedAuthenticationProperty = 8;
    public static final int HttpServerListenEndpointProperty = 9;
    public static final int HttpServerChannelBindProperty = 10;
    public static final int HttpServerProtectionLevelProperty = 11;
    public static final int HttpServerDelegationProperty = 16;
    public static final int HttpServerFastForwardingProperty = 18;
    public static final int HttpServerRequestInfoProperty = 19;

    // HTTP_SERVICE_CONFIG_ID: the configuration record type of HttpSet/Delete/QueryServiceConfiguration.
    public static final int HttpServiceConfigIPListenList = 0;
    public static final int HttpServiceConfigSSLCertInfo = 1;
    public static final int HttpServiceConfigUrlAclInfo = 2;
    public static final int HttpServiceConfigTimeout = 3;
    public static final int HttpServiceConfigCache = 4;
    public static final int HttpServiceConfigSslSniCertInfo = 5;
    public static final int HttpServiceConfigSslCcsCertInfo = 6;
    public static final int HttpServiceConfigSetting = 7;
    public static final int HttpServiceConfigSslCertInfoEx = 8;
    public static final int HttpServiceConfigSslSniCertInfoEx = 9;
    public static final int HttpServiceConfigSslCcsCertInfoEx = 10;
    public static final int HttpServiceConfigSslScopedCcsCertInfo = 11;
    public static final int HttpServiceConfigSslScopedCcsCertInfoEx = 12;
    public static final int HttpServiceConfigMax = 13;

    // HTTP_SERVICE_CONFIG_QUERY_TYPE: QueryDesc of the service-configuration query records.
    public static final int HttpServiceConfigQueryExact = 0;
    public static final int HttpServiceConfigQueryNext = 1;
    public static final int HttpServiceConfigQueryMax = 2;

    // HTTP_CACHE_POLICY_TYPE: Policy of HTTP_CACHE_POLICY.
    public static final int HttpCachePolicyNocache = 0;
    public static final int HttpCachePolicyUserInvalidates = 1;
    public static final int HttpCachePolicyTimeToLive = 2;
    public static final int HttpCachePolicyMaximum = 3;

    // HTTP_REQUEST_INFO_TYPE: InfoType of HTTP_REQUEST_INFO; the request carries these in pRequestInfo.
    public static final int HttpRequestInfoTypeAuth = 0;
    public static final int HttpRequestInfoTypeChannelBind = 1;
    public static final int HttpRequestInfoTypeSslProtocol = 2;
    public static final int HttpRequestInfoTypeSslTokenBindingDraft = 3;
    public static final int HttpRequestInfoTypeSslTokenBinding = 4;
    public static final int HttpRequestInfoTypeRequestTiming = 5;
    public static final int HttpRequestInfoTypeTcpInfoV0 = 6;
    public static final int HttpRequestInfoTypeRequestSizing = 7;
    public static final int HttpRequestInfoTypeQuicStats = 8;
    public static final int HttpRequestInfoTypeTcpInfoV1 = 9;

    // HTTP_RESPONSE_INFO_TYPE: Type of HTTP_RESPONSE_INFO. The SDK spells QoS (mingw-w64: Qos).
    public static final int HttpResponseInfoTypeMultipleKnownHeaders = 0;
    public static final int HttpResponseInfoTypeAuthenticationProperty = 1;
    public static final int HttpResponseInfoTypeQoSProperty = 2;
    public static final int HttpResponseInfoTypeChannelBind = 3;

    // HTTP_AUTH_STATUS: AuthStatus of HTTP_REQUEST_AUTH_INFO.
    public static final int HttpAuthStatusSuccess = 0;
    public static final int HttpAuthStatusNotAuthenticated = 1;
    public static final int HttpAuthStatusFailure = 2;

    // HTTP_REQUEST_AUTH_TYPE: AuthType of HTTP_REQUEST_AUTH_INFO.
    public static final int HttpRequestAuthTypeNone = 0;
    public static final int HttpRequestAuthTypeBasic = 1;
    public static final int HttpRequestAuthTypeDigest = 2;
    public static final int HttpRequestAuthTypeNTLM = 3;
    public static final int HttpRequestAuthTypeNegotiate = 4;
    public static final int HttpRequestAuthTypeKerberos = 5;

    // HTTP_503_RESPONSE_VERBOSITY: the value of HttpServer503VerbosityProperty.
    public static final int Http503ResponseVerbosityBasic = 0;
    public static final int Http503ResponseVerbosityLimited = 1;
    public static final int Http503ResponseVerbosityFull = 2;

    // HTTP_ENABLED_STATE: State of HTTP_STATE_INFO.
    public static final int HttpEnabledStateActive = 0;
    public static final int HttpEnabledStateInactive = 1;

    // HTTP_QOS_SETTING_TYPE: QosType of HTTP_QOS_SETTING_INFO.
    public static final int HttpQosSettingTypeBandwidth = 0;
    public static final int HttpQosSettingTypeConnectionLimit = 1;
    public static final int HttpQosSettingTypeFlowRate = 2;

    // HTTP_LOGGING_TYPE, HTTP_LOGGING_ROLLOVER_TYPE (Format and RolloverType of HTTP_LOGGING_INFO) and
    // HTTP_LOG_DATA_TYPE (Type of HTTP_LOG_DATA).
    public static final int HttpLoggingTypeW3C = 0;
    public static final int HttpLoggingTypeIIS = 1;
    public static final int HttpLoggingTypeNCSA = 2;
    public static final int HttpLoggingTypeRaw = 3;
    public static final int HttpLoggingRolloverSize = 0;
    public static final int HttpLoggingRolloverDaily = 1;
    public static final int HttpLoggingRolloverWeekly = 2;
    public static final int HttpLoggingRolloverMonthly = 3;
    public static final int HttpLoggingRolloverHourly = 4;
    public static final int HttpLogDataTypeFields = 0;

    // HTTP_SERVICE_CONFIG_TIMEOUT_KEY: KeyDesc of HTTP_SERVICE_CONFIG_TIMEOUT_SET.
    public static final int IdleConnectionTimeout = 0;
    public static final int HeaderWaitTimeout = 1;

    // HTTP_AUTHENTICATION_HARDENING_LEVELS: Hardening of HTTP_CHANNEL_BIND_INFO (HttpServerChannelBindProperty).
    public static final int HttpAuthenticationHardeningLegacy = 0;
    public static final int HttpAuthenticationHardeningMedium = 1;
    public static final int HttpAuthenticationHardeningStrict = 2;

    // HTTP_SERVICE_BINDING_TYPE: the service-name encoding of a channel-binding token.
    public static final int HttpServiceBindingTypeNone = 0;
    public static final int HttpServiceBindingTypeW = 1;
    public static final int HttpServiceBindingTypeA = 2;

    // HTTP_FEATURE_ID: the argument of HttpIsFeatureSupported (SDK only; values as in the SDK's http.h, 10.0.26100).
    public static final int HttpFeatureUnknown = 0;
    public static final int HttpFeatureResponseTrailers = 1;
    public static final int HttpFeatureApiTimings = 2;
    public static final int HttpFeatureDelegateEx = 3;
    public static final int HttpFeatureHttp3 = 4;

    // Flags of HttpInitialize and HttpTerminate.
    public static final int HTTP_INITIALIZE_SERVER = 0x1;
    public static final int HTTP_INITIALIZE_CONFIG = 0x2;

    // Flags of HttpReceiveHttpRequest and HttpReceiveRequestEntityBody.
    public static final int HTTP_RECEIVE_REQUEST_FLAG_COPY_BODY = 0x1;
    public static final int HTTP_RECEIVE_REQUEST_FLAG_FLUSH_BODY = 0x2;
    public static final int HTTP_RECEIVE_REQUEST_ENTITY_BODY_FLAG_FILL_BUFFER = 0x1;

    // Flags of HttpSendHttpResponse and HttpSendResponseEntityBody.
    public static final int HTTP_SEND_RESPONSE_FLAG_DISCONNECT = 0x1;
    public static final int HTTP_SEND_RESPONSE_FLAG_MORE_DATA = 0x2;
    public static final int HTTP_SEND_RESPONSE_FLAG_BUFFER_DATA = 0x4;
    public static final int HTTP_SEND_RESPONSE_FLAG_ENABLE_NAGLING = 0x8;
    public static final int HTTP_SEND_RESPONSE_FLAG_PROCESS_RANGES = 0x20;
    public static final int HTTP_SEND_RESPONSE_FLAG_OPAQUE = 0x40;
    public static final int HTTP_SEND_RESPONSE_FLAG_GOAWAY = 0x100;
    public static final int HTTP_SEND_RESPONSE_FLAG_AUTOMATIC_CHUNKING = 0x200;

    // Flag of HttpFlushResponseCache.
    public static final int HTTP_FLUSH_RESPONSE_FLAG_RECURSIVE = 0x1;

    // Flags of HTTP_REQUEST_V2.
    public static final int HTTP_REQUEST_FLAG_MORE_ENTITY_BODY_EXISTS = 0x1;
    public static final int HTTP_REQUEST_FLAG_IP_ROUTED = 0x2;
    public static final int HTTP_REQUEST_FLAG_HTTP2 = 0x4;
    public static final int HTTP_REQUEST_FLAG_HTTP3 = 0x8;

    // Flag of HTTP_MULTIPLE_KNOWN_HEADERS (HttpResponseInfoTypeMultipleKnownHeaders): send the values in the
    // order given.
    public static final int HTTP_RESPONSE_INFO_FLAGS_PRESERVE_ORDER = 0x1;

    // Flags of HttpCreateRequestQueue.
    public static final int HTTP_CREATE_REQUEST_QUEUE_FLAG_OPEN_EXISTING = 0x1;
    public static final int HTTP_CREATE_REQUEST_QUEUE_FLAG_CONTROLLER = 0x2;
    public static final int HTTP_CREATE_REQUEST_QUEUE_FLAG_DELEGATION = 0x8;

    // Flag of HttpRemoveUrlFromUrlGroup: remove every URL of the group.
    public static final int HTTP_URL_FLAG_REMOVE_ALL = 0x1;

    // AuthSchemes bits of HTTP_SERVER_AUTHENTICATION_INFO.
    public static final int HTTP_AUTH_ENABLE_BASIC = 0x1;
    public static final int HTTP_AUTH_ENABLE_DIGEST = 0x2;
    public static final int HTTP_AUTH_ENABLE_NTLM = 0x4;
    public static final int HTTP_AUTH_ENABLE_NEGOTIATE = 0x8;
    public static final int HTTP_AUTH_ENABLE_KERBEROS = 0x10;

    // ExFlags bits of HTTP_SERVER_AUTHENTICATION_INFO.
    public static final int HTTP_AUTH_EX_FLAG_ENABLE_KERBEROS_CREDENTIAL_CACHING = 0x1;
    public static final int HTTP_AUTH_EX_FLAG_CAPTURE_CREDENTIAL = 0x2;

    // DefaultFlags bits of HTTP_SERVICE_CONFIG_SSL_PARAM.
    public static final int HTTP_SERVICE_CONFIG_SSL_FLAG_USE_DS_MAPPER = 0x1;
    public static final int HTTP_SERVICE_CONFIG_SSL_FLAG_NEGOTIATE_CLIENT_CERT = 0x2;
    public static final int HTTP_SERVICE_CONFIG_SSL_FLAG_NO_RAW_FILTER = 0x4;
    /** http.h (Windows 10 1809 SDK and later): the binding does not offer h2 by ALPN. */
    public static final int HTTP_SERVICE_CONFIG_SSL_FLAG_DISABLE_HTTP2 = 0x10;


    private Http() {
    }
}
