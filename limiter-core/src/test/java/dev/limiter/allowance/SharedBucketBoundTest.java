package dev.limiter.allowance;

import dev.limiter.AcquireRequest;
import dev.limiter.Decision;
import dev.limiter.Limit;
import dev.limiter.LocalAllowance;
import dev.limiter.LocalTier;
import dev.limiter.RateLimiter;
import dev.limiter.backend.BucketKey;
import dev.limiter.bucket.LimitState;
import dev.limiter.internal.Futures;
import dev.limiter.memory.InMemoryBackend;
import dev.limiter.testkit.SeededRandom;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several local tiers, each its own {@link RateLimiter} standing for one process, on one shared
 * {@link InMemoryBackend}, hammered by threads far above the limit. Every grant is recorded with the time its acquire
 * ran at; the fleet must stay within {@code capacity + rate * (w + maxHold)} over every window {@code w}, and the
 * tiers' ledgers must reconcile with the grants and the shared bucket to the token.
 *
 * <p>Time is logical: one counter that every acquire advances by a seeded random step, read through a per-thread
 * clock so that each acquire runs at exactly the time it records. The bound holds for any interleaving, so the test
 * asserts no timing. (Several JVMs on DynamoDB are covered in limiter-dynamodb; the in-memory backend lives in one
 * process.)
 */
class SharedBucketBoundTest {

    private static final Duration HOLD = Duration.ofMillis(100);
    private static final Limit RPS = Limit.perSecond("rps", 200).withLocalAllowance(LocalAllowance.of(0.2, HOLD));
    private static final int PROCESSES = 3;
    private static final int THREADS_PER_PROCESS = 2;
    private static final int ACQUIRES_PER_THREAD = 500;
    private static final BucketKey KEY = new BucketKey("ns", "hot", "llm");

    private record Grant(long atNanos, long tokens, boolean local) {
    }

    /** Each thread's current time; every acquire sets it before it runs. */
    private final ThreadLocal<Long> now = ThreadLocal.withInitial(() -> 1L);
    private final AtomicLong time = new AtomicLong(Instant.parse("2026-01-01T00:00:00Z").getEpochSecond() * 1_000_000_000L);
    private final InstantSource clock = () -> Instant.ofEpochSecond(0, now.get());

    @Test
    void fleetStaysWithinTheBound_andLedgersReconcile() throws Exception {
        SeededRandom.run("SharedBucketBoundTest", random -> {
            try {
                run(random);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private void run(SplittableRandom random) throws Exception {
        InMemoryBackend memory = InMemoryBackend.create();
        List<RateLimiter> limiters = new ArrayList<>();
        for (int p = 0; p < PROCESSES; p++) {
            limiters.add(RateLimiter.builder().backend(memory).namespace("ns").clock(clock).executor(Runnable::run)
                    .localTier(new LocalTier(Duration.ofMillis(20), Duration.ZERO)).build());
        }
        ConcurrentLinkedQueue<Grant> grants = new ConcurrentLinkedQueue<>();
        ExecutorService threads = Executors.newFixedThreadPool(PROCESSES * THREADS_PER_PROCESS);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < PROCESSES * THREADS_PER_PROCESS; t++) {
            RateLimiter limiter = limiters.get(t % PROCESSES);
            SplittableRandom own = random.split();
            done.add(threads.submit(() -> work(limiter, own, grants)));
        }
        for (Future<?> future : done) {
            future.get(2, TimeUnit.MINUTES);
        }
        threads.shutdown();
        now.set(time.get());
        limiters.forEach(RateLimiter::close);

        List<Grant> sorted = new ArrayList<>(grants);
        sorted.sort(Comparator.comparingLong(Grant::atNanos));
        assertWithinBound(sorted);
        assertLedgersReconcile(memory, limiters, sorted);
    }

    private void work(RateLimiter limiter, SplittableRandom random, ConcurrentLinkedQueue<Grant> grants) {
        for (int i = 0; i < ACQUIRES_PER_THREAD; i++) {
            // About 2 tokens per 0.75 ms of fleet time: over ten times the limit's 200 per second.
            long at = time.addAndGet(random.nextLong(1, 1_500_000));
            now.set(at);
            long tokens = random.nextLong(1, 4);
            Decision decision = limiter.tryAcquire(AcquireRequest.of("hot", "llm").consume("rps", tokens)
                    .withLimits(RPS));
            if (decision instanceof Decision.Granted granted) {
                grants.add(new Grant(at, tokens, granted.lease().servedLocally()));
                granted.lease().commit();
            }
        }
    }

    /** For every pair of grants i <= j: tokens granted in [t_i, t_j] <= capacity + rate * (t_j - t_i + maxHold). */
    private static void assertWithinBound(List<Grant> sorted) {
        long[] prefix = new long[sorted.size() + 1];
        for (int i = 0; i < sorted.size(); i++) {
            prefix[i + 1] = prefix[i] + sorted.get(i).tokens();
        }
        long period = RPS.refillPeriod().toNanos();
        long worst = Long.MIN_VALUE;
        for (int i = 0; i < sorted.size(); i++) {
            for (int j = i; j < sorted.size(); j++) {
                long window = sorted.get(j).atNanos() - sorted.get(i).atNanos() + HOLD.toNanos();
                long granted = prefix[j + 1] - prefix[i];
                // granted <= capacity + refillAmount * window / period, kept in integers
                long slack = RPS.capacity() * period + RPS.refillAmount() * window - granted * period;
                worst = Math.max(worst, -slack);
                assertThat(slack).as("tokens %s granted in [%s, %s] beyond capacity + rate * (w + maxHold)", granted,
                        sorted.get(i).atNanos(), sorted.get(j).atNanos()).isNotNegative();
            }
        }
        assertThat(sorted).as("some grants were served locally").anyMatch(Grant::local);
    }

    private static void assertLedgersReconcile(InMemoryBackend memory, List<RateLimiter> limiters, List<Grant> grants) {
        long local = grants.stream().filter(Grant::local).mapToLong(Grant::tokens).sum();
        long all = grants.stream().mapToLong(Grant::tokens).sum();
        long reserved = 0;
        long returned = 0;
        long grantedLocally = 0;
        for (RateLimiter limiter : limiters) {
            for (AllowanceCounters counters : limiter.localTier().orElseThrow().ledger()) {
                assertThat(counters.held()).as("held after close").isZero();
                reserved += counters.reserved();
                returned += counters.returned();
                grantedLocally += counters.grantedLocally();
            }
        }
        assertThat(grantedLocally).isEqualTo(local);
        assertThat(reserved - returned).isEqualTo(grantedLocally);
        LimitState shared = Futures.join(memory.read(List.of(KEY))).get(0).state().find("rps").orElseThrow();
        assertThat(shared.consumedTokens()).as("the shared bucket's consumption is every grant").isEqualTo(all);
    }
}
