package dev.limiter;

import dev.limiter.internal.Futures;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * One acquire attempt: resolve the target, plan the charge, write it, and turn the outcome into a {@link Decision},
 * applying the {@link OnUnavailable} policy to backend failures. Shared by every view of a limiter.
 */
final class Acquirer {

    private final LimiterContext context;
    private final TargetResolver resolver;

    Acquirer(LimiterContext context, TargetResolver resolver) {
        this.context = context;
        this.resolver = resolver;
    }

    /** Attempts {@code request} once; never throws, failures complete the future. */
    CompletableFuture<Decision> attempt(AcquireRequest request, OnUnavailable policy) {
        long start = context.nowNanos();
        return Futures.guard(() -> resolver.resolve(request.entity(), request.resource())
                        .thenCompose(target -> charge(request, ChargePlan.of(request, target.value()), policy)))
                .handle((decision, failure) -> decided(request, policy, start, decision, failure));
    }

    private CompletableFuture<Decision> charge(AcquireRequest request, ChargePlan plan, OnUnavailable policy) {
        String leaseId = LeaseIds.next();
        if (plan.chargesNothing()) {
            return CompletableFuture.completedFuture(
                    new Decision.Granted(new BackendLease(context, policy, leaseId, request, plan.ledger(false), List.of())));
        }
        long now = context.nowNanos();
        return context.reported("charge", now, context.backend().charge(plan.toRequest(leaseId, now)))
                .thenApply(outcome -> outcome.granted()
                        ? new Decision.Granted(new BackendLease(context, policy, leaseId, request, plan.ledger(true),
                                plan.grantedStatuses(outcome, now)))
                        : plan.rejection(outcome, now));
    }

    private Decision decided(AcquireRequest request, OnUnavailable policy, long start, Decision decision,
                             Throwable failure) {
        if (failure == null) {
            if (decision instanceof Decision.Granted granted) {
                context.listener().onGranted(granted.lease(), context.since(start));
            } else {
                context.listener().onRejected((Decision.Rejected) decision, context.since(start));
            }
            return decision;
        }
        Throwable cause = Futures.unwrap(failure);
        if (cause instanceof RateLimiterUnavailableException) {
            context.listener().onUnavailable(request.entity(), request.resource(), policy, cause);
            if (policy == OnUnavailable.ALLOW) {
                return new Decision.Granted(new DegradedLease(LeaseIds.next(), request));
            }
        }
        throw cause instanceof CompletionException completion ? completion : new CompletionException(cause);
    }
}
