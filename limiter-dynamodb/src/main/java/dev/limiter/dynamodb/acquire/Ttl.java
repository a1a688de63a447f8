package dev.limiter.dynamodb.acquire;

import dev.limiter.backend.BucketCharge;
import dev.limiter.backend.LimitCharge;
import dev.limiter.bucket.BucketState;
import dev.limiter.bucket.LimitState;

import java.time.Duration;
import java.util.Optional;

/**
 * Expiry of bucket items. DynamoDB TTL only collects garbage: it deletes "within a few days" after the expiry, so it
 * must never decide admission. A bucket expires a day after it would be full again at the latest known rate, so
 * deleting it changes nothing but the consumption counter.
 */
final class Ttl {

    /** Slack after the bucket is full again. */
    static final Duration GRACE = Duration.ofDays(1);

    private Ttl() {
    }

    /** The expiry, in epoch seconds, to write with a charge of {@code bucket} at {@code nowNanos}. */
    static long epochSeconds(BucketCharge bucket, Optional<BucketState> cached, long nowNanos) {
        long longest = 0;
        for (LimitCharge charge : bucket.charges()) {
            longest = Math.max(longest, charge.limit().toleranceNanos());
        }
        if (cached.isPresent()) {
            for (LimitState state : cached.get().limits()) {
                longest = Math.max(longest, Math.max(state.limit().toleranceNanos(), state.backlogNanos(nowNanos)));
            }
        }
        return afterNanos(nowNanos, longest);
    }

    /** The expiry {@code nanos} plus the grace after {@code nowNanos}, in epoch seconds rounded up. */
    static long afterNanos(long nowNanos, long nanos) {
        long expiry = nowNanos + Math.min(nanos, LimitState.MAX_BACKLOG_NANOS) + GRACE.toNanos();
        return Math.floorDiv(expiry, 1_000_000_000L) + 1;
    }
}
