/**
 * A user-mode HTTP.SYS: {@link io.netty.contrib.httpsys.nativeapi.HttpApi} and
 * {@link io.netty.contrib.httpsys.nativeapi.IoCompletion} over loopback sockets, behaving like the Windows
 * kernel at the ABI (real {@code HTTP_REQUEST_V2}s written into the caller's buffer, real
 * {@code HTTP_RESPONSE_V2}s read out of native memory, real {@code OVERLAPPED}s completed through emulated
 * completion ports), so the transport above runs unchanged on Windows. Entry point: {@link
 * io.netty.contrib.httpsys.nativeapi.emulator.Emulator#get()}.
 *
 * <p>Parts: the object table and kernel state ({@code HandleTable}, {@code Kernel}, {@code ServerSession},
 * {@code UrlGroup}, {@code RequestQueue}, {@code RequestQueueHandle}); URL registration and routing
 * ({@code UrlPrefix}, {@code UrlRegistry}, {@code PortListener}); connections and requests
 * ({@code KernelConnection}, {@code KernelRequest}, {@code ResponseSender}, {@code ResponseCache}); completion
 * ({@code PendingIo}, {@code CompletionPort}, {@code NtStatusTable}); the wire codec ({@code KernelRequestDecoder},
 * {@code KernelResponseWriter}, {@code KernelResponses}); the marshalling ({@code RequestMarshaller},
 * {@code ResponseReader}); the configuration store ({@code ServiceConfigStore}) and timers ({@code TimeoutLimits});
 * the strict mode ({@code StrictMode}, {@code StrictHttpApi}, {@code StrictIoCompletion}: seeded pending results,
 * late and reordered completions, injected errors and dropped clients; see RELIABILITY.md).
 *
 * <p>Choices where Windows' behaviour is not pinned down by a test that passes on Windows, kept in one place:
 * <ul>
 *   <li>A request or connection the kernel no longer knows makes a call fail at once with
 *       {@code ERROR_CONNECTION_INVALID} (1229), as Wine's tests show for answered requests; an operation in
 *       flight when the client goes away completes with {@code STATUS_CONNECTION_DISCONNECTED}, which
 *       {@code RtlNtStatusToDosError} maps to {@code ERROR_NETNAME_DELETED} (64).</li>
 *   <li>{@code HttpWaitForDisconnect(Ex)} waits are not cancellable: {@code CancelIoEx} leaves them pending
 *       (and fails with {@code ERROR_NOT_FOUND} when nothing else matched), since nothing documents that they can
 *       be cancelled. They end when the connection closes ({@code STATUS_SUCCESS}), when the client resets it
 *       ({@code STATUS_CONNECTION_RESET}, 64), or with {@code STATUS_CANCELLED} (995) when their queue handle is
 *       closed or the queue shut down.</li>
 *   <li>A full queue answers per {@code HttpServer503VerbosityProperty}: the documented default
 *       ({@code Http503ResponseVerbosityBasic}) resets the connection; Limited and Full send 503.</li>
 *   <li>Sends of memory chunks complete inside the call when the connection can take the bytes (0, plus a
 *       packet unless {@code FILE_SKIP_COMPLETION_PORT_ON_SUCCESS}); file sends and sends into a full connection
 *       complete when written ({@code ERROR_IO_PENDING}). Synchronous failures never post a packet.</li>
 *   <li>A receive served at call time returns 0 (or 234 with the size, binding the request to its id); with
 *       no request waiting it is pending (997). After {@code HttpShutdownRequestQueue}, receives fail with 995.</li>
 *   <li>Timers ({@code HTTP_TIMEOUT_LIMIT_INFO} reference): each resolves field by field, URL group, then
 *       server session, then the kernel's value (a zero means "not set here"). Until the first request of a
 *       connection is routed, IdleConnection and HeaderWait are the kernel's (120 s, or the service-wide
 *       {@code HttpServiceConfigTimeout} values); after it, the application's. EntityBody restarts with every
 *       arrival of body bytes and is stopped while the kernel itself stops reading for backpressure;
 *       DrainEntityBody bounds the whole drain of a body the response did not wait for; RequestQueue runs while a
 *       request waits for a receive. MinSendRate drops a connection when a send (with what is queued before it)
 *       is not written within {@code bytes / MinSendRate} seconds, at least 1 ({@code MAXULONG} disables it).
 *       Expiry closes the connection without a response: "Types of errors logged by the HTTP Server API" lists
 *       Timer_EntityBody, Timer_AppPool (RequestQueue), Timer_MinBytesPerSecond, Timer_ConnectionIdle and
 *       Timer_HeaderWait as connection time-outs, not responses. Timers are scheduled tasks on the connection's
 *       event loop, armed and cancelled with the state they watch (no polling).</li>
 *   <li>QoS: {@code HttpQosSettingTypeConnectionLimit} (URL group and server session) counts the open connections
 *       whose last request was routed there; a request that would exceed a limit gets a kernel 503 and the
 *       connection closes ("ConnLimit: a service unavailable error (HTTP error 503) ... the site level connection
 *       limit has been reached or exceeded", same page), whatever the queue's 503 verbosity. A connection is
 *       counted from its first routed request, since HTTP.SYS cannot know the group before parsing the head.
 *       {@code HttpQosSettingTypeBandwidth} is validated (at least {@code HTTP_MIN_ALLOWED_BANDWIDTH_THROTTLING_RATE},
 *       1024 B/s, or {@code HTTP_LIMIT_INFINITE}), stored and reported, not enforced.</li>
 *   <li>Service configuration ({@code ServiceConfigStore}): {@code HttpServiceConfigUrlAclInfo},
 *       {@code HttpServiceConfigSSLCertInfo} and {@code HttpServiceConfigTimeout} records are stored, queried
 *       (exact and by {@code dwToken}) and deleted with the documented error codes, and returned in the SDK
 *       layout with their pointers inside the caller's buffer. Windows keeps this store machine-wide and
 *       persistent (registry); the emulator keeps it per JVM, in memory, and starts empty. URL reservations are
 *       not enforced (the emulator never answers {@code ERROR_ACCESS_DENIED}); an SSL binding does not give the
 *       emulator a certificate (it cannot read Windows stores): the certificate comes from system properties, and
 *       an {@code https://} port without one logs how to configure it. Other record types are
 *       {@code ERROR_INVALID_PARAMETER}.</li>
 *   <li>Request queue security ({@code QueueSecurity}, {@code EmulatedIdentity}, {@code
 *       EmulatedSecurityDescriptorApi}): a queue records its creator's emulated user and the SDDL of its
 *       {@code SECURITY_ATTRIBUTES} (a subset: {@code D:} with {@code (A|D;;GA;;;sid)} ACEs); opening it by name as
 *       a user the descriptor (or, without one, the token default: creator and LocalSystem) does not grant fails with
 *       {@code ERROR_ACCESS_DENIED}. The emulator's security descriptors are opaque blocks of its own, not the
 *       binary {@code SECURITY_DESCRIPTOR}, and its users have no groups.</li>
 *   <li>Authentication ({@code AuthenticationSettings}, {@code RequestAuthentication}, {@code EmulatedAccounts},
 *       {@code EmulatedTokenApi}): a URL group (else its session) with {@code HttpServerAuthenticationProperty}
 *       gives every request an {@code HttpRequestInfoTypeAuth} entry, {@code HttpAuthStatusNotAuthenticated}
 *       without credentials of an enabled scheme; the kernel refuses nothing. Basic is checked against the
 *       credentials file, Negotiate only through the {@code NegotiateTestDouble} (one leg, not security); NTLM,
 *       Kerberos and Digest credentials are ignored like those of a disabled scheme. Each successful delivery
 *       issues a fresh token handle ({@code EmulatedAccessToken}) that only {@code CloseHandle} removes.</li>
 *   <li>Not emulated: logging, request properties, delegation, fragment cache, client
 *       certificate renegotiation ({@code ERROR_CALL_NOT_IMPLEMENTED}).</li>
 * </ul>
 */
package io.netty.contrib.httpsys.nativeapi.emulator;
