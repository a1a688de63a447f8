package dev.limiter.backend;

import dev.limiter.internal.Require;

import java.util.List;

/**
 * An all-or-nothing acquire across one or more buckets (one per charged entity of a cascade).
 *
 * @param leaseId  unique id of the lease being opened; backends use it as an idempotency token
 * @param nowNanos the caller's clock, in nanoseconds since the epoch
 * @param buckets  the buckets to charge, distinct keys, at least one
 */
public record ChargeRequest(String leaseId, long nowNanos, List<BucketCharge> buckets) {

    /** Validates and copies. */
    public ChargeRequest {
        Require.nonNull("leaseId", leaseId);
        Require.argument(nowNanos > 0, "nowNanos must be positive, got " + nowNanos);
        buckets = List.copyOf(buckets);
        Require.argument(!buckets.isEmpty(), "a charge needs at least one bucket");
    }
}
