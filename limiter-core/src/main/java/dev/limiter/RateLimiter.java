package dev.limiter;

import dev.limiter.backend.Backend;
import dev.limiter.config.CacheStats;
import dev.limiter.config.Configs;
import dev.limiter.config.Explanation;
import dev.limiter.entity.Entities;
import dev.limiter.internal.Futures;
import dev.limiter.internal.Require;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * Acquires leases on rate limits stored in a {@link Backend}: several limits at once, for an entity and, through
 * cascade, its ancestors, all or nothing.
 *
 * <pre>{@code
 * RateLimiter limiter = RateLimiter.builder().backend(InMemoryBackend.create()).build();
 * Decision d = limiter.tryAcquire(req);                    // granted lease or exact retry-after
 * Lease lease = limiter.acquire(req);                      // throws RateLimitExceededException
 * Lease waited = limiter.acquire(req, Duration.ofSeconds(2)); // waits up to 2 s
 * CompletableFuture<Answer> f = limiter.withLeaseAsync(req, l -> llm.callAsync());
 * }</pre>
 *
 * <p>Async methods never throw: failures complete their future. Sync methods throw what the future would have
 * failed with: {@link RateLimitExceededException}, {@link AmountExceedsCapacityException},
 * {@link RateLimiterUnavailableException}, {@link ClockSkewException} (the backend refuses writes stamped by a
 * clock running too far ahead), or {@link IllegalArgumentException} for a request naming a limit that does not
 * apply. Futures may complete on backend I/O threads; {@link #withLeaseAsync} runs the work on the
 * configured executor.
 *
 * <p>Thread-safe. Limiters built on the same backend share limits; build one per namespace and reuse it.
 */
public final class RateLimiter {

    private final RateLimiterBuilder settings;
    private final LimiterContext context;
    private final TargetResolver resolver;
    private final Acquirer acquirer;
    private final Waiter waiter;
    private final Optional<OnUnavailable> onUnavailable;

    RateLimiter(RateLimiterBuilder settings, LimiterContext context, TargetResolver resolver) {
        this(settings, context, resolver, settings.onUnavailable());
    }

    private RateLimiter(RateLimiterBuilder settings, LimiterContext context, TargetResolver resolver,
                        Optional<OnUnavailable> onUnavailable) {
        this.settings = settings;
        this.context = context;
        this.resolver = resolver;
        this.acquirer = new Acquirer(context, resolver);
        this.waiter = new Waiter(context);
        this.onUnavailable = onUnavailable;
    }

    /** A builder with the defaults documented on each setter. */
    public static RateLimiterBuilder builder() {
        return new RateLimiterBuilder();
    }

    /** The namespace every key of this limiter starts with. */
    public String namespace() {
        return context.namespace();
    }

    /**
     * What acquires do while the backend is unavailable: the policy set on the builder or view, else the one the
     * namespace declares (as last loaded), else {@link OnUnavailable#BLOCK}.
     */
    public OnUnavailable onUnavailable() {
        return onUnavailable.orElseGet(resolver::declaredPolicy);
    }

    /** A view of this limiter with another {@link OnUnavailable} policy, sharing its backend and caches. */
    public RateLimiter withOnUnavailable(OnUnavailable policy) {
        return new RateLimiter(settings, context, resolver, Optional.of(Require.nonNull("policy", policy)));
    }

    /** Acquires {@code request} or throws {@link RateLimitExceededException} with the exact retry-after. */
    public Lease acquire(AcquireRequest request) {
        Decision decision = tryAcquire(request);
        if (decision instanceof Decision.Granted granted) {
            return granted.lease();
        }
        throw ((Decision.Rejected) decision).toException();
    }

    /** Acquires {@code request}, waiting up to {@code maxWait} for tokens; then throws {@link RateLimitExceededException}. */
    public Lease acquire(AcquireRequest request, Duration maxWait) {
        Require.nonNull("request", request);
        return waiter.acquire(() -> acquirer.attempt(request, onUnavailable), requireWait(maxWait));
    }

    /** Attempts {@code request} once: a granted lease, or a rejection with the exact retry-after. */
    public Decision tryAcquire(AcquireRequest request) {
        return Futures.join(tryAcquireAsync(request));
    }

    /** {@link #tryAcquire} without blocking. */
    public CompletableFuture<Decision> tryAcquireAsync(AcquireRequest request) {
        return Futures.guard(() -> acquirer.attempt(Require.nonNull("request", request), onUnavailable));
    }

    /** {@link #acquire(AcquireRequest)} without blocking: fails with {@link RateLimitExceededException} when rejected. */
    public CompletableFuture<Lease> acquireAsync(AcquireRequest request) {
        return tryAcquireAsync(request).thenApply(decision -> {
            if (decision instanceof Decision.Granted granted) {
                return granted.lease();
            }
            throw ((Decision.Rejected) decision).toException();
        });
    }

    /** {@link #acquire(AcquireRequest, Duration)} without blocking any thread while waiting. */
    public CompletableFuture<Lease> acquireAsync(AcquireRequest request, Duration maxWait) {
        return Futures.guard(() -> {
            Require.nonNull("request", request);
            return waiter.acquireAsync(() -> acquirer.attempt(request, onUnavailable), requireWait(maxWait));
        });
    }

    /**
     * Acquires {@code request}, runs {@code work} with the lease, then commits it; if {@code work} throws, the lease
     * is rolled back (or committed, per {@link RateLimiterBuilder#leaseFailurePolicy}) and the exception rethrown.
     * A lease that {@code work} settled itself is left alone.
     */
    public <T> T withLease(AcquireRequest request, Function<Lease, T> work) {
        Require.nonNull("work", work);
        Lease lease = acquire(request);
        T result;
        try {
            result = work.apply(lease);
        } catch (RuntimeException | Error failure) {
            Futures.join(settleAfterFailure(lease, failure).exceptionally(settleFailure -> null));
            throw failure;
        }
        lease.close();
        return result;
    }

    /**
     * Acquires {@code request} and runs {@code work} on the configured executor; commits when its stage succeeds,
     * rolls back (or commits, per policy) when it fails, and completes with its result or failure.
     */
    public <T> CompletableFuture<T> withLeaseAsync(AcquireRequest request,
                                                   Function<Lease, ? extends CompletionStage<T>> work) {
        Require.nonNull("work", work);
        return acquireAsync(request).thenComposeAsync(lease -> {
            CompletableFuture<T> done;
            try {
                done = work.apply(lease).toCompletableFuture();
            } catch (RuntimeException | Error failure) {
                done = CompletableFuture.failedFuture(failure);
            }
            return done.handle((value, failure) -> finish(lease, value, failure)).thenCompose(Function.identity());
        }, context.executor());
    }

    /** Explains the limits of {@code entity} for {@code resource}: sources, cascade chain and live state. */
    public Explanation explain(String entity, String resource) {
        return Futures.join(explainAsync(entity, resource));
    }

    /** {@link #explain} without blocking. */
    public CompletableFuture<Explanation> explainAsync(String entity, String resource) {
        return Futures.guard(() -> new Explainer(context, resolver).explain(entity, resource));
    }

    /** Manages the entities of this limiter's namespace. */
    public Entities entities() {
        return new Entities(context.backend().entities(), context.namespace(), settings.maxDepth(),
                resolver::invalidateAll);
    }

    /** Manages the stored limit configurations of this limiter's namespace. */
    public Configs configs() {
        return new Configs(context.backend().configs(), context.namespace(), resolver::invalidateAll);
    }

    /** Counters of the per-process cache of entities and configurations. */
    public CacheStats cacheStats() {
        return resolver.stats();
    }

    /** A builder initialised with this limiter's settings. */
    public RateLimiterBuilder toBuilder() {
        RateLimiterBuilder copy = settings.copy();
        onUnavailable.ifPresent(copy::onUnavailable);
        return copy;
    }

    /** Settles {@code lease} after async work ended and completes with the work's result or failure. */
    private <T> CompletableFuture<T> finish(Lease lease, T value, Throwable failure) {
        if (failure == null) {
            CompletableFuture<Void> commit = lease.isOpen() ? lease.commitAsync() : CompletableFuture.completedFuture(null);
            return commit.thenApply(ignored -> value);
        }
        Throwable cause = Futures.unwrap(failure);
        return settleAfterFailure(lease, cause).handle((ignored, settleFailure) -> {
            throw cause instanceof CompletionException completion ? completion : new CompletionException(cause);
        });
    }

    private CompletableFuture<Void> settleAfterFailure(Lease lease, Throwable failure) {
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

    private static Duration requireWait(Duration maxWait) {
        Require.nonNull("maxWait", maxWait);
        Require.argument(!maxWait.isNegative(), "maxWait must not be negative, got " + maxWait);
        return maxWait;
    }
}
