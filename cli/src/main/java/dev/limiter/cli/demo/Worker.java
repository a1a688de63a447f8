package dev.limiter.cli.demo;

import dev.limiter.Lease;
import dev.limiter.LimitStatus;
import dev.limiter.RateLimitExceededException;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * One gateway connection: acquire {@code rpm 1} and the estimated {@code tpm} with {@code withLeaseAsync}, "call the
 * model" (a task on the scheduler after the simulated latency, no thread waits), adjust the lease to the tokens
 * really used or fail so that the limiter rolls it back; after a rejection, pause for the retry-after (capped);
 * repeat until the deadline. Every outcome goes to the {@link Ledger}.
 *
 * <p>Concurrency: a worker has at most one call in flight, and each step is scheduled by the completion of the
 * previous one, so its random source is used by one thread at a time with happens-before between steps.
 */
final class Worker {

    private final Workload workload;
    private final SplittableRandom random;
    private final CompletableFuture<Void> done = new CompletableFuture<>();

    Worker(Workload workload, SplittableRandom random) {
        this.workload = workload;
        this.random = random;
    }

    /** Starts the loop; the future completes at the deadline, or fails on an unexpected error. */
    CompletableFuture<Void> start() {
        workload.scheduler().execute(this::next);
        return done;
    }

    private void next() {
        try {
            if (workload.pastDeadline()) {
                done.complete(null);
                return;
            }
            ModelCall call = workload.nextCall(random);
            workload.inFlight().incrementAndGet();
            workload.limiter().withLeaseAsync(workload.request(call), lease -> callModel(lease, call))
                    .whenComplete((used, failure) -> {
                        workload.inFlight().decrementAndGet();
                        settled(call, failure);
                    });
        } catch (RuntimeException unexpected) {
            done.completeExceptionally(unexpected);
        }
    }

    private CompletableFuture<Long> callModel(Lease lease, ModelCall call) {
        workload.ledger().granted(call.user().chain(), workload.amounts());
        CompletableFuture<Long> answer = new CompletableFuture<>();
        workload.scheduler().schedule(() -> {
            try {
                if (call.fails()) {
                    answer.completeExceptionally(new SimulatedModelFailure(call.user().id()));
                    return;
                }
                long delta = call.usedTokens() - workload.settings().estimatedTokens();
                if (delta != 0) {
                    lease.adjust(Workload.TPM, delta);
                    workload.ledger().adjusted(call.user().chain(), Workload.TPM, delta);
                }
                answer.complete(call.usedTokens());
            } catch (RuntimeException unexpected) {
                answer.completeExceptionally(unexpected);
            }
        }, call.latency().toNanos(), TimeUnit.NANOSECONDS);
        return answer;
    }

    private void settled(ModelCall call, Throwable failure) {
        Duration pause = Duration.ZERO;
        if (failure != null) {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (cause instanceof RateLimitExceededException rejection) {
                workload.ledger().rejected(violators(rejection), rejection.retryAfter());
                Duration retryAfter = rejection.retryAfter();
                Duration cap = workload.settings().maxBackoff();
                pause = retryAfter.compareTo(cap) < 0 ? retryAfter : cap;
            } else if (cause instanceof SimulatedModelFailure) {
                workload.ledger().rolledBack(call.user().chain(), workload.amounts());
            } else {
                done.completeExceptionally(cause);
                return;
            }
        }
        try {
            workload.scheduler().schedule(this::next, pause.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RuntimeException shutDown) {
            done.completeExceptionally(shutDown);
        }
    }

    private static Set<String> violators(RateLimitExceededException rejection) {
        Set<String> entities = new LinkedHashSet<>();
        for (LimitStatus violation : rejection.violations()) {
            entities.add(violation.entity());
        }
        return entities;
    }
}
