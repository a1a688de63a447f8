package dev.limiter.dynamodb.acquire;

import dev.limiter.Limit;
import dev.limiter.bucket.BucketState;
import dev.limiter.bucket.LimitState;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What this process last saw of each bucket, from the item images its writes returned. It only steers the choice of
 * branch: a wrong guess costs one more attempt, never a wrong decision, because every decision is DynamoDB's
 * condition check.
 *
 * <p>When the cached TAT is ahead of now the bucket is certainly busy. When it is behind, the bucket has either
 * refilled (idle) or been charged by other writers since (busy); the cache then repeats what the last look found:
 * limits seen busy before the last write stay guessed busy. A lone client pacing itself thus keeps guessing idle, and
 * clients contending for a hot key keep guessing busy, so both pay one request per acquire.
 *
 * <p>Bounded: cleared when it outgrows its size. Thread-safe.
 */
final class BucketCache {

    /**
     * One bucket as last seen, the names of its limits that were busy before the last write, how many recent write
     * tokens its item held, and when (writer's clock) it was seen.
     */
    private record Seen(BucketState state, Set<String> busy, int recentTokens, long seenNanos) {
    }

    /**
     * How long a view of the recent-token list may be trusted to trim it: half the TTL grace, since every write sets
     * an expiry at least the grace after its own time, so an item seen more recently cannot have expired since.
     */
    private static final long TRUST_RECENT_NANOS = Ttl.GRACE.toNanos() / 2;

    private final ConcurrentHashMap<String, Seen> buckets = new ConcurrentHashMap<>();
    private final int maxEntries;

    BucketCache(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    Optional<BucketState> get(String pk) {
        Seen seen = buckets.get(pk);
        return seen == null ? Optional.empty() : Optional.of(seen.state());
    }

    /**
     * Records a look at a bucket at {@code nowNanos}: its state, which limits were busy before the write (if any),
     * and how many recent tokens its item held.
     */
    void observe(String pk, BucketState state, Set<String> busy, int recentTokens, long nowNanos) {
        if (buckets.size() >= maxEntries) {
            buckets.clear();
        }
        buckets.put(pk, new Seen(state, Set.copyOf(busy), recentTokens, nowNanos));
    }

    /** Records a new state of a bucket, keeping what was known of its limits' busyness. */
    void update(String pk, BucketState state, int recentTokens, long nowNanos) {
        Seen previous = buckets.get(pk);
        observe(pk, state, previous == null ? Set.of() : previous.busy(), recentTokens, nowNanos);
    }

    /** Forgets a bucket, e.g. after a write was refused as invalid for the item as last seen. */
    void forget(String pk) {
        buckets.remove(pk);
    }

    /**
     * How many recent tokens the bucket's item held when last seen, if that was recent enough to trust that the list
     * still exists; else 0 (unknown).
     */
    int recentTokens(String pk, long nowNanos) {
        Seen seen = buckets.get(pk);
        return seen == null || nowNanos - seen.seenNanos() > TRUST_RECENT_NANOS ? 0 : seen.recentTokens();
    }

    /** The branch to try for charging {@code tokens} of {@code limit} at {@code nowNanos}. */
    Branch branchFor(String pk, Limit limit, long tokens, long nowNanos) {
        Seen seen = buckets.get(pk);
        if (seen == null) {
            return Branch.IDLE;
        }
        Optional<LimitState> stored = seen.state().find(limit.name());
        if (stored.isEmpty()) {
            return Branch.IDLE;
        }
        Branch exact = branchFromExact(stored.get(), limit, tokens, nowNanos);
        return exact == Branch.IDLE && seen.busy().contains(limit.name()) ? Branch.BUSY : exact;
    }

    /** The branch that fits an exactly known stored state. */
    static Branch branchFromExact(LimitState stored, Limit limit, long tokens, long nowNanos) {
        if (!stored.limit().sameParameters(limit)) {
            return stored.reconcile(limit, nowNanos).admits(tokens, nowNanos) ? new Branch.Reconcile(stored)
                    : Branch.BUSY;
        }
        return stored.tatNanos() > nowNanos ? Branch.BUSY : Branch.IDLE;
    }
}
