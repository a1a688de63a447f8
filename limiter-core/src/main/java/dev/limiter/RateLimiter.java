package dev.limiter;

import dev.limiter.allowance.AllowanceTier;
import dev.limiter.allowance.LocalTierView;
import dev.limiter.backend.Backend;
import dev.limiter.config.CacheStats;
import dev.limiter.config.Configs;
import dev.limiter.config.Explanation;
import dev.limiter.entity.Entities;
import dev.limiter.internal.Futures;
import dev.limiter.internal.Require;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;

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
 * Estimate e = limiter.check(req);                         // would it be granted now? writes nothing
 * Supplier<Answer> guarded = limiter.decorateSupplier(req, llm::call); // acquire, run, commit or roll back
 * }</pre>
 *
 * <p>Async methods never throw: failures complete their future. Sync methods throw what the future would have
 * failed with: {@link RateLimitExceededException}, {@link AmountExceedsCapacityException},
 * {@link RateLimiterUnavailableException}, {@link RateLimiterInterruptedException} (blocking waits only),
 * {@link ClockSkewException} (the backend refuses writes stamped by a clock running too far ahead), or
 * {@link IllegalArgumentException} for a request naming a limit that does not apply. Shadow limits
 * ({@link Limit#shadow}) never cause a rejection; they are reported instead. Futures may complete on backend I/O
 * threads; {@link #withLeaseAsync} runs the work on the
 * configured executor.
 *
 * <p>Thread-safe. Limiters built on the same backend share limits; build one per namespace and reuse it.
 */
public final class RateLimiter implements AutoCloseable {

    private final RateLimiterBuilder settings;
    private final LimiterContext context;
    private final TargetResolver resolver;
    private final Acquirer acquirer;
    private final Waiter waiter;
    private final LeaseRunner runner;
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
        this.runner = new LeaseRunner(context);
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

    /**
     * Acquires {@code request}, waiting up to {@code maxWait} for tokens (the clock's time; durations beyond about
     * 292 years, such as {@code ChronoUnit.FOREVER.getDuration()}, wait without bound).
     *
     * @throws RateLimitExceededException      if the request would still be rejected at the deadline; thrown as soon
     *                                         as a rejection's retry-after lies beyond it
     * @throws RateLimiterInterruptedException if the thread is interrupted while waiting; its interrupt flag is set
     *                                         again and no lease is held
     */
    public Lease acquire(AcquireRequest request, Duration maxWait) {
        Require.nonNull("request", request);
        return waiter.acquire(request, () -> acquirer.attempt(request, onUnavailable), requireWait(maxWait));
    }

    /** Attempts {@code request} once: a granted lease, or a rejection with the exact retry-after. */
    public Decision tryAcquire(AcquireRequest request) {
        return acquirer.attemptNow(Require.nonNull("request", request), onUnavailable);
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

    /**
     * {@link #acquire(AcquireRequest, Duration)} without blocking any thread while waiting. Cancelling the returned
     * future, or completing it otherwise (e.g. {@code orTimeout}), stops the retries; a lease granted by an attempt
     * that was already under way is rolled back, so an abandoned wait holds no tokens.
     */
    public CompletableFuture<Lease> acquireAsync(AcquireRequest request, Duration maxWait) {
        return Futures.guard(() -> {
            Require.nonNull("request", request);
            return waiter.acquireAsync(() -> acquirer.attempt(request, onUnavailable), requireWait(maxWait));
        });
    }

    /**
     * Says whether {@code request} would be granted now, and if not the exact retry-after, without charging or
     * writing anything: one read of the buckets it would charge (on DynamoDB one consistent {@code GetItem} per
     * bucket). A hint, not a reservation: another client may take the tokens before an acquire does.
     *
     * @throws IllegalArgumentException        if the request names a limit that does not apply to its entity
     * @throws AmountExceedsCapacityException  if an amount can never fit its limit
     * @throws RateLimiterUnavailableException if the backend cannot be read, whatever the {@link OnUnavailable} policy
     */
    public Estimate check(AcquireRequest request) {
        return Futures.join(checkAsync(request));
    }

    /** {@link #check} without blocking. */
    public CompletableFuture<Estimate> checkAsync(AcquireRequest request) {
        return Futures.guard(() -> new Checker(context, resolver).check(request));
    }

    /**
     * Acquires {@code request}, runs {@code work} with the lease, then commits it; if {@code work} throws, the lease
     * is rolled back (or committed, per {@link RateLimiterBuilder#leaseFailurePolicy}) and the exception rethrown.
     * A lease that {@code work} settled itself is left alone.
     *
     * @throws RateLimitExceededException if the request is rejected; {@code work} does not run
     */
    public <T> T withLease(AcquireRequest request, Function<Lease, T> work) {
        Require.nonNull("work", work);
        return runner.run(acquire(request), work);
    }

    /**
     * Acquires {@code request} and runs {@code work} on the configured executor; commits when its stage succeeds,
     * rolls back (or commits, per policy) when it fails, and completes with its result or failure.
     */
    public <T> CompletableFuture<T> withLeaseAsync(AcquireRequest request,
                                                   Function<Lease, ? extends CompletionStage<T>> work) {
        return Futures.guard(() -> runner.runAsync(acquireAsync(request), Require.nonNull("work", work)));
    }

    /**
     * {@code work} behind this limiter: each {@code get()} acquires {@code request} (throwing
     * {@link RateLimitExceededException} without running {@code work} when rejected), runs it, and commits, or
     * rolls back when it throws, as {@link #withLease} does.
     */
    public <T> Supplier<T> decorateSupplier(AcquireRequest request, Supplier<T> work) {
        Require.nonNull("request", request);
        Require.nonNull("work", work);
        return () -> runner.run(acquire(request), lease -> work.get());
    }

    /** {@link #decorateSupplier} for a {@link Runnable}. */
    public Runnable decorateRunnable(AcquireRequest request, Runnable work) {
        Require.nonNull("work", work);
        Supplier<Void> decorated = decorateSupplier(request, () -> {
            work.run();
            return null;
        });
        return decorated::get;
    }

    /** {@link #decorateSupplier} for a {@link Callable}: a checked exception it throws also rolls the lease back. */
    public <T> Callable<T> decorateCallable(AcquireRequest request, Callable<T> work) {
        Require.nonNull("request", request);
        Require.nonNull("work", work);
        return () -> runner.call(acquire(request), work);
    }

    /**
     * {@code work} behind this limiter, with the request built from each argument (e.g. the entity from a user id):
     * each {@code apply(a)} acquires {@code requestOf.apply(a)}, then behaves as {@link #decorateSupplier}.
     */
    public <A, R> Function<A, R> decorateFunction(Function<? super A, AcquireRequest> requestOf,
                                                  Function<? super A, ? extends R> work) {
        Require.nonNull("requestOf", requestOf);
        Require.nonNull("work", work);
        return argument -> runner.run(acquire(requestOf.apply(argument)), lease -> work.apply(argument));
    }

    /**
     * Async {@code work} behind this limiter: each {@code get()} returns at once (never blocking for the acquire)
     * a future that fails with {@link RateLimitExceededException} when rejected, else runs {@code work} on the
     * configured executor and settles as {@link #withLeaseAsync} does.
     */
    public <T> Supplier<CompletableFuture<T>> decorateCompletionStage(AcquireRequest request,
                                                                      Supplier<? extends CompletionStage<T>> work) {
        Require.nonNull("request", request);
        Require.nonNull("work", work);
        return () -> withLeaseAsync(request, lease -> work.get());
    }

    /**
     * Explains the stored limits of {@code entity} for {@code resource}: sources, cascade chain and live state.
     * Limits that only requests carry do not appear; use {@link #explain(AcquireRequest)} for those.
     */
    public Explanation explain(String entity, String resource) {
        return Futures.join(explainAsync(entity, resource));
    }

    /** {@link #explain(String, String)} without blocking. */
    public CompletableFuture<Explanation> explainAsync(String entity, String resource) {
        return Futures.guard(() -> new Explainer(context, resolver).explain(entity, resource));
    }

    /**
     * Explains what {@code request} would be charged against, its request-level limits included: those rank below
     * every stored level (source {@link dev.limiter.config.ConfigLevel#REQUEST}), and the request limits a stored
     * level overrides are listed per bucket. Writes nothing; the amounts of the request are not used.
     */
    public Explanation explain(AcquireRequest request) {
        return Futures.join(explainAsync(request));
    }

    /** {@link #explain(AcquireRequest)} without blocking. */
    public CompletableFuture<Explanation> explainAsync(AcquireRequest request) {
        return Futures.guard(() -> new Explainer(context, resolver).explain(Require.nonNull("request", request)));
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

    /**
     * The local tier of this limiter, if the builder turned it on ({@link RateLimiterBuilder#localTier}): its ledger
     * per bucket and limit, and a way to return expired allowances now. Views of this limiter share it.
     */
    public Optional<LocalTierView> localTier() {
        return context.backend() instanceof AllowanceTier tier ? Optional.of(tier) : Optional.empty();
    }

    /**
     * Gives back every token the local tier holds unused and stops its sweeper; does nothing without the tier. Does
     * not close the backend (limiters may share one). Acquires after closing are charged to the shared bucket
     * exactly, as without the tier. Views of this limiter share the tier: closing one closes it for all.
     */
    @Override
    public void close() {
        if (context.backend() instanceof AllowanceTier tier) {
            tier.close();
        }
    }

    /** A builder initialised with this limiter's settings. */
    public RateLimiterBuilder toBuilder() {
        RateLimiterBuilder copy = settings.copy();
        onUnavailable.ifPresent(copy::onUnavailable);
        return copy;
    }

    private static Duration requireWait(Duration maxWait) {
        Require.nonNull("maxWait", maxWait);
        Require.argument(!maxWait.isNegative(), "maxWait must not be negative, got " + maxWait);
        return maxWait;
    }
}
