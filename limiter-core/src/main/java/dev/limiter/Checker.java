package dev.limiter;

import dev.limiter.backend.ChargeOutcome;
import dev.limiter.internal.Require;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Builds {@link Estimate}s: the request planned against its resolved target, judged on one read of the buckets it
 * would charge, exactly as a denied charge would be judged. Writes nothing.
 */
final class Checker {

    private final LimiterContext context;
    private final TargetResolver resolver;

    Checker(LimiterContext context, TargetResolver resolver) {
        this.context = context;
        this.resolver = resolver;
    }

    CompletableFuture<Estimate> check(AcquireRequest request) {
        Require.nonNull("request", request);
        return resolver.resolve(request.entity(), request.resource()).thenCompose(timed -> {
            ChargePlan plan = ChargePlan.of(request, timed.value(), context.shadow());
            if (plan.chargesNothing()) {
                return CompletableFuture.completedFuture(new Estimate(request.entity(), request.resource(), true,
                        Duration.ZERO, List.of(), plan.shadowRejections()));
            }
            long now = context.nowNanos();
            return context.reported("read", now, context.backend().read(plan.chargedKeys())).thenApply(snapshots -> {
                Decision.Rejected judged = plan.rejection(new ChargeOutcome(false, snapshots), now);
                return new Estimate(request.entity(), request.resource(), judged.violations().isEmpty(),
                        judged.retryAfter(), judged.violations(), judged.statuses());
            });
        });
    }
}
