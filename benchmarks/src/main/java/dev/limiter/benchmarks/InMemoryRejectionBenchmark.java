package dev.limiter.benchmarks;

import dev.limiter.AcquireRequest;
import dev.limiter.Decision;
import dev.limiter.Limit;
import dev.limiter.RateLimitExceededException;
import dev.limiter.RateLimiter;
import dev.limiter.memory.InMemoryBackend;
import io.github.bucket4j.Bucket;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Throughput of the rejection path: an acquire of {@code rpm: 1} and {@code tpm: 500} against limits that were
 * drained in setup and refill once a day, so every call is rejected and yields the exact time to wait. One thread
 * and two threads sharing one limiter and one key. Contenders ({@link #contender}):
 * <ul>
 *   <li>{@code limiter-try}: {@code limiter.tryAcquire(request)}, a {@link Decision.Rejected} value with the
 *       retry-after and the status of every limit;</li>
 *   <li>{@code limiter-throw}: {@code limiter.acquire(request)}, which throws a stack-less
 *       {@link RateLimitExceededException} carrying the same;</li>
 *   <li>{@code bucket4j}: a local bucket with two greedy bandwidths, {@code tryConsumeAndReturnRemaining(1)},
 *       whose probe carries the nanoseconds to wait.</li>
 * </ul>
 * Each operation returns the retry-after in nanoseconds.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class InMemoryRejectionBenchmark {

    private static final long RPD = 1;
    private static final long TPD = 1_000;

    /** Which limiter runs; see the class documentation. */
    @Param({"limiter-try", "limiter-throw", "bucket4j"})
    public String contender;

    private LongSupplier operation;

    /** Builds the contender and drains its limits once per trial. */
    @Setup
    public void setUp() {
        operation = switch (contender) {
            case "limiter-try" -> limiterTry();
            case "limiter-throw" -> limiterThrow();
            case "bucket4j" -> bucket4j();
            default -> throw new IllegalArgumentException("unknown contender " + contender);
        };
        if (operation.getAsLong() <= 0) {
            throw new IllegalStateException(contender + " still grants after draining");
        }
    }

    /** One rejected acquire on a single thread. */
    @Benchmark
    @Threads(1)
    public long oneThread() {
        return operation.getAsLong();
    }

    /** One rejected acquire on each of two threads hitting the same limiter and key. */
    @Benchmark
    @Threads(2)
    public long twoThreads() {
        return operation.getAsLong();
    }

    private static LongSupplier limiterTry() {
        RateLimiter limiter = RateLimiter.builder().backend(InMemoryBackend.create()).build();
        AcquireRequest request = drained(limiter);
        return () -> limiter.tryAcquire(request) instanceof Decision.Rejected rejected
                ? rejected.retryAfter().toNanos() : 0;
    }

    private static LongSupplier limiterThrow() {
        RateLimiter limiter = RateLimiter.builder().backend(InMemoryBackend.create()).build();
        AcquireRequest request = drained(limiter);
        return () -> {
            try {
                limiter.acquire(request).commit();
                return 0;
            } catch (RateLimitExceededException rejected) {
                return rejected.retryAfter().toNanos();
            }
        };
    }

    /** The benchmark request, after one granted and committed acquire that drained its {@code rpm} limit. */
    private static AcquireRequest drained(RateLimiter limiter) {
        AcquireRequest request = AcquireRequest.of("user-42", "gpt-4").consume("rpm", 1).consume("tpm", 500)
                .withLimits(Limit.perDay("rpm", RPD), Limit.perDay("tpm", TPD));
        limiter.acquire(request).commit();
        return request;
    }

    private static LongSupplier bucket4j() {
        Bucket bucket = Bucket.builder()
                .addLimit(limit -> limit.capacity(RPD).refillGreedy(RPD, Duration.ofDays(1)))
                .addLimit(limit -> limit.capacity(TPD).refillGreedy(TPD, Duration.ofDays(1)))
                .build();
        bucket.tryConsume(1);
        return () -> bucket.tryConsumeAndReturnRemaining(1).getNanosToWaitForRefill();
    }
}
