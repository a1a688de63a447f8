package dev.limiter;

import dev.limiter.allowance.AllowanceTier;
import dev.limiter.backend.Backend;
import dev.limiter.internal.Require;
import dev.limiter.memory.InMemoryBackend;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;

/**
 * Builds a {@link RateLimiter}. Every setting is optional; each setter validates at once and documents its default.
 * {@link #build()} copies the settings, so reusing a builder never changes a built limiter. Not thread-safe.
 */
public final class RateLimiterBuilder {

    /** The most levels an entity hierarchy may have unless {@link #maxDepth} says otherwise. */
    public static final int DEFAULT_MAX_DEPTH = 8;

    private static final int MAX_DEPTH_BOUND = 32;

    private Backend backend;
    private String namespace = "default";
    private InstantSource clock = InstantSource.system();
    /** The default listener; recognised by identity so that an unobserved limiter skips timing entirely. */
    static final RateLimiterListener SILENT = new RateLimiterListener() { };

    private RateLimiterListener listener = SILENT;
    private OnUnavailable onUnavailable;
    private Duration configCacheTtl = Duration.ofSeconds(60);
    private int configCacheMaxEntries = 100_000;
    private int maxDepth = DEFAULT_MAX_DEPTH;
    private Executor executor = ForkJoinPool.commonPool();
    private Sleeper sleeper = Sleeper.system();
    private LeaseFailurePolicy leaseFailurePolicy = LeaseFailurePolicy.ROLLBACK;
    private boolean shadow;
    private LocalTier localTier;

    RateLimiterBuilder() {
    }

    /** Where limits live. Default: a new {@link InMemoryBackend} per built limiter (limits shared by nothing else). */
    public RateLimiterBuilder backend(Backend newBackend) {
        this.backend = Require.nonNull("backend", newBackend);
        return this;
    }

    /** The tenant namespace every key starts with; {@code [A-Za-z0-9][A-Za-z0-9_.-]*}. Default {@code default}. */
    public RateLimiterBuilder namespace(String newNamespace) {
        this.namespace = Require.namespace("namespace", newNamespace);
        return this;
    }

    /** The clock for buckets, waits and cache expiry. Default {@link InstantSource#system()}. */
    public RateLimiterBuilder clock(InstantSource newClock) {
        this.clock = Require.nonNull("clock", newClock);
        return this;
    }

    /** Receives events for metrics. Default: none. */
    public RateLimiterBuilder listener(RateLimiterListener newListener) {
        this.listener = Require.nonNull("listener", newListener);
        return this;
    }

    /**
     * What acquires do while the backend is unavailable. Default: the policy the namespace declares (a limits file's
     * {@code defaults.on_unavailable}, or {@code configs().setOnUnavailable}) as last loaded, else
     * {@link OnUnavailable#BLOCK}.
     */
    public RateLimiterBuilder onUnavailable(OnUnavailable policy) {
        this.onUnavailable = Require.nonNull("onUnavailable", policy);
        return this;
    }

    /** How long stored entities and configurations are cached in this process. Default 60 s; zero disables. */
    public RateLimiterBuilder configCacheTtl(Duration ttl) {
        Require.nonNull("configCacheTtl", ttl);
        Require.argument(!ttl.isNegative(), "configCacheTtl must not be negative, got " + ttl);
        this.configCacheTtl = ttl;
        return this;
    }

    /** About how many entries each cache holds. Default 100,000. */
    public RateLimiterBuilder configCacheMaxEntries(int maxEntries) {
        this.configCacheMaxEntries = (int) Require.positive("configCacheMaxEntries", maxEntries, Integer.MAX_VALUE);
        return this;
    }

    /**
     * The most levels an entity hierarchy may have (a root alone is 1). Default {@value #DEFAULT_MAX_DEPTH}, at most
     * 32.
     */
    public RateLimiterBuilder maxDepth(int depth) {
        this.maxDepth = (int) Require.positive("maxDepth", depth, MAX_DEPTH_BOUND);
        return this;
    }

    /** Where {@code withLeaseAsync} runs user work. Default {@link ForkJoinPool#commonPool()}. */
    public RateLimiterBuilder executor(Executor newExecutor) {
        this.executor = Require.nonNull("executor", newExecutor);
        return this;
    }

    /** How waits for tokens happen. Default {@link Sleeper#system()}. */
    public RateLimiterBuilder sleeper(Sleeper newSleeper) {
        this.sleeper = Require.nonNull("sleeper", newSleeper);
        return this;
    }

    /** What {@code withLease}/{@code withLeaseAsync} do when the work fails. Default {@link LeaseFailurePolicy#ROLLBACK}. */
    public RateLimiterBuilder leaseFailurePolicy(LeaseFailurePolicy policy) {
        this.leaseFailurePolicy = Require.nonNull("leaseFailurePolicy", policy);
        return this;
    }

    /**
     * Whether every limit this limiter evaluates is treated as a shadow limit ({@link Limit#shadow}), whatever its
     * own flag: a dry run that charges and reports but never rejects. Default {@code false}: each limit's own flag
     * (set with {@link Limit#asShadow()} or a limits file's {@code shadow: true}) decides.
     */
    public RateLimiterBuilder shadow(boolean allShadow) {
        this.shadow = allShadow;
        return this;
    }

    /**
     * Turns the local tier on: acquires whose every charged limit (in every bucket of the cascade) has a
     * {@link Limit#local() local allowance} are granted from tokens this process reserved in batches from the shared
     * bucket, without I/O; every other acquire is charged exactly as without the tier. Default: off.
     *
     * <p>Over any window {@code w} the fleet then admits at most {@code capacity + rate * (w + maxHold)} instead of
     * {@code capacity + rate * w}; see {@link LocalAllowance}. Close the limiter ({@link RateLimiter#close()}) to
     * give unused tokens back; a process that dies keeps at most {@link LocalAllowance#maxTokens} per limit charged.
     */
    public RateLimiterBuilder localTier(LocalTier tier) {
        this.localTier = Require.nonNull("localTier", tier);
        return this;
    }

    /** Builds the limiter. */
    public RateLimiter build() {
        RateLimiterBuilder frozen = copy();
        if (frozen.backend == null) {
            frozen.backend = InMemoryBackend.create();
        }
        RateLimiterListener safe = new SafeListener(frozen.listener);
        Backend charged = frozen.localTier == null ? frozen.backend
                : AllowanceTier.over(frozen.backend, frozen.localTier, frozen.clock, safe);
        LimiterContext context = new LimiterContext(charged, frozen.namespace, frozen.clock, safe,
                frozen.listener != SILENT, frozen.executor, frozen.sleeper, frozen.leaseFailurePolicy, frozen.shadow);
        TargetResolver resolver = new TargetResolver(frozen.backend, frozen.namespace, frozen.clock,
                frozen.configCacheTtl, frozen.configCacheMaxEntries, frozen.maxDepth, safe);
        return new RateLimiter(frozen, context, resolver);
    }

    /** The explicitly set policy, if any. */
    Optional<OnUnavailable> onUnavailable() {
        return Optional.ofNullable(onUnavailable);
    }

    /** The local tier's settings, if it is on. */
    Optional<LocalTier> localTier() {
        return Optional.ofNullable(localTier);
    }

    int maxDepth() {
        return maxDepth;
    }

    RateLimiterBuilder copy() {
        RateLimiterBuilder copy = new RateLimiterBuilder();
        copy.backend = backend;
        copy.namespace = namespace;
        copy.clock = clock;
        copy.listener = listener;
        copy.onUnavailable = onUnavailable;
        copy.configCacheTtl = configCacheTtl;
        copy.configCacheMaxEntries = configCacheMaxEntries;
        copy.maxDepth = maxDepth;
        copy.executor = executor;
        copy.sleeper = sleeper;
        copy.leaseFailurePolicy = leaseFailurePolicy;
        copy.shadow = shadow;
        copy.localTier = localTier;
        return copy;
    }
}
