package io.netty.contrib.httpsys;

import java.time.Duration;
import java.util.Objects;

/**
 * The six connection timers HTTP.SYS enforces in the kernel, before and around the application: the value of
 * {@link HttpSysChannelOption#TIMEOUTS}, set as {@code HttpServerTimeoutsProperty} ({@code HTTP_TIMEOUT_LIMIT_INFO})
 * on the channel's URL group, as ASP.NET Core's {@code TimeoutManager} does ({@code UrlGroup.SetProperty} from
 * {@code SetUrlGroupTimeouts}). Immutable; build one with {@link #builder()}.
 *
 * <p>Units and ranges are those of {@code HTTP_TIMEOUT_LIMIT_INFO}: the five timers are {@code USHORT} seconds,
 * so each is a whole number of seconds from 0 to 65535, where {@link Duration#ZERO} (the default) keeps the
 * server session's or machine's value and {@link #DISABLED} (65535 s, {@code MAXUSHORT}) turns the timer off
 * ("Configuring the Application Specific Timeouts", Microsoft Learn). The minimum send rate is a {@code ULONG} of
 * bytes per second: 0 keeps the default (150 B/s), {@link #NO_MIN_SEND_RATE} ({@code MAXULONG}) turns it off.
 * Values out of range are refused when they are set, with the field and range in the message, rather than
 * truncated by the kernel.
 *
 * <p>Microsoft's remarks on the structure: IdleConnection and HeaderWait apply to a connection only after its
 * first request was routed to this URL group; until then the machine-wide values (HttpServiceConfigTimeout) hold.
 * A server that attaches to an existing queue ({@link HttpSysChannelOption.RequestQueueMode#ATTACH}) does not
 * own the URL group, so its timeouts are not applied.
 */
public final class HttpSysTimeouts {

    /** A timer value that turns the timer off: {@code MAXUSHORT} seconds. */
    public static final Duration DISABLED = Duration.ofSeconds(0xFFFF);

    /** A minimum send rate that turns the send-rate timer off: {@code MAXULONG}. */
    public static final long NO_MIN_SEND_RATE = 0xFFFF_FFFFL;

    /** Every timer at zero: HTTP.SYS's own values (120 s each, 150 B/s) or the machine's configuration. */
    public static final HttpSysTimeouts DEFAULT = builder().build();

    private final int entityBody;
    private final int drainEntityBody;
    private final int requestQueue;
    private final int idleConnection;
    private final int headerWait;
    private final long minSendBytesPerSecond;

    private HttpSysTimeouts(Builder builder) {
        entityBody = builder.entityBody;
        drainEntityBody = builder.drainEntityBody;
        requestQueue = builder.requestQueue;
        idleConnection = builder.idleConnection;
        headerWait = builder.headerWait;
        minSendBytesPerSecond = builder.minSendBytesPerSecond;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these values. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.entityBody = entityBody;
        builder.drainEntityBody = drainEntityBody;
        builder.requestQueue = requestQueue;
        builder.idleConnection = idleConnection;
        builder.headerWait = headerWait;
        builder.minSendBytesPerSecond = minSendBytesPerSecond;
        return builder;
    }

    /** Time allowed for the request body to arrive, restarted by every piece of it ({@code EntityBody}). */
    public Duration entityBody() {
        return Duration.ofSeconds(entityBody);
    }

    /** Time allowed to drain the rest of a request body after the response, on a keep-alive connection. */
    public Duration drainEntityBody() {
        return Duration.ofSeconds(drainEntityBody);
    }

    /** Time a request may wait in the request queue before the application receives it. */
    public Duration requestQueue() {
        return Duration.ofSeconds(requestQueue);
    }

    /** Time a keep-alive connection may stay idle between requests. */
    public Duration idleConnection() {
        return Duration.ofSeconds(idleConnection);
    }

    /** Time allowed for a request head to arrive once its first bytes did. */
    public Duration headerWait() {
        return Duration.ofSeconds(headerWait);
    }

    /** The slowest response send rate tolerated, in bytes per second ({@code MinSendRate}). */
    public long minSendBytesPerSecond() {
        return minSendBytesPerSecond;
    }

    /** Whether every value is zero: nothing to set on the URL group. */
    boolean isDefault() {
        return equals(DEFAULT);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof HttpSysTimeouts)) {
            return false;
        }
        HttpSysTimeouts that = (HttpSysTimeouts) o;
        return entityBody == that.entityBody && drainEntityBody == that.drainEntityBody
                && requestQueue == that.requestQueue && idleConnection == that.idleConnection
                && headerWait == that.headerWait && minSendBytesPerSecond == that.minSendBytesPerSecond;
    }

    @Override
    public int hashCode() {
        return Objects.hash(entityBody, drainEntityBody, requestQueue, idleConnection, headerWait,
                minSendBytesPerSecond);
    }

    @Override
    public String toString() {
        return "HttpSysTimeouts(entityBody=" + entityBody + "s, drainEntityBody=" + drainEntityBody
                + "s, requestQueue=" + requestQueue + "s, idleConnection=" + idleConnection + "s, headerWait="
                + headerWait + "s, minSendBytesPerSecond=" + minSendBytesPerSecond + ')';
    }

    /** Builds {@link HttpSysTimeouts}; every setter checks its range at once. */
    public static final class Builder {

        private int entityBody;
        private int drainEntityBody;
        private int requestQueue;
        private int idleConnection;
        private int headerWait;
        private long minSendBytesPerSecond;

        private Builder() {
        }

        /** {@code EntityBody}: whole seconds, 0 to 65535. */
        public Builder entityBody(Duration timeout) {
            entityBody = seconds("entityBody", timeout);
            return this;
        }

        /** {@code DrainEntityBody}: whole seconds, 0 to 65535. */
        public Builder drainEntityBody(Duration timeout) {
            drainEntityBody = seconds("drainEntityBody", timeout);
            return this;
        }

        /** {@code RequestQueue}: whole seconds, 0 to 65535. */
        public Builder requestQueue(Duration timeout) {
            requestQueue = seconds("requestQueue", timeout);
            return this;
        }

        /** {@code IdleConnection}: whole seconds, 0 to 65535. */
        public Builder idleConnection(Duration timeout) {
            idleConnection = seconds("idleConnection", timeout);
            return this;
        }

        /** {@code HeaderWait}: whole seconds, 0 to 65535. */
        public Builder headerWait(Duration timeout) {
            headerWait = seconds("headerWait", timeout);
            return this;
        }

        /** {@code MinSendRate}: 0 to {@link #NO_MIN_SEND_RATE} bytes per second. */
        public Builder minSendBytesPerSecond(long bytesPerSecond) {
            if (bytesPerSecond < 0 || bytesPerSecond > NO_MIN_SEND_RATE) {
                throw new IllegalArgumentException("HttpSysTimeouts.minSendBytesPerSecond must be between 0 "
                        + "(the default, 150 B/s) and 4294967295 (NO_MIN_SEND_RATE, MAXULONG: no minimum), since "
                        + "HTTP_TIMEOUT_LIMIT_INFO.MinSendRate is a ULONG: " + bytesPerSecond);
            }
            minSendBytesPerSecond = bytesPerSecond;
            return this;
        }

        public HttpSysTimeouts build() {
            return new HttpSysTimeouts(this);
        }

        /**
         * The seconds of {@code timeout}, refused unless whole and within a {@code USHORT}: ASP.NET Core's
         * {@code TimeoutManager} checks the same range; a fraction is refused rather than rounded, so that the
         * kernel enforces exactly what was asked.
         */
        private static int seconds(String field, Duration timeout) {
            Objects.requireNonNull(timeout, field);
            if (timeout.isNegative() || timeout.getNano() != 0 || timeout.getSeconds() > 0xFFFF) {
                throw new IllegalArgumentException("HttpSysTimeouts." + field + " must be a whole number of seconds "
                        + "between 0 (the default) and 65535 (DISABLED, MAXUSHORT: no limit), since "
                        + "HTTP_TIMEOUT_LIMIT_INFO." + Character.toUpperCase(field.charAt(0)) + field.substring(1)
                        + " is a USHORT of seconds: " + timeout);
            }
            return (int) timeout.getSeconds();
        }
    }
}
