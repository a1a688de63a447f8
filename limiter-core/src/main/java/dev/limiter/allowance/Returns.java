package dev.limiter.allowance;

import dev.limiter.Limit;
import dev.limiter.LocalAllowanceEvent;
import dev.limiter.LocalAllowanceEvent.ReturnReason;
import dev.limiter.backend.BucketAdjustment;
import dev.limiter.backend.BucketKey;
import dev.limiter.backend.LeaseId;
import dev.limiter.backend.LimitAdjustment;
import dev.limiter.backend.SettleRequest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Unused reserved tokens collected under a pool's lock, to be refunded to the shared bucket after it: one settle for
 * all of them, one adjustment per (bucket, limit).
 *
 * <p>A chunk that granted {@code g} of its {@code r} tokens gives back {@code r - g} tokens and
 * {@code cost(r) - cost(g)} nanoseconds of bucket time: exactly what was charged minus what an exact charge of the
 * granted tokens would have cost, so the refund never exceeds the reservation.
 */
final class Returns {

    private record Key(BucketKey bucket, String limit) {
    }

    private static final class Sum {
        final Limit limit;
        long tokens;
        long costNanos;

        Sum(Limit limit) {
            this.limit = limit;
        }
    }

    /** Created on the first return: most touches of a pool return nothing. */
    private Map<Key, Sum> sums;
    private List<LocalAllowanceEvent> events;
    /** Per return, the tally it was counted in, to move it to {@code returnsFailed} if the settle fails. */
    private List<Tally> tallies;

    /** Ends {@code chunk} of {@code entry} and adds what it still holds. Call under the pool's lock. */
    void add(Entry entry, Chunk chunk, ReturnReason reason, BucketKey key) {
        long unused = chunk.remaining();
        chunk.live = false;
        if (unused <= 0) {
            return;
        }
        if (sums == null) {
            sums = new LinkedHashMap<>();
            events = new ArrayList<>();
            tallies = new ArrayList<>();
        }
        long cost = chunk.costNanos - entry.limit.costNanos(chunk.granted);
        entry.tally.returned.addAndGet(unused);
        Sum sum = sums.computeIfAbsent(new Key(key, entry.limit.name()), k -> new Sum(entry.limit));
        sum.tokens += unused;
        sum.costNanos += Math.max(0, cost);
        events.add(new LocalAllowanceEvent(LocalAllowanceEvent.Kind.RETURNED, key.entity(), key.resource(),
                entry.limit, unused, reason));
        tallies.add(entry.tally);
    }

    /**
     * The settle of these returns failed: what each counted as returned stays charged to the shared bucket, so the
     * ledger moves it to {@code returnsFailed}. Returns the events of the failed returns.
     */
    List<LocalAllowanceEvent> failed() {
        List<LocalAllowanceEvent> failed = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            LocalAllowanceEvent returned = events.get(i);
            tallies.get(i).returned.addAndGet(-returned.tokens());
            tallies.get(i).returnsFailed.addAndGet(returned.tokens());
            failed.add(new LocalAllowanceEvent(LocalAllowanceEvent.Kind.RETURN_FAILED, returned.entity(),
                    returned.resource(), returned.limit(), returned.tokens(), returned.reason()));
        }
        return failed;
    }

    boolean isEmpty() {
        return sums == null;
    }

    List<LocalAllowanceEvent> events() {
        return events;
    }

    /** The one settle that refunds everything collected, stamped {@code nowNanos}. */
    SettleRequest toRequest(long nowNanos) {
        Map<BucketKey, List<LimitAdjustment>> byBucket = new LinkedHashMap<>();
        sums.forEach((key, sum) -> byBucket.computeIfAbsent(key.bucket(), k -> new ArrayList<>())
                .add(new LimitAdjustment(sum.limit, -sum.tokens, sum.costNanos)));
        List<BucketAdjustment> buckets = new ArrayList<>(byBucket.size());
        byBucket.forEach((key, adjustments) -> buckets.add(new BucketAdjustment(key, adjustments)));
        return new SettleRequest(LeaseId.random(), nowNanos, buckets);
    }
}
