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
 * <p>A class rather than a record because it also remembers the last {@link ChargePlan} made against it: a plan
 * depends only on the request's content and the target, and applications acquire with equal requests again and
 * again (a constant request, one built per call from the same constants, a waiter's retries), so an acquire plans
 * once per distinct request and target instead of every time. The target is cached with a TTL, so a configuration
 * change drops its plans with it.
 *
 * <p>Thread-safe: the buckets are immutable and the remembered plan is an immutable value behind a volatile field;
 * threads that acquire with different requests on one target merely replace each other's plan.
 */
final class ResolvedTarget {

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

    private final List<Bucket> buckets;
    private volatile ChargePlan lastPlan;

    /** A target of {@code buckets}, at least one. */
    ResolvedTarget(List<Bucket> buckets) {
        this.buckets = List.copyOf(buckets);
    }

    /** The buckets, the entity's own first. */
    List<Bucket> buckets() {
        return buckets;
    }

    /**
     * The plan of {@code request} against this target: the remembered one if it serves an equal request (see
     * {@link ChargePlan#serves}), else a new one, which is then remembered.
     *
     * @throws IllegalArgumentException       if the request names a limit that does not apply to its entity
     * @throws AmountExceedsCapacityException if an amount is above a capacity
     */
    ChargePlan plan(AcquireRequest request, boolean shadowAll) {
        ChargePlan plan = lastPlan;
        if (plan != null && plan.serves(request)) {
            return plan;
        }
        plan = ChargePlan.of(request, this, shadowAll);
        lastPlan = plan;
        return plan;
    }
}
