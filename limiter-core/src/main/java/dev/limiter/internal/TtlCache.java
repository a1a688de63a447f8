package dev.limiter.internal;

import dev.limiter.config.CacheStats;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * A bounded cache of asynchronously loaded values, each with its own expiry time.
 *
 * <p>Concurrency: lookups are lock-free reads of a {@link ConcurrentHashMap}. A miss installs the loading future
 * with {@code compute}, so concurrent misses for one key share one load. Failed loads are removed, never cached.
 * When the map outgrows its bound, expired entries are swept and, if that is not enough, arbitrary entries are
 * dropped; the bound is approximate, which is all a configuration cache needs.
 *
 * <p>Refresh ahead: a hit within {@code refreshAhead} of the entry's expiry starts one background reload and is
 * served the current value meanwhile; a successful reload replaces the entry, a failed one leaves it to expire. So
 * a steadily used key is reloaded before it expires and no lookup waits for the store.
 *
 * @param <K> key type, with value semantics
 * @param <V> value type
 */
public final class TtlCache<K, V> {

    /** A cached value and the time it stops being served. */
    public record Timed<V>(V value, long expiresAtNanos) {
    }

    /** Told about every lookup. */
    @FunctionalInterface
    public interface AccessListener {
        /** A lookup was answered from the cache ({@code hit}) or needed a load. */
        void onAccess(boolean hit);
    }

    private final ConcurrentHashMap<K, CompletableFuture<Timed<V>>> entries = new ConcurrentHashMap<>();
    private final InstantSource clock;
    private final int maxEntries;
    private final AccessListener accessListener;
    private final long refreshAheadNanos;
    private final Set<K> refreshing = ConcurrentHashMap.newKeySet();
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder failures = new LongAdder();
    private final LongAdder evictions = new LongAdder();

    /** Creates an empty cache reading time from {@code clock} and holding about {@code maxEntries} entries. */
    public TtlCache(InstantSource clock, int maxEntries, AccessListener accessListener) {
        this(clock, maxEntries, accessListener, Duration.ZERO);
    }

    /** Like the three-argument constructor, reloading entries in the background {@code refreshAhead} before expiry. */
    public TtlCache(InstantSource clock, int maxEntries, AccessListener accessListener, Duration refreshAhead) {
        this.clock = Require.nonNull("clock", clock);
        this.maxEntries = (int) Require.positive("maxEntries", maxEntries, Integer.MAX_VALUE);
        this.accessListener = Require.nonNull("accessListener", accessListener);
        Require.argument(!refreshAhead.isNegative(), "refreshAhead must not be negative, got " + refreshAhead);
        this.refreshAheadNanos = refreshAhead.toNanos();
    }

    /** The cached value for {@code key}, loading it with {@code loader} when absent or expired. */
    public CompletableFuture<Timed<V>> get(K key, Function<K, CompletableFuture<Timed<V>>> loader) {
        return get(key, loader, now());
    }

    /**
     * {@link #get(Object, Function)} as of {@code now}, in epoch nanoseconds read from this cache's clock by the
     * caller: an acquire reads the clock once for its bucket and its cache lookups.
     */
    public CompletableFuture<Timed<V>> get(K key, Function<K, CompletableFuture<Timed<V>>> loader, long now) {
        CompletableFuture<Timed<V>> cached = entries.get(key);
        if (cached != null && fresh(cached, now)) {
            hits.increment();
            accessListener.onAccess(true);
            if (refreshAheadNanos > 0 && cached.isDone() && cached.join().expiresAtNanos() - now <= refreshAheadNanos) {
                refreshAhead(key, cached, loader);
            }
            return cached;
        }
        boolean[] loaded = {false};
        CompletableFuture<Timed<V>> installed = entries.compute(key, (k, existing) -> {
            if (existing != null && fresh(existing, now)) {
                return existing;
            }
            loaded[0] = true;
            return Futures.guard(() -> loader.apply(k));
        });
        if (!loaded[0]) {
            hits.increment();
            accessListener.onAccess(true);
            return installed;
        }
        misses.increment();
        accessListener.onAccess(false);
        installed.whenComplete((value, failure) -> {
            if (failure != null) {
                failures.increment();
                entries.remove(key, installed);
            }
        });
        if (entries.size() > maxEntries) {
            shrink(now);
        }
        return installed;
    }

    /** Starts one background reload of {@code key}; it replaces {@code current} only if that is still the entry. */
    private void refreshAhead(K key, CompletableFuture<Timed<V>> current,
                              Function<K, CompletableFuture<Timed<V>>> loader) {
        if (!refreshing.add(key)) {
            return;
        }
        Futures.guard(() -> loader.apply(key)).whenComplete((value, failure) -> {
            refreshing.remove(key);
            if (failure == null) {
                entries.replace(key, current, CompletableFuture.completedFuture(value));
            } else {
                failures.increment();
            }
        });
    }

    /** Drops every entry. */
    public void invalidateAll() {
        entries.clear();
    }

    /** The counters so far. */
    public CacheStats stats() {
        return new CacheStats(hits.sum(), misses.sum(), failures.sum(), evictions.sum());
    }

    /**
     * Now, in epoch nanoseconds at millisecond resolution: {@link InstantSource#millis()} reads the system clock
     * without allocating an {@code Instant}, and a cache needs no finer expiry.
     */
    public long now() {
        return clock.millis() * 1_000_000L;
    }

    private static <V> boolean fresh(CompletableFuture<Timed<V>> entry, long now) {
        if (!entry.isDone()) {
            return true;
        }
        if (entry.isCompletedExceptionally()) {
            return false;
        }
        return entry.join().expiresAtNanos() > now;
    }

    private void shrink(long now) {
        Iterator<Map.Entry<K, CompletableFuture<Timed<V>>>> it = entries.entrySet().iterator();
        while (it.hasNext()) {
            if (!fresh(it.next().getValue(), now)) {
                it.remove();
            }
        }
        it = entries.entrySet().iterator();
        while (entries.size() > maxEntries * 3 / 4 && it.hasNext()) {
            it.next();
            it.remove();
            evictions.increment();
        }
    }
}
