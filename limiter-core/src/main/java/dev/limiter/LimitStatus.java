package dev.limiter;

import java.time.Duration;

/**
 * The state of one limit of one entity as seen by an acquire.
 *
 * @param entity     the entity whose bucket this is (an ancestor for cascaded charges)
 * @param resource   the resource
 * @param limit      the limit
 * @param available  whole tokens available: after the charge when granted, before it when rejected; negative in debt
 * @param requested  tokens the request asked for
 * @param retryAfter how long until the request would fit this limit; zero if it fits. A {@link Limit#shadow shadow}
 *                   limit may show a wait in a granted lease: it would have rejected the request
 * @param servedLocally whether the charge was taken from an allowance this process holds ({@link LocalTier}), not
 *                      written to the shared bucket by this acquire. Then {@code available} is an estimate: the
 *                      shared bucket's state as last seen by this process minus what other processes took since is
 *                      unknown, so it is that last seen state plus the tokens this process still holds locally
 */
public record LimitStatus(String entity, String resource, Limit limit, long available, long requested,
                          Duration retryAfter, boolean servedLocally) {

    /** The status of a limit charged to the shared bucket (not {@link #servedLocally}). */
    public LimitStatus(String entity, String resource, Limit limit, long available, long requested,
                       Duration retryAfter) {
        this(entity, resource, limit, available, requested, retryAfter, false);
    }

    /** The limit's name. */
    public String limitName() {
        return limit.name();
    }

    /** Whether this limit did not admit the request (a shadow limit reports it and lets the request through). */
    public boolean exceeded() {
        return !retryAfter.isZero();
    }

    /** Whether this is a shadow limit that would have rejected the request had it been enforced. */
    public boolean shadowRejected() {
        return limit.shadow() && exceeded();
    }
}
