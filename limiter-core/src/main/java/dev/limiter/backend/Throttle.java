package dev.limiter.backend;

import dev.limiter.Limit;
import dev.limiter.internal.Require;

import java.time.Duration;

/**
 * A bucket whose storage key kept being throttled by the backend past its retry budget: the key is over the
 * backend's own rate (for DynamoDB, the write throughput of one partition key). Reported as a rejection, never as the
 * backend being unavailable, so that a fail-open policy never admits exactly the key that is hot.
 *
 * @param key        the throttled bucket
 * @param limit      the backend's rate that was exceeded, as a limit (e.g. DynamoDB's per-key write units per second)
 * @param retryAfter how long the caller should wait before trying again; positive
 */
public record Throttle(BucketKey key, Limit limit, Duration retryAfter) {

    /** Validates. */
    public Throttle {
        Require.nonNull("key", key);
        Require.nonNull("limit", limit);
        Require.nonNull("retryAfter", retryAfter);
        Require.argument(!retryAfter.isNegative() && !retryAfter.isZero(),
                "retryAfter must be positive, got " + retryAfter);
    }
}
