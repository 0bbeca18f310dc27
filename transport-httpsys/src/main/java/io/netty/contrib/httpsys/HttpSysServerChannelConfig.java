package io.netty.contrib.httpsys;

import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.DefaultChannelConfig;
import io.netty.contrib.httpsys.HttpSysChannelOption.Http503Verbosity;
import io.netty.contrib.httpsys.HttpSysChannelOption.RequestQueueMode;
import io.netty.contrib.httpsys.nativeapi.Http;

import java.util.Map;

/** The {@link HttpSysChannelOption}s of an {@link HttpSysServerChannel}; read when it binds. */
final class HttpSysServerChannelConfig extends DefaultChannelConfig {

    private volatile String requestQueueName;
    private volatile RequestQueueMode requestQueueMode = RequestQueueMode.CREATE;
    private volatile int receivesPerLoop = 4;
    private volatile int initialReceiveBufferSize = 4096;
    private volatile long maxRequestBodySize = 30_000_000L;
    private volatile boolean aggregate = true;
    private volatile int requestQueueLength = 1000;
    private volatile Http503Verbosity http503Verbosity = Http503Verbosity.BASIC;
    private volatile boolean enableResponseCaching = true;
    private volatile boolean enableKernelResponseBuffering;
    private volatile long maxConnections = -1;
    private volatile HttpSysAuthentication authentication = HttpSysAuthentication.NONE;
    private volatile HttpSysTimeouts timeouts = HttpSysTimeouts.DEFAULT;
    private volatile String requestQueueSecurityDescriptor;
    private volatile boolean requestQueueController;
    private volatile boolean requestQueueDelegation;

    private final Runnable onAutoReadCleared;

    HttpSysServerChannelConfig(Channel channel, Runnable onAutoReadCleared) {
        super(channel);
        this.onAutoReadCleared = onAutoReadCleared;
    }

    @Override
    protected void autoReadCleared() {
        onAutoReadCleared.run();
    }

    @Override
    public Map<ChannelOption<?>, Object> getOptions() {
        return getOptions(super.getOptions(),
                HttpSysChannelOption.REQUEST_QUEUE_NAME, HttpSysChannelOption.REQUEST_QUEUE_MODE,
                HttpSysChannelOption.RECEIVES_PER_LOOP, HttpSysChannelOption.INITIAL_RECEIVE_BUFFER_SIZE,
                HttpSysChannelOption.MAX_REQUEST_BODY_SIZE, HttpSysChannelOption.AGGREGATE,
                HttpSysChannelOption.REQUEST_QUEUE_LENGTH, HttpSysChannelOption.HTTP_503_VERBOSITY,
                HttpSysChannelOption.ENABLE_RESPONSE_CACHING, HttpSysChannelOption.ENABLE_KERNEL_RESPONSE_BUFFERING,
                HttpSysChannelOption.MAX_CONNECTIONS, HttpSysChannelOption.AUTHENTICATION, HttpSysChannelOption.TIMEOUTS,
                HttpSysChannelOption.REQUEST_QUEUE_SECURITY_DESCRIPTOR, HttpSysChannelOption.REQUEST_QUEUE_CONTROLLER,
                HttpSysChannelOption.REQUEST_QUEUE_DELEGATION);
    }

    @SuppressWarnings("unchecked")
    @Override
    public <T> T getOption(ChannelOption<T> option) {
        if (option == HttpSysChannelOption.REQUEST_QUEUE_NAME) {
            return (T) requestQueueName;
        }
        if (option == HttpSysChannelOption.REQUEST_QUEUE_MODE) {
            return (T) requestQueueMode;
        }
        if (option == HttpSysChannelOption.RECEIVES_PER_LOOP) {
            return (T) Integer.valueOf(receivesPerLoop);
        }
        if (option == HttpSysChannelOption.INITIAL_RECEIVE_BUFFER_SIZE) {
            return (T) Integer.valueOf(initialReceiveBufferSize);
        }
        if (option == HttpSysChannelOption.MAX_REQUEST_BODY_SIZE) {
            return (T) Long.valueOf(maxRequestBodySize);
        }
        if (option == HttpSysChannelOption.AGGREGATE) {
            return (T) Boolean.valueOf(aggregate);
        }
        if (option == HttpSysChannelOption.REQUEST_QUEUE_LENGTH) {
            return (T) Integer.valueOf(requestQueueLength);
        }
        if (option == HttpSysChannelOption.HTTP_503_VERBOSITY) {
            return (T) http503Verbosity;
        }
        if (option == HttpSysChannelOption.ENABLE_RESPONSE_CACHING) {
            return (T) Boolean.valueOf(enableResponseCaching);
        }
        if (option == HttpSysChannelOption.ENABLE_KERNEL_RESPONSE_BUFFERING) {
            return (T) Boolean.valueOf(enableKernelResponseBuffering);
        }
        if (option == HttpSysChannelOption.MAX_CONNECTIONS) {
            return (T) Long.valueOf(maxConnections);
        }
        if (option == HttpSysChannelOption.AUTHENTICATION) {
            return (T) authentication;
        }
        if (option == HttpSysChannelOption.TIMEOUTS) {
            return (T) timeouts;
        }
        if (option == HttpSysChannelOption.REQUEST_QUEUE_SECURITY_DESCRIPTOR) {
            return (T) requestQueueSecurityDescriptor;
        }
        if (option == HttpSysChannelOption.REQUEST_QUEUE_CONTROLLER) {
            return (T) Boolean.valueOf(requestQueueController);
        }
        if (option == HttpSysChannelOption.REQUEST_QUEUE_DELEGATION) {
            return (T) Boolean.valueOf(requestQueueDelegation);
        }
        return super.getOption(option);
    }

    @Override
    public <T> boolean setOption(ChannelOption<T> option, T value) {
        validate(option, value);
        if (option == HttpSysChannelOption.REQUEST_QUEUE_NAME) {
            requestQueueName = (String) value;
        } else if (option == HttpSysChannelOption.REQUEST_QUEUE_MODE) {
            requestQueueMode = (RequestQueueMode) value;
        } else if (option == HttpSysChannelOption.RECEIVES_PER_LOOP) {
            receivesPerLoop = positive(option, (Integer) value);
        } else if (option == HttpSysChannelOption.INITIAL_RECEIVE_BUFFER_SIZE) {
            initialReceiveBufferSize = Math.max(positive(option, (Integer) value), 1024);
        } else if (option == HttpSysChannelOption.MAX_REQUEST_BODY_SIZE) {
            maxRequestBodySize = (Long) value;
        } else if (option == HttpSysChannelOption.AGGREGATE) {
            aggregate = (Boolean) value;
        } else if (option == HttpSysChannelOption.REQUEST_QUEUE_LENGTH) {
            requestQueueLength = positive(option, (Integer) value);
        } else if (option == HttpSysChannelOption.HTTP_503_VERBOSITY) {
            http503Verbosity = (Http503Verbosity) value;
        } else if (option == HttpSysChannelOption.ENABLE_RESPONSE_CACHING) {
            enableResponseCaching = (Boolean) value;
        } else if (option == HttpSysChannelOption.ENABLE_KERNEL_RESPONSE_BUFFERING) {
            enableKernelResponseBuffering = (Boolean) value;
        } else if (option == HttpSysChannelOption.MAX_CONNECTIONS) {
            maxConnections = (Long) value;
        } else if (option == HttpSysChannelOption.AUTHENTICATION) {
            authentication = (HttpSysAuthentication) value;
        } else if (option == HttpSysChannelOption.TIMEOUTS) {
            timeouts = (HttpSysTimeouts) value;
        } else if (option == HttpSysChannelOption.REQUEST_QUEUE_SECURITY_DESCRIPTOR) {
            requestQueueSecurityDescriptor = (String) value;
        } else if (option == HttpSysChannelOption.REQUEST_QUEUE_CONTROLLER) {
            requestQueueController = (Boolean) value;
        } else if (option == HttpSysChannelOption.REQUEST_QUEUE_DELEGATION) {
            requestQueueDelegation = (Boolean) value;
        } else {
            return super.setOption(option, value);
        }
        return true;
    }

    private static int positive(ChannelOption<?> option, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(option.name() + " must be positive: " + value);
        }
        return value;
    }

    String requestQueueName() {
        return requestQueueName;
    }

    RequestQueueMode requestQueueMode() {
        return requestQueueMode;
    }

    int receivesPerLoop() {
        return receivesPerLoop;
    }

    int initialReceiveBufferSize() {
        return initialReceiveBufferSize;
    }

    long maxRequestBodySize() {
        return maxRequestBodySize;
    }

    boolean aggregate() {
        return aggregate;
    }

    int requestQueueLength() {
        return requestQueueLength;
    }

    Http503Verbosity http503Verbosity() {
        return http503Verbosity;
    }

    boolean enableResponseCaching() {
        return enableResponseCaching;
    }

    boolean enableKernelResponseBuffering() {
        return enableKernelResponseBuffering;
    }

    long maxConnections() {
        return maxConnections;
    }

    HttpSysAuthentication authentication() {
        return authentication;
    }

    HttpSysTimeouts timeouts() {
        return timeouts;
    }

    String requestQueueSecurityDescriptor() {
        return requestQueueSecurityDescriptor;
    }

    /** The {@code HTTP_CREATE_REQUEST_QUEUE_FLAG_*}s this channel creates its queue with (never OPEN_EXISTING). */
    int requestQueueCreateFlags() {
        return (requestQueueController ? Http.HTTP_CREATE_REQUEST_QUEUE_FLAG_CONTROLLER : 0)
                | (requestQueueDelegation ? Http.HTTP_CREATE_REQUEST_QUEUE_FLAG_DELEGATION : 0);
    }
}
