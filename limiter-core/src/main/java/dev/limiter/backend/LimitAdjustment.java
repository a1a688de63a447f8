package dev.limiter.backend;

import dev.limiter.Limit;
import dev.limiter.internal.Require;

/**
 * An unconditional change to one limit made when a lease settles: a charge ({@code tokens > 0}, debt allowed)
 * or a refund ({@code tokens < 0}).
 *
 * @param limit     the parameters the lease was granted under
 * @param tokens    signed token delta, never 0
 * @param costNanos bucket time to add (charge) or give back (refund), never negative; computed by the lease so
 *                  that a full rollback gives back exactly what was charged
 */
public record LimitAdjustment(Limit limit, long tokens, long costNanos) {

    /** Validates the components. */
    public LimitAdjustment {
        Require.nonNull("limit", limit);
        if (tokens == 0) {
            throw new IllegalArgumentException("an adjustment of '" + limit.name() + "' must change something");
        }
        if (costNanos < 0) {
            throw new IllegalArgumentException("costNanos must not be negative, got " + costNanos);
        }
    }
}
