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
 * {@code ResponseReader}).
 *
 * <p>Choices where Windows' behaviour is not pinned down by a test that passes on Windows, kept in one place:
 * <ul>
 *   <li>A request or connection the kernel no longer knows makes a call fail at once with
 *       {@code ERROR_CONNECTION_INVALID} (1229), as Wine's tests show for answered requests; an operation in
 *       flight when the client goes away completes with {@code STATUS_CONNECTION_DISCONNECTED}, which
 *       {@code RtlNtStatusToDosError} maps to {@code ERROR_NETNAME_DELETED} (64).</li>
 *   <li>A full queue answers per {@code HttpServer503VerbosityProperty}: the documented default
 *       ({@code Http503ResponseVerbosityBasic}) resets the connection; Limited and Full send 503.</li>
 *   <li>Sends of memory chunks complete inside the call when the connection can take the bytes (0, plus a
 *       packet unless {@code FILE_SKIP_COMPLETION_PORT_ON_SUCCESS}); file sends and sends into a full connection
 *       complete when written ({@code ERROR_IO_PENDING}). Synchronous failures never post a packet.</li>
 *   <li>A receive served at call time returns 0 (or 234 with the size, binding the request to its id); with
 *       no request waiting it is pending (997). After {@code HttpShutdownRequestQueue}, receives fail with 995.</li>
 *   <li>Timers: IdleConnection and HeaderWait (session {@code HttpServerTimeoutsProperty}) close the connection
 *       without a response; EntityBody, DrainEntityBody, RequestQueue and MinSendRate are stored, not enforced.
 *       QoS limits are stored and reported, not enforced.</li>
 *   <li>Not emulated: authentication, logging, request properties, delegation, fragment cache, client
 *       certificate renegotiation ({@code ERROR_CALL_NOT_IMPLEMENTED}), service configuration (Set/Delete
 *       succeed and store nothing, Query finds nothing).</li>
 * </ul>
 */
package io.netty.contrib.httpsys.nativeapi.emulator;
