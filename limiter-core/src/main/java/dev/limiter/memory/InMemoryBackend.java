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
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
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
        // Futures.guard inlined: the acquire hot path allocates no capturing lambda.
        try {
            return CompletableFuture.completedFuture(chargeNow(request));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletableFuture<Void> settle(SettleRequest request) {
        return Futures.guard(() -> {
            // Settlements need no atomicity across buckets (nothing is judged), so each bucket is locked on its own.
            for (BucketAdjustment bucket : request.buckets()) {
                stripes.withLocked(bucket.key(), request.nowNanos(), view -> {
                    view.put(bucket.key(), adjusted(view.get(bucket.key()), bucket, request.nowNanos()));
                    return null;
                });
            }
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
        List<BucketCharge> buckets = request.buckets();
        if (buckets.size() == 1) {
            BucketCharge bucket = buckets.get(0);
            return stripes.withLocked(bucket.key(), now, view -> chargeLocked(view, buckets, now));
        }
        List<BucketKey> keys = new ArrayList<>(buckets.size());
        buckets.forEach(bucket -> keys.add(bucket.key()));
        return stripes.withLocked(keys, now, view -> chargeLocked(view, buckets, now));
    }

    /** Judges every charge against the reconciled stored states, then writes all or nothing. */
    private static ChargeOutcome chargeLocked(BucketStripes.View view, List<BucketCharge> buckets, long now) {
        BucketSnapshot[] snapshots = new BucketSnapshot[buckets.size()];
        LimitState[][] judged = new LimitState[buckets.size()][];
        boolean admitted = true;
        for (int b = 0; b < snapshots.length; b++) {
            BucketCharge bucket = buckets.get(b);
            BucketState stored = view.get(bucket.key());
            List<LimitCharge> charges = bucket.charges();
            judged[b] = new LimitState[charges.size()];
            for (int i = 0; i < judged[b].length; i++) {
                judged[b][i] = stored.stateFor(charges.get(i).limit(), now);
                admitted &= judged[b][i].admits(charges.get(i).tokens(), now);
            }
            snapshots[b] = new BucketSnapshot(bucket.key(), stored);
        }
        for (int b = 0; b < snapshots.length; b++) {
            List<LimitCharge> charges = buckets.get(b).charges();
            for (int i = 0; admitted && i < judged[b].length; i++) {
                judged[b][i] = judged[b][i].charge(charges.get(i).costNanos(), charges.get(i).tokens(), now);
            }
            BucketState state = snapshots[b].state().withAll(Arrays.asList(judged[b]));
            snapshots[b] = new BucketSnapshot(buckets.get(b).key(), state);
            if (admitted) {
                view.put(buckets.get(b).key(), state);
            }
        }
        return new ChargeOutcome(admitted, List.of(snapshots));
    }

    private static BucketState adjusted(BucketState state, BucketAdjustment bucket, long now) {
        List<LimitState> settled = new ArrayList<>(bucket.adjustments().size());
        for (LimitAdjustment adjustment : bucket.adjustments()) {
            Optional<LimitState> current = state.find(adjustment.limit().name());
            if (adjustment.tokens() < 0 && current.isEmpty()) {
                continue; // the bucket was evicted because it was full: there is nothing left to refund
            }
            LimitState base = current.orElseGet(() -> LimitState.fresh(adjustment.limit()));
            settled.add(base.settle(adjustment.limit(), adjustment.tokens(), adjustment.costNanos(), now));
        }
        return state.withAll(settled);
    }
}
