package dev.limiter.allowance;

import dev.limiter.Limit;
import dev.limiter.LocalAllowanceEvent.ReturnReason;
import dev.limiter.backend.BucketKey;
import dev.limiter.bucket.LimitState;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;

/**
 * One limit of one bucket within a pool: its reservations (oldest first), the shared state last seen, and the local
 * demand that sizes the next batch. Guarded by the pool's lock.
 */
final class Entry {

    final int bucket;
    final Tally tally;
    Limit limit;
    final ArrayDeque<Chunk> chunks = new ArrayDeque<>(2);
    /** The limit's shared state as the last backend outcome showed it, or {@code null} before any. */
    LimitState lastKnown;
    /** Tokens asked for since the last batch was sized. */
    long demanded;
    /** Exponentially decayed demand, in tokens per batch interval. */
    double demand;
    long demandAtNanos;

    Entry(int bucket, Limit limit, Tally tally) {
        this.bucket = bucket;
        this.limit = limit;
        this.tally = tally;
    }

    long holdNanos() {
        return limit.local().maxHold().toNanos();
    }

    /** Tokens grantable at {@code nowNanos}. */
    long usable(long nowNanos) {
        long hold = holdNanos();
        long sum = 0;
        for (Chunk chunk : chunks) {
            if (chunk.usableAt(nowNanos, hold)) {
                sum += chunk.remaining();
            }
        }
        return sum;
    }

    /** Tokens held, usable or not yet returned. */
    long held() {
        long sum = 0;
        for (Chunk chunk : chunks) {
            sum += chunk.remaining();
        }
        return sum;
    }

    /** Takes {@code tokens} (at most {@link #usable}) from the oldest usable chunks, recording each take. */
    void take(long tokens, long nowNanos, List<Taken> into) {
        long hold = holdNanos();
        long left = tokens;
        for (Chunk chunk : chunks) {
            if (left == 0) {
                break;
            }
            if (chunk.usableAt(nowNanos, hold)) {
                long part = Math.min(left, chunk.remaining());
                if (part > 0) {
                    chunk.granted += part;
                    left -= part;
                    into.add(new Taken(this, chunk, part));
                }
            }
        }
        tally.granted.addAndGet(tokens - left);
    }

    /**
     * Ends every chunk that is expired at {@code nowNanos} (or every chunk, with {@code all}), adding what it still
     * held to {@code returns}.
     */
    void expire(long nowNanos, boolean all, Returns returns, ReturnReason reason, BucketKey key) {
        long hold = holdNanos();
        Chunk oldest = chunks.peekFirst();
        if (oldest == null || (!all && oldest.usableAt(nowNanos, hold) && chunks.size() == 1)) {
            return; // the common case: one usable chunk, nothing to return
        }
        for (Iterator<Chunk> it = chunks.iterator(); it.hasNext(); ) {
            Chunk chunk = it.next();
            if (all || !chunk.usableAt(nowNanos, hold)) {
                it.remove();
                returns.add(this, chunk, reason, key);
            }
        }
    }

    /** Folds the demand since the last sizing into the decayed demand, with time constant {@code tauNanos}. */
    double demandAt(long nowNanos, long tauNanos) {
        long elapsed = Math.max(0, nowNanos - demandAtNanos);
        double decay = elapsed == 0 ? 1 : Math.exp(-(double) elapsed / tauNanos);
        demand = demand * decay + demanded;
        demanded = 0;
        demandAtNanos = nowNanos;
        return demand;
    }

    /** Tokens of one chunk taken by one grant. */
    record Taken(Entry entry, Chunk chunk, long tokens) {
    }
}
