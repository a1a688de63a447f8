package dev.limiter;

import dev.limiter.backend.BucketKey;
import dev.limiter.backend.BucketSnapshot;
import dev.limiter.bucket.LimitState;
import dev.limiter.config.EffectiveLimit;
import dev.limiter.config.Explanation;
import dev.limiter.internal.Require;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Builds {@link Explanation}s: the resolved target plus one read of its buckets. */
final class Explainer {

    private final LimiterContext context;
    private final TargetResolver resolver;

    Explainer(LimiterContext context, TargetResolver resolver) {
        this.context = context;
        this.resolver = resolver;
    }

    CompletableFuture<Explanation> explain(String entity, String resource) {
        Require.entityId("entity", entity);
        Require.resource("resource", resource);
        return resolver.resolve(entity, resource).thenCompose(timed -> {
            ResolvedTarget target = timed.value();
            List<BucketKey> keys = new ArrayList<>();
            target.buckets().forEach(bucket -> keys.add(bucket.key()));
            long start = context.nowNanos();
            return context.reported("read", start, context.backend().read(keys))
                    .thenApply(snapshots -> explanation(entity, resource, target, snapshots, start));
        });
    }

    private Explanation explanation(String entity, String resource, ResolvedTarget target,
                                    List<BucketSnapshot> snapshots, long nowNanos) {
        List<Explanation.Bucket> buckets = new ArrayList<>();
        for (int i = 0; i < target.buckets().size(); i++) {
            ResolvedTarget.Bucket bucket = target.buckets().get(i);
            List<Explanation.LimitExplanation> limits = new ArrayList<>();
            for (EffectiveLimit limit : bucket.limits().limits()) {
                LimitState state = snapshots.get(i).state().stateFor(limit.limit(), nowNanos);
                limits.add(new Explanation.LimitExplanation(limit.limit(), limit.source(),
                        state.availableTokens(nowNanos), Duration.ofNanos(state.backlogNanos(nowNanos)),
                        state.consumedTokens()));
            }
            buckets.add(new Explanation.Bucket(bucket.key().entity(), limits, bucket.limits().unlimited()));
        }
        return new Explanation(context.namespace(), entity, resource, buckets);
    }
}
