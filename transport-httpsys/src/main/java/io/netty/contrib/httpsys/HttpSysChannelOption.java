package io.netty.contrib.httpsys;

import io.netty.channel.ChannelOption;

/**
 * Options of {@link HttpSysServerChannel}, set with {@code ServerBootstrap.option(...)} and read when it binds.
 * Names follow ASP.NET Core's {@code HttpSysOptions} where they mean the same thing. Two of its options have no
 * counterpart on purpose: {@code ThrowWriteExceptions} (here a write to a client that left always fails its promise,
 * and {@code channelInactive} follows, as on every Netty transport) and {@code MaxAccepts} per process (here
 * {@link #RECEIVES_PER_LOOP}, since every event loop receives on its own queue handle).
 */
public final class HttpSysChannelOption<T> extends ChannelOption<T> {

    /** How {@link HttpSysServerChannel} gets its request queue. */
    public enum RequestQueueMode {
        /** Create the queue; fail if a queue of that name exists. Owns URL group and prefixes. */
        CREATE,
        /**
         * Attach to a queue another process created and configured (its URL prefixes and settings); the bind
         * address is then only informative.
         */
        ATTACH,
        /** Create the queue, or attach to it when it exists. */
        CREATE_OR_ATTACH
    }

    /** The answer HTTP.SYS gives when the request queue is full ({@code HTTP_503_RESPONSE_VERBOSITY}). */
    public enum Http503Verbosity {
        /** Reset the connection (the HTTP.SYS default). */
        BASIC,
        /** A 503 response with no reason. */
        LIMITED,
        /** A 503 response with the reason. */
        FULL
    }

    /**
     * The request queue's name. A named queue is what lets every event loop open its own handle to it (and other
     * processes share it); when unset, a unique name is generated.
     */
    public static final ChannelOption<String> REQUEST_QUEUE_NAME = valueOf("HTTPSYS_REQUEST_QUEUE_NAME");

    /** {@link RequestQueueMode}; default {@link RequestQueueMode#CREATE}. */
    public static final ChannelOption<RequestQueueMode> REQUEST_QUEUE_MODE = valueOf("HTTPSYS_REQUEST_QUEUE_MODE");

    /**
     * Who may open the request queue by its name, as a security descriptor string (SDDL), for example
     * {@code D:(A;;GA;;;OW)(A;;GA;;;S-1-5-21-...-1013)}: the queue's owner and one more account (ASP.NET Core's
     * {@code RequestQueueSecurityDescriptor}). Applied only when this channel creates the queue; a channel that
     * attaches, and each event loop of the creating channel itself, must be granted by it. Default {@code null}:
     * HTTP.SYS gives the queue the default descriptor of this process's token, which lets in the same user (and
     * LocalSystem) only. A string Windows does not accept fails the bind.
     */
    public static final ChannelOption<String> REQUEST_QUEUE_SECURITY_DESCRIPTOR =
            valueOf("HTTPSYS_REQUEST_QUEUE_SECURITY_DESCRIPTOR");

    /**
     * Create the queue with {@code HTTP_CREATE_REQUEST_QUEUE_FLAG_CONTROLLER}: the channel's own handle only
     * configures the queue and does no I/O ("can be set only when the request queue handle is created"); requests
     * arrive on the event loops' handles as always, and on those of processes that attach. Default {@code false}.
     */
    public static final ChannelOption<Boolean> REQUEST_QUEUE_CONTROLLER = valueOf("HTTPSYS_REQUEST_QUEUE_CONTROLLER");

    /**
     * Create the queue with {@code HTTP_CREATE_REQUEST_QUEUE_FLAG_DELEGATION}, for a queue that receives requests
     * other queues delegate to it ({@code HttpDelegateRequestEx}, Windows Server 2022 and later). Default
     * {@code false}.
     */
    public static final ChannelOption<Boolean> REQUEST_QUEUE_DELEGATION = valueOf("HTTPSYS_REQUEST_QUEUE_DELEGATION");

    /** Receives kept outstanding per event loop (ASP.NET Core's {@code MaxAccepts} per thread); default 4. */
    public static final ChannelOption<Integer> RECEIVES_PER_LOOP = valueOf("HTTPSYS_RECEIVES_PER_LOOP");

    /**
     * The initial size of each receive buffer in bytes; default 4096. A larger request is re-received into a
     * buffer of the size HTTP.SYS asks for ({@code ERROR_MORE_DATA}), and the receive then shrinks back.
     */
    public static final ChannelOption<Integer> INITIAL_RECEIVE_BUFFER_SIZE = valueOf("HTTPSYS_INITIAL_RECEIVE_BUFFER_SIZE");

    /**
     * The largest request body accepted, in bytes; default 30,000,000 (ASP.NET Core's default). A longer
     * body is answered with {@code 413 Payload Too Large} by the transport; the pipeline never sees the request.
     * {@code -1}: no limit.
     */
    public static final ChannelOption<Long> MAX_REQUEST_BODY_SIZE = valueOf("HTTPSYS_MAX_REQUEST_BODY_SIZE");

    /**
     * {@code true} (default): each child receives one {@code FullHttpRequest}, as after {@code HttpObjectAggregator}.
     * {@code false}: an {@code HttpRequest}, {@code HttpContent}s and a {@code LastHttpContent}, read as the
     * child's {@code autoRead} / {@code read()} ask.
     */
    public static final ChannelOption<Boolean> AGGREGATE = valueOf("HTTPSYS_AGGREGATE");

    /** The request queue's length ({@code HttpServerQueueLengthProperty}, ASP.NET Core's {@code RequestQueueLimit}); default 1000. */
    public static final ChannelOption<Integer> REQUEST_QUEUE_LENGTH = valueOf("HTTPSYS_REQUEST_QUEUE_LENGTH");

    /** What a client gets when the queue is full ({@code HttpServer503VerbosityProperty}); default {@link Http503Verbosity#BASIC}. */
    public static final ChannelOption<Http503Verbosity> HTTP_503_VERBOSITY = valueOf("HTTPSYS_503_VERBOSITY");

    /**
     * Whether responses that are safe to share may be served from the kernel's output cache; default {@code true}
     * (ASP.NET Core's {@code EnableResponseCaching}). Only responses that say {@code Cache-Control: public} with a
     * lifetime are ever cached. HTTP.SYS adds its own conditions: a {@code Content-Type}, no query string, at most
     * 256 KB ({@code UriMaxUriBytes}), the whole response in one flush. A cached entry also answers later
     * {@code Range} requests for the URL; {@link HttpSysServerChannel#flushResponseCache} removes entries early.
     */
    public static final ChannelOption<Boolean> ENABLE_RESPONSE_CACHING = valueOf("HTTPSYS_ENABLE_RESPONSE_CACHING");

    /**
     * Whether HTTP.SYS may buffer response data ({@code HTTP_SEND_RESPONSE_FLAG_BUFFER_DATA}, ASP.NET Core's
     * {@code EnableKernelResponseBuffering}); default {@code false}.
     */
    public static final ChannelOption<Boolean> ENABLE_KERNEL_RESPONSE_BUFFERING = valueOf("HTTPSYS_ENABLE_KERNEL_RESPONSE_BUFFERING");

    /**
     * The most concurrent connections HTTP.SYS accepts for the channel's URL group ({@code HttpServerQosProperty},
     * ASP.NET Core's {@code MaxConnections}); default {@code -1}: the machine-wide setting.
     */
    public static final ChannelOption<Long> MAX_CONNECTIONS = valueOf("HTTPSYS_MAX_CONNECTIONS");

    /**
     * Windows authentication by the kernel ({@code HttpServerAuthenticationProperty} on the channel's URL group,
     * ASP.NET Core's {@code AuthenticationManager}): schemes, realm, anonymous access, credential caching; each
     * request's result is {@link HttpSysRequestInfo#authentication()}. Default {@link HttpSysAuthentication#NONE}.
     * When attached to a queue another process created, that process's URL group authenticates, and this value
     * must match it ({@link HttpSysAuthentication#allowAnonymous()} is still applied here).
     */
    public static final ChannelOption<HttpSysAuthentication> AUTHENTICATION = valueOf("HTTPSYS_AUTHENTICATION");

    /**
     * The kernel's connection timers ({@code HttpServerTimeoutsProperty} on the channel's URL group, ASP.NET Core's
     * {@code TimeoutManager}); default {@link HttpSysTimeouts#DEFAULT}: HTTP.SYS's own. Not applied when attached to
     * a queue another process created.
     */
    public static final ChannelOption<HttpSysTimeouts> TIMEOUTS = valueOf("HTTPSYS_TIMEOUTS");

    @SuppressWarnings({"unused", "deprecation"})
    private HttpSysChannelOption() {
        super(null);
    }
}
