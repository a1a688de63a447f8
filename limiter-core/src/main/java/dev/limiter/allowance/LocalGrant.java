package dev.limiter.allowance;

import dev.limiter.Limit;
import dev.limiter.backend.BucketAdjustment;
import dev.limiter.backend.BucketKey;
import dev.limiter.backend.LimitAdjustment;
import dev.limiter.backend.SettleRequest;
import dev.limiter.internal.Arithmetic;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * An acquire granted from an allowance: which chunks its tokens came from, so that its lease's adjustments settle
 * locally when they can. A refund goes back into the chunks it came from while they are still usable (never into a
 * newer chunk: that would hold tokens past their hold time); a top-up takes usable tokens of the pool. What does not
 * fit goes to the shared bucket as without the tier (debt allowed). Used by {@code dev.limiter}'s leases.
 */
public final class LocalGrant {

    private final AllowanceTier tier;
    private final Pool pool;
    private final List<Entry.Taken> taken;
    /** Tokens of each take refunded so far; sized when the lease settles. */
    private long[] refunded = new long[0];

    LocalGrant(AllowanceTier tier, Pool pool, List<Entry.Taken> taken) {
        this.tier = tier;
        this.pool = pool;
        this.taken = taken;
    }

    /** Settles {@code request}'s adjustments locally where the pool covers them, the rest through the backend. */
    public CompletableFuture<Void> settle(SettleRequest request) {
        long now = request.nowNanos();
        List<BucketAdjustment> forward = new ArrayList<>();
        synchronized (pool) {
            refunded = new long[taken.size()];
            for (BucketAdjustment bucket : request.buckets()) {
                List<LimitAdjustment> rest = new ArrayList<>();
                for (LimitAdjustment adjustment : bucket.adjustments()) {
                    LimitAdjustment left = adjustment.tokens() < 0 ? refund(bucket.key(), adjustment, now)
                            : topUp(bucket.key(), adjustment, now);
                    if (left != null) {
                        rest.add(left);
                    }
                }
                if (!rest.isEmpty()) {
                    forward.add(new BucketAdjustment(bucket.key(), rest));
                }
            }
        }
        return forward.isEmpty() ? CompletableFuture.completedFuture(null)
                : tier.forward(new SettleRequest(request.leaseId(), now, forward));
    }

    /** Puts a refund back into this grant's usable chunks; returns the adjustment left for the backend, or null. */
    private LimitAdjustment refund(BucketKey key, LimitAdjustment adjustment, long now) {
        Limit limit = adjustment.limit();
        long left = -adjustment.tokens();
        long localLeft = 0;
        for (int i = taken.size() - 1; i >= 0 && left > 0; i--) {
            Entry.Taken take = taken.get(i);
            if (!matches(take, key, limit)) {
                continue;
            }
            long part = Math.min(left, take.tokens() - refunded(i));
            if (part <= 0) {
                continue;
            }
            addRefunded(i, part);
            left -= part;
            if (take.chunk().usableAt(now, take.entry().holdNanos()) && take.entry().limit.equals(limit)) {
                take.chunk().granted -= part;
                take.entry().tally.granted.addAndGet(-part);
            } else {
                // A locally granted token refunded to the shared bucket: it leaves the ledger as returned.
                take.entry().tally.granted.addAndGet(-part);
                take.entry().tally.returned.addAndGet(part);
                localLeft += part;
            }
        }
        long toBackend = left + localLeft;
        if (toBackend == 0) {
            return null;
        }
        long cost = Math.min(adjustment.costNanos(),
                Arithmetic.mulDivFloor(toBackend, limit.periodNanos(), limit.refillAmount()));
        return new LimitAdjustment(limit, -toBackend, cost);
    }

    /** Takes a top-up from the pool where it can; returns the adjustment left for the backend, or null. */
    private LimitAdjustment topUp(BucketKey key, LimitAdjustment adjustment, long now) {
        long got = pool.topUp(key, adjustment.limit(), adjustment.tokens(), now, taken);
        long left = adjustment.tokens() - got;
        return left == 0 ? null : new LimitAdjustment(adjustment.limit(), left, adjustment.limit().costNanos(left));
    }

    private boolean matches(Entry.Taken take, BucketKey key, Limit limit) {
        return take.entry().limit.name().equals(limit.name()) && pool.keys.get(take.entry().bucket).equals(key);
    }

    private long refunded(int i) {
        return i < refunded.length ? refunded[i] : 0;
    }

    private void addRefunded(int i, long tokens) {
        if (i < refunded.length) {
            refunded[i] += tokens;
        }
    }
}
