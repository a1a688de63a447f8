package dev.limiter.internal;

import dev.limiter.Limit;
import dev.limiter.backend.BucketKey;

/**
 * A backend whose buckets live in this process and can be charged synchronously, in the caller's thread, from
 * primitive arrays: the limiter's fast path for a single-bucket acquire, which skips the asynchronous SPI's request,
 * outcome and future objects. Same semantics as {@link dev.limiter.backend.Backend#charge} and
 * {@link dev.limiter.backend.Backend#settle} for one bucket.
 *
 * <p>Implementations are thread-safe.
 */
public interface LocalBuckets {

    /**
     * A handle on the bucket of {@code key} for repeated charges, so that each charge need not look the key up; it
     * stays valid for the life of the backend (a bucket evicted meanwhile is looked up again) and may be shared
     * between threads.
     */
    Bucket bucket(BucketKey key);

    /** One bucket of a {@link LocalBuckets} backend. Thread-safe; the arrays are only used during a call. */
    interface Bucket {

        /**
         * Admits and writes every charge, or none: charge {@code i} takes {@code tokens[i]} of {@code limits[i]} at a
         * cost of {@code costNanos[i]} and is admitted iff the bucket's backlog under that limit (reconciled to its
         * parameters) is at most {@code slackNanos[i]}.
         *
         * @param tatsOut receives, per charge, the TAT after the charge when granted, or the reconciled TAT the
         *                rejection was based on
         * @return whether every charge was admitted and written
         */
        boolean chargeNow(Limit[] limits, long[] tokens, long[] costNanos, long[] slackNanos, long nowNanos,
                          long[] tatsOut);

        /**
         * Applies a lease's settlement without an admission check: change {@code i} adds {@code tokens[i]} of
         * {@code limits[i]} (a charge into debt if positive, a refund if negative, nothing if 0) at a cost of
         * {@code costNanos[i]}.
         */
        void settleNow(Limit[] limits, long[] tokens, long[] costNanos, long nowNanos);
    }
}
