package dev.limiter.cli.demo;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * The demo's own accounting, kept apart from the limiter: per entity, the calls granted and rejected, the
 * retry-after of its rejections, the peak {@code tpm} debt sampled from the limiter, and per limit the net tokens
 * charged, from what the demo asked for (acquired amounts plus adjustments, minus what roll-backs refunded). A call
 * charges every entity of its user's chain.
 *
 * <p>Thread-safe: every counter is a {@link LongAdder} in a map fixed at construction.
 */
final class Ledger {

    private final Map<String, Tally> tallies;
    private final LongAdder granted = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final LongAdder rolledBack = new LongAdder();

    /** A ledger for {@code entities} and the limits called {@code limitNames}, all counters at zero. */
    Ledger(Collection<String> entities, Collection<String> limitNames) {
        Map<String, Tally> map = new LinkedHashMap<>();
        for (String entity : entities) {
            map.put(entity, new Tally(limitNames));
        }
        this.tallies = Map.copyOf(map);
    }

    /** A call for the first entity of {@code chain} was granted and charged {@code amounts} to the whole chain. */
    void granted(List<String> chain, Map<String, Long> amounts) {
        granted.increment();
        for (String entity : chain) {
            Tally tally = tally(entity);
            tally.granted.increment();
            amounts.forEach((limit, amount) -> tally.net(limit).add(amount));
        }
    }

    /** A granted call adjusted limit {@code limit} by {@code delta} tokens along {@code chain}. */
    void adjusted(List<String> chain, String limit, long delta) {
        for (String entity : chain) {
            tally(entity).net(limit).add(delta);
        }
    }

    /** A granted call was rolled back, refunding {@code amounts} along {@code chain}. */
    void rolledBack(List<String> chain, Map<String, Long> amounts) {
        rolledBack.increment();
        for (String entity : chain) {
            Tally tally = tally(entity);
            amounts.forEach((limit, amount) -> tally.net(limit).add(-amount));
        }
    }

    /** A call was rejected by limits of {@code violators}, to be retried after {@code retryAfter}. */
    void rejected(Collection<String> violators, Duration retryAfter) {
        rejected.increment();
        for (String entity : violators) {
            Tally tally = tally(entity);
            tally.rejected.increment();
            tally.retryAfterNanos.add(retryAfter.toNanos());
        }
    }

    /** The limiter reported {@code entity} owing {@code debt} tokens of its {@code tpm} limit; keeps the peak. */
    void sawDebt(String entity, long debt) {
        tally(entity).peakDebt.accumulate(debt);
    }

    /** Calls granted so far. */
    long granted() {
        return granted.sum();
    }

    /** Calls rejected so far. */
    long rejected() {
        return rejected.sum();
    }

    /** Calls rolled back so far. */
    long rolledBack() {
        return rolledBack.sum();
    }

    /** The counters of {@code entity} now. */
    EntityTally tallyOf(String entity) {
        Tally tally = tally(entity);
        Map<String, Long> net = new LinkedHashMap<>();
        tally.net.forEach((limit, adder) -> net.put(limit, adder.sum()));
        long rejections = tally.rejected.sum();
        Duration meanRetryAfter = rejections == 0 ? Duration.ZERO
                : Duration.ofNanos(tally.retryAfterNanos.sum() / rejections);
        return new EntityTally(entity, tally.granted.sum(), rejections, meanRetryAfter, tally.peakDebt.get(), net);
    }

    private Tally tally(String entity) {
        Tally tally = tallies.get(entity);
        if (tally == null) {
            throw new NoSuchElementException("the ledger has no entity '" + entity + "'");
        }
        return tally;
    }

    /** The live counters of one entity. */
    private static final class Tally {
        private final LongAdder granted = new LongAdder();
        private final LongAdder rejected = new LongAdder();
        private final LongAdder retryAfterNanos = new LongAdder();
        private final LongAccumulator peakDebt = new LongAccumulator(Math::max, 0);
        private final Map<String, LongAdder> net;

        Tally(Collection<String> limitNames) {
            Map<String, LongAdder> map = new LinkedHashMap<>();
            limitNames.forEach(name -> map.put(name, new LongAdder()));
            this.net = map;
        }

        LongAdder net(String limit) {
            LongAdder adder = net.get(limit);
            if (adder == null) {
                throw new NoSuchElementException("the ledger does not track limit '" + limit + "'");
            }
            return adder;
        }
    }
}
