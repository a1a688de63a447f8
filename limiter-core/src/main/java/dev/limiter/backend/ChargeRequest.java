package dev.limiter.backend;

import dev.limiter.internal.Require;

import java.util.List;

/**
 * An all-or-nothing acquire across one or more buckets (one per charged entity of a cascade).
 *
 * @param leaseId  the lease being opened; backends may use it as an idempotency token
 * @param nowNanos the caller's clock, in nanoseconds since the epoch
 * @param buckets  the buckets to charge, distinct keys, at least one
 */
public record ChargeRequest(LeaseId leaseId, long nowNanos, List<BucketCharge> buckets) {

    /** Validates and copies. */
    public ChargeRequest {
        Require.nonNull("leaseId", leaseId);
        if (nowNanos <= 0) {
            throw new IllegalArgumentException("nowNanos must be positive, got " + nowNanos);
        }
        buckets = List.copyOf(buckets);
        Require.argument(!buckets.isEmpty(), "a charge needs at least one bucket");
    }
}
