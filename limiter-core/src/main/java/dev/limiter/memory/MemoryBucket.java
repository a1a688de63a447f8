package dev.limiter.memory;

import dev.limiter.Limit;
import dev.limiter.bucket.BucketState;
import dev.limiter.bucket.LimitState;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * The live state of one bucket: per limit its parameters, TAT and consumption counter, in parallel arrays that are
 * changed in place, so that charging a bucket allocates nothing.
 *
 * <p>Concurrency: every field but {@link #order} and the lock word is guarded by the bucket's own lock, which
 * callers take through
 * {@link BucketTable}. Operations on several buckets lock them in ascending {@link #order}, so they can never wait
 * on each other in a cycle. A bucket that the table evicted is marked {@link #isRetired() retired} under its lock;
 * whoever locks it afterwards must look the key up again.
 */
final class MemoryBucket {

    private static final int SPINS_BEFORE_YIELDING = 64;
    private static final int YIELDS_BEFORE_PARKING = 16;
    private static final long MAX_PARK_NANOS = 100_000;
    private static final VarHandle LOCKED;

    static {
        try {
            LOCKED = MethodHandles.lookup().findVarHandle(MemoryBucket.class, "locked", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** 1 while a thread holds the bucket, else 0; changed only by compare-and-set and by the holder's release. */
    @SuppressWarnings("unused") // through LOCKED
    private volatile int locked;
    private final long order;
    private Limit[] limits = new Limit[2];
    /** Per limit {@code i}: its TAT at {@code 2i} and its consumption counter at {@code 2i + 1}, side by side. */
    private long[] values = new long[4];
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
     * Locks the bucket; not reentrant. Its critical sections last tens of nanoseconds while parking a thread costs
     * microseconds, so the lock is one word taken by compare-and-set (no owner or queue to maintain), and a
     * contended caller retries, then yields, then parks for growing intervals (a holder may have been descheduled).
     */
    void lock() {
        if (!LOCKED.compareAndSet(this, 0, 1)) {
            lockContended();
        }
    }

    private void lockContended() {
        long parkNanos = 1_000;
        for (int attempt = 0; ; attempt++) {
            if (tryLock()) {
                return;
            }
            if (attempt < SPINS_BEFORE_YIELDING) {
                Thread.onSpinWait();
            } else if (attempt < SPINS_BEFORE_YIELDING + YIELDS_BEFORE_PARKING) {
                Thread.yield();
            } else {
                LockSupport.parkNanos(parkNanos);
                parkNanos = Math.min(parkNanos * 2, MAX_PARK_NANOS);
            }
        }
    }

    boolean tryLock() {
        // Read before writing, so that waiting threads do not take the cache line from the holder.
        return (int) LOCKED.getOpaque(this) == 0 && LOCKED.compareAndSet(this, 0, 1);
    }

    void unlock() {
        LOCKED.setRelease(this, 0);
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
        return values[2 * index];
    }

    long consumedTokens(int index) {
        return values[2 * index + 1];
    }

    /** Writes the state of one limit at {@code index}, or appends it when {@code index} is -1. */
    void set(int index, Limit limit, long tatNanos, long consumedTokens) {
        int at = index;
        if (at < 0) {
            if (size == limits.length) {
                limits = Arrays.copyOf(limits, size * 2);
                values = Arrays.copyOf(values, size * 4);
            }
            at = size++;
        }
        if (limits[at] != limit) { // a write of the same reference would still take the cache line from readers
            limits[at] = limit;
        }
        values[2 * at] = tatNanos;
        values[2 * at + 1] = consumedTokens;
    }

    /** An immutable copy of the bucket. */
    BucketState snapshot() {
        if (size == 0) {
            return BucketState.EMPTY;
        }
        LimitState[] states = new LimitState[size];
        for (int i = 0; i < size; i++) {
            states[i] = new LimitState(limits[i], tatNanos(i), consumedTokens(i));
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
            if (tatNanos(i) > nowNanos) {
                return false;
            }
        }
        return true;
    }
}
