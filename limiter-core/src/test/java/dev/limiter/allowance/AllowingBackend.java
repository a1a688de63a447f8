package dev.limiter.allowance;

import dev.limiter.Limit;
import dev.limiter.LocalAllowance;
import dev.limiter.OnUnavailable;
import dev.limiter.backend.Backend;
import dev.limiter.backend.BucketKey;
import dev.limiter.backend.BucketSnapshot;
import dev.limiter.backend.ChargeOutcome;
import dev.limiter.backend.ChargeRequest;
import dev.limiter.backend.SettleRequest;
import dev.limiter.config.ConfigScope;
import dev.limiter.config.ConfigStore;
import dev.limiter.config.LimitConfig;
import dev.limiter.entity.EntityStore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A backend whose stored limits all read back with a local allowance (unless they are shadow limits, which the tier
 * always charges exactly), so that the contract kit runs with the local tier serving every acquire it can.
 */
final class AllowingBackend implements Backend {

    private final Backend delegate;
    private final LocalAllowance allowance;
    private final ConfigStore configs;

    AllowingBackend(Backend delegate, LocalAllowance allowance) {
        this.delegate = delegate;
        this.allowance = allowance;
        this.configs = new Allowing(delegate.configs());
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
        return configs;
    }

    @Override
    public EntityStore entities() {
        return delegate.entities();
    }

    @Override
    public void close() {
        delegate.close();
    }

    private LimitConfig allowing(LimitConfig config) {
        List<Limit> limits = new ArrayList<>(config.limits().size());
        config.limits().forEach(limit -> limits.add(limit.shadow() ? limit : limit.withLocalAllowance(allowance)));
        return new LimitConfig(limits, config.unlimited());
    }

    private final class Allowing implements ConfigStore {
        private final ConfigStore store;

        Allowing(ConfigStore store) {
            this.store = store;
        }

        @Override
        public CompletableFuture<Optional<LimitConfig>> get(String namespace, ConfigScope scope) {
            return store.get(namespace, scope).thenApply(found -> found.map(AllowingBackend.this::allowing));
        }

        @Override
        public CompletableFuture<Void> put(String namespace, ConfigScope scope, LimitConfig config) {
            return store.put(namespace, scope, config);
        }

        @Override
        public CompletableFuture<Boolean> delete(String namespace, ConfigScope scope) {
            return store.delete(namespace, scope);
        }

        @Override
        public CompletableFuture<Map<ConfigScope, LimitConfig>> list(String namespace) {
            return store.list(namespace).thenApply(all -> {
                Map<ConfigScope, LimitConfig> allowing = new LinkedHashMap<>();
                all.forEach((scope, config) -> allowing.put(scope, allowing(config)));
                return allowing;
            });
        }

        @Override
        public CompletableFuture<Optional<OnUnavailable>> onUnavailable(String namespace) {
            return store.onUnavailable(namespace);
        }

        @Override
        public CompletableFuture<Void> putOnUnavailable(String namespace, OnUnavailable policy) {
            return store.putOnUnavailable(namespace, policy);
        }
    }
}
