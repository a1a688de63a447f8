package dev.limiter;

import dev.limiter.backend.ChargeOutcome;
import dev.limiter.backend.LeaseId;
import dev.limiter.internal.Futures;
import dev.limiter.internal.TtlCache.Timed;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * One acquire attempt: resolve the target, plan the charge, write it, and turn the outcome into a {@link Decision},
 * applying the {@link OnUnavailable} policy to backend failures. Shared by every view of a limiter.
 *
 * <p>When the cache and the backend answer with futures that are already complete (a warm cache, the in-memory
 * backend) the attempt runs straight through without chaining stages; otherwise it composes them. Both paths end in
 * {@link #decided}, so they behave the same.
 */
final class Acquirer {

    private final LimiterContext context;
    private final TargetResolver resolver;

    Acquirer(LimiterContext context, TargetResolver resolver) {
        this.context = context;
        this.resolver = resolver;
    }

    /**
     * Attempts {@code request} once under the {@code explicit} policy, or else the namespace's declared one; never
     * throws, failures complete the future.
     */
    CompletableFuture<Decision> attempt(AcquireRequest request, Optional<OnUnavailable> explicit) {
        long start = context.listening() ? context.nowNanos() : 0;
        CompletableFuture<Decision> decision;
        try {
            CompletableFuture<Timed<ResolvedTarget>> resolved = resolver.resolve(request.entity(), request.resource());
            decision = isDone(resolved) ? charge(request, ChargePlan.of(request, resolved.join().value()), explicit)
                    : resolved.thenCompose(target -> charge(request, ChargePlan.of(request, target.value()), explicit));
        } catch (RuntimeException failure) {
            decision = CompletableFuture.failedFuture(failure);
        }
        if (isDone(decision)) {
            return CompletableFuture.completedFuture(decided(request, explicit, start, decision.join(), null));
        }
        return decision.handle((value, failure) -> decided(request, explicit, start, value, failure));
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
        CompletableFuture<ChargeOutcome> outcome = context.reported("charge", now,
                context.backend().charge(plan.toRequest(leaseId, now)));
        if (isDone(outcome)) {
            return CompletableFuture.completedFuture(decision(request, plan, explicit, leaseId, now, outcome.join()));
        }
        return outcome.thenApply(result -> decision(request, plan, explicit, leaseId, now, result));
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
}
