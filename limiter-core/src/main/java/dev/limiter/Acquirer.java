package dev.limiter;

import dev.limiter.allowance.AllowanceTier;
import dev.limiter.allowance.TierCharge;
import dev.limiter.backend.BucketKey;
import dev.limiter.backend.ChargeOutcome;
import dev.limiter.backend.LeaseId;
import dev.limiter.internal.Futures;
import dev.limiter.internal.LocalBuckets;
import dev.limiter.internal.TtlCache.Timed;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * One acquire attempt: resolve the target, plan the charge, write it, and turn the outcome into a {@link Decision},
 * applying the {@link OnUnavailable} policy to backend failures. Shared by every view of a limiter.
 *
 * <p>Two paths. On a backend whose buckets live in this process ({@link LocalBuckets}: the in-memory backend), an
 * acquire whose target is cached and charges one bucket runs the <em>local path</em>: one clock read, the plan
 * remembered by the target, one synchronous {@link LocalBuckets.Bucket#chargeNow} and a {@link LocalLease}, without the
 * SPI's request and outcome values or any future. Everything else takes the <em>general path</em> through the
 * asynchronous SPI; when its futures are already complete (a warm cache, the in-memory backend) it runs straight
 * through without chaining stages. Both end in {@link #decided}, so they report alike.
 */
final class Acquirer {

    private final LimiterContext context;
    private final TargetResolver resolver;
    private final boolean local;
    private final LocalBuckets buckets;
    /** The local tier when the builder turned it on: charges go through it to learn which were served locally. */
    private final AllowanceTier tier;

    Acquirer(LimiterContext context, TargetResolver resolver) {
        this.context = context;
        this.resolver = resolver;
        this.tier = context.backend() instanceof AllowanceTier allowances ? allowances : null;
        this.local = context.backend() instanceof LocalBuckets;
        this.buckets = local ? (LocalBuckets) context.backend() : NotLocal.INSTANCE;
    }

    /**
     * Attempts {@code request} once under the {@code explicit} policy, or else the namespace's declared one; never
     * throws, failures complete the future.
     */
    CompletableFuture<Decision> attempt(AcquireRequest request, Optional<OnUnavailable> explicit) {
        if (local) {
            try {
                return CompletableFuture.completedFuture(attemptNow(request, explicit));
            } catch (RuntimeException failure) {
                return CompletableFuture.failedFuture(failure);
            }
        }
        return attemptGenerally(request, explicit);
    }

    /**
     * {@link #attempt} for the synchronous API: the local path when it applies, else the general path joined.
     * Throws what the future would have failed with.
     */
    Decision attemptNow(AcquireRequest request, Optional<OnUnavailable> explicit) {
        if (!local) {
            return Futures.join(attemptGenerally(request, explicit));
        }
        long now = context.nowNanos();
        CompletableFuture<Timed<ResolvedTarget>> resolved = resolver.resolve(request.entity(), request.resource(), now);
        if (!isDone(resolved)) {
            return Futures.join(attemptGenerally(request, explicit));
        }
        ChargePlan plan = plan(request, resolved.join().value());
        LocalPlan charge = plan.local();
        if (charge.isEmpty()) {
            return Futures.join(attemptGenerally(request, explicit));
        }
        long[] tats = charge.newTats();
        boolean granted = charge.charge(buckets, now, tats);
        if (context.listening()) {
            context.listener().onBackendCall("charge", context.since(now), false);
        }
        Decision decision = granted
                ? new Decision.Granted(new LocalLease(context, policy(explicit), plan, LeaseId.random(), tats, now))
                : charge.rejection(tats, now);
        return decided(request, explicit, now, decision, null);
    }

    private CompletableFuture<Decision> attemptGenerally(AcquireRequest request, Optional<OnUnavailable> explicit) {
        long start = context.listening() ? context.nowNanos() : 0;
        CompletableFuture<Decision> decision;
        try {
            CompletableFuture<Timed<ResolvedTarget>> resolved = resolver.resolve(request.entity(), request.resource());
            decision = isDone(resolved) ? charge(request, plan(request, resolved.join().value()), explicit)
                    : resolved.thenCompose(target -> charge(request, plan(request, target.value()), explicit));
        } catch (RuntimeException failure) {
            decision = CompletableFuture.failedFuture(failure);
        }
        if (isDone(decision)) {
            return CompletableFuture.completedFuture(decided(request, explicit, start, decision.join(), null));
        }
        return decision.handle((value, failure) -> decided(request, explicit, start, value, failure));
    }

    private ChargePlan plan(AcquireRequest request, ResolvedTarget target) {
        return target.plan(request, context.shadow());
    }

    /** The policy in force: the explicit one, else what the namespace declares (read without I/O). */
    private OnUnavailable policy(Optional<OnUnavailable> explicit) {
        return explicit.isPresent() ? explicit.get() : resolver.declaredPolicy();
    }

    private CompletableFuture<Decision> charge(AcquireRequest request, ChargePlan plan,
                                               Optional<OnUnavailable> explicit) {
        LeaseId leaseId = LeaseId.random();
        if (plan.chargesNothing()) {
            return CompletableFuture.completedFuture(new Decision.Granted(
                    new BackendLease(context, policy(explicit), leaseId, request, plan, Optional.empty(), 0)));
        }
        long now = context.nowNanos();
        if (tier != null) {
            return chargeThroughTier(request, plan, explicit, leaseId, now);
        }
        CompletableFuture<ChargeOutcome> outcome = context.reported("charge", now,
                context.backend().charge(plan.toRequest(leaseId, now)));
        if (isDone(outcome) && (outcome.join().granted() || !plan.hasShadow())) {
            return CompletableFuture.completedFuture(decision(request, plan, explicit, leaseId, now, outcome.join()));
        }
        return outcome.thenCompose(result -> result.granted() || !plan.hasShadow()
                ? CompletableFuture.completedFuture(decision(request, plan, explicit, leaseId, now, result))
                : withoutShadowRejections(request, plan, explicit, now, result));
    }

    /** {@link #charge} through the local tier, which reports its own backend calls. */
    private CompletableFuture<Decision> chargeThroughTier(AcquireRequest request, ChargePlan plan,
                                                          Optional<OnUnavailable> explicit, LeaseId leaseId, long now) {
        CompletableFuture<TierCharge> charged = tier.chargeTracked(plan.toRequest(leaseId, now));
        if (isDone(charged) && charged.join().grant().isPresent()) {
            // A local grant: decided without chaining a stage.
            return CompletableFuture.completedFuture(tierGrant(request, plan, explicit, leaseId, charged.join()));
        }
        return charged.thenCompose(result -> {
            if (result.outcome().granted()) {
                return CompletableFuture.completedFuture(tierGrant(request, plan, explicit, leaseId, result));
            }
            // Retry-after counts from when the tier judged the charge, later than now if it waited.
            long judged = result.judgedAtNanos();
            return plan.hasShadow() ? withoutShadowRejections(request, plan, explicit, judged, result.outcome())
                    : CompletableFuture.completedFuture(plan.rejection(result.outcome(), judged));
        });
    }

    /** The lease of a charge the tier granted, its statuses counted from when the tier judged it. */
    private Decision.Granted tierGrant(AcquireRequest request, ChargePlan plan, Optional<OnUnavailable> explicit,
                                       LeaseId leaseId, TierCharge result) {
        return new Decision.Granted(new BackendLease(context, policy(explicit), leaseId, request, plan,
                Optional.of(result.outcome()), result.judgedAtNanos(), result.grant()));
    }

    /**
     * A denied charge of a plan with shadow limits: a rejection if an enforced limit says no; else the charge again
     * without the shadow limits that would have rejected it. Each retry drops at least one charge, so it ends.
     */
    private CompletableFuture<Decision> withoutShadowRejections(AcquireRequest request, ChargePlan plan,
                                                                Optional<OnUnavailable> explicit, long now,
                                                                ChargeOutcome denied) {
        Decision.Rejected rejection = plan.rejection(denied, now);
        ChargePlan reduced = rejection.violations().isEmpty() ? plan.withoutShadowRejections(denied, now) : plan;
        if (reduced == plan) {
            return CompletableFuture.completedFuture(rejection);
        }
        // A new lease id: backends use it as an idempotency token, and this is a different write.
        return charge(request, reduced, explicit);
    }

    private Decision decision(AcquireRequest request, ChargePlan plan, Optional<OnUnavailable> explicit,
                              LeaseId leaseId, long now, ChargeOutcome outcome) {
        return outcome.granted()
                ? new Decision.Granted(new BackendLease(context, policy(explicit), leaseId, request, plan,
                        Optional.of(outcome), now))
                : plan.rejection(outcome, now);
    }

    private Decision decided(AcquireRequest request, Optional<OnUnavailable> explicit, long start, Decision decision,
                             Throwable failure) {
        if (failure == null) {
            if (context.listening()) {
                if (decision instanceof Decision.Granted granted) {
                    context.listener().onGranted(granted.lease(), context.since(start));
                    List<LimitStatus> shadowed = granted.lease().shadowRejections();
                    if (!shadowed.isEmpty()) {
                        context.listener().onShadowRejected(granted.lease(), shadowed);
                    }
                } else {
                    context.listener().onRejected((Decision.Rejected) decision, context.since(start));
                }
            }
            return decision;
        }
        Throwable cause = Futures.unwrap(failure);
        if (cause instanceof ClockSkewException refusal) {
            context.listener().onClockSkew(request.entity(), request.resource(), refusal);
        }
        if (cause instanceof RateLimiterUnavailableException) {
            OnUnavailable policy = policy(explicit);
            context.listener().onUnavailable(request.entity(), request.resource(), policy, cause);
            if (policy == OnUnavailable.ALLOW) {
                return new Decision.Granted(new DegradedLease(LeaseId.random().toString(), request));
            }
        }
        throw cause instanceof CompletionException completion ? completion : new CompletionException(cause);
    }

    /** Whether {@code future} already completed normally. */
    private static boolean isDone(CompletableFuture<?> future) {
        return future.isDone() && !future.isCompletedExceptionally();
    }

    /** Stands in for {@link LocalBuckets} on other backends; never called, because {@code local} is false. */
    private static final class NotLocal implements LocalBuckets {
        static final NotLocal INSTANCE = new NotLocal();

        @Override
        public Bucket bucket(BucketKey key) {
            throw new IllegalStateException("the backend keeps no buckets in this process");
        }
    }
}
