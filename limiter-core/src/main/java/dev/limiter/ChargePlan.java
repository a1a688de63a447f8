package dev.limiter;

import dev.limiter.backend.BucketCharge;
import dev.limiter.backend.BucketKey;
import dev.limiter.backend.BucketSnapshot;
import dev.limiter.backend.ChargeOutcome;
import dev.limiter.backend.ChargeRequest;
import dev.limiter.backend.LeaseId;
import dev.limiter.backend.LimitCharge;
import dev.limiter.backend.Throttle;
import dev.limiter.bucket.BucketState;
import dev.limiter.bucket.LimitState;
import dev.limiter.config.EffectiveLimit;
import dev.limiter.config.EffectiveLimits;
import dev.limiter.lease.LeaseLedger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One acquire worked out against its resolved target: which limits of which buckets it charges, how much, and how
 * a backend outcome becomes a {@link Decision}. Validation that needs the limits happens here, before any write.
 *
 * <p>Built on every acquire, so it keeps to arrays and lookups: the request-level limits are consulted per name
 * rather than merged into the stored ones, and the full set of limits a lease may adjust is only assembled when a
 * lease asks for its ledger.
 *
 * <p>Shadow limits are charged with the others but never count as violations: when only they stand in the way,
 * {@link #withoutShadowRejections} gives the plan to retry without them, keeping their statuses.
 */
final class ChargePlan {

    private static final LimitCharge[] NO_CHARGES = new LimitCharge[0];

    private final AcquireRequest request;
    private final ResolvedTarget target;
    private final LimitCharge[][] charges;
    private final int chargedBuckets;
    private final ShadowLimits shadows;
    private final LocalPlan local;
    private final ConfiguredNames configured;

    private ChargePlan(AcquireRequest request, ResolvedTarget target, LimitCharge[][] charges, int chargedBuckets,
                       ShadowLimits shadows) {
        this.request = request;
        this.target = target;
        this.charges = charges;
        this.chargedBuckets = chargedBuckets;
        this.shadows = shadows;
        this.configured = new ConfiguredNames(request, target.buckets());
        boolean ownBucketOnly = charges.length == 1 && chargedBuckets == 1 && shadows.rejections().isEmpty()
                && !ShadowLimits.anyShadow(charges[0]);
        this.local = new LocalPlan(request, target.buckets().get(0).key(), ownBucketOnly ? charges[0] : NO_CHARGES);
    }

    /**
     * Plans {@code request} against {@code target}; with {@code shadowAll} every limit is treated as a shadow limit.
     *
     * @throws IllegalArgumentException       if the request names a limit that does not apply to its entity
     * @throws AmountExceedsCapacityException if an amount is above a capacity, in any charged bucket
     */
    static ChargePlan of(AcquireRequest request, ResolvedTarget target, boolean shadowAll) {
        if (request.amounts().isEmpty()) {
            throw new IllegalArgumentException("request for entity '" + request.entity() + "' resource '"
                    + request.resource() + "' consumes nothing: call consume(limitName, amount)");
        }
        List<ResolvedTarget.Bucket> buckets = target.buckets();
        LimitCharge[][] charges = new LimitCharge[buckets.size()][];
        int chargedBuckets = 0;
        List<LimitStatus> oversized = new ArrayList<>(0);
        for (int i = 0; i < charges.length; i++) {
            ConfiguredNames.requireAtMostPerBucket(request, buckets.get(i), i == 0);
            charges[i] = chargesOf(request, buckets.get(i), i == 0, shadowAll, oversized);
            chargedBuckets += charges[i].length == 0 ? 0 : 1;
        }
        return new ChargePlan(request, target, charges, chargedBuckets, ShadowLimits.of(oversized));
    }

    /** The charges of one bucket; an amount above a shadow limit's capacity goes to {@code oversized} instead. */
    private static LimitCharge[] chargesOf(AcquireRequest request, ResolvedTarget.Bucket bucket, boolean own,
                                           boolean shadowAll, List<LimitStatus> oversized) {
        Amounts amounts = (Amounts) request.amounts();
        LimitCharge[] found = new LimitCharge[amounts.size()];
        int count = 0;
        for (int i = 0; i < amounts.size(); i++) {
            String name = amounts.name(i);
            Limit limit = limitNamed(bucket.limits(), own ? request.limits() : List.of(), name);
            Limit effective = limit != null && shadowAll ? limit.asShadow() : limit;
            if (effective != null && effective.shadow() && amounts.tokens(i) > effective.capacity()) {
                oversized.add(ShadowLimits.oversized(bucket.key(), effective, amounts.tokens(i)));
            } else if (effective != null) {
                found[count++] = charge(bucket.key(), effective, amounts.tokens(i));
            } else if (own && !bucket.limits().unlimited().containsKey(name)) {
                throw unknownLimit(request, name, bucket.limits().underlay(request.limits()));
            }
        }
        return count == found.length ? found : Arrays.copyOf(found, count);
    }

    /** The limit called {@code name}: stored first, unless stored as unlimited, then from the request; or none. */
    private static Limit limitNamed(EffectiveLimits stored, List<Limit> requestLimits, String name) {
        List<EffectiveLimit> limits = stored.limits();
        for (int i = 0; i < limits.size(); i++) {
            if (limits.get(i).limit().name().equals(name)) {
                return limits.get(i).limit();
            }
        }
        if (!requestLimits.isEmpty() && !stored.unlimited().containsKey(name)) {
            for (int i = 0; i < requestLimits.size(); i++) {
                if (requestLimits.get(i).name().equals(name)) {
                    return requestLimits.get(i);
                }
            }
        }
        return null;
    }

    /** Whether this plan has shadow limits: charged, or dropped as would-be rejections. Only asked after a denial. */
    boolean hasShadow() {
        return shadows.presentIn(charges);
    }

    /** The statuses of the shadow limits this plan dropped because they would have rejected the request. */
    List<LimitStatus> shadowRejections() {
        return shadows.rejections();
    }

    /**
     * The plan to retry with after a denial that violated no enforced limit: without the shadow charges that did not
     * fit (statuses kept); {@code this} if there are none, so that a denial for another reason is not retried.
     */
    ChargePlan withoutShadowRejections(ChargeOutcome outcome, long nowNanos) {
        return shadows.withoutRejections(charges, target.buckets(), outcome, nowNanos)
                .map(reduced -> new ChargePlan(request, target, reduced.charges(), reduced.chargedBuckets(),
                        reduced.shadows()))
                .orElse(this);
    }

    /** The request this plan was made for. */
    AcquireRequest request() {
        return request;
    }

    /**
     * Whether this plan also serves {@code other}: the same request object, or one with equal entity, resource,
     * amounts (in order) and request limits, which plans identically against the same target.
     */
    boolean serves(AcquireRequest other) {
        return request == other || (request.entity().equals(other.entity())
                && request.resource().equals(other.resource())
                && ((Amounts) request.amounts()).sameAs((Amounts) other.amounts())
                && ((RequestLimits) request.limits()).sameAs((RequestLimits) other.limits()));
    }

    /**
     * The plan as one call to a {@link dev.limiter.internal.LocalBuckets} backend; {@link LocalPlan#isEmpty() empty}
     * unless the plan charges exactly one bucket, the entity's own (no cascade).
     */
    LocalPlan local() {
        return local;
    }

    /** Whether no limit of any bucket is charged (everything the request names is unlimited). */
    boolean chargesNothing() {
        return chargedBuckets == 0;
    }

    /** The backend request, covering the buckets that have charges. */
    ChargeRequest toRequest(LeaseId leaseId, long nowNanos) {
        if (charges.length == 1) {
            return new ChargeRequest(leaseId, nowNanos, List.of(bucketCharge(0)));
        }
        List<BucketCharge> charged = new ArrayList<>(chargedBuckets);
        for (int i = 0; i < charges.length; i++) {
            if (charges[i].length > 0) {
                charged.add(bucketCharge(i));
            }
        }
        return new ChargeRequest(leaseId, nowNanos, charged);
    }

    /** The buckets that have charges, in plan order. */
    List<BucketKey> chargedKeys() {
        List<BucketKey> keys = new ArrayList<>(chargedBuckets);
        toRequest(LeaseId.random(), 1).buckets().forEach(bucket -> keys.add(bucket.key()));
        return keys;
    }

    private BucketCharge bucketCharge(int i) {
        ResolvedTarget.Bucket bucket = target.buckets().get(i);
        return new BucketCharge(bucket.key(), List.of(charges[i]), configured.of(i));
    }

    /** Tokens charged per limit name on the entity's own bucket. */
    Map<String, Long> ownCharges() {
        return chargedOn(0);
    }

    /** Tokens charged per limit name on bucket {@code i}. */
    private Map<String, Long> chargedOn(int i) {
        Map<String, Long> amounts = new LinkedHashMap<>();
        for (LimitCharge charge : charges[i]) {
            amounts.put(charge.limit().name(), charge.tokens());
        }
        return amounts;
    }

    /** The ledger of a lease granted under this plan ({@code charged}) or granted without charging anything. */
    LeaseLedger ledger(boolean charged) {
        List<LeaseLedger.Opening> openings = new ArrayList<>(charges.length);
        for (int i = 0; i < charges.length; i++) {
            ResolvedTarget.Bucket bucket = target.buckets().get(i);
            // Request limits apply to the entity's own bucket only.
            EffectiveLimits effective = i == 0 ? bucket.limits().underlay(request.limits()) : bucket.limits();
            List<Limit> limits = new ArrayList<>(effective.limits().size());
            effective.limits().forEach(limit -> limits.add(limit.limit()));
            openings.add(new LeaseLedger.Opening(bucket.key(), limits, charged ? chargedOn(i) : Map.of()));
        }
        return new LeaseLedger(openings);
    }

    /** The statuses after a granted charge. */
    List<LimitStatus> grantedStatuses(ChargeOutcome outcome, long nowNanos) {
        List<LimitStatus> statuses = new ArrayList<>();
        forEachCharge(outcome, nowNanos, (key, charge, state) ->
                statuses.add(status(key, charge, state.availableTokens(nowNanos), 0)));
        statuses.addAll(shadows.rejections());
        return statuses;
    }

    /**
     * The rejection a denied charge amounts to, with the exact retry-after of the enforced limits; shadow limits are
     * among the statuses but never among the violations. A charge the backend throttled is rejected by the throttles
     * alone: they are its violations, and the limits' statuses come from the last known state.
     */
    Decision.Rejected rejection(ChargeOutcome outcome, long nowNanos) {
        List<LimitStatus> statuses = new ArrayList<>();
        List<LimitStatus> violations = new ArrayList<>();
        boolean throttled = !outcome.throttles().isEmpty();
        long[] longest = {0};
        forEachCharge(outcome, nowNanos, (key, charge, state) -> {
            long wait = state.retryAfterNanos(charge.tokens(), nowNanos);
            LimitStatus status = status(key, charge, state.availableTokens(nowNanos), wait);
            statuses.add(status);
            if (wait > 0 && !throttled && !charge.limit().shadow()) {
                violations.add(status);
                longest[0] = Math.max(longest[0], wait);
            }
        });
        statuses.addAll(shadows.rejections());
        for (Throttle throttle : outcome.throttles()) {
            LimitStatus status = new LimitStatus(throttle.key().entity(), throttle.key().resource(), throttle.limit(),
                    0, 1, throttle.retryAfter());
            statuses.add(status);
            violations.add(status);
            longest[0] = Math.max(longest[0], throttle.retryAfter().toNanos());
        }
        return new Decision.Rejected(request.entity(), request.resource(), Duration.ofNanos(longest[0]), violations,
                statuses);
    }

    /** Receives each charge with the state of its limit in the outcome. */
    private interface ChargeVisitor {
        void visit(BucketKey key, LimitCharge charge, LimitState state);
    }

    private void forEachCharge(ChargeOutcome outcome, long nowNanos, ChargeVisitor visitor) {
        for (int i = 0; i < charges.length; i++) {
            BucketKey key = target.buckets().get(i).key();
            BucketState state = stateOf(outcome, key);
            for (LimitCharge charge : charges[i]) {
                visitor.visit(key, charge, reconciled(state, charge, nowNanos));
            }
        }
    }

    static LimitState reconciled(BucketState state, LimitCharge charge, long nowNanos) {
        LimitState limit = state.find(charge.limit().name()).orElseGet(() -> LimitState.fresh(charge.limit()));
        return limit.reconcile(charge.limit(), nowNanos);
    }

    static BucketState stateOf(ChargeOutcome outcome, BucketKey key) {
        for (BucketSnapshot snapshot : outcome.buckets()) {
            if (snapshot.key().equals(key)) {
                return snapshot.state();
            }
        }
        return BucketState.EMPTY;
    }

    static LimitStatus status(BucketKey key, LimitCharge charge, long available, long waitNanos) {
        return new LimitStatus(key.entity(), key.resource(), charge.limit(), available, charge.tokens(),
                Duration.ofNanos(waitNanos));
    }

    private static LimitCharge charge(BucketKey key, Limit limit, long amount) {
        if (amount > limit.capacity()) {
            throw new AmountExceedsCapacityException(key.entity(), key.resource(), limit, amount);
        }
        return new LimitCharge(limit, amount);
    }

    private static IllegalArgumentException unknownLimit(AcquireRequest request, String name, EffectiveLimits limits) {
        List<String> known = new ArrayList<>();
        limits.limits().forEach(limit -> known.add(limit.limit().name()));
        known.addAll(limits.unlimited().keySet());
        return new IllegalArgumentException("no limit called '" + name + "' applies to entity '" + request.entity()
                + "' resource '" + request.resource() + "' (known: " + (known.isEmpty() ? "none" : known)
                + "): configure it for this entity or resource, or pass it with the request's limits");
    }
}
