package dev.limiter;

import dev.limiter.backend.Backend;
import dev.limiter.backend.BucketKey;
import dev.limiter.backend.BucketSnapshot;
import dev.limiter.backend.ChargeOutcome;
import dev.limiter.backend.ChargeRequest;
import dev.limiter.backend.SettleRequest;
import dev.limiter.config.ConfigScope;
import dev.limiter.config.ConfigStore;
import dev.limiter.config.LimitConfig;
import dev.limiter.entity.Entity;
import dev.limiter.entity.EntityStore;
import dev.limiter.memory.InMemoryBackend;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * An {@link InMemoryBackend} that can be switched to fail: every call, only settlements or only configuration
 * loads with {@link RateLimiterUnavailableException}, or every call with an {@link IllegalStateException} (a bug
 * in the backend rather than an outage). Failing calls never reach the in-memory state. Thread-safe.
 */
final class SwitchableBackend implements Backend {

    /** Which calls fail. */
    enum Mode { HEALTHY, DOWN, SETTLE_DOWN, CONFIG_LOADS_DOWN, BROKEN }

    private final InMemoryBackend delegate = InMemoryBackend.create();
    private volatile Mode mode = Mode.HEALTHY;

    /** Makes the calls of {@code newMode} fail from now on. */
    void switchTo(Mode newMode) {
        this.mode = newMode;
    }

    /** The state behind the switch, readable whatever the mode. */
    Backend healthyView() {
        return delegate;
    }

    @Override
    public CompletableFuture<ChargeOutcome> charge(ChargeRequest request) {
        return call(mode == Mode.DOWN, () -> delegate.charge(request));
    }

    @Override
    public CompletableFuture<Void> settle(SettleRequest request) {
        return call(mode == Mode.DOWN || mode == Mode.SETTLE_DOWN, () -> delegate.settle(request));
    }

    @Override
    public CompletableFuture<List<BucketSnapshot>> read(List<BucketKey> keys) {
        return call(mode == Mode.DOWN, () -> delegate.read(keys));
    }

    @Override
    public ConfigStore configs() {
        ConfigStore configs = delegate.configs();
        return new ConfigStore() {
            @Override
            public CompletableFuture<Optional<LimitConfig>> get(String namespace, ConfigScope scope) {
                return call(mode == Mode.DOWN || mode == Mode.CONFIG_LOADS_DOWN, () -> configs.get(namespace, scope));
            }

            @Override
            public CompletableFuture<Void> put(String namespace, ConfigScope scope, LimitConfig config) {
                return call(mode == Mode.DOWN, () -> configs.put(namespace, scope, config));
            }

            @Override
            public CompletableFuture<Boolean> delete(String namespace, ConfigScope scope) {
                return call(mode == Mode.DOWN, () -> configs.delete(namespace, scope));
            }

            @Override
            public CompletableFuture<Map<ConfigScope, LimitConfig>> list(String namespace) {
                return call(mode == Mode.DOWN, () -> configs.list(namespace));
            }

            @Override
            public CompletableFuture<Optional<OnUnavailable>> onUnavailable(String namespace) {
                return call(mode == Mode.DOWN || mode == Mode.CONFIG_LOADS_DOWN, () -> configs.onUnavailable(namespace));
            }

            @Override
            public CompletableFuture<Void> putOnUnavailable(String namespace, OnUnavailable policy) {
                return call(mode == Mode.DOWN, () -> configs.putOnUnavailable(namespace, policy));
            }
        };
    }

    @Override
    public EntityStore entities() {
        EntityStore entities = delegate.entities();
        return new EntityStore() {
            @Override
            public CompletableFuture<Optional<Entity>> get(String namespace, String id) {
                return call(mode == Mode.DOWN, () -> entities.get(namespace, id));
            }

            @Override
            public CompletableFuture<Void> put(String namespace, Entity entity) {
                return call(mode == Mode.DOWN, () -> entities.put(namespace, entity));
            }

            @Override
            public CompletableFuture<Boolean> delete(String namespace, String id) {
                return call(mode == Mode.DOWN, () -> entities.delete(namespace, id));
            }

            @Override
            public CompletableFuture<List<Entity>> children(String namespace, String id) {
                return call(mode == Mode.DOWN, () -> entities.children(namespace, id));
            }

            @Override
            public CompletableFuture<List<Entity>> list(String namespace) {
                return call(mode == Mode.DOWN, () -> entities.list(namespace));
            }
        };
    }

    private <T> CompletableFuture<T> call(boolean down, Supplier<CompletableFuture<T>> healthy) {
        if (mode == Mode.BROKEN) {
            return CompletableFuture.failedFuture(new IllegalStateException("bug in backend"));
        }
        if (down) {
            return CompletableFuture.failedFuture(new RateLimiterUnavailableException("backend unavailable",
                    new IOException("connection refused")));
        }
        return healthy.get();
    }
}
