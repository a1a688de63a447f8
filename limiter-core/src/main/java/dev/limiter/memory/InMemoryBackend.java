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
import dev.limiter.internal.LocalBuckets;
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
 * <p>Concurrency: buckets live in a {@link BucketTable}, one {@link MemoryBucket} with its own lock per key. A
 * charge locks all its buckets in a fixed order (so concurrent cascades cannot deadlock), judges every limit, and
 * writes only if all admit; there is no global lock, and buckets on different keys never contend. Futures are
 * completed before the methods return. A limiter built on this backend charges single-bucket acquires through
 * {@link LocalBuckets}, the same judgement without the SPI's request, outcome and future objects.
 *
 * <p>Buckets that have been full for longer than {@link #idleEviction()} are dropped as new buckets are created,
 * which bounds memory for many short-lived entities; an evicted bucket behaves exactly like the full bucket it was,
 * except that its {@code consumed} counter restarts.
 *
 * <p>Thread-safe. Share one instance between limiters to share limits.
 */
public final class InMemoryBackend implements Backend, LocalBuckets {

    private static final Duration DEFAULT_IDLE_EVICTION = Duration.ofHours(1);

    private final BucketTable table;
    private final InMemoryConfigStore configs = new InMemoryConfigStore();
    private final InMemoryEntityStore entities = new InMemoryEntityStore();

    private InMemoryBackend(Duration idleEviction) {
        this.table = new BucketTable(idleEviction.toNanos());
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
        return Duration.ofNanos(table.idleEvictionNanos());
    }

    @Override
    public CompletableFuture<ChargeOutcome> charge(ChargeRequest request) {
        // Futures.guard inlined: no capturing lambda.
        try {
            return CompletableFuture.completedFuture(chargeNow(request));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** {@inheritDoc} Its charges judge and write the bucket in place, allocating nothing. */
    @Override
    public LocalBuckets.Bucket bucket(BucketKey key) {
        return new BucketHandle(table, Require.nonNull("key", key));
    }

    @Override
    public CompletableFuture<Void> settle(SettleRequest request) {
        return Futures.guard(() -> {
            // Settlements need no atomicity across buckets (nothing is judged), so each bucket is locked on its own.
            for (BucketAdjustment adjustment : request.buckets()) {
                MemoryBucket bucket = table.lock(adjustment.key(), request.nowNanos());
                try {
                    bucket.write(adjusted(bucket.snapshot(), adjustment, request.nowNanos()));
                } finally {
                    bucket.unlock();
                }
            }
            return CompletableFuture.completedFuture(null);
        });
    }

    @Override
    public CompletableFuture<List<BucketSnapshot>> read(List<BucketKey> keys) {
        return Futures.guard(() -> {
            List<BucketSnapshot> snapshots = new ArrayList<>(keys.size());
            for (BucketKey key : keys) {
                MemoryBucket bucket = table.lockExisting(key);
                if (bucket == null) {
                    snapshots.add(new BucketSnapshot(key, BucketState.EMPTY));
                    continue;
                }
                try {
                    snapshots.add(new BucketSnapshot(key, bucket.snapshot()));
                } finally {
                    bucket.unlock();
                }
            }
            return CompletableFuture.completedFuture(snapshots);
        });
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
        List<BucketCharge> buckets = request.buckets();
        List<BucketKey> keys = new ArrayList<>(buckets.size());
        buckets.forEach(bucket -> keys.add(bucket.key()));
        MemoryBucket[] locked = table.lockAll(keys, request.nowNanos());
        try {
            return chargeLocked(locked, buckets, request.nowNanos());
        } finally {
            BucketTable.unlockAll(locked);
        }
    }

    /** Judges every charge against the reconciled stored states, then writes all or nothing. */
    private static ChargeOutcome chargeLocked(MemoryBucket[] locked, List<BucketCharge> buckets, long now) {
        BucketSnapshot[] snapshots = new BucketSnapshot[buckets.size()];
        LimitState[][] judged = new LimitState[buckets.size()][];
        boolean admitted = true;
        for (int b = 0; b < snapshots.length; b++) {
            BucketCharge bucket = buckets.get(b);
            BucketState stored = locked[b].snapshot();
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
                locked[b].write(state);
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
