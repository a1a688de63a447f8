package dev.limiter.config;

import dev.limiter.OnUnavailable;
import dev.limiter.internal.Futures;
import dev.limiter.internal.Require;

import java.util.Map;
import java.util.Optional;

/**
 * Reads and writes the stored limit configurations of one namespace. Obtained from
 * {@link dev.limiter.RateLimiter#configs()}; writes through it take effect at once in that limiter, and in other
 * processes when their cache entries expire.
 *
 * <p>Thread-safe; each method is one store call and blocks until it finishes.
 */
public final class Configs {

    private final ConfigStore store;
    private final String namespace;
    private final Runnable onChange;

    /**
     * Creates the manager; applications get one from {@link dev.limiter.RateLimiter#configs()}.
     *
     * @param onChange called after every successful write, e.g. to drop cached configurations
     */
    public Configs(ConfigStore store, String namespace, Runnable onChange) {
        this.store = Require.nonNull("store", store);
        this.namespace = Require.namespace("namespace", namespace);
        this.onChange = Require.nonNull("onChange", onChange);
    }

    /** Stores {@code config} at {@code scope}, replacing what was there. */
    public void set(ConfigScope scope, LimitConfig config) {
        Futures.join(store.put(namespace, Require.nonNull("scope", scope), Require.nonNull("config", config)));
        onChange.run();
    }

    /** The configuration stored at {@code scope}, if any. */
    public Optional<LimitConfig> get(ConfigScope scope) {
        return Futures.join(store.get(namespace, Require.nonNull("scope", scope)));
    }

    /** Removes the configuration at {@code scope}; returns whether there was one. */
    public boolean delete(ConfigScope scope) {
        boolean existed = Futures.join(store.delete(namespace, Require.nonNull("scope", scope)));
        onChange.run();
        return existed;
    }

    /** The on-unavailable policy the namespace declares, if any; limiters without an explicit policy follow it. */
    public Optional<OnUnavailable> onUnavailable() {
        return Futures.join(store.onUnavailable(namespace));
    }

    /** Declares the namespace's on-unavailable policy, for limiters that do not set one explicitly. */
    public void setOnUnavailable(OnUnavailable policy) {
        Futures.join(store.putOnUnavailable(namespace, Require.nonNull("policy", policy)));
        onChange.run();
    }

    /** Every configuration stored in the namespace. */
    public Map<ConfigScope, LimitConfig> list() {
        return Futures.join(store.list(namespace));
    }
}
