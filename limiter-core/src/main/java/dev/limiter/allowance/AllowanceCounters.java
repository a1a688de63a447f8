package dev.limiter.allowance;

import dev.limiter.backend.BucketKey;
import dev.limiter.internal.Require;

/**
 * The ledger of one limit of one bucket in one process's local tier, in tokens, since the limiter was built. It
 * always reconciles: {@code reserved - returned = grantedLocally + returnsFailed + held}, and what the tier took from
 * the shared bucket for this limit is {@code reserved - returned} (exact charges that bypassed the tier not included).
 *
 * @param key            the bucket
 * @param limitName      the limit
 * @param reserved       tokens charged to the shared bucket by reservations
 * @param grantedLocally tokens granted from those reservations, net of refunds that went back into the allowance or
 *                       to the shared bucket, plus top-ups taken from the allowance
 * @param returned       reserved tokens refunded to the shared bucket unused (expired, changed, closed), plus refunds
 *                       of local grants that could not go back into their allowance
 * @param returnsFailed  tokens whose refund failed or went unanswered; they count as still charged to the shared
 *                       bucket (admission lost, never gained), though an unanswered refund may have landed
 * @param held           tokens reserved and not yet granted or returned
 */
public record AllowanceCounters(BucketKey key, String limitName, long reserved, long grantedLocally, long returned,
                                long returnsFailed, long held) {

    /** Validates the components. */
    public AllowanceCounters {
        Require.nonNull("key", key);
        Require.nonNull("limitName", limitName);
    }
}
