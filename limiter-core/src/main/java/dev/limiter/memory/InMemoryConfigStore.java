package dev.limiter.memory;

import dev.limiter.OnUnavailable;
import dev.limiter.config.ConfigScope;
import dev.limiter.config.ConfigStore;
import dev.limiter.config.LimitConfig;
import dev.limiter.internal.Futures;
import dev.limiter.internal.Require;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/** Limit configurations in memory, per namespace. Thread-safe; futures complete before the methods return. */
final class InMemoryConfigStore implements ConfigStore {

    private final Map<String, Map<ConfigScope, LimitConfig>> namespaces = new ConcurrentHashMap<>();
    private final Map<String, OnUnavailable> policies = new ConcurrentHashMap<>();

    @Override
    public CompletableFuture<Optional<LimitConfig>> get(String namespace, ConfigScope scope) {
        return Futures.guard(() -> CompletableFuture.completedFuture(
                Optional.ofNullable(scopes(namespace).get(Require.nonNull("scope", scope)))));
    }

    @Override
    public CompletableFuture<Void> put(String namespace, ConfigScope scope, LimitConfig config) {
        return Futures.guard(() -> {
            scopes(namespace).put(Require.nonNull("scope", scope), Require.nonNull("config", config));
            return CompletableFuture.completedFuture(null);
        });
    }

    @Override
    public CompletableFuture<Boolean> delete(String namespace, ConfigScope scope) {
        return Futures.guard(() -> CompletableFuture.completedFuture(scopes(namespace).remove(scope) != null));
    }

    @Override
    public CompletableFuture<Map<ConfigScope, LimitConfig>> list(String namespace) {
        return Futures.guard(() -> CompletableFuture.completedFuture(Map.copyOf(scopes(namespace))));
    }

    @Override
    public CompletableFuture<Optional<OnUnavailable>> onUnavailable(String namespace) {
        return Futures.guard(() -> CompletableFuture.completedFuture(
                Optional.ofNullable(policies.get(Require.namespace("namespace", namespace)))));
    }

    @Override
    public CompletableFuture<Void> putOnUnavailable(String namespace, OnUnavailable policy) {
        return Futures.guard(() -> {
            policies.put(Require.namespace("namespace", namespace), Require.nonNull("policy", policy));
            return CompletableFuture.completedFuture(null);
        });
    }

    private Map<ConfigScope, LimitConfig> scopes(String namespace) {
        return namespaces.computeIfAbsent(Require.namespace("namespace", namespace), ns -> new ConcurrentHashMap<>());
    }
}
