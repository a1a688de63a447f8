package dev.limiter.dynamodb.testkit;

import dev.limiter.Limit;
import dev.limiter.LocalAllowance;
import dev.limiter.OnUnavailable;
import dev.limiter.backend.Backend;
import dev.limiter.backend.BucketSnapshot;
import dev.limiter.backend.BucketKey;
import dev.limiter.backend.ChargeOutcome;
import dev.limiter.backend.ChargeRequest;
import dev.limiter.backend.SettleRequest;
import dev.limiter.config.ConfigScope;
import dev.limiter.config.ConfigStore;
import dev.limiter.config.LimitConfig;
import dev.limiter.entity.EntityStore;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A backend whose stored entity defaults are read with a local allowance added per entity: the buckets, entities and
 * configurations stay in the table, only the allowance comes from the worker's command line.
 *
 * <p>Why a decorator: on this branch the DynamoDB config store does not persist allowances yet (another branch adds
 * them); once it does, the test can store them and drop this class. Writes pass through unchanged.
 */
final class AllowanceConfigs implements Backend, ConfigStore {

    private final Backend delegate;
    private final Map<String, LocalAllowance> allowances;

    AllowanceConfigs(Backend delegate, Map<String, LocalAllowance> allowances) {
        this.delegate = delegate;
        this.allowances = Map.copyOf(allowances);
    }

    @Override
    public CompletableFuture<ChargeOutcome> charge(ChargeRequest request) {
        return delegate.charge(request);
    }

    @Override
    public CompletableFuture<Void> settle(SettleRequest request) {
        return delegate.settle(request);
    }

    @Override
    public CompletableFuture<List<BucketSnapshot>> read(List<BucketKey> keys) {
        return delegate.read(keys);
    }

    @Override
    public ConfigStore configs() {
        return this;
    }

    @Override
    public EntityStore entities() {
        return delegate.entities();
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public CompletableFuture<Optional<LimitConfig>> get(String namespace, ConfigScope scope) {
        return delegate.configs().get(namespace, scope).thenApply(found -> found.map(config -> withAllowance(scope,
                config)));
    }

    @Override
    public CompletableFuture<Void> put(String namespace, ConfigScope scope, LimitConfig config) {
        return delegate.configs().put(namespace, scope, config);
    }

    @Override
    public CompletableFuture<Boolean> delete(String namespace, ConfigScope scope) {
        return delegate.configs().delete(namespace, scope);
    }

    @Override
    public CompletableFuture<Map<ConfigScope, LimitConfig>> list(String namespace) {
        return delegate.configs().list(namespace).thenApply(all -> {
            Map<ConfigScope, LimitConfig> changed = new LinkedHashMap<>();
            all.forEach((scope, config) -> changed.put(scope, withAllowance(scope, config)));
            return changed;
        });
    }

    @Override
    public CompletableFuture<Optional<OnUnavailable>> onUnavailable(String namespace) {
        return delegate.configs().onUnavailable(namespace);
    }

    @Override
    public CompletableFuture<Void> putOnUnavailable(String namespace, OnUnavailable policy) {
        return delegate.configs().putOnUnavailable(namespace, policy);
    }

    private LimitConfig withAllowance(ConfigScope scope, LimitConfig config) {
        if (!(scope instanceof ConfigScope.EntityDefault entity) || !allowances.containsKey(entity.entity())) {
            return config;
        }
        LocalAllowance allowance = allowances.get(entity.entity());
        List<Limit> limits = config.limits().stream().map(limit -> limit.withLocalAllowance(allowance)).toList();
        return new LimitConfig(limits, config.unlimited());
    }
}
