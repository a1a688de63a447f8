package dev.limiter.allowance;

import dev.limiter.Limit;
import dev.limiter.LocalAllowanceEvent;
import dev.limiter.LocalAllowanceEvent.ReturnReason;
import dev.limiter.backend.BucketCharge;
import dev.limiter.backend.BucketKey;
import dev.limiter.backend.BucketSnapshot;
import dev.limiter.backend.ChargeOutcome;
import dev.limiter.backend.ChargeRequest;
import dev.limiter.backend.LimitCharge;
import dev.limiter.bucket.BucketState;
import dev.limiter.bucket.LimitState;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The allowances of one distinct set of charged buckets (e.g. {@code [user-1]} or {@code [user-1, org]}): per bucket
 * and limit the reserved chunks. Every method runs under the pool's own monitor ({@code synchronized (pool)}), so a
 * local grant takes all the charges of a request at once or none.
 */
final class Pool {

    final List<BucketKey> keys;
    private final List<Map<String, Entry>> entries;
    private final Function<Tally.Id, Tally> tallies;
    /** The reservation in flight for this pool, which concurrent misses wait for; {@code null} when none. */
    CompletableFuture<Void> inFlight;
    boolean removed;
    long touchedAtNanos;
    /** Smoothed time a reservation takes to land, in nanoseconds; 0 before the first. */
    private long latencyNanos;

    Pool(List<BucketKey> keys, Function<Tally.Id, Tally> tallies) {
        this.keys = keys;
        this.tallies = tallies;
        this.entries = new ArrayList<>(keys.size());
        keys.forEach(key -> entries.add(new HashMap<>(4)));
    }

    /**
     * Grants every charge of {@code request} from usable chunks, or nothing; returns the takes, or {@code null} on a
     * miss. Expired chunks and chunks of changed limits of the charged entries go to {@code returns} on the way.
     * The request's demand is counted when {@code firstTry} (a retry after a reservation is the same demand).
     */
    List<Entry.Taken> tryTake(ChargeRequest request, boolean firstTry, Returns returns) {
        long now = request.nowNanos();
        touchedAtNanos = now;
        boolean fits = true;
        for (int i = 0; i < keys.size(); i++) {
            for (LimitCharge charge : request.buckets().get(i).charges()) {
                Entry entry = entry(i, charge.limit(), returns);
                entry.demanded += firstTry ? charge.tokens() : 0;
                entry.expire(now, false, returns, ReturnReason.EXPIRED, keys.get(i));
                fits &= entry.usable(now) >= charge.tokens();
            }
        }
        if (!fits) {
            return null;
        }
        List<Entry.Taken> taken = new ArrayList<>(2);
        for (int i = 0; i < keys.size(); i++) {
            for (LimitCharge charge : request.buckets().get(i).charges()) {
                entries.get(i).get(charge.limit().name()).take(charge.tokens(), now, taken);
            }
        }
        return taken;
    }

    /**
     * The reservation that lets {@code request} be granted locally: for each limit short of tokens, the request's
     * need plus a batch of about the decayed local demand (scaled up when reservations take longer than a batch
     * interval to land), within the limit's share and half of what the shared bucket was last seen to hold.
     * {@code null} when the request should be charged exactly instead: a limit's share cannot cover the need, or the
     * shared bucket was last seen with too little.
     */
    Reservation reservation(ChargeRequest request, long tauNanos) {
        long now = request.nowNanos();
        List<BucketCharge> buckets = new ArrayList<>(keys.size());
        List<Entry> reservedFor = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            BucketCharge original = request.buckets().get(i);
            List<LimitCharge> charges = new ArrayList<>(original.charges().size());
            for (LimitCharge charge : original.charges()) {
                Entry entry = entries.get(i).get(charge.limit().name());
                Limit limit = entry.limit;
                long needed = charge.tokens() - entry.usable(now);
                // A batch covers the demand until the next one can land: a batch interval, or longer when
                // reservations take longer than that (a slow or throttled backend), so misses do not queue.
                double demand = entry.demandAt(now, tauNanos) * Math.max(1.0, (double) latencyNanos / tauNanos);
                if (needed <= 0) {
                    continue;
                }
                long room = Math.min(limit.local().maxTokens(limit) - entry.held(), limit.capacity());
                long available = entry.lastKnown == null ? limit.capacity()
                        : entry.lastKnown.reconcile(limit, now).availableTokens(now);
                if (room < needed || available < needed) {
                    return null;
                }
                long batch = Math.max(needed, (long) Math.ceil(Math.min(demand, Long.MAX_VALUE / 2.0)));
                // Leave half of what is left to the other processes, so that the last tokens stay usable.
                long reserved = Math.min(batch, Math.min(room, Math.max(needed, available / 2)));
                charges.add(new LimitCharge(limit, reserved));
                reservedFor.add(entry);
            }
            if (!charges.isEmpty()) {
                buckets.add(new BucketCharge(original.key(), charges, original.configured()));
            }
        }
        if (buckets.isEmpty()) {
            return null;
        }
        return new Reservation(new ChargeRequest(dev.limiter.backend.LeaseId.random(), now, buckets), reservedFor);
    }

    /**
     * Records the outcome of {@code reservation}: chunks for every reserved limit when granted, and in any case the
     * shared state it showed. Returns the reservation events.
     */
    List<LocalAllowanceEvent> reserved(Reservation reservation, ChargeOutcome outcome) {
        observe(outcome, reservation.request().nowNanos());
        List<LocalAllowanceEvent> events = new ArrayList<>();
        if (!outcome.granted()) {
            return events;
        }
        int next = 0;
        for (BucketCharge bucket : reservation.request().buckets()) {
            for (LimitCharge charge : bucket.charges()) {
                Entry entry = reservation.entries().get(next++);
                entry.chunks.add(new Chunk(charge.tokens(), charge.costNanos(), reservation.request().nowNanos()));
                entry.tally.reserved.addAndGet(charge.tokens());
                events.add(new LocalAllowanceEvent(LocalAllowanceEvent.Kind.RESERVED, bucket.key().entity(),
                        bucket.key().resource(), charge.limit(), charge.tokens(), null));
            }
        }
        return events;
    }

    /** Folds the time one reservation took to land into the smoothed latency (weight 1/4 for the new one). */
    void landedAfter(long tookNanos) {
        latencyNanos = latencyNanos == 0 ? tookNanos : latencyNanos + (tookNanos - latencyNanos) / 4;
    }

    /** Keeps the shared state an outcome showed for the limits this pool knows. */
    void observe(ChargeOutcome outcome, long nowNanos) {
        for (BucketSnapshot snapshot : outcome.buckets()) {
            int i = keys.indexOf(snapshot.key());
            if (i < 0) {
                continue;
            }
            for (LimitState state : snapshot.state().limits()) {
                Entry entry = entries.get(i).get(state.limit().name());
                if (entry != null) {
                    entry.lastKnown = state;
                }
            }
        }
    }

    /**
     * The outcome reported for a local grant: per charged limit the last known shared state plus what this pool
     * still holds, an estimate (other processes' charges since are unknown).
     */
    ChargeOutcome estimate(ChargeRequest request) {
        long now = request.nowNanos();
        List<BucketSnapshot> snapshots = new ArrayList<>(keys.size());
        for (int i = 0; i < keys.size(); i++) {
            List<LimitState> states = new ArrayList<>();
            for (LimitCharge charge : request.buckets().get(i).charges()) {
                Entry entry = entries.get(i).get(charge.limit().name());
                LimitState seen = entry.lastKnown == null ? LimitState.fresh(entry.limit)
                        : entry.lastKnown.reconcile(entry.limit, now);
                long lifted = Math.max(0, seen.tatNanos() - entry.limit.costNanos(Math.min(entry.held(),
                        entry.limit.capacity())));
                states.add(new LimitState(entry.limit, lifted, seen.consumedTokens()));
            }
            snapshots.add(new BucketSnapshot(keys.get(i), new BucketState(states)));
        }
        return new ChargeOutcome(true, snapshots);
    }

    /** Top-up of a settling local lease: takes up to {@code tokens} usable ones of the entry; returns how many. */
    long topUp(BucketKey key, Limit limit, long tokens, long nowNanos, List<Entry.Taken> taken) {
        int i = keys.indexOf(key);
        Entry entry = i < 0 ? null : entries.get(i).get(limit.name());
        if (entry == null || !entry.limit.equals(limit)) {
            return 0;
        }
        long part = Math.min(tokens, entry.usable(nowNanos));
        if (part > 0) {
            entry.take(part, nowNanos, taken);
        }
        return part;
    }

    /**
     * Returns expired chunks at {@code nowNanos} (every chunk with {@code all}) and, with {@code idleNanos > 0}, the
     * chunks of entries untouched for that long (demand dropped).
     */
    void sweep(long nowNanos, boolean all, long idleNanos, Returns returns) {
        boolean idle = idleNanos > 0 && nowNanos - touchedAtNanos >= idleNanos;
        ReturnReason reason = all ? ReturnReason.CLOSED : ReturnReason.EXPIRED;
        for (int i = 0; i < keys.size(); i++) {
            for (Entry entry : entries.get(i).values()) {
                entry.expire(nowNanos, all || idle, returns, idle && !all ? ReturnReason.IDLE : reason, keys.get(i));
            }
        }
    }

    /** Tokens held unused for {@code name} of {@code key}. */
    long held(BucketKey key, String name) {
        int i = keys.indexOf(key);
        Entry entry = i < 0 ? null : entries.get(i).get(name);
        return entry == null ? 0 : entry.held();
    }

    /** Whether nothing is held or in flight. */
    boolean isEmpty() {
        if (inFlight != null) {
            return false;
        }
        for (Map<String, Entry> bucket : entries) {
            for (Entry entry : bucket.values()) {
                if (entry.held() > 0) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The entry for {@code limit} on bucket {@code i}; a changed limit first returns what was reserved under the old. */
    private Entry entry(int i, Limit limit, Returns returns) {
        Map<String, Entry> bucket = entries.get(i);
        Entry entry = bucket.get(limit.name());
        if (entry == null) {
            entry = new Entry(i, limit, tallies.apply(new Tally.Id(keys.get(i), limit.name())));
            bucket.put(limit.name(), entry);
        } else if (!entry.limit.equals(limit)) {
            entry.expire(0, true, returns, ReturnReason.CHANGED, keys.get(i));
            entry.limit = limit;
            entry.lastKnown = null;
        }
        return entry;
    }

    /** A reservation charge and the entries its charges are for, in charge order. */
    record Reservation(ChargeRequest request, List<Entry> entries) {
    }
}
