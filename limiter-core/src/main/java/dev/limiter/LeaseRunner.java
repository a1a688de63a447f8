package dev.limiter;

import dev.limiter.internal.Futures;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * Runs work under a lease: commit when it succeeds, roll back (or commit, per {@link LeaseFailurePolicy}) when it
 * fails, leave alone a lease the work settled itself. Behind {@code withLease}, {@code withLeaseAsync} and the
 * {@code decorate} methods of {@link RateLimiter}, so each call site needs no try/catch of its own.
 */
final class LeaseRunner {

    private final LimiterContext context;

    LeaseRunner(LimiterContext context) {
        this.context = context;
    }

    /** Runs {@code work} with {@code lease} and settles the lease; a failure of the work is rethrown. */
    <T> T run(Lease lease, Function<Lease, T> work) {
        T result;
        try {
            result = work.apply(lease);
        } catch (RuntimeException | Error failure) {
            settleAfterFailure(lease, failure);
            throw failure;
        }
        lease.close();
        return result;
    }

    /** {@link #run} for work that may throw checked exceptions. */
    <T> T call(Lease lease, Callable<T> work) throws Exception {
        T result;
        try {
            result = work.call();
        } catch (Exception | Error failure) {
            settleAfterFailure(lease, failure);
            throw failure;
        }
        lease.close();
        return result;
    }

    /**
     * Runs {@code work} on the configured executor once {@code acquired} completes; settles the lease when its
     * stage completes, and completes with the stage's result or failure.
     */
    <T> CompletableFuture<T> runAsync(CompletableFuture<Lease> acquired,
                                      Function<Lease, ? extends CompletionStage<T>> work) {
        return acquired.thenComposeAsync(lease -> {
            CompletableFuture<T> done;
            try {
                done = work.apply(lease).toCompletableFuture();
            } catch (RuntimeException | Error failure) {
                done = CompletableFuture.failedFuture(failure);
            }
            return done.handle((value, failure) -> finish(lease, value, failure)).thenCompose(Function.identity());
        }, context.executor());
    }

    /** Settles {@code lease} after async work ended and completes with the work's result or failure. */
    private <T> CompletableFuture<T> finish(Lease lease, T value, Throwable failure) {
        if (failure == null) {
            CompletableFuture<Void> commit = lease.isOpen() ? lease.commitAsync() : CompletableFuture.completedFuture(null);
            return commit.thenApply(ignored -> value);
        }
        Throwable cause = Futures.unwrap(failure);
        return settleAfterFailureAsync(lease, cause).handle((ignored, settleFailure) -> {
            throw cause instanceof CompletionException completion ? completion : new CompletionException(cause);
        });
    }

    /** Settles after failed sync work; a settlement failure is added to {@code failure} as suppressed. */
    private void settleAfterFailure(Lease lease, Throwable failure) {
        Futures.join(settleAfterFailureAsync(lease, failure).exceptionally(settleFailure -> null));
    }

    private CompletableFuture<Void> settleAfterFailureAsync(Lease lease, Throwable failure) {
        if (!lease.isOpen()) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> settle = context.failurePolicy() == LeaseFailurePolicy.ROLLBACK
                ? lease.rollbackAsync() : lease.commitAsync();
        return settle.whenComplete((ignored, settleFailure) -> {
            if (settleFailure != null) {
                failure.addSuppressed(Futures.unwrap(settleFailure));
            }
        });
    }
}
