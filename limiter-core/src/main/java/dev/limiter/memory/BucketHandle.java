package dev.limiter.memory;

import dev.limiter.Limit;
import dev.limiter.backend.BucketKey;
import dev.limiter.bucket.LimitState;
import dev.limiter.internal.Arithmetic;
import dev.limiter.internal.LocalBuckets;

/**
 * A {@link LocalBuckets.Bucket} of the in-memory backend: judges and charges one bucket in place, under its lock,
 * allocating nothing unless a limit's stored parameters differ from the requested ones (a configuration change),
 * which reconciles that limit first; settlements go through {@link LimitState#settle}, like the SPI's.
 *
 * <p>Concurrency: remembers the {@link MemoryBucket} it last locked, so that a charge skips the table lookup. A
 * bucket that is not retired is the one the table holds for the key (the table only replaces retired buckets), so
 * after locking the remembered bucket the handle checks that it is not retired, and otherwise locks the key's
 * current bucket through the table.
 */
final class BucketHandle implements LocalBuckets.Bucket {

    private final BucketTable table;
    private final BucketKey key;
    private volatile MemoryBucket last;

    BucketHandle(BucketTable table, BucketKey key) {
        this.table = table;
        this.key = key;
    }

    @Override
    public boolean chargeNow(Limit[] limits, long[] tokens, long[] costNanos, long[] slackNanos, long nowNanos,
                             long[] tatsOut) {
        MemoryBucket bucket = lock(nowNanos);
        try {
            boolean admitted = true;
            for (int i = 0; i < limits.length; i++) {
                int index = bucket.indexOf(limits[i], i);
                long tat = index < 0 ? 0 : reconciledTat(bucket, index, limits[i], nowNanos);
                tatsOut[i] = tat;
                admitted &= Math.max(tat - nowNanos, 0) <= slackNanos[i];
            }
            if (!admitted) {
                return false;
            }
            for (int i = 0; i < limits.length; i++) {
                int index = bucket.indexOf(limits[i], i);
                long consumed = index < 0 ? 0 : bucket.consumedTokens(index);
                tatsOut[i] = LimitState.chargedTatNanos(tatsOut[i], costNanos[i], nowNanos);
                bucket.set(index, limits[i], tatsOut[i], Arithmetic.saturatedAdd(consumed, tokens[i]));
            }
            return true;
        } finally {
            bucket.unlock();
        }
    }

    @Override
    public void settleNow(Limit[] limits, long[] tokens, long[] costNanos, long nowNanos) {
        MemoryBucket bucket = lock(nowNanos);
        try {
            for (int i = 0; i < limits.length; i++) {
                int index = bucket.indexOf(limits[i], i);
                if (tokens[i] == 0 || (tokens[i] < 0 && index < 0)) {
                    continue; // nothing to do, or a refund to an evicted (full) bucket: nothing left to refund
                }
                LimitState base = index < 0 ? LimitState.fresh(limits[i])
                        : new LimitState(bucket.limit(index), bucket.tatNanos(index), bucket.consumedTokens(index));
                LimitState settled = base.settle(limits[i], tokens[i], costNanos[i], nowNanos);
                bucket.set(index, settled.limit(), settled.tatNanos(), settled.consumedTokens());
            }
        } finally {
            bucket.unlock();
        }
    }

    /** The key's live bucket, locked: the remembered one if it is still live, else the table's. */
    private MemoryBucket lock(long nowNanos) {
        MemoryBucket bucket = last;
        if (bucket != null) {
            bucket.lock();
            if (!bucket.isRetired()) {
                return bucket;
            }
            bucket.unlock();
        }
        bucket = table.lock(key, nowNanos);
        last = bucket;
        return bucket;
    }

    /** The stored TAT of limit {@code index}, re-expressed under {@code requested} if its parameters changed. */
    private static long reconciledTat(MemoryBucket bucket, int index, Limit requested, long nowNanos) {
        Limit stored = bucket.limit(index);
        if (stored == requested || stored.sameParameters(requested)) {
            return bucket.tatNanos(index);
        }
        return new LimitState(stored, bucket.tatNanos(index), bucket.consumedTokens(index))
                .reconcile(requested, nowNanos).tatNanos();
    }
}
