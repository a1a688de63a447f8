package dev.limiter.memory;

import dev.limiter.backend.Backend;
import dev.limiter.backend.BucketAdjustment;
import dev.limiter.backend.BucketCharge;
import dev.limiter.backend.BucketKey;
import dev.limiter.backend.BucketSnapshot;
import dev.limiter.backend.ChargeOutcome;
import dev.limiter.backend.ChargeRequest;
import dev.limiter.backend.LimitAdjustment;
import dev.limiter.backend.LimitCharge;
import dev.limiter.backend.SettleRequest;
import dev.limiter.bucket.BucketState;
import dev.limiter.bucket.LimitState;
import dev.limiter.config.ConfigStore;
import dev.limiter.entity.EntityStore;
import dev.limiter.internal.Futures;
import dev.limiter.internal.Require;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A {@link Backend} that keeps everything in this process's memory.
 *
 * <p>Concurrency: buckets live in {@link BucketStripes}, a fixed array of lock stripes, each guarding a map of
 * immutable {@link BucketState}s. A charge locks the stripes of all its buckets in index order (so concurrent
 * cascades cannot deadlock), judges every limit, and swaps in new states only if all admit; there is no global lock.
 * Futures are completed before the methods return.
 *
 * <p>Buckets that have been full for longer than {@link #idleEviction()} are dropped during later writes to their
 * stripe, which bounds memory for many short-lived entities; an evicted bucket behaves exactly like the full bucket
 * it was, except that its {@code consumed} counter restarts.
 *
 * <p>Thread-safe. Share one instance between limiters to share limits.
 */
public final class InMemoryBackend implements Backend {

    private static final Duration DEFAULT_IDLE_EVICTION = Duration.ofHours(1);

    private final BucketStripes stripes;
    private final InMemoryConfigStore configs = new InMemoryConfigStore();
    private final InMemoryEntityStore entities = new InMemoryEntityStore();

    private InMemoryBackend(Duration idleEviction) {
        this.stripes = new BucketStripes(idleEviction.toNanos());
    }

    /** A new, empty backend that evicts buckets after they have been full for an hour. */
    public static InMemoryBackend create() {
        return new InMemoryBackend(DEFAULT_IDLE_EVICTION);
    }

    /** A new, empty backend that evicts buckets after they have been full for {@code idleEviction}. */
    public static InMemoryBackend withIdleEviction(Duration idleEviction) {
        Require.nonNull("idleEviction", idleEviction);
        Require.argument(!idleEviction.isNegative(), "idleEviction must not be negative, got " + idleEviction);
        return new InMemoryBackend(idleEviction);
    }

    /** How long a bucket stays after it became full. */
    public Duration idleEviction() {
        return Duration.ofNanos(stripes.idleEvictionNanos());
    }

    @Override
    public CompletableFuture<ChargeOutcome> charge(ChargeRequest request) {
        return Futures.guard(() -> CompletableFuture.completedFuture(chargeNow(request)));
    }

    @Override
    public CompletableFuture<Void> settle(SettleRequest request) {
        return Futures.guard(() -> {
            List<BucketKey> keys = new ArrayList<>(request.buckets().size());
            request.buckets().forEach(bucket -> keys.add(bucket.key()));
            stripes.withLocked(keys, request.nowNanos(), view -> {
                for (BucketAdjustment bucket : request.buckets()) {
                    view.put(bucket.key(), adjusted(view.get(bucket.key()), bucket, request.nowNanos()));
                }
                return null;
            });
            return CompletableFuture.completedFuture(null);
        });
    }

    @Override
    public CompletableFuture<List<BucketSnapshot>> read(List<BucketKey> keys) {
        return Futures.guard(() -> CompletableFuture.completedFuture(stripes.withLocked(keys, 0, view -> {
            List<BucketSnapshot> snapshots = new ArrayList<>(keys.size());
            for (BucketKey key : keys) {
                snapshots.add(new BucketSnapshot(key, view.get(key)));
            }
            return snapshots;
        })));
    }

    @Override
    public ConfigStore configs() {
        return configs;
    }

    @Override
    public EntityStore entities() {
        return entities;
    }

    private ChargeOutcome chargeNow(ChargeRequest request) {
        long now = request.nowNanos();
        List<BucketKey> keys = new ArrayList<>(request.buckets().size());
        request.buckets().forEach(bucket -> keys.add(bucket.key()));
        return stripes.withLocked(keys, now, view -> {
            List<BucketSnapshot> observed = new ArrayList<>(keys.size());
            boolean admitted = true;
            for (BucketCharge bucket : request.buckets()) {
                BucketState state = reconciled(view.get(bucket.key()), bucket, now);
                observed.add(new BucketSnapshot(bucket.key(), state));
                for (LimitCharge charge : bucket.charges()) {
                    admitted &= state.stateFor(charge.limit(), now).admits(charge.tokens(), now);
                }
            }
            if (!admitted) {
                return new ChargeOutcome(false, observed);
            }
            List<BucketSnapshot> written = new ArrayList<>(keys.size());
            for (int i = 0; i < observed.size(); i++) {
                BucketState state = charged(observed.get(i).state(), request.buckets().get(i), now);
                view.put(keys.get(i), state);
                written.add(new BucketSnapshot(keys.get(i), state));
            }
            return new ChargeOutcome(true, written);
        });
    }

    private static BucketState reconciled(BucketState state, BucketCharge bucket, long now) {
        BucketState result = state;
        for (LimitCharge charge : bucket.charges()) {
            result = result.with(state.stateFor(charge.limit(), now));
        }
        return result;
    }

    private static BucketState charged(BucketState state, BucketCharge bucket, long now) {
        BucketState result = state;
        for (LimitCharge charge : bucket.charges()) {
            LimitState limit = result.stateFor(charge.limit(), now);
            result = result.with(limit.charge(charge.costNanos(), charge.tokens(), now));
        }
        return result;
    }

    private static BucketState adjusted(BucketState state, BucketAdjustment bucket, long now) {
        BucketState result = state;
        for (LimitAdjustment adjustment : bucket.adjustments()) {
            if (adjustment.tokens() < 0 && result.find(adjustment.limit().name()).isEmpty()) {
                continue; // the bucket was evicted because it was full: there is nothing left to refund
            }
            LimitState current = result.find(adjustment.limit().name())
                    .orElseGet(() -> LimitState.fresh(adjustment.limit()));
            result = result.with(current.settle(adjustment.limit(), adjustment.tokens(), adjustment.costNanos(), now));
        }
        return result;
    }
}
