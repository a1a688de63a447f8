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
 * @param retryAfter how long until the request would fit this limit; zero if it fits
 */
public record LimitStatus(String entity, String resource, Limit limit, long available, long requested,
                          Duration retryAfter) {

    /** The limit's name. */
    public String limitName() {
        return limit.name();
    }

    /** Whether this limit rejected the request. */
    public boolean exceeded() {
        return !retryAfter.isZero();
    }
}
