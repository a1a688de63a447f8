package dev.limiter.benchmarks;

import dev.limiter.Limit;
import dev.limiter.LocalAllowance;
import dev.limiter.OnUnavailable;
import dev.limiter.config.ConfigScope;
import dev.limiter.config.ConfigStore;
import dev.limiter.config.LimitConfig;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A configuration store that reads every stored limit with one local allowance, as a limits file giving every limit
 * {@code local: {maxShare, maxHold}} would store them; writes pass through unchanged. The benchmark's tier-on runs
 * read the same stored limits as its tier-off runs, and the allowance comes from the command line, not the table.
 *
 * <p>Thread-safe if the delegate is.
 */
final class AllowanceConfigStore implements ConfigStore {

    private final ConfigStore delegate;
    private final LocalAllowance allowance;

    AllowanceConfigStore(ConfigStore delegate, LocalAllowance allowance) {
        this.delegate = delegate;
        this.allowance = allowance;
    }

    @Override
    public CompletableFuture<Optional<LimitConfig>> get(String namespace, ConfigScope scope) {
        return delegate.get(namespace, scope).thenApply(config -> config.map(this::withAllowance));
    }

    @Override
    public CompletableFuture<Void> put(String namespace, ConfigScope scope, LimitConfig config) {
        return delegate.put(namespace, scope, config);
    }

    @Override
    public CompletableFuture<Boolean> delete(String namespace, ConfigScope scope) {
        return delegate.delete(namespace, scope);
    }

    @Override
    public CompletableFuture<Map<ConfigScope, LimitConfig>> list(String namespace) {
        return delegate.list(namespace).thenApply(configs -> {
            Map<ConfigScope, LimitConfig> mapped = new LinkedHashMap<>();
            configs.forEach((scope, config) -> mapped.put(scope, withAllowance(config)));
            return mapped;
        });
    }

    @Override
    public CompletableFuture<Optional<OnUnavailable>> onUnavailable(String namespace) {
        return delegate.onUnavailable(namespace);
    }

    @Override
    public CompletableFuture<Void> putOnUnavailable(String namespace, OnUnavailable policy) {
        return delegate.putOnUnavailable(namespace, policy);
    }

    private LimitConfig withAllowance(LimitConfig config) {
        List<Limit> limits = new ArrayList<>(config.limits().size());
        config.limits().forEach(limit -> limits.add(limit.withLocalAllowance(allowance)));
        return new LimitConfig(limits, config.unlimited());
    }
}
