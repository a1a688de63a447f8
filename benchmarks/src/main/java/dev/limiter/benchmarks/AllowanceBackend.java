package dev.limiter.benchmarks;

import dev.limiter.LocalAllowance;
import dev.limiter.backend.Backend;
import dev.limiter.backend.BucketKey;
import dev.limiter.backend.BucketSnapshot;
import dev.limiter.backend.ChargeOutcome;
import dev.limiter.backend.ChargeRequest;
import dev.limiter.backend.SettleRequest;
import dev.limiter.config.ConfigStore;
import dev.limiter.entity.EntityStore;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A backend whose stored limits all read with one local allowance ({@link AllowanceConfigStore}); charges, settles,
 * reads and entities go to the delegate unchanged. Closing it closes the delegate.
 *
 * <p>Thread-safe if the delegate is.
 */
final class AllowanceBackend implements Backend {

    private final Backend delegate;
    private final ConfigStore configs;

    AllowanceBackend(Backend delegate, LocalAllowance allowance) {
        this.delegate = delegate;
        this.configs = new AllowanceConfigStore(delegate.configs(), allowance);
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
}
