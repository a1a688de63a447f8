package dev.limiter;

import dev.limiter.backend.BucketKey;
import dev.limiter.config.EffectiveLimits;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

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
     * @param names  the names of {@code limits}, computed once per resolution rather than per acquire
     */
    record Bucket(BucketKey key, EffectiveLimits limits, Set<String> names) {

        Bucket {
            names = Set.copyOf(names);
        }

        Bucket(BucketKey key, EffectiveLimits limits) {
            this(key, limits, namesOf(limits));
        }

        private static Set<String> namesOf(EffectiveLimits limits) {
            Set<String> names = new HashSet<>();
            limits.limits().forEach(limit -> names.add(limit.limit().name()));
            return names;
        }
    }

    ResolvedTarget {
        buckets = List.copyOf(buckets);
    }
}
