package dev.limiter;

import dev.limiter.backend.BucketKey;
import dev.limiter.config.EffectiveLimits;

import java.util.List;

/**
 * The buckets an acquire for one (entity, resource) touches, with their stored limits resolved: the entity's own
 * bucket first, then one per ancestor reached through cascade.
 *
 * @param buckets at least one
 */
record ResolvedTarget(List<Bucket> buckets) {

    /**
     * One bucket of the target.
     *
     * @param key    the bucket
     * @param limits limits resolved from the stored levels (request limits are not included)
     */
    record Bucket(BucketKey key, EffectiveLimits limits) {
    }

    ResolvedTarget {
        buckets = List.copyOf(buckets);
    }
}
