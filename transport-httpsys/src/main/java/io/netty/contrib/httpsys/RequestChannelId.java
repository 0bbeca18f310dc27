package io.netty.contrib.httpsys;

import io.netty.channel.ChannelId;

/**
 * The id of a request channel: its server channel's id plus the HTTP.SYS {@code RequestId}, which is unique among
 * the requests of a queue. Cheap where {@code DefaultChannelId} is not (no process id, random or time lookups per
 * request); strings are built only when asked for.
 */
final class RequestChannelId implements ChannelId {

    private static final long serialVersionUID = 1L;

    private final ChannelId parentId;
    private final long requestId;

    RequestChannelId(ChannelId parentId, long requestId) {
        this.parentId = parentId;
        this.requestId = requestId;
    }

    @Override
    public String asShortText() {
        return parentId.asShortText() + '/' + Long.toHexString(requestId);
    }

    @Override
    public String asLongText() {
        return parentId.asLongText() + '/' + Long.toHexString(requestId);
    }

    @Override
    public int compareTo(ChannelId o) {
        if (o instanceof RequestChannelId) {
            RequestChannelId other = (RequestChannelId) o;
            int result = parentId.compareTo(other.parentId);
            return result != 0 ? result : Long.compareUnsigned(requestId, other.requestId);
        }
        return parentId.compareTo(o);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RequestChannelId && requestId == ((RequestChannelId) o).requestId
                && parentId.equals(((RequestChannelId) o).parentId);
    }

    @Override
    public int hashCode() {
        return 31 * parentId.hashCode() + Long.hashCode(requestId);
    }

    @Override
    public String toString() {
        return asShortText();
    }
}
