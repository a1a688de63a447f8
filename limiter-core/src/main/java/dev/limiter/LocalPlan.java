package dev.limiter;

import dev.limiter.backend.BucketKey;
import dev.limiter.backend.BucketSnapshot;
import dev.limiter.backend.ChargeOutcome;
import dev.limiter.backend.LimitCharge;
import dev.limiter.bucket.BucketState;
import dev.limiter.bucket.LimitState;
import dev.limiter.internal.Arithmetic;
import dev.limiter.internal.LocalBuckets;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The charges of a {@link ChargePlan} on one bucket, laid out as the primitive arrays that
 * {@link LocalBuckets.Bucket#chargeNow} takes, with each charge's cost and slack worked out once per plan rather than once
 * per acquire; and the decisions a local charge's TATs amount to.
 *
 * <p>Thread-safe: immutable but for the bucket handle it takes on first use; the arrays are never handed out except
 * to the backend during a call.
 */
final class LocalPlan {

    private final AcquireRequest request;
    private final BucketKey key;
    private final LimitCharge[] charges;
    private final Limit[] limits;
    private final long[] tokens;
    private final long[] costs;
    private final long[] slacks;
    /** The bucket's handle once charged; a benign race may take two, which behave alike. */
    private volatile LocalBuckets.Bucket handle;

    LocalPlan(AcquireRequest request, BucketKey key, LimitCharge[] charges) {
        this.request = request;
        this.key = key;
        this.charges = charges.clone();
        this.limits = new Limit[charges.length];
        this.tokens = new long[charges.length];
        this.costs = new long[charges.length];
        this.slacks = new long[charges.length];
        for (int i = 0; i < charges.length; i++) {
            limits[i] = charges[i].limit();
            tokens[i] = charges[i].tokens();
            costs[i] = charges[i].costNanos();
            slacks[i] = limits[i].slackNanos(tokens[i]);
        }
    }

    /** Whether there is nothing to charge locally: the plan charges no bucket, or more than one. */
    boolean isEmpty() {
        return charges.length == 0;
    }

    /** An array for the TATs of one local charge. */
    long[] newTats() {
        return new long[charges.length];
    }

    /** Charges {@code buckets} at {@code nowNanos}, filling {@code tatsOut}; whether it was granted. */
    boolean charge(LocalBuckets buckets, long nowNanos, long[] tatsOut) {
        return handle(buckets).chargeNow(limits, tokens, costs, slacks, nowNanos, tatsOut);
    }

    /** The bucket's handle, taken on first use and kept: a plan serves one limiter, hence one backend. */
    private LocalBuckets.Bucket handle(LocalBuckets buckets) {
        LocalBuckets.Bucket current = handle;
        if (current == null) {
            current = buckets.bucket(key);
            handle = current;
        }
        return current;
    }

    /** The index of the charge of the limit called {@code name}, or -1 if the plan does not charge it. */
    int indexOf(String name) {
        for (int i = 0; i < limits.length; i++) {
            if (limits[i].name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** The name of the limit of charge {@code i}. */
    String name(int i) {
        return limits[i].name();
    }

    /** Net tokens charged per limit name once {@code pending} deltas (one per charge) are settled. */
    Map<String, Long> settledCharges(long[] pending) {
        Map<String, Long> charged = new LinkedHashMap<>();
        for (int i = 0; i < limits.length; i++) {
            charged.put(limits[i].name(), settledNet(i, pending[i]));
        }
        return Collections.unmodifiableMap(charged);
    }

    /**
     * Settles {@code pending} deltas (one per charge) on {@code buckets}: each charge's net moves from what was
     * charged to {@code max(0, charged + delta)} at the difference of their costs, as {@code LeaseLedger} computes
     * it, so refunds never exceed the charge; nothing is written when nothing changes. Returns whether it wrote.
     */
    boolean settle(LocalBuckets buckets, long[] pending, long nowNanos) {
        long[] changes = new long[limits.length];
        long[] changeCosts = new long[limits.length];
        boolean changed = false;
        for (int i = 0; i < limits.length; i++) {
            long net = settledNet(i, pending[i]);
            changes[i] = net - tokens[i];
            changeCosts[i] = Math.abs(limits[i].costNanos(net) - costs[i]);
            changed |= changes[i] != 0;
        }
        if (changed) {
            handle(buckets).settleNow(limits, changes, changeCosts, nowNanos);
        }
        return changed;
    }

    private long settledNet(int i, long delta) {
        return Math.max(0, Arithmetic.saturatedAdd(tokens[i], delta));
    }

    /** The statuses after a granted charge that left the TATs {@code tats}. */
    List<LimitStatus> grantedStatuses(long[] tats, long nowNanos) {
        List<LimitStatus> statuses = new ArrayList<>(tats.length);
        for (int i = 0; i < tats.length; i++) {
            statuses.add(status(i, available(i, tats[i], nowNanos), 0));
        }
        return statuses;
    }

    /** The rejection of a charge judged against the TATs {@code tats}, with the exact retry-after. */
    Decision.Rejected rejection(long[] tats, long nowNanos) {
        // Arrays wrapped once in immutable lists, which Decision.Rejected then keeps without copying them again.
        LimitStatus[] statuses = new LimitStatus[tats.length];
        LimitStatus[] violations = new LimitStatus[tats.length];
        int violated = 0;
        long longest = 0;
        for (int i = 0; i < tats.length; i++) {
            // The retry-after of LimitState#retryAfterNanos, with the slack worked out once per plan.
            long wait = Math.max(Math.max(tats[i] - nowNanos, 0) - slacks[i], 0);
            statuses[i] = status(i, available(i, tats[i], nowNanos), wait);
            if (wait > 0) {
                violations[violated++] = statuses[i];
                longest = Math.max(longest, wait);
            }
        }
        List<LimitStatus> violationList = violated == 1 ? List.of(violations[0])
                : List.of(Arrays.copyOf(violations, violated));
        return new Decision.Rejected(request.entity(), request.resource(), Duration.ofNanos(longest), violationList,
                List.of(statuses));
    }

    /** A granted charge that left the TATs {@code tats}, as the outcome the backend SPI would have returned. */
    ChargeOutcome outcomeOf(long[] tats) {
        List<LimitState> states = new ArrayList<>(tats.length);
        for (int i = 0; i < tats.length; i++) {
            states.add(new LimitState(limits[i], tats[i], 0));
        }
        return new ChargeOutcome(true, List.of(new BucketSnapshot(key, new BucketState(states))));
    }

    private long available(int i, long tatNanos, long nowNanos) {
        return new LimitState(limits[i], tatNanos, 0).availableTokens(nowNanos);
    }

    private LimitStatus status(int i, long available, long waitNanos) {
        return new LimitStatus(key.entity(), key.resource(), limits[i], available, tokens[i],
                Duration.ofNanos(waitNanos));
    }
}
