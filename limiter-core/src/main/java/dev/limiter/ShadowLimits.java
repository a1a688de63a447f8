package dev.limiter;

import dev.limiter.backend.BucketKey;
import dev.limiter.backend.ChargeOutcome;
import dev.limiter.backend.LimitCharge;
import dev.limiter.bucket.BucketState;
import dev.limiter.bucket.LimitState;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The shadow limits of one {@link ChargePlan}: whether it has any, the would-be rejections it dropped while
 * planning, and which shadow charges to drop after a denial so that the plan can be retried without them.
 *
 * <p>Immutable; a plan without shadow rejections shares {@link #NONE}.
 */
final class ShadowLimits {

    /** No shadow rejections. */
    static final ShadowLimits NONE = new ShadowLimits(List.of());

    /** The retry-after of a shadow limit asked for more than its capacity: about 292 years, i.e. never. */
    static final Duration NEVER = Duration.ofNanos(Long.MAX_VALUE);

    private final List<LimitStatus> rejections;

    private ShadowLimits(List<LimitStatus> rejections) {
        this.rejections = rejections;
    }

    /** The shadow limits that dropped {@code rejections}, kept in order; {@link #NONE} if there are none. */
    static ShadowLimits of(List<LimitStatus> rejections) {
        return rejections.isEmpty() ? NONE : new ShadowLimits(List.copyOf(rejections));
    }

    /**
     * The would-be rejection of {@code tokens} on a shadow limit whose capacity is below them: retry-after
     * {@link #NEVER}, the bucket unread (available shown as the capacity).
     */
    static LimitStatus oversized(BucketKey key, Limit limit, long tokens) {
        return new LimitStatus(key.entity(), key.resource(), limit, limit.capacity(), tokens, NEVER);
    }

    /** The statuses of the shadow limits dropped because they would have rejected the request. */
    List<LimitStatus> rejections() {
        return rejections;
    }

    /** Whether there are shadow limits: among {@code charges}, or dropped as would-be rejections. */
    boolean presentIn(LimitCharge[][] charges) {
        for (LimitCharge[] bucket : charges) {
            if (anyShadow(bucket)) {
                return true;
            }
        }
        return !rejections.isEmpty();
    }

    /** Whether any of the charges of one bucket is for a shadow limit. */
    static boolean anyShadow(LimitCharge[] bucket) {
        for (LimitCharge charge : bucket) {
            if (charge.limit().shadow()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The charges to retry with after {@code outcome} denied {@code charges} (those of bucket {@code i} on
     * {@code buckets.get(i)}): without the shadow charges that did not fit, whose statuses join the rejections;
     * empty if there are no such charges.
     */
    Optional<Reduced> withoutRejections(LimitCharge[][] charges, List<ResolvedTarget.Bucket> buckets,
                                        ChargeOutcome outcome,
                                        long nowNanos) {
        List<LimitStatus> dropped = new ArrayList<>(rejections);
        LimitCharge[][] kept = new LimitCharge[charges.length][];
        int keptBuckets = 0;
        for (int i = 0; i < charges.length; i++) {
            BucketKey key = buckets.get(i).key();
            BucketState state = ChargePlan.stateOf(outcome, key);
            List<LimitCharge> stays = new ArrayList<>(charges[i].length);
            for (LimitCharge charge : charges[i]) {
                LimitState limit = ChargePlan.reconciled(state, charge, nowNanos);
                long wait = limit.retryAfterNanos(charge.tokens(), nowNanos);
                if (charge.limit().shadow() && wait > 0) {
                    dropped.add(ChargePlan.status(key, charge, limit.availableTokens(nowNanos), wait));
                } else {
                    stays.add(charge);
                }
            }
            kept[i] = stays.toArray(LimitCharge[]::new);
            keptBuckets += kept[i].length == 0 ? 0 : 1;
        }
        return dropped.size() == rejections.size() ? Optional.empty()
                : Optional.of(new Reduced(kept, keptBuckets, new ShadowLimits(List.copyOf(dropped))));
    }

    /**
     * The charges left after dropping shadow rejections.
     *
     * @param charges        the charges per bucket, in plan order
     * @param chargedBuckets how many buckets still have charges
     * @param shadows        the shadow limits, with the newly dropped rejections
     */
    record Reduced(LimitCharge[][] charges, int chargedBuckets, ShadowLimits shadows) {
    }
}
