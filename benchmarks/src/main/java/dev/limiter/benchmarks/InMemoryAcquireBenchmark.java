package dev.limiter.benchmarks;

import dev.limiter.AcquireRequest;
import dev.limiter.Lease;
import dev.limiter.Limit;
import dev.limiter.LocalAllowance;
import dev.limiter.LocalTier;
import dev.limiter.RateLimiter;
import dev.limiter.RateLimiterBuilder;
import dev.limiter.memory.InMemoryBackend;
import io.github.bucket4j.Bucket;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.ThreadParams;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Throughput of the grant path: one acquire and commit of a two-limit request ({@code rpm: 1} and {@code tpm: 500}
 * for resource {@code gpt-4}), with the in-memory limiter and its peers side by side: on one thread, on two and
 * eight threads sharing one limiter and one key ({@code user-42}), and on two and eight threads sharing one limiter
 * with a key each ({@code user-<thread index>}; the peers get a bucket or limiter pair each).
 *
 * <p>The limits are so large that nothing is ever rejected during a run: every contender measures its grant path,
 * and a rejection fails the run. The limiter's {@code rpm} and {@code tpm} keep the names but refill one
 * token per nanosecond (1,000 per microsecond, the fastest refill a limit may have) with a burst of
 * {@link Limit#MAX_TOKENS}. Bucket4j's bandwidths also refill one token per nanosecond, its fastest. Contenders
 * ({@link #contender}):
 * <ul>
 *   <li>{@code limiter}: {@code limiter.acquire(request)} with a request built once, committed by
 *       try-with-resources;</li>
 *   <li>{@code limiter-new-request}: the same, building the {@link AcquireRequest} on every call as applications
 *       do (the {@link Limit}s are constants);</li>
 *   <li>{@code limiter-adjust}: {@code limiter}, plus {@code lease.adjust("tpm", 200)} before the commit, which
 *       makes the commit write;</li>
 *   <li>{@code limiter-per-day}: {@code limiter-new-request} with limits whose capacity times period passes 2^63,
 *       so that every plan takes the 128-bit arithmetic: {@code Limit.perMinute("rpm", 6 * 10^10)} (10^9 per
 *       second) and a daily token budget {@code Limit.perDay("tpd", 10^13)}, charging {@code rpm: 1} and
 *       {@code tpd: 500};</li>
 *   <li>{@code limiter-local-tier}: {@code limiter} with the local tier on ({@link LocalTier#defaults()}) and both
 *       limits given an allowance ({@link LocalAllowance#defaults()}: a tenth of capacity, held up to 1 s), so that
 *       nearly every acquire is a local grant from a batch reserved from the in-memory backend (issue 10: a local
 *       grant should cost within 1.5 times {@code limiter}'s acquire);</li>
 *   <li>{@code bucket4j}: a local bucket with two greedy bandwidths, {@code tryConsume(1)}; Bucket4j takes the same
 *       amount from every bandwidth, so it cannot charge 1 and 500, and it has no lease or commit;</li>
 *   <li>{@code resilience4j}: two {@code AtomicRateLimiter}s acquired in sequence ({@code acquirePermission(1)},
 *       then {@code (500)}), without waiting; no multi-limit atomicity, no refund;</li>
 *   <li>{@code guava}: two {@code RateLimiter}s acquired in sequence with {@code tryAcquire(1)}, then
 *       {@code (500)}; no multi-limit atomicity, no refund.</li>
 * </ul>
 *
 * <p>Run with {@code -prof gc} for the allocation per operation ({@code gc.alloc.rate.norm}).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class InMemoryAcquireBenchmark {

    private static final String ENTITY = "user-42";
    private static final String RESOURCE = "gpt-4";
    private static final long BUCKET4J_PER_SECOND = 1_000_000_000L;
    private static final int MAX_THREADS = 8;
    /** 10^9 per second: capacity times period (6 * 10^10 * 6 * 10^10 ns) is far above 2^63. */
    private static final Limit RPM_LARGE = Limit.perMinute("rpm", 60_000_000_000L);
    /** A daily budget of 10^13 tokens: capacity times period is about 8.6 * 10^26; a run takes under 3 %. */
    private static final Limit TPD = Limit.perDay("tpd", 10_000_000_000_000L);

    /** Which limiter runs; see the class documentation. */
    @Param({"limiter", "limiter-new-request", "limiter-adjust", "limiter-per-day", "limiter-local-tier", "bucket4j",
            "resilience4j", "guava"})
    public String contender;

    private RateLimiter limiter;
    private BooleanSupplier sharedKey;
    private final BooleanSupplier[] ownKeys = new BooleanSupplier[MAX_THREADS];

    /** Builds the contender once per trial: one operation on the shared key, one per thread on keys of their own. */
    @Setup
    public void setUp() {
        RateLimiterBuilder builder = RateLimiter.builder().backend(InMemoryBackend.create());
        limiter = contender.equals("limiter-local-tier") ? builder.localTier(LocalTier.defaults()).build()
                : builder.build();
        sharedKey = operation(limiter, ENTITY);
        for (int i = 0; i < MAX_THREADS; i++) {
            ownKeys[i] = operation(limiter, "user-" + i);
        }
    }

    /** Gives back what the local tier holds and stops its sweeper. */
    @TearDown
    public void tearDown() {
        limiter.close();
    }

    /** One acquire and commit on a single thread. */
    @Benchmark
    @Threads(1)
    public void oneThread() {
        grant(sharedKey);
    }

    /** One acquire and commit on each of two threads hitting the same limiter and key. */
    @Benchmark
    @Threads(2)
    public void twoThreads() {
        grant(sharedKey);
    }

    /** One acquire and commit on each of eight threads hitting the same limiter and key. */
    @Benchmark
    @Threads(MAX_THREADS)
    public void eightThreads() {
        grant(sharedKey);
    }

    /** One acquire and commit on each of two threads sharing the limiter, each on its own key. */
    @Benchmark
    @Threads(2)
    public void twoThreadsOwnKeys(ThreadParams thread) {
        grant(ownKeys[thread.getThreadIndex()]);
    }

    /** One acquire and commit on each of eight threads sharing the limiter, each on its own key. */
    @Benchmark
    @Threads(MAX_THREADS)
    public void eightThreadsOwnKeys(ThreadParams thread) {
        grant(ownKeys[thread.getThreadIndex()]);
    }

    /** Runs the operation; a rejection would mean a peer measured its rejection path, so it fails the run. */
    private void grant(BooleanSupplier operation) {
        if (!operation.getAsBoolean()) {
            throw new IllegalStateException(contender + " rejected a request: its limits are too small");
        }
    }

    /** The contender's operation on {@code entity}: the limiter's on the shared {@code limiter}, a peer's own. */
    private BooleanSupplier operation(RateLimiter limiter, String entity) {
        return switch (contender) {
            case "limiter" -> limiter(limiter, entity, false, false);
            case "limiter-new-request" -> limiter(limiter, entity, true, false);
            case "limiter-adjust" -> limiter(limiter, entity, false, true);
            case "limiter-per-day" -> perDay(limiter, entity);
            case "limiter-local-tier" -> localTier(limiter, entity);
            case "bucket4j" -> bucket4j();
            case "resilience4j" -> resilience4j();
            case "guava" -> guava();
            default -> throw new IllegalArgumentException("unknown contender " + contender);
        };
    }

    private static BooleanSupplier limiter(RateLimiter limiter, String entity, boolean newRequestPerCall,
                                           boolean adjust) {
        // One token per nanosecond with the largest burst, as in the DynamoDB benchmarks: never the bottleneck.
        Limit rpm = LimiterAcquire.RPM;
        Limit tpm = LimiterAcquire.TPM;
        AcquireRequest prebuilt = AcquireRequest.of(entity, RESOURCE).consume("rpm", 1).consume("tpm", 500)
                .withLimits(rpm, tpm);
        if (newRequestPerCall) {
            return () -> {
                AcquireRequest request = AcquireRequest.of(entity, RESOURCE).consume("rpm", 1).consume("tpm", 500)
                        .withLimits(rpm, tpm);
                try (Lease lease = limiter.acquire(request)) {
                    return !lease.isDegraded();
                }
            };
        }
        if (adjust) {
            return () -> {
                try (Lease lease = limiter.acquire(prebuilt)) {
                    lease.adjust("tpm", 200);
                    return !lease.isDegraded();
                }
            };
        }
        return () -> {
            try (Lease lease = limiter.acquire(prebuilt)) {
                return !lease.isDegraded();
            }
        };
    }

    private static BooleanSupplier localTier(RateLimiter limiter, String entity) {
        Limit rpm = LimiterAcquire.RPM.withLocalAllowance(LocalAllowance.defaults());
        Limit tpm = LimiterAcquire.TPM.withLocalAllowance(LocalAllowance.defaults());
        AcquireRequest prebuilt = AcquireRequest.of(entity, RESOURCE).consume("rpm", 1).consume("tpm", 500)
                .withLimits(rpm, tpm);
        return () -> {
            try (Lease lease = limiter.acquire(prebuilt)) {
                return !lease.isDegraded();
            }
        };
    }

    private static BooleanSupplier perDay(RateLimiter limiter, String entity) {
        return () -> {
            AcquireRequest request = AcquireRequest.of(entity, RESOURCE).consume("rpm", 1).consume("tpd", 500)
                    .withLimits(RPM_LARGE, TPD);
            try (Lease lease = limiter.acquire(request)) {
                return !lease.isDegraded();
            }
        };
    }

    private static BooleanSupplier bucket4j() {
        long max = BUCKET4J_PER_SECOND;
        Bucket bucket = Bucket.builder()
                .addLimit(rpm -> rpm.capacity(max).refillGreedy(max, Duration.ofSeconds(1)))
                .addLimit(tpm -> tpm.capacity(max).refillGreedy(max, Duration.ofSeconds(1)))
                .build();
        return () -> bucket.tryConsume(1);
    }

    private static BooleanSupplier resilience4j() {
        // Permissions reset every cycle instead of accumulating: 2^31 - 1 per 10 ms is far above any demand here.
        RateLimiterConfig config = RateLimiterConfig.custom()
                .limitForPeriod(Integer.MAX_VALUE)
                .limitRefreshPeriod(Duration.ofMillis(10))
                .timeoutDuration(Duration.ZERO)
                .build();
        io.github.resilience4j.ratelimiter.RateLimiter rpm =
                io.github.resilience4j.ratelimiter.RateLimiter.of("rpm", config);
        io.github.resilience4j.ratelimiter.RateLimiter tpm =
                io.github.resilience4j.ratelimiter.RateLimiter.of("tpm", config);
        return () -> rpm.acquirePermission(1) && tpm.acquirePermission(500);
    }

    private static BooleanSupplier guava() {
        // Guava stores at most one second of permits; 10^12 per second is far above any demand here.
        com.google.common.util.concurrent.RateLimiter rpm = com.google.common.util.concurrent.RateLimiter.create(1e12);
        com.google.common.util.concurrent.RateLimiter tpm = com.google.common.util.concurrent.RateLimiter.create(1e12);
        return () -> rpm.tryAcquire(1) && tpm.tryAcquire(500);
    }
}
