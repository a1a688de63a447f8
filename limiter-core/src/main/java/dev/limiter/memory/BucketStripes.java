package dev.limiter.memory;

import dev.limiter.backend.BucketKey;
import dev.limiter.bucket.BucketState;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Bucket states spread over lock stripes.
 *
 * <p>Concurrency: each stripe is a private lock and the plain map it guards. An operation on several buckets locks
 * their distinct stripes in ascending index order, so two operations can never wait on each other in a cycle. The
 * states in the maps are immutable and replaced whole.
 */
final class BucketStripes {

    /** A locked view of the buckets of one operation. */
    interface View {
        /** The state of {@code key}, {@link BucketState#EMPTY} if absent. */
        BucketState get(BucketKey key);

        /** Replaces the state of {@code key}. */
        void put(BucketKey key, BucketState state);
    }

    private static final int MIN_SWEEP_INTERVAL = 256;

    private final Stripe[] stripes;
    private final long idleEvictionNanos;

    BucketStripes(long idleEvictionNanos) {
        int count = Integer.highestOneBit(Math.max(16, Runtime.getRuntime().availableProcessors() * 16) - 1) << 1;
        this.stripes = new Stripe[count];
        for (int i = 0; i < count; i++) {
            stripes[i] = new Stripe();
        }
        this.idleEvictionNanos = idleEvictionNanos;
    }

    long idleEvictionNanos() {
        return idleEvictionNanos;
    }

    /** Runs {@code action} with the stripe of {@code key} locked: the common single-bucket case, without arrays. */
    <T> T withLocked(BucketKey key, long nowNanos, Function<View, T> action) {
        Stripe stripe = stripes[indexOf(key)];
        stripe.lock.lock();
        try {
            return action.apply(new LockedView(nowNanos));
        } finally {
            stripe.lock.unlock();
        }
    }

    /**
     * Runs {@code action} with the stripes of {@code keys} locked. When {@code nowNanos} is positive, the writes
     * count towards the next sweep of idle buckets in the stripes touched.
     */
    <T> T withLocked(List<BucketKey> keys, long nowNanos, Function<View, T> action) {
        int[] indices = stripeIndices(keys);
        for (int index : indices) {
            stripes[index].lock.lock();
        }
        try {
            return action.apply(new LockedView(nowNanos));
        } finally {
            for (int i = indices.length - 1; i >= 0; i--) {
                stripes[indices[i]].lock.unlock();
            }
        }
    }

    private int[] stripeIndices(List<BucketKey> keys) {
        if (keys.size() == 1) {
            return new int[] {indexOf(keys.get(0))};
        }
        int[] indices = new int[keys.size()];
        for (int i = 0; i < indices.length; i++) {
            indices[i] = indexOf(keys.get(i));
        }
        Arrays.sort(indices);
        int distinct = 1;
        for (int i = 1; i < indices.length; i++) {
            if (indices[i] != indices[distinct - 1]) {
                indices[distinct++] = indices[i];
            }
        }
        return Arrays.copyOf(indices, distinct);
    }

    private int indexOf(BucketKey key) {
        int hash = key.hashCode();
        return (hash ^ (hash >>> 16)) & (stripes.length - 1);
    }

    /** A view over stripes that the current thread holds. */
    private final class LockedView implements View {
        private final long nowNanos;

        LockedView(long nowNanos) {
            this.nowNanos = nowNanos;
        }

        @Override
        public BucketState get(BucketKey key) {
            return stripes[indexOf(key)].buckets.getOrDefault(key, BucketState.EMPTY);
        }

        @Override
        public void put(BucketKey key, BucketState state) {
            Stripe stripe = stripes[indexOf(key)];
            stripe.buckets.put(key, state);
            if (nowNanos > 0 && ++stripe.writesSinceSweep >= Math.max(MIN_SWEEP_INTERVAL, stripe.buckets.size())) {
                stripe.sweep(nowNanos - idleEvictionNanos);
            }
        }
    }

    /** One lock and the buckets it guards. */
    private static final class Stripe {
        private final ReentrantLock lock = new ReentrantLock();
        private final Map<BucketKey, BucketState> buckets = new HashMap<>();
        private int writesSinceSweep;

        /** Drops buckets that were already full at {@code fullAtNanos}. */
        void sweep(long fullAtNanos) {
            writesSinceSweep = 0;
            Iterator<BucketState> states = buckets.values().iterator();
            while (states.hasNext()) {
                if (states.next().isFullAt(fullAtNanos)) {
                    states.remove();
                }
            }
        }
    }
}
