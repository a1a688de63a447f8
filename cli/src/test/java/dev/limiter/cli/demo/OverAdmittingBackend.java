package dev.limiter.cli.demo;

import dev.limiter.backend.Backend;
import dev.limiter.backend.BucketCharge;
import dev.limiter.backend.BucketKey;
import dev.limiter.backend.BucketSnapshot;
import dev.limiter.backend.ChargeOutcome;
import dev.limiter.backend.ChargeRequest;
import dev.limiter.backend.SettleRequest;
import dev.limiter.config.ConfigStore;
import dev.limiter.entity.EntityStore;
import dev.limiter.memory.InMemoryBackend;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A broken backend for tests: where the in-memory backend would reject a charge, it grants it without writing
 * anything, so limits let through more than they allow. The demo's checks must catch it.
 */
final class OverAdmittingBackend implements Backend {

    private final InMemoryBackend delegate = InMemoryBackend.create();

    @Override
    public CompletableFuture<ChargeOutcome> charge(ChargeRequest request) {
        return delegate.charge(request).thenCompose(outcome -> {
            if (outcome.granted()) {
                return CompletableFuture.completedFuture(outcome);
            }
            List<BucketKey> keys = new ArrayList<>();
            for (BucketCharge bucket : request.buckets()) {
                keys.add(bucket.key());
            }
            return delegate.read(keys).thenApply((List<BucketSnapshot> read) -> new ChargeOutcome(true, read));
        });
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
        return delegate.configs();
    }

    @Override
    public EntityStore entities() {
        return delegate.entities();
    }
}
