package dev.limiter.backend;

import dev.limiter.internal.Require;

import java.util.List;

/**
 * The writes that settle a lease: adjustments on commit, refunds on rollback. Backends apply them without
 * any admission check (debt is allowed), one write per bucket.
 *
 * @param leaseId  the lease being settled
 * @param nowNanos the caller's clock, in nanoseconds since the epoch
 * @param buckets  the buckets to change, at least one
 */
public record SettleRequest(LeaseId leaseId, long nowNanos, List<BucketAdjustment> buckets) {

    /** Validates and copies. */
    public SettleRequest {
        Require.nonNull("leaseId", leaseId);
        if (nowNanos <= 0) {
            throw new IllegalArgumentException("nowNanos must be positive, got " + nowNanos);
        }
        buckets = List.copyOf(buckets);
        Require.argument(!buckets.isEmpty(), "a settlement needs at least one bucket");
    }
}
