package dev.limiter.backend;

import dev.limiter.internal.Require;

import java.util.List;

/**
 * What a backend did with a {@link ChargeRequest}.
 *
 * @param granted   whether every charge was admitted and written
 * @param buckets   one snapshot per charged bucket, in request order: the state after the write when granted; the
 *                  state the decision was based on (reconciled to the requested limits) when not
 * @param throttles the buckets whose storage was over the backend's own rate, for a denial caused by throttling
 *                  (then nothing was written); empty otherwise
 */
public record ChargeOutcome(boolean granted, List<BucketSnapshot> buckets, List<Throttle> throttles) {

    /** Copies the lists; a granted outcome has no throttles. */
    public ChargeOutcome {
        buckets = List.copyOf(buckets);
        throttles = List.copyOf(throttles);
        Require.argument(!granted || throttles.isEmpty(), "a granted charge cannot be throttled");
    }

    /** An outcome decided by the limits alone, without throttling. */
    public ChargeOutcome(boolean granted, List<BucketSnapshot> buckets) {
        this(granted, buckets, List.of());
    }

    /** A denial because the backend throttled {@code throttles}; {@code buckets} as last known. */
    public static ChargeOutcome throttled(List<BucketSnapshot> buckets, List<Throttle> throttles) {
        Require.argument(!throttles.isEmpty(), "a throttled outcome needs at least one throttle");
        return new ChargeOutcome(false, buckets, throttles);
    }
}
