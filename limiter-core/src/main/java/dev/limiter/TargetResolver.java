package dev.limiter;

import dev.limiter.backend.Backend;
import dev.limiter.backend.BucketKey;
import dev.limiter.config.CacheStats;
import dev.limiter.config.ConfigLevel;
import dev.limiter.config.ConfigScope;
import dev.limiter.config.EffectiveLimits;
import dev.limiter.config.LimitConfig;
import dev.limiter.entity.Entity;
import dev.limiter.internal.Arithmetic;
import dev.limiter.internal.TtlCache;
import dev.limiter.internal.TtlCache.Timed;

import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Resolves an (entity, resource) to the buckets an acquire charges and the stored limits of each, through
 * per-process caches.
 *
 * <p>Three caches with one TTL: entities, stored configurations per scope (resource and namespace defaults are
 * shared by every entity), and whole resolved targets. A target expires with the earliest of the entries it was
 * built from, so a stored change is seen within one TTL. Absent entries are cached too.
 */
final class TargetResolver {

    /** Key of a resolved target. */
    private record TargetKey(String entity, String resource) {

        // Written out rather than generated: looked up on every acquire, and the generated methods go through
        // method handles that the JIT does not always fold into this simple form.
        @Override
        public boolean equals(Object other) {
            return this == other || (other instanceof TargetKey key && entity.equals(key.entity)
                    && resource.equals(key.resource));
        }

        @Override
        public int hashCode() {
            return 31 * entity.hashCode() + resource.hashCode();
        }
    }

    private final Backend backend;
    private final String namespace;
    private final Duration ttl;
    private final int maxDepth;
    private final RateLimiterListener listener;
    private final TtlCache<TargetKey, ResolvedTarget> targets;
    private final TtlCache<String, Optional<Entity>> entities;
    private final TtlCache<ConfigScope, Optional<LimitConfig>> configs;
    private final TtlCache<String, Optional<OnUnavailable>> policies;
    private final Function<TargetKey, CompletableFuture<Timed<ResolvedTarget>>> targetLoader = this::load;
    private final Function<String, CompletableFuture<Timed<Optional<OnUnavailable>>>> policyLoader;
    /** The namespace's declared policy as last loaded, BLOCK if none; read without I/O when the backend fails. */
    private volatile OnUnavailable declared = OnUnavailable.BLOCK;
    /**
     * Until when the cached policy entry is fresh and outside its refresh-ahead window, so that acquires need not
     * look it up (one map lookup fewer per acquire). A resolve racing {@link #invalidateAll} may set it from the entry
     * just dropped; the policy is then reloaded at the latest one TTL later, as in any other process.
     */
    private volatile long policyFreshUntilNanos = Long.MIN_VALUE;
    private final long refreshAheadNanos;

    TargetResolver(Backend backend, String namespace, InstantSource clock, Duration ttl, int maxEntries,
                   int maxDepth, RateLimiterListener listener) {
        this.backend = backend;
        this.namespace = namespace;
        this.ttl = ttl;
        this.maxDepth = maxDepth;
        this.listener = listener;
        // Reload in the last fifth of the TTL, so that keys in steady use never make an acquire wait for the store.
        Duration refreshAhead = ttl.dividedBy(5);
        this.refreshAheadNanos = refreshAhead.toNanos();
        this.targets = new TtlCache<>(clock, maxEntries, listener::onCacheLookup, refreshAhead);
        this.entities = new TtlCache<>(clock, maxEntries, hit -> { }, refreshAhead);
        this.configs = new TtlCache<>(clock, maxEntries, hit -> { }, refreshAhead);
        this.policies = new TtlCache<>(clock, 1, hit -> { }, refreshAhead);
        // Built once, like targetLoader: resolve() runs on every acquire and should not allocate loaders.
        this.policyLoader = key -> timedLoad("config", () -> backend.configs().onUnavailable(key))
                .thenApply(loaded -> {
                    declared = loaded.value().orElse(OnUnavailable.BLOCK);
                    return loaded;
                });
    }

    /** The target of {@code entity} and {@code resource}; also keeps the namespace's declared policy fresh. */
    CompletableFuture<Timed<ResolvedTarget>> resolve(String entity, String resource) {
        return resolve(entity, resource, nowNanos());
    }

    /** {@link #resolve(String, String)} as of {@code nowNanos}, read by the caller from the limiter's clock. */
    CompletableFuture<Timed<ResolvedTarget>> resolve(String entity, String resource, long nowNanos) {
        if (nowNanos >= policyFreshUntilNanos) {
            CompletableFuture<Timed<Optional<OnUnavailable>>> policy = policies.get(namespace, policyLoader, nowNanos);
            if (policy.isDone() && !policy.isCompletedExceptionally()) {
                // Until the entry reaches its refresh-ahead window a lookup could only answer "fresh": skip it.
                policyFreshUntilNanos = policy.join().expiresAtNanos() - refreshAheadNanos;
            }
        }
        return targets.get(new TargetKey(entity, resource), targetLoader, nowNanos);
    }

    /** The policy the namespace declares, as last loaded; BLOCK if it declares none or none was ever loaded. */
    OnUnavailable declaredPolicy() {
        return declared;
    }

    /** Forgets everything cached, e.g. after this process changed stored data. */
    void invalidateAll() {
        policyFreshUntilNanos = Long.MIN_VALUE;
        policies.invalidateAll();
        targets.invalidateAll();
        entities.invalidateAll();
        configs.invalidateAll();
    }

    /** Store lookups answered from cache (target hits included) versus loaded. */
    CacheStats stats() {
        CacheStats target = targets.stats();
        CacheStats entity = entities.stats();
        CacheStats config = configs.stats();
        return new CacheStats(target.hits() + entity.hits() + config.hits(), entity.misses() + config.misses(),
                entity.loadFailures() + config.loadFailures(),
                target.evictions() + entity.evictions() + config.evictions());
    }

    private CompletableFuture<Timed<ResolvedTarget>> load(TargetKey key) {
        return chain(key.entity(), new ArrayList<>(), Long.MAX_VALUE).thenCompose(chain -> {
            List<CompletableFuture<Timed<EffectiveLimits>>> limits = new ArrayList<>();
            for (String id : chain.value()) {
                limits.add(storedLimits(id, key.resource()));
            }
            return CompletableFuture.allOf(limits.toArray(CompletableFuture[]::new)).thenApply(done -> {
                long expiry = chain.expiresAtNanos();
                List<ResolvedTarget.Bucket> buckets = new ArrayList<>(limits.size());
                for (int i = 0; i < limits.size(); i++) {
                    Timed<EffectiveLimits> resolved = limits.get(i).join();
                    expiry = Math.min(expiry, resolved.expiresAtNanos());
                    buckets.add(new ResolvedTarget.Bucket(
                            new BucketKey(namespace, chain.value().get(i), key.resource()), resolved.value()));
                }
                return new Timed<>(new ResolvedTarget(buckets), expiry);
            });
        });
    }

    /** The entity followed by the ancestors it cascades to; stops with an error past the depth bound. */
    private CompletableFuture<Timed<List<String>>> chain(String id, List<String> seen, long expiry) {
        seen.add(id);
        return entity(id).thenCompose(found -> {
            long earliest = Math.min(expiry, found.expiresAtNanos());
            Optional<Entity> entity = found.value();
            if (entity.isEmpty() || !entity.get().cascade() || entity.get().parent().isEmpty()) {
                return CompletableFuture.completedFuture(new Timed<>(List.copyOf(seen), earliest));
            }
            String parent = entity.get().parent().get();
            if (seen.contains(parent) || seen.size() >= maxDepth) {
                return CompletableFuture.failedFuture(new IllegalStateException("the cascade chain of entity '"
                        + seen.get(0) + "' " + (seen.contains(parent) ? "has a cycle" : "is deeper than " + maxDepth
                        + " levels") + ": " + String.join(" -> ", seen) + " -> " + parent));
            }
            return chain(parent, seen, earliest);
        });
    }

    private CompletableFuture<Timed<EffectiveLimits>> storedLimits(String entity, String resource) {
        List<ConfigScope> scopes = List.of(ConfigScope.entityResource(entity, resource),
                ConfigScope.entityDefault(entity), ConfigScope.resource(resource), ConfigScope.namespace());
        List<CompletableFuture<Timed<Optional<LimitConfig>>>> loads = new ArrayList<>(scopes.size());
        for (ConfigScope scope : scopes) {
            loads.add(configs.get(scope, k -> timedLoad("config", () -> backend.configs().get(namespace, k))));
        }
        return CompletableFuture.allOf(loads.toArray(CompletableFuture[]::new)).thenApply(done -> {
            EffectiveLimits limits = EffectiveLimits.NONE;
            long expiry = Long.MAX_VALUE;
            for (int i = 0; i < scopes.size(); i++) {
                Timed<Optional<LimitConfig>> config = loads.get(i).join();
                expiry = Math.min(expiry, config.expiresAtNanos());
                ConfigLevel level = scopes.get(i).level();
                limits = limits.underlay(level, config.value().orElse(LimitConfig.EMPTY));
            }
            return new Timed<>(limits, expiry);
        });
    }

    private CompletableFuture<Timed<Optional<Entity>>> entity(String id) {
        return entities.get(id, k -> timedLoad("entity", () -> backend.entities().get(namespace, k)));
    }

    /** Loads from the store, reports the call, and stamps the value with its expiry. */
    private <V> CompletableFuture<Timed<V>> timedLoad(String operation, Supplier<CompletableFuture<V>> load) {
        long start = nowNanos();
        long expiresAt = Arithmetic.saturatedAdd(start, ttl.toNanos());
        return load.get().whenComplete((value, failure) -> listener.onBackendCall(operation,
                        Duration.ofNanos(Math.max(0, nowNanos() - start)), failure != null))
                .thenApply(value -> new Timed<>(value, expiresAt));
    }

    private long nowNanos() {
        return targets.now();
    }
}
