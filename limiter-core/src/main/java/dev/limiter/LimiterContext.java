package dev.limiter;

import dev.limiter.backend.Backend;
import dev.limiter.internal.Arithmetic;

import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The collaborators a limiter and its leases share, fixed when the limiter is built.
 *
 * @param backend       where buckets, configurations and entities live
 * @param namespace     the tenant namespace of every key
 * @param clock         the only source of time
 * @param listener      the (exception-safe) event listener
 * @param listening     whether the listener is the application's (not the no-op default), so that timing is measured
 * @param executor      where user continuations of async calls run
 * @param sleeper       how waits happen
 * @param failurePolicy what {@code withLease} does with the lease when the work fails
 * @param shadow        whether every limit is treated as a shadow limit (a dry-run limiter)
 */
record LimiterContext(Backend backend, String namespace, InstantSource clock, RateLimiterListener listener,
                      boolean listening, Executor executor, Sleeper sleeper, LeaseFailurePolicy failurePolicy,
                      boolean shadow) {

    /** Now, in nanoseconds since the epoch. */
    long nowNanos() {
        return Arithmetic.epochNanos(clock.instant());
    }

    /** Nanoseconds elapsed since {@code startNanos}, never negative. */
    Duration since(long startNanos) {
        return Duration.ofNanos(Math.max(0, nowNanos() - startNanos));
    }

    /** Reports {@code call} to the listener when it completes, if anyone listens. */
    <T> CompletableFuture<T> reported(String operation, long startNanos, CompletableFuture<T> call) {
        if (!listening) {
            return call;
        }
        return call.whenComplete((value, failure) -> listener.onBackendCall(operation, since(startNanos), failure != null));
    }
}
