package dev.limiter.internal;

import dev.limiter.Limit;
import dev.limiter.backend.BucketKey;

/**
 * A backend whose buckets live in this process and can be charged synchronously, in the caller's thread, from
 * primitive arrays: the limiter's fast path for a single-bucket acquire, which skips the asynchronous SPI's request,
 * outcome and future objects. Same semantics as {@link dev.limiter.backend.Backend#charge} for one bucket.
 *
 * <p>Implementations are thread-safe. The arrays are read, and {@code tatsOut} written, only during the call.
 */
public interface LocalBuckets {

    /**
     * Admits and writes every charge on the bucket of {@code key}, or none: charge {@code i} takes {@code tokens[i]}
     * of {@code limits[i]} at a cost of {@code costNanos[i]} and is admitted iff the bucket's backlog under that limit
     * (reconciled to its parameters) is at most {@code slackNanos[i]}.
     *
     * @param tatsOut receives, per charge, the TAT after the charge when granted, or the reconciled TAT the
     *                rejection was based on
     * @return whether every charge was admitted and written
     */
    boolean chargeNow(BucketKey key, Limit[] limits, long[] tokens, long[] costNanos, long[] slackNanos,
                      long nowNanos, long[] tatsOut);

    /**
     * Applies a lease's settlement to the bucket of {@code key} without an admission check, as
     * {@link dev.limiter.backend.Backend#settle} does: change {@code i} adds {@code tokens[i]} of {@code limits[i]}
     * (a charge into debt if positive, a refund if negative, nothing if 0) at a cost of {@code costNanos[i]}.
     */
    void settleNow(BucketKey key, Limit[] limits, long[] tokens, long[] costNanos, long nowNanos);
}
