package dev.limiter.backend;

import dev.limiter.bucket.BucketState;
import dev.limiter.internal.Require;

/**
 * The state of one bucket as a backend saw or left it.
 *
 * @param key   the bucket
 * @param state its limits; {@link BucketState#EMPTY} when nothing is stored
 */
public record BucketSnapshot(BucketKey key, BucketState state) {

    /** Validates the components. */
    public BucketSnapshot {
        Require.nonNull("key", key);
        Require.nonNull("state", state);
    }
}
