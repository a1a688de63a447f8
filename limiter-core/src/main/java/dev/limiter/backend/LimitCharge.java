package dev.limiter.backend;

import dev.limiter.Limit;
import dev.limiter.internal.Require;

/**
 * A checked charge of {@code tokens} against one limit: admitted only if the bucket holds them.
 *
 * @param limit  the limit's current parameters (the bucket is reconciled to them)
 * @param tokens tokens to take, between 1 and the limit's capacity
 */
public record LimitCharge(Limit limit, long tokens) {

    /** Validates the amount against the limit's capacity. */
    public LimitCharge {
        Require.nonNull("limit", limit);
        if (tokens < 1 || tokens > limit.capacity()) {
            Require.positive("amount of '" + limit.name() + "'", tokens, limit.capacity());
        }
    }

    /** The bucket time this charge costs. */
    public long costNanos() {
        return limit.costNanos(tokens);
    }
}
