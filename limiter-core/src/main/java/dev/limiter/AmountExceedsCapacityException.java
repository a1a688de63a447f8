package dev.limiter;

/**
 * A request asks for more tokens than a limit can ever hold, so no amount of waiting would admit it. Nothing was
 * charged.
 */
public final class AmountExceedsCapacityException extends RateLimiterException {

    private static final long serialVersionUID = 1L;

    private final String entity;
    private final String limitName;
    private final long requested;
    private final long capacity;

    /** Creates the exception for {@code limit} of {@code entity}. */
    public AmountExceedsCapacityException(String entity, String resource, Limit limit, long requested) {
        super("request for " + requested + " of limit '" + limit.name() + "' (entity '" + entity + "', resource '"
                + resource + "') can never be granted: the limit's capacity is " + limit.capacity());
        this.entity = entity;
        this.limitName = limit.name();
        this.requested = requested;
        this.capacity = limit.capacity();
    }

    /** The entity whose limit is too small. */
    public String entity() {
        return entity;
    }

    /** The name of the limit. */
    public String limitName() {
        return limitName;
    }

    /** The amount requested. */
    public long requested() {
        return requested;
    }

    /** The limit's capacity. */
    public long capacity() {
        return capacity;
    }
}
