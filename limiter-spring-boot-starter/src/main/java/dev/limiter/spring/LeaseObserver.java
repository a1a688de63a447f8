package dev.limiter.spring;

import dev.limiter.Lease;

/**
 * Told of every lease {@link RateLimited} acquires, before the method runs; the web support uses it to add
 * {@code RateLimit} headers to the response. Declare beans of this type to add others. Called concurrently from every
 * request thread, so implementations must be thread-safe; an exception is logged and ignored.
 */
@FunctionalInterface
public interface LeaseObserver {

    /** {@code lease} was granted for a call of a {@link RateLimited} method. */
    void granted(Lease lease);
}
