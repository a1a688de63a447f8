package dev.limiter.testkit;

import dev.limiter.Decision;
import dev.limiter.Lease;
import dev.limiter.Limit;
import dev.limiter.LimitStatus;
import dev.limiter.RateLimiter;
import dev.limiter.config.ConfigScope;
import dev.limiter.config.LimitConfig;
import dev.limiter.entity.Entity;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many threads on several limiter instances over one backend, several entities and a cascade. Time advances in
 * rounds: every thread makes one attempt at the same simulated instant, then the clock moves on. For every bucket
 * and limit the test checks the admission bound, net tokens granted &le; capacity + refill over the elapsed time,
 * and conservation: the net tokens granted equal the bucket's consumption counter.
 */
public abstract class ConcurrencyContract extends BackendContract {

    private static final int THREADS = 16;
    private static final int LIMITERS = 2;
    private static final Duration ROUND = Duration.ofSeconds(1);
    private static final Limit ORG = Limit.perMinute("rpm", 120).withBurst(40);
    private static final Limit USER = Limit.perMinute("rpm", 60).withBurst(15);
    private static final Limit SOLO = Limit.perMinute("rpm", 30);
    private static final List<String> ENTITIES = List.of("u0", "u1", "u2", "u3", "solo");

    /** Rounds of {@value #THREADS} concurrent attempts; backends over a network may lower it. */
    protected int rounds() {
        return 90;
    }

    @Test
    void acquire_manyThreadsAndLimiters_staysWithinBoundAndLosesNothing() throws Exception {
        List<RateLimiter> limiters = new ArrayList<>();
        for (int i = 0; i < LIMITERS; i++) {
            limiters.add(limiter());
        }
        buildTree(limiters.get(0));
        Map<String, LongAdder> netGranted = new ConcurrentHashMap<>();
        CyclicBarrier round = new CyclicBarrier(THREADS, () -> clock.advance(ROUND));
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                RateLimiter limiter = limiters.get(t % LIMITERS);
                workers.add(pool.submit(() -> work(limiter, round, netGranted)));
            }
            for (Future<?> worker : workers) {
                worker.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }

        Duration elapsed = ROUND.multipliedBy(rounds());
        assertWithinBoundAndConserved("acme", ORG, elapsed, netGranted);
        for (String entity : ENTITIES) {
            assertWithinBoundAndConserved(entity, entity.equals("solo") ? SOLO : USER, elapsed, netGranted);
        }
        assertThat(netGranted.get("acme").sum()).as("the org limit was contended").isGreaterThan(ORG.capacity());
    }

    private void buildTree(RateLimiter limiter) {
        limiter.entities().put(Entity.root("acme"));
        limiter.configs().set(ConfigScope.entityDefault("acme"), LimitConfig.of(ORG));
        for (String user : ENTITIES.subList(0, 4)) {
            limiter.entities().put(Entity.child(user, "acme").withCascade(true));
        }
        limiter.configs().set(ConfigScope.resource("api"), LimitConfig.of(USER));
        limiter.configs().set(ConfigScope.entityDefault("solo"), LimitConfig.of(SOLO));
    }

    private Void work(RateLimiter limiter, CyclicBarrier round, Map<String, LongAdder> netGranted) throws Exception {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int r = 0; r < rounds(); r++) {
            String entity = ENTITIES.get(random.nextInt(ENTITIES.size()));
            long amount = 1 + random.nextInt(3);
            Decision decision = limiter.tryAcquire(request(entity, "api", "rpm", amount));
            if (decision instanceof Decision.Granted granted) {
                settle(granted.lease(), amount, random.nextInt(5) == 0, netGranted);
            }
            round.await(1, TimeUnit.MINUTES);
        }
        return null;
    }

    private static void settle(Lease lease, long amount, boolean rollback, Map<String, LongAdder> netGranted) {
        if (rollback) {
            lease.rollback();
            return;
        }
        lease.commit();
        for (LimitStatus status : lease.statuses()) {
            netGranted.computeIfAbsent(status.entity(), e -> new LongAdder()).add(amount);
        }
    }

    private void assertWithinBoundAndConserved(String entity, Limit limit, Duration elapsed,
                                               Map<String, LongAdder> netGranted) {
        long granted = netGranted.getOrDefault(entity, new LongAdder()).sum();
        long bound = limit.capacity() + limit.tokensFor(elapsed.toNanos());
        assertThat(granted).as("net tokens granted to %s (bound %d)", entity, bound).isLessThanOrEqualTo(bound);
        long consumed = stored(entity, "api").find("rpm").map(s -> s.consumedTokens()).orElse(0L);
        assertThat(consumed).as("consumption counter of %s", entity).isEqualTo(granted);
    }
}
