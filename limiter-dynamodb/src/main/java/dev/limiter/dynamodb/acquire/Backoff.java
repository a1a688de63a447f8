package dev.limiter.dynamodb.acquire;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * The retry budget for writes that DynamoDB refused without applying them for a transient reason: an item held by
 * another transaction ({@code TransactionConflictException}, a {@code TransactionConflict} cancellation reason) or a
 * throttled key (throttling exceptions the SDK gave up on, {@code ThrottlingError} /
 * {@code ProvisionedThroughputExceeded} cancellation reasons). The SDK does not retry conflicts, and its throttling
 * retries do not know the key is hot, so the backend retries both itself.
 *
 * <p>Retry {@code n} (from 1) waits a jittered exponential delay: with {@code d = min(cap, base·2^(n−1))}, a uniform
 * draw from {@code [d/2, d]} ("equal jitter": never shorter than half the step, so a retry does not land while the
 * transaction that held the item is still running, and writers that collided spread out). At most
 * {@code maxRetries} retries per write, so the added latency is bounded by the sum of the steps.
 *
 * <p>Waits go through a scheduler and never block a thread: the retry is started by the scheduler's thread when the
 * delay has passed, so SDK I/O threads are never held. The jitter source is injected (seeded in tests) and used
 * under a private lock, as {@link RandomGenerator}s need not be thread-safe. Thread-safe.
 */
public final class Backoff {

    /** Default first step: longer than DynamoDB holds an item for a typical transaction (a few milliseconds). */
    public static final Duration DEFAULT_BASE = Duration.ofMillis(25);
    /** Default longest step. */
    public static final Duration DEFAULT_CAP = Duration.ofMillis(500);
    /** Default retries per write. */
    public static final int DEFAULT_MAX_RETRIES = 10;

    private final long baseNanos;
    private final long capNanos;
    private final int maxRetries;
    private final RandomGenerator jitter;
    private final LongFunction<Executor> delayed;
    private final Object lock = new Object();

    private Backoff(Duration base, Duration cap, int maxRetries, RandomGenerator jitter,
                    LongFunction<Executor> delayed) {
        this.baseNanos = base.toNanos();
        this.capNanos = Math.max(cap.toNanos(), baseNanos);
        this.maxRetries = maxRetries;
        this.jitter = jitter;
        this.delayed = delayed;
    }

    /**
     * A budget of {@code maxRetries} retries with steps from {@code base} doubling up to {@code cap}, jittered by
     * {@code jitter}, waited on {@code scheduler} (which the caller owns).
     */
    public static Backoff on(ScheduledExecutorService scheduler, Duration base, Duration cap, int maxRetries,
                             RandomGenerator jitter) {
        return new Backoff(base, cap, maxRetries, jitter,
                delayNanos -> command -> scheduler.schedule(command, delayNanos, TimeUnit.NANOSECONDS));
    }

    /**
     * The same budget waited on the JDK's shared delay scheduler ({@link CompletableFuture#delayedExecutor}), the
     * retry then starting from the common pool: no thread of the backend's own to close.
     */
    public static Backoff onSharedScheduler(Duration base, Duration cap, int maxRetries, RandomGenerator jitter) {
        return new Backoff(base, cap, maxRetries, jitter,
                delayNanos -> CompletableFuture.delayedExecutor(delayNanos, TimeUnit.NANOSECONDS));
    }

    /** Whether retry number {@code retry} (from 1) is within the budget. */
    boolean allows(int retry) {
        return retry <= maxRetries;
    }

    /** The most retries per write. */
    int maxRetries() {
        return maxRetries;
    }

    /** The step of retry {@code retry} (from 1) before jitter: {@code min(cap, base·2^(retry−1))}. */
    long stepNanos(int retry) {
        int shift = Math.min(Math.max(retry - 1, 0), 30);
        long step = baseNanos << shift;
        return step <= 0 || step > capNanos ? capNanos : step;
    }

    /** The jittered delay of retry {@code retry}: uniform in {@code [step/2, step]}. */
    long delayNanos(int retry) {
        long step = stepNanos(retry);
        long half = step / 2;
        synchronized (lock) {
            return half + jitter.nextLong(step - half + 1);
        }
    }

    /** Runs {@code next} after the delay of retry {@code retry}; the returned future follows {@code next}'s. */
    <T> CompletableFuture<T> retry(int retry, Supplier<CompletableFuture<T>> next) {
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            schedule(retry, next, result);
        } catch (RejectedExecutionException closed) {
            result.completeExceptionally(closed);
        }
        return result;
    }

    private <T> void schedule(int retry, Supplier<CompletableFuture<T>> next, CompletableFuture<T> result) {
        delayed.apply(delayNanos(retry)).execute(() -> {
            try {
                next.get().whenComplete((value, failure) -> {
                    if (failure == null) {
                        result.complete(value);
                    } else {
                        result.completeExceptionally(failure);
                    }
                });
            } catch (RuntimeException failure) {
                result.completeExceptionally(failure);
            }
        });
    }
}
