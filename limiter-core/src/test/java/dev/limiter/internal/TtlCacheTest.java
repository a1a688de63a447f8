package dev.limiter.internal;

import dev.limiter.config.CacheStats;
import dev.limiter.internal.TtlCache.Timed;
import dev.limiter.testkit.ManualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TtlCacheTest {

    private static final Duration TTL = Duration.ofSeconds(60);

    private final ManualClock clock = ManualClock.create();
    private final List<Boolean> accesses = new ArrayList<>();
    private final AtomicInteger loads = new AtomicInteger();
    private final TtlCache<String, String> cache = new TtlCache<>(clock, 100, accesses::add);

    // ---- hits, misses and expiry ----

    @Test
    void get_firstLookup_loadsAndCountsAMiss() {
        String value = cache.get("a", loader()).join().value();

        assertThat(value).isEqualTo("value of a #1");
        assertThat(cache.stats()).isEqualTo(new CacheStats(0, 1, 0, 0));
    }

    @Test
    void get_repeatedLookupWithinTtl_isServedFromCache() {
        cache.get("a", loader()).join();

        String value = cache.get("a", loader()).join().value();

        assertThat(value).isEqualTo("value of a #1");
        assertThat(loads).hasValue(1);
        assertThat(cache.stats()).isEqualTo(new CacheStats(1, 1, 0, 0));
    }

    @Test
    void get_oneNanoBeforeExpiry_isServedFromCache() {
        cache.get("a", loader()).join();
        clock.advance(TTL.minusNanos(1));

        String value = cache.get("a", loader()).join().value();

        assertThat(value).isEqualTo("value of a #1");
    }

    @Test
    void get_exactlyAtExpiry_loadsAgain() {
        cache.get("a", loader()).join();
        clock.advance(TTL);

        String value = cache.get("a", loader()).join().value();

        assertThat(value).isEqualTo("value of a #2");
        assertThat(cache.stats().misses()).isEqualTo(2);
    }

    @Test
    void get_everyLookup_isToldToTheAccessListener() {
        cache.get("a", loader()).join();
        cache.get("a", loader()).join();
        clock.advance(TTL);

        cache.get("a", loader()).join();

        assertThat(accesses).containsExactly(false, true, false);
    }

    @Test
    void invalidateAll_cachedEntry_isLoadedAgain() {
        cache.get("a", loader()).join();

        cache.invalidateAll();

        assertThat(cache.get("a", loader()).join().value()).isEqualTo("value of a #2");
    }

    // ---- loads in flight ----

    @Test
    void get_secondLookupWhileLoading_sharesTheOneLoad() {
        CompletableFuture<Timed<String>> pending = new CompletableFuture<>();
        CompletableFuture<Timed<String>> first = cache.get("a", key -> handLoaded(pending));

        CompletableFuture<Timed<String>> second = cache.get("a", key -> handLoaded(pending));
        pending.complete(new Timed<>("late", clock.nanos() + TTL.toNanos()));

        assertThat(loads).hasValue(1);
        assertThat(second).isSameAs(first);
        assertThat(second.join().value()).isEqualTo("late");
        assertThat(accesses).containsExactly(false, true);
    }

    @Test
    void get_loadInFlightPastItsTtl_isStillShared() {
        CompletableFuture<Timed<String>> pending = new CompletableFuture<>();
        CompletableFuture<Timed<String>> first = cache.get("a", key -> handLoaded(pending));
        clock.advance(TTL.multipliedBy(2));

        CompletableFuture<Timed<String>> second = cache.get("a", loader());

        assertThat(second).isSameAs(first);
        assertThat(loads).hasValue(1);
    }

    @Test
    void get_concurrentMissesFromManyThreads_loadOnce() throws Exception {
        int threads = 8;
        CompletableFuture<Timed<String>> pending = new CompletableFuture<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<CompletableFuture<Timed<String>>>> lookups = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                lookups.add(pool.submit(() -> {
                    start.await();
                    return cache.get("a", key -> handLoaded(pending));
                }));
            }
            start.countDown();
            List<CompletableFuture<Timed<String>>> results = new ArrayList<>();
            for (Future<CompletableFuture<Timed<String>>> lookup : lookups) {
                results.add(lookup.get(30, TimeUnit.SECONDS));
            }
            pending.complete(new Timed<>("shared", clock.nanos() + TTL.toNanos()));
            assertThat(results).allSatisfy(result -> assertThat(result.join().value()).isEqualTo("shared"));
        } finally {
            pool.shutdownNow();
        }
        assertThat(loads).hasValue(1);
        assertThat(cache.stats()).isEqualTo(new CacheStats(threads - 1, 1, 0, 0));
    }

    @Test
    @Timeout(30)
    void get_missRacingALoadBeingInstalled_waitsForItAndSharesIt() throws Exception {
        // The first load blocks while it is being installed; a second lookup misses the fast path and queues behind it.
        CountDownLatch installing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Timed<String>> pending = new CompletableFuture<>();
        Thread first = new Thread(() -> cache.get("a", key -> {
            installing.countDown();
            awaitUninterruptibly(release);
            return handLoaded(pending);
        }));
        first.start();
        installing.await();
        List<CompletableFuture<Timed<String>>> second = new ArrayList<>();
        Thread racer = new Thread(() -> second.add(cache.get("a", key -> handLoaded(new CompletableFuture<>()))));
        racer.start();
        awaitBlockedInCompute(racer);

        release.countDown();
        first.join();
        racer.join();

        assertThat(loads).hasValue(1);
        assertThat(second).singleElement().isSameAs(pending);
    }

    // ---- failed loads ----

    @Test
    void get_loadFails_isCountedAndNotCached() {
        CompletableFuture<Timed<String>> failed = cache.get("a", key -> {
            loads.incrementAndGet();
            return CompletableFuture.failedFuture(new IllegalStateException("store down"));
        });

        String retried = cache.get("a", loader()).join().value();

        assertThat(failed).isCompletedExceptionally();
        assertThat(retried).isEqualTo("value of a #2");
        assertThat(cache.stats()).isEqualTo(new CacheStats(0, 2, 1, 0));
    }

    @Test
    void get_loadInFlightFailsLater_nextLookupLoadsAgain() {
        CompletableFuture<Timed<String>> pending = new CompletableFuture<>();
        cache.get("a", key -> handLoaded(pending));
        pending.completeExceptionally(new IllegalStateException("store down"));

        String retried = cache.get("a", loader()).join().value();

        assertThat(retried).isEqualTo("value of a #2");
        assertThat(cache.stats().loadFailures()).isEqualTo(1);
    }

    @Test
    void get_loaderThrows_returnsFailedFutureInsteadOfThrowing() {
        CompletableFuture<Timed<String>> result = cache.get("a", key -> {
            throw new IllegalStateException("bug in loader");
        });

        assertThat(result).isCompletedExceptionally();
        assertThatThrownBy(result::join).hasRootCauseMessage("bug in loader");
        assertThat(cache.stats().loadFailures()).isEqualTo(1);
    }

    // ---- size bound ----

    @Test
    void get_atTheBound_evictsNothing() {
        TtlCache<String, String> small = new TtlCache<>(clock, 4, hit -> { });

        for (String key : List.of("a", "b", "c", "d")) {
            small.get(key, loader()).join();
        }

        assertThat(small.stats().evictions()).isZero();
    }

    @Test
    void get_oneKeyOverTheBound_evictsDownToThreeQuartersAndCountsEvictions() {
        TtlCache<String, String> small = new TtlCache<>(clock, 4, hit -> { });
        for (String key : List.of("a", "b", "c", "d")) {
            small.get(key, loader()).join();
        }

        small.get("e", loader()).join();

        assertThat(small.stats().evictions()).isEqualTo(2);
        assertThat(cachedKeys(small, List.of("a", "b", "c", "d", "e"))).isEqualTo(3);
    }

    @Test
    void get_overTheBoundWithExpiredEntries_dropsExpiredOnesWithoutCountingEvictions() {
        TtlCache<String, String> small = new TtlCache<>(clock, 4, hit -> { });
        for (String key : List.of("a", "b", "c", "d")) {
            small.get(key, loader()).join();
        }
        clock.advance(TTL);

        small.get("e", loader()).join();

        assertThat(small.stats().evictions()).isZero();
        assertThat(cachedKeys(small, List.of("e"))).isEqualTo(1);
    }

    @Test
    void new_zeroEntries_isRejectedNamingTheSetting() {
        assertThatThrownBy(() -> new TtlCache<String, String>(clock, 0, hit -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxEntries is 0");
    }

    @Test
    void stats_noLookups_reportFullHitRate() {
        assertThat(cache.stats().hitRate()).isEqualTo(1.0);
        assertThat(new CacheStats(3, 1, 0, 0).hitRate()).isEqualTo(0.75);
    }

    /** Counts the keys answered from the cache, without loading the others (their lookups fail). */
    private static int cachedKeys(TtlCache<String, String> cache, List<String> keys) {
        int cached = 0;
        for (String key : keys) {
            long before = cache.stats().hits();
            cache.get(key, k -> CompletableFuture.failedFuture(new IllegalStateException("not cached")));
            cached += cache.stats().hits() > before ? 1 : 0;
        }
        return cached;
    }

    /** Spins (without sleeping) until {@code thread} waits for the map bin that the installing load holds. */
    private static void awaitBlockedInCompute(Thread thread) {
        while (thread.getState() != Thread.State.BLOCKED || !inCompute(thread)) {
            assertThat(thread.getState()).as("racing lookup").isNotEqualTo(Thread.State.TERMINATED);
            Thread.onSpinWait();
        }
    }

    private static boolean inCompute(Thread thread) {
        for (StackTraceElement frame : thread.getStackTrace()) {
            if (frame.getMethodName().equals("compute")) {
                return true;
            }
        }
        return false;
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private CompletableFuture<Timed<String>> handLoaded(CompletableFuture<Timed<String>> pending) {
        loads.incrementAndGet();
        return pending;
    }

    /** A loader returning {@code value of <key> #<n>}, n counting loads, valid for one TTL from now. */
    private Function<String, CompletableFuture<Timed<String>>> loader() {
        return key -> CompletableFuture.completedFuture(
                new Timed<>("value of " + key + " #" + loads.incrementAndGet(), clock.nanos() + TTL.toNanos()));
    }

    // ---- refresh ahead ----

    @Test
    void get_hitWithinRefreshWindow_servesCurrentValueWhileReloading() {
        TtlCache<String, String> refreshing = new TtlCache<>(clock, 100, hit -> { }, Duration.ofSeconds(12));
        refreshing.get("a", loader()).join();
        CompletableFuture<Timed<String>> reload = new CompletableFuture<>();
        clock.advance(Duration.ofSeconds(50));

        String served = refreshing.get("a", key -> reload).join().value();
        String servedAgain = refreshing.get("a", key -> CompletableFuture.failedFuture(new AssertionError("twice")))
                .join().value();
        reload.complete(new Timed<>("reloaded", refreshing.now() + TTL.toNanos()));
        String afterReload = refreshing.get("a", loader()).join().value();

        assertThat(served).isEqualTo("value of a #1");
        assertThat(servedAgain).isEqualTo("value of a #1");
        assertThat(afterReload).isEqualTo("reloaded");
        assertThat(refreshing.stats().loadFailures()).as("a second reload was started").isZero();
    }

    @Test
    void get_reloadFails_keepsServingTheOldValueUntilItExpires() {
        TtlCache<String, String> refreshing = new TtlCache<>(clock, 100, hit -> { }, Duration.ofSeconds(12));
        refreshing.get("a", loader()).join();
        clock.advance(Duration.ofSeconds(50));

        String served = refreshing.get("a", key -> CompletableFuture.failedFuture(new IllegalStateException("down")))
                .join().value();
        clock.advance(Duration.ofSeconds(10));
        String expired = refreshing.get("a", loader()).join().value();

        assertThat(served).isEqualTo("value of a #1");
        assertThat(expired).isEqualTo("value of a #2");
        assertThat(refreshing.stats().loadFailures()).isEqualTo(1);
    }

    @Test
    void get_hitBeforeRefreshWindow_doesNotReload() {
        TtlCache<String, String> refreshing = new TtlCache<>(clock, 100, hit -> { }, Duration.ofSeconds(12));
        refreshing.get("a", loader()).join();
        clock.advance(Duration.ofSeconds(47));

        refreshing.get("a", loader()).join();

        assertThat(loads).hasValue(1);
    }
}
