package dev.limiter.backend;

import java.util.List;

/**
 * What a backend did with a {@link ChargeRequest}.
 *
 * @param granted whether every charge was admitted and written
 * @param buckets one snapshot per charged bucket, in request order: the state after the write when granted; the
 *                state the decision was based on (reconciled to the requested limits) when not
 */
public record ChargeOutcome(boolean granted, List<BucketSnapshot> buckets) {

    /** Copies the list. */
    public ChargeOutcome {
        buckets = List.copyOf(buckets);
    }
}
