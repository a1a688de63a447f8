package dev.limiter;

import dev.limiter.allowance.AllowanceTier;
import dev.limiter.backend.BucketKey;
import dev.limiter.backend.BucketSnapshot;
import dev.limiter.bucket.LimitState;
import dev.limiter.config.ConfigLevel;
import dev.limiter.config.EffectiveLimit;
import dev.limiter.config.EffectiveLimits;
import dev.limiter.config.Explanation;
import dev.limiter.internal.Require;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Builds {@link Explanation}s: the resolved target plus one read of its buckets. */
final class Explainer {

    private final LimiterContext context;
    private final TargetResolver resolver;

    Explainer(LimiterContext context, TargetResolver resolver) {
        this.context = context;
        this.resolver = resolver;
    }

    /** Explains {@code entity} on {@code resource} with the stored limits alone. */
    CompletableFuture<Explanation> explain(String entity, String resource) {
        Require.entityId("entity", entity);
        Require.resource("resource", resource);
        return explain(entity, resource, List.of());
    }

    /** Explains what {@code request} would be charged against, its request-level limits included. */
    CompletableFuture<Explanation> explain(AcquireRequest request) {
        return explain(request.entity(), request.resource(), request.limits());
    }

    private CompletableFuture<Explanation> explain(String entity, String resource, List<Limit> requestLimits) {
        return resolver.resolve(entity, resource).thenCompose(timed -> {
            ResolvedTarget target = timed.value();
            List<BucketKey> keys = new ArrayList<>();
            target.buckets().forEach(bucket -> keys.add(bucket.key()));
            long start = context.nowNanos();
            return context.reported("read", start, context.backend().read(keys))
                    .thenApply(snapshots -> explanation(entity, resource, target, requestLimits, snapshots, start));
        });
    }

    private Explanation explanation(String entity, String resource, ResolvedTarget target, List<Limit> requestLimits,
                                    List<BucketSnapshot> snapshots, long nowNanos) {
        List<Explanation.Bucket> buckets = new ArrayList<>();
        for (int i = 0; i < target.buckets().size(); i++) {
            ResolvedTarget.Bucket bucket = target.buckets().get(i);
            // Request limits apply to the entity's own bucket only, below every stored level.
            EffectiveLimits effective = i == 0 ? bucket.limits().underlay(requestLimits) : bucket.limits();
            List<Explanation.LimitExplanation> limits = new ArrayList<>();
            for (EffectiveLimit limit : effective.limits()) {
                LimitState state = snapshots.get(i).state().stateFor(limit.limit(), nowNanos);
                Limit shown = context.shadow() ? limit.limit().asShadow() : limit.limit();
                long held = context.backend() instanceof AllowanceTier tier
                        ? tier.held(bucket.key(), limit.limit().name()) : 0;
                limits.add(new Explanation.LimitExplanation(shown, limit.source(),
                        state.availableTokens(nowNanos), Duration.ofNanos(state.backlogNanos(nowNanos)),
                        state.consumedTokens(), held));
            }
            Map<String, ConfigLevel> overridden = i == 0 ? overridden(bucket.limits(), requestLimits) : Map.of();
            buckets.add(new Explanation.Bucket(bucket.key().entity(), limits, effective.unlimited(), overridden));
        }
        return new Explanation(context.namespace(), entity, resource, buckets);
    }

    /** The request limits a stored level decides instead, with that level. */
    private static Map<String, ConfigLevel> overridden(EffectiveLimits stored, List<Limit> requestLimits) {
        Map<String, ConfigLevel> overridden = new LinkedHashMap<>();
        for (Limit limit : requestLimits) {
            stored.find(limit.name()).ifPresent(found -> overridden.put(limit.name(), found.source()));
            ConfigLevel unlimitedAt = stored.unlimited().get(limit.name());
            if (unlimitedAt != null) {
                overridden.put(limit.name(), unlimitedAt);
            }
        }
        return overridden;
    }
}
