package dev.limiter.memory;

import dev.limiter.backend.BucketKey;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The buckets of an {@link InMemoryBackend}, each with its own lock, and their eviction.
 *
 * <p>Concurrency: a {@link ConcurrentHashMap} from key to {@link MemoryBucket}; lookups never lock the map, and
 * buckets on different keys never contend. Callers lock the buckets they change: {@link #lock} hands out one bucket
 * locked, {@link #lockAll} several in ascending creation order (so no two operations wait on each other in a
 * cycle). Eviction retires a bucket under its lock before removing it from the map, and both lock methods retry
 * with a fresh lookup when they find a retired bucket, so a write never lands in an evicted bucket.
 *
 * <p>Eviction runs when buckets are created, the only time the table grows: once the creations since the last sweep
 * reach the table's size (at least {@value #MIN_SWEEP_INTERVAL}), a sweep drops every bucket that was already full
 * {@code idleEvictionNanos} before the creating write. That is amortised constant work per created bucket.
 */
final class BucketTable {

    private static final int MIN_SWEEP_INTERVAL = 256;

    private final ConcurrentHashMap<BucketKey, MemoryBucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong created = new AtomicLong();
    private final AtomicInteger createdSinceSweep = new AtomicInteger();
    private final long idleEvictionNanos;

    BucketTable(long idleEvictionNanos) {
        this.idleEvictionNanos = idleEvictionNanos;
    }

    long idleEvictionNanos() {
        return idleEvictionNanos;
    }

    /** The bucket of {@code key}, created if absent, locked by the calling thread; unlock it when done. */
    MemoryBucket lock(BucketKey key, long nowNanos) {
        while (true) {
            MemoryBucket bucket = bucket(key, nowNanos);
            bucket.lock();
            if (!bucket.isRetired()) {
                return bucket;
            }
            bucket.unlock();
        }
    }

    /** The existing bucket of {@code key}, locked by the calling thread, or {@code null} when there is none. */
    MemoryBucket lockExisting(BucketKey key) {
        while (true) {
            MemoryBucket bucket = buckets.get(key);
            if (bucket == null) {
                return null;
            }
            bucket.lock();
            if (!bucket.isRetired()) {
                return bucket;
            }
            bucket.unlock();
        }
    }

    /**
     * The buckets of {@code keys} (distinct), created if absent, all locked by the calling thread, in the order of
     * {@code keys}; release them with {@link #unlockAll}.
     */
    MemoryBucket[] lockAll(List<BucketKey> keys, long nowNanos) {
        MemoryBucket[] found = new MemoryBucket[keys.size()];
        while (true) {
            for (int i = 0; i < found.length; i++) {
                found[i] = bucket(keys.get(i), nowNanos);
            }
            MemoryBucket[] ordered = found.clone();
            sortByOrder(ordered);
            int locked = 0;
            while (locked < ordered.length && lockLive(ordered[locked])) {
                locked++;
            }
            if (locked == ordered.length) {
                return found;
            }
            for (int i = locked - 1; i >= 0; i--) {
                ordered[i].unlock();
            }
        }
    }

    /** Unlocks what {@link #lockAll} locked. */
    static void unlockAll(MemoryBucket[] locked) {
        for (MemoryBucket bucket : locked) {
            bucket.unlock();
        }
    }

    /** Locks {@code bucket}; if it turns out retired, unlocks it again and returns false. */
    private static boolean lockLive(MemoryBucket bucket) {
        bucket.lock();
        if (bucket.isRetired()) {
            bucket.unlock();
            return false;
        }
        return true;
    }

    private MemoryBucket bucket(BucketKey key, long nowNanos) {
        MemoryBucket bucket = buckets.get(key);
        return bucket != null ? bucket : create(key, nowNanos);
    }

    private MemoryBucket create(BucketKey key, long nowNanos) {
        MemoryBucket fresh = new MemoryBucket(created.incrementAndGet());
        MemoryBucket existing = buckets.putIfAbsent(key, fresh);
        if (existing != null) {
            return existing;
        }
        if (createdSinceSweep.incrementAndGet() >= Math.max(MIN_SWEEP_INTERVAL, buckets.size())) {
            createdSinceSweep.set(0);
            sweep(nowNanos - idleEvictionNanos, fresh);
        }
        return fresh;
    }

    /** Drops the buckets that were already full at {@code fullAtNanos}, except {@code keep} and any held by others. */
    private void sweep(long fullAtNanos, MemoryBucket keep) {
        for (Map.Entry<BucketKey, MemoryBucket> entry : buckets.entrySet()) {
            MemoryBucket bucket = entry.getValue();
            if (bucket == keep || !bucket.tryLock()) {
                continue; // a bucket someone is writing is in use, not idle
            }
            try {
                if (!bucket.isRetired() && bucket.isFullAt(fullAtNanos)) {
                    bucket.retire();
                    buckets.remove(entry.getKey(), bucket);
                }
            } finally {
                bucket.unlock();
            }
        }
    }

    private static void sortByOrder(MemoryBucket[] buckets) {
        for (int i = 1; i < buckets.length; i++) {
            MemoryBucket current = buckets[i];
            int j = i - 1;
            while (j >= 0 && buckets[j].order() > current.order()) {
                buckets[j + 1] = buckets[j];
                j--;
            }
            buckets[j + 1] = current;
        }
    }
}
