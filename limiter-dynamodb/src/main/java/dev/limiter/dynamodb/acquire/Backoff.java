package dev.limiter.dynamodb.acquire;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Waits out the {@link RetryBudget} for writes that DynamoDB refused without applying them for a transient reason:
 * an item held by another transaction ({@code TransactionConflictException}, a {@code TransactionConflict}
 * cancellation reason) or a throttled key (throttling exceptions the SDK gave up on, {@code ThrottlingError} /
 * {@code ProvisionedThroughputExceeded} cancellation reasons). The SDK does not retry conflicts, and its throttling
 * retries do not know the key is hot, so the backend retries both itself.
 *
 * <p>Retry {@code n} (from 1) waits a uniform draw from {@code [d/2, d]}, {@code d} being the budget's step for the
 * cause ("equal jitter": never shorter than half the step, so a retry does not land while the transaction that held
 * the item is still running, and writers that collided spread out).
 *
 * <p>Waits go through a scheduler and never block a thread: the retry is started by the scheduler's thread when the
 * delay has passed, so SDK I/O threads are never held. The jitter source is injected (seeded in tests) and used
 * under a private lock, as {@link RandomGenerator}s need not be thread-safe. Thread-safe.
 */
public final class Backoff {

    private final RetryBudget budget;
    private final RandomGenerator jitter;
    private final LongFunction<Executor> delayed;
    private final Object lock = new Object();

    private Backoff(RetryBudget budget, RandomGenerator jitter, LongFunction<Executor> delayed) {
        this.budget = budget;
        this.jitter = jitter;
        this.delayed = delayed;
    }

    /** Waits out {@code budget}, jittered by {@code jitter}, on {@code scheduler} (which the caller owns). */
    public static Backoff on(ScheduledExecutorService scheduler, RetryBudget budget, RandomGenerator jitter) {
        return new Backoff(budget, jitter,
                delayNanos -> command -> scheduler.schedule(command, delayNanos, TimeUnit.NANOSECONDS));
    }

    /**
     * Waits out {@code budget} on the JDK's shared delay scheduler ({@link CompletableFuture#delayedExecutor}), the
     * retry then starting from the common pool: no thread of the backend's own to close.
     */
    public static Backoff onSharedScheduler(RetryBudget budget, RandomGenerator jitter) {
        return new Backoff(budget, jitter,
                delayNanos -> CompletableFuture.delayedExecutor(delayNanos, TimeUnit.NANOSECONDS));
    }

    /** The budget waited out. */
    RetryBudget budget() {
        return budget;
    }

    /** Whether retry number {@code retry} (from 1) after a refusal of kind {@code kind} is within the budget. */
    boolean allows(WriteFailure kind, int retry) {
        return budget.allows(kind, retry);
    }

    /** The step of retry {@code retry} (from 1) after {@code kind}, before jitter. */
    long stepNanos(WriteFailure kind, int retry) {
        return budget.stepNanos(kind, retry);
    }

    /** The jittered delay of retry {@code retry} after {@code kind}: uniform in {@code [step/2, step]}. */
    long delayNanos(WriteFailure kind, int retry) {
        long step = stepNanos(kind, retry);
        long half = step / 2;
        synchronized (lock) {
            return half + jitter.nextLong(step - half + 1);
        }
    }

    /**
     * Runs {@code next} after the delay of retry {@code retry} after {@code kind}; the returned future follows
     * {@code next}'s.
     */
    <T> CompletableFuture<T> retry(WriteFailure kind, int retry, Supplier<CompletableFuture<T>> next) {
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            schedule(delayNanos(kind, retry), next, result);
        } catch (RejectedExecutionException closed) {
            result.completeExceptionally(closed);
        }
        return result;
    }

    private <T> void schedule(long delayNanos, Supplier<CompletableFuture<T>> next, CompletableFuture<T> result) {
        delayed.apply(delayNanos).execute(() -> {
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
