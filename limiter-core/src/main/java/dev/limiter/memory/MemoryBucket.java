package dev.limiter.memory;

import dev.limiter.Limit;
import dev.limiter.bucket.BucketState;
import dev.limiter.bucket.LimitState;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The live state of one bucket: per limit its parameters, TAT and consumption counter, in parallel arrays that are
 * changed in place, so that charging a bucket allocates nothing.
 *
 * <p>Concurrency: every field but {@link #order} is guarded by the bucket's own lock, which callers take through
 * {@link BucketTable}. Operations on several buckets lock them in ascending {@link #order}, so they can never wait
 * on each other in a cycle. A bucket that the table evicted is marked {@link #isRetired() retired} under its lock;
 * whoever locks it afterwards must look the key up again.
 */
final class MemoryBucket {

    private static final int SPINS_BEFORE_PARKING = 64;

    private final ReentrantLock lock = new ReentrantLock();
    private final long order;
    private Limit[] limits = new Limit[2];
    private long[] tats = new long[2];
    private long[] consumed = new long[2];
    private int size;
    private boolean retired;

    MemoryBucket(long order) {
        this.order = order;
    }

    /** The rank of this bucket in the lock order: unique within its table. */
    long order() {
        return order;
    }

    /**
     * Locks the bucket. Its critical sections last tens of nanoseconds while parking a thread costs microseconds,
     * so a contended caller first retries briefly, as a compare-and-set loop would, before it queues.
     */
    void lock() {
        for (int spin = 0; spin < SPINS_BEFORE_PARKING; spin++) {
            if (lock.tryLock()) {
                return;
            }
            Thread.onSpinWait();
        }
        lock.lock();
    }

    boolean tryLock() {
        return lock.tryLock();
    }

    void unlock() {
        lock.unlock();
    }

    /** Whether the table evicted this bucket; a retired bucket is never written again. */
    boolean isRetired() {
        return retired;
    }

    void retire() {
        retired = true;
    }

    /** The index of the limit called {@code name}, or -1. */
    int indexOf(String name) {
        for (int i = 0; i < size; i++) {
            if (limits[i].name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The index of the limit called like {@code limit}, or -1; tries {@code hint} first (a plan's limits usually sit
     * at the same positions as the bucket's) and compares by identity before names (a bucket keeps the very limit
     * objects it was last charged with).
     */
    int indexOf(Limit limit, int hint) {
        if (hint < size && (limits[hint] == limit || limits[hint].name().equals(limit.name()))) {
            return hint;
        }
        return indexOf(limit.name());
    }

    Limit limit(int index) {
        return limits[index];
    }

    long tatNanos(int index) {
        return tats[index];
    }

    long consumedTokens(int index) {
        return consumed[index];
    }

    /** Writes the state of one limit at {@code index}, or appends it when {@code index} is -1. */
    void set(int index, Limit limit, long tatNanos, long consumedTokens) {
        int at = index;
        if (at < 0) {
            if (size == limits.length) {
                limits = Arrays.copyOf(limits, size * 2);
                tats = Arrays.copyOf(tats, size * 2);
                consumed = Arrays.copyOf(consumed, size * 2);
            }
            at = size++;
        }
        limits[at] = limit;
        tats[at] = tatNanos;
        consumed[at] = consumedTokens;
    }

    /** An immutable copy of the bucket. */
    BucketState snapshot() {
        if (size == 0) {
            return BucketState.EMPTY;
        }
        LimitState[] states = new LimitState[size];
        for (int i = 0; i < size; i++) {
            states[i] = new LimitState(limits[i], tats[i], consumed[i]);
        }
        return new BucketState(List.of(states));
    }

    /** Writes every limit of {@code state}: replaces those of the same name and appends the others. */
    void write(BucketState state) {
        for (LimitState limit : state.limits()) {
            set(indexOf(limit.limit().name()), limit.limit(), limit.tatNanos(), limit.consumedTokens());
        }
    }

    /** Whether every limit is full at {@code nowNanos}, so that the bucket equals an absent one. */
    boolean isFullAt(long nowNanos) {
        for (int i = 0; i < size; i++) {
            if (tats[i] > nowNanos) {
                return false;
            }
        }
        return true;
    }
}
