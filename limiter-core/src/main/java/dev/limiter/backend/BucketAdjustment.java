package dev.limiter.backend;

import dev.limiter.internal.Require;

import java.util.List;

/**
 * The adjustments a lease makes to one bucket when it settles.
 *
 * @param key         the bucket
 * @param adjustments one per limit, at least one, distinct names
 */
public record BucketAdjustment(BucketKey key, List<LimitAdjustment> adjustments) {

    /** Validates and copies. */
    public BucketAdjustment {
        Require.nonNull("key", key);
        adjustments = List.copyOf(adjustments);
        if (adjustments.isEmpty()) {
            throw new IllegalArgumentException("bucket " + key + " has no adjustments");
        }
    }
}
