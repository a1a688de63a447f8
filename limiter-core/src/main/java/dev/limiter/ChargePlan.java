package dev.limiter;

import dev.limiter.backend.BucketCharge;
import dev.limiter.backend.BucketKey;
import dev.limiter.backend.BucketSnapshot;
import dev.limiter.backend.ChargeOutcome;
import dev.limiter.backend.ChargeRequest;
import dev.limiter.backend.LimitCharge;
import dev.limiter.bucket.BucketState;
import dev.limiter.bucket.LimitState;
import dev.limiter.config.EffectiveLimit;
import dev.limiter.config.EffectiveLimits;
import dev.limiter.lease.LeaseLedger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One acquire worked out against its resolved target: which limits of which buckets it charges, how much, and how
 * a backend outcome becomes a {@link Decision}. Validation that needs the limits happens here, before any write.
 */
final class ChargePlan {

    /** A bucket of the plan: all limits that apply to it and the charges the request makes against them. */
    private record Planned(BucketKey key, EffectiveLimits limits, List<LimitCharge> charges) {
    }

    private final AcquireRequest request;
    private final List<Planned> buckets;

    private ChargePlan(AcquireRequest request, List<Planned> buckets) {
        this.request = request;
        this.buckets = buckets;
    }

    /**
     * Plans {@code request} against {@code target}.
     *
     * @throws IllegalArgumentException       if the request names a limit that does not apply to its entity
     * @throws AmountExceedsCapacityException if an amount is above a capacity, in any charged bucket
     */
    static ChargePlan of(AcquireRequest request, ResolvedTarget target) {
        if (request.amounts().isEmpty()) {
            throw new IllegalArgumentException("request for entity '" + request.entity() + "' resource '"
                    + request.resource() + "' consumes nothing: call consume(limitName, amount)");
        }
        List<Planned> planned = new ArrayList<>(target.buckets().size());
        for (ResolvedTarget.Bucket bucket : target.buckets()) {
            boolean own = planned.isEmpty();
            EffectiveLimits limits = own ? bucket.limits().underlay(request.limits()) : bucket.limits();
            List<LimitCharge> charges = new ArrayList<>(request.amounts().size());
            for (Map.Entry<String, Long> amount : request.amounts().entrySet()) {
                EffectiveLimit limit = limits.find(amount.getKey()).orElse(null);
                if (limit != null) {
                    charges.add(charge(bucket.key(), limit, amount.getValue()));
                } else if (own && !limits.unlimited().containsKey(amount.getKey())) {
                    throw unknownLimit(request, amount.getKey(), limits);
                }
            }
            planned.add(new Planned(bucket.key(), limits, charges));
        }
        return new ChargePlan(request, planned);
    }

    /** Whether no limit of any bucket is charged (everything the request names is unlimited). */
    boolean chargesNothing() {
        return buckets.stream().allMatch(bucket -> bucket.charges().isEmpty());
    }

    /** The backend request, covering the buckets that have charges. */
    ChargeRequest toRequest(String leaseId, long nowNanos) {
        List<BucketCharge> charged = new ArrayList<>(buckets.size());
        for (Planned bucket : buckets) {
            if (!bucket.charges().isEmpty()) {
                charged.add(new BucketCharge(bucket.key(), bucket.charges()));
            }
        }
        return new ChargeRequest(leaseId, nowNanos, charged);
    }

    /** The ledger of a lease granted under this plan ({@code charged}) or granted without charging anything. */
    LeaseLedger ledger(boolean charged) {
        List<LeaseLedger.Opening> openings = new ArrayList<>(buckets.size());
        for (Planned bucket : buckets) {
            List<Limit> limits = new ArrayList<>(bucket.limits().limits().size());
            bucket.limits().limits().forEach(limit -> limits.add(limit.limit()));
            Map<String, Long> amounts = new LinkedHashMap<>();
            if (charged) {
                bucket.charges().forEach(charge -> amounts.put(charge.limit().name(), charge.tokens()));
            }
            openings.add(new LeaseLedger.Opening(bucket.key(), limits, amounts));
        }
        return new LeaseLedger(openings);
    }

    /** The statuses after a granted charge. */
    List<LimitStatus> grantedStatuses(ChargeOutcome outcome, long nowNanos) {
        List<LimitStatus> statuses = new ArrayList<>();
        forEachCharge(outcome, nowNanos, (key, charge, state) -> statuses.add(status(key, charge, state.availableTokens(nowNanos), 0)));
        return statuses;
    }

    /** The rejection a denied charge amounts to, with the exact retry-after. */
    Decision.Rejected rejection(ChargeOutcome outcome, long nowNanos) {
        List<LimitStatus> statuses = new ArrayList<>();
        List<LimitStatus> violations = new ArrayList<>();
        forEachCharge(outcome, nowNanos, (key, charge, state) -> {
            long wait = state.retryAfterNanos(charge.tokens(), nowNanos);
            LimitStatus status = status(key, charge, state.availableTokens(nowNanos), wait);
            statuses.add(status);
            if (wait > 0) {
                violations.add(status);
            }
        });
        Duration retryAfter = violations.stream().map(LimitStatus::retryAfter).max(Duration::compareTo)
                .orElse(Duration.ZERO);
        return new Decision.Rejected(request.entity(), request.resource(), retryAfter, violations, statuses);
    }

    /** Receives each charge with the state of its limit in the outcome. */
    private interface ChargeVisitor {
        void visit(BucketKey key, LimitCharge charge, LimitState state);
    }

    private void forEachCharge(ChargeOutcome outcome, long nowNanos, ChargeVisitor visitor) {
        for (Planned bucket : buckets) {
            BucketState state = stateOf(outcome, bucket.key());
            for (LimitCharge charge : bucket.charges()) {
                LimitState limit = state.find(charge.limit().name()).orElseGet(() -> LimitState.fresh(charge.limit()));
                visitor.visit(bucket.key(), charge, limit.reconcile(charge.limit(), nowNanos));
            }
        }
    }

    private static BucketState stateOf(ChargeOutcome outcome, BucketKey key) {
        for (BucketSnapshot snapshot : outcome.buckets()) {
            if (snapshot.key().equals(key)) {
                return snapshot.state();
            }
        }
        return BucketState.EMPTY;
    }

    private static LimitStatus status(BucketKey key, LimitCharge charge, long available, long waitNanos) {
        return new LimitStatus(key.entity(), key.resource(), charge.limit(), available, charge.tokens(),
                Duration.ofNanos(waitNanos));
    }

    private static LimitCharge charge(BucketKey key, EffectiveLimit limit, long amount) {
        if (amount > limit.limit().capacity()) {
            throw new AmountExceedsCapacityException(key.entity(), key.resource(), limit.limit(), amount);
        }
        return new LimitCharge(limit.limit(), amount);
    }

    private static IllegalArgumentException unknownLimit(AcquireRequest request, String name, EffectiveLimits limits) {
        List<String> known = new ArrayList<>();
        limits.limits().forEach(limit -> known.add(limit.limit().name()));
        known.addAll(limits.unlimited().keySet());
        return new IllegalArgumentException("no limit called '" + name + "' applies to entity '" + request.entity()
                + "' resource '" + request.resource() + "' (known: " + (known.isEmpty() ? "none" : known)
                + "): configure it or pass it with AcquireRequest.withLimits");
    }
}
