package dev.limiter;

import dev.limiter.internal.Arithmetic;
import dev.limiter.internal.Futures;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Retries rejected attempts after their exact retry-after until a deadline: blocking with the sleeper for the sync
 * API, with timer-driven futures for the async API (no thread sleeps). A rejection whose retry-after lies beyond
 * the deadline ends the wait at once: waiting could not help.
 *
 * <p>Concurrency: the async wait hands out one result future and retries behind it. Whoever completes that future
 * first wins: the waiter with a lease or a rejection, or the caller by cancelling it (or by {@code orTimeout}).
 * Before each retry the waiter checks that the result is still pending and stops if not; a lease granted by an
 * attempt that was in flight when the result completed cannot be handed out, so it is rolled back.
 */
final class Waiter {

    /** Floor on a wait, so that a rejection racing a refill cannot spin. */
    private static final Duration MIN_WAIT = Duration.ofNanos(100_000);
    /** Longer waits than this (about 292 years) are treated as unbounded. */
    private static final Duration MAX_NANOS = Duration.ofNanos(Long.MAX_VALUE);

    private final LimiterContext context;

    Waiter(LimiterContext context) {
        this.context = context;
    }

    /**
     * Blocks until {@code attempt} is granted or {@code maxWait} would be exceeded.
     *
     * @throws RateLimiterInterruptedException if the thread is interrupted while waiting (the flag is restored)
     */
    Lease acquire(AcquireRequest request, Supplier<CompletableFuture<Decision>> attempt, Duration maxWait) {
        long deadline = deadline(maxWait);
        while (true) {
            Decision decision = Futures.join(attempt.get());
            if (decision instanceof Decision.Granted granted) {
                return granted.lease();
            }
            Duration wait = waitFor((Decision.Rejected) decision, deadline);
            try {
                context.sleeper().sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RateLimiterInterruptedException(request.entity(), request.resource(), e);
            }
        }
    }

    /**
     * Completes with a lease once {@code attempt} is granted, or fails once {@code maxWait} would be exceeded.
     * Completing the returned future from outside (cancel, {@code orTimeout}) stops the retries.
     */
    CompletableFuture<Lease> acquireAsync(Supplier<CompletableFuture<Decision>> attempt, Duration maxWait) {
        CompletableFuture<Lease> result = new CompletableFuture<>();
        retry(attempt, deadline(maxWait), result);
        return result;
    }

    private void retry(Supplier<CompletableFuture<Decision>> attempt, long deadline, CompletableFuture<Lease> result) {
        Futures.guard(attempt).whenComplete((decision, failure) -> {
            if (failure != null) {
                result.completeExceptionally(Futures.unwrap(failure));
            } else if (decision instanceof Decision.Granted granted) {
                if (!result.complete(granted.lease())) {
                    abandon(granted.lease());
                }
            } else if (!result.isDone()) {
                waitThenRetry((Decision.Rejected) decision, attempt, deadline, result);
            }
        });
    }

    private void waitThenRetry(Decision.Rejected rejected, Supplier<CompletableFuture<Decision>> attempt,
                               long deadline, CompletableFuture<Lease> result) {
        Duration wait;
        try {
            wait = waitFor(rejected, deadline);
        } catch (RateLimitExceededException e) {
            result.completeExceptionally(e);
            return;
        }
        Futures.guard(() -> context.sleeper().delay(wait)).whenComplete((ignored, failure) -> {
            if (failure != null) {
                result.completeExceptionally(Futures.unwrap(failure));
            } else if (!result.isDone()) {
                retry(attempt, deadline, result);
            }
        });
    }

    /** Rolls back a lease granted after its caller stopped waiting: nobody holds it. */
    private static void abandon(Lease lease) {
        if (lease.isOpen()) {
            lease.rollbackAsync().exceptionally(failure -> null);
        }
    }

    /** The deadline {@code maxWait} from now, in epoch nanoseconds, saturating for unbounded waits. */
    private long deadline(Duration maxWait) {
        long waitNanos = maxWait.compareTo(MAX_NANOS) >= 0 ? Long.MAX_VALUE : maxWait.toNanos();
        return Arithmetic.saturatedAdd(context.nowNanos(), waitNanos);
    }

    /** The time to sleep before the next attempt; throws the rejection if the deadline comes first. */
    private Duration waitFor(Decision.Rejected rejected, long deadline) {
        long remaining = deadline - context.nowNanos();
        if (rejected.retryAfter().toNanos() > remaining) {
            throw rejected.toException();
        }
        return rejected.retryAfter().compareTo(MIN_WAIT) < 0 ? MIN_WAIT : rejected.retryAfter();
    }
}
