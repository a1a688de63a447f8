package dev.limiter;

import dev.limiter.internal.Futures;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Retries rejected attempts after their exact retry-after until a deadline: blocking with the sleeper for the sync
 * API, with timer-driven futures for the async API (no thread sleeps). A rejection whose retry-after lies beyond
 * the deadline ends the wait at once: waiting could not help.
 */
final class Waiter {

    /** Floor on a wait, so that a rejection racing a refill cannot spin. */
    private static final Duration MIN_WAIT = Duration.ofNanos(100_000);

    private final LimiterContext context;

    Waiter(LimiterContext context) {
        this.context = context;
    }

    /** Blocks until {@code attempt} is granted or {@code maxWait} would be exceeded. */
    Lease acquire(Supplier<CompletableFuture<Decision>> attempt, Duration maxWait) {
        long deadline = context.nowNanos() + maxWait.toNanos();
        while (true) {
            Decision decision = Futures.join(attempt.get());
            if (decision instanceof Decision.Granted granted) {
                return granted.lease();
            }
            Decision.Rejected rejected = (Decision.Rejected) decision;
            Duration wait = waitFor(rejected, deadline);
            try {
                context.sleeper().sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw rejected.toException();
            }
        }
    }

    /** Completes with a lease once {@code attempt} is granted, or fails once {@code maxWait} would be exceeded. */
    CompletableFuture<Lease> acquireAsync(Supplier<CompletableFuture<Decision>> attempt, Duration maxWait) {
        long deadline = context.nowNanos() + maxWait.toNanos();
        return retry(attempt, deadline);
    }

    private CompletableFuture<Lease> retry(Supplier<CompletableFuture<Decision>> attempt, long deadline) {
        return attempt.get().thenCompose(decision -> {
            if (decision instanceof Decision.Granted granted) {
                return CompletableFuture.completedFuture(granted.lease());
            }
            Duration wait = waitFor((Decision.Rejected) decision, deadline);
            return context.sleeper().delay(wait).thenCompose(ignored -> retry(attempt, deadline));
        });
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
