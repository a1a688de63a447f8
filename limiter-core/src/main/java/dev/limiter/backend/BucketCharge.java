package dev.limiter.backend;

import dev.limiter.internal.Require;

import java.util.List;

/**
 * The charges for one bucket of an acquire; all of them are admitted or none.
 *
 * @param key     the bucket
 * @param charges one charge per limit, at least one, distinct names
 */
public record BucketCharge(BucketKey key, List<LimitCharge> charges) {

    /** Validates and copies. */
    public BucketCharge {
        Require.nonNull("key", key);
        charges = List.copyOf(charges);
        if (charges.isEmpty()) {
            throw new IllegalArgumentException("bucket " + key + " has no charges");
        }
    }
}
