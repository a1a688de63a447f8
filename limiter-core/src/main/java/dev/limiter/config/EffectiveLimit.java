package dev.limiter.config;

import dev.limiter.Limit;
import dev.limiter.internal.Require;

/**
 * A limit that applies to a bucket, with the level it was resolved from.
 *
 * @param limit  the limit
 * @param source the most specific level that set it
 */
public record EffectiveLimit(Limit limit, ConfigLevel source) {

    /** Validates the components. */
    public EffectiveLimit {
        Require.nonNull("limit", limit);
        Require.nonNull("source", source);
    }
}
