package dev.limiter.micrometer;

import dev.limiter.RateLimiterUnavailableException;
import dev.limiter.backend.Backend;
import dev.limiter.backend.BucketKey;
import dev.limiter.backend.BucketSnapshot;
import dev.limiter.backend.ChargeOutcome;
import dev.limiter.backend.ChargeRequest;
import dev.limiter.backend.SettleRequest;
import dev.limiter.config.ConfigStore;
import dev.limiter.entity.EntityStore;
import dev.limiter.memory.InMemoryBackend;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** An in-memory backend whose bucket calls fail as an outage would; stores answer normally. */
final class DownBackend implements Backend {

    private final InMemoryBackend stores = InMemoryBackend.create();

    @Override
    public CompletableFuture<ChargeOutcome> charge(ChargeRequest request) {
        return CompletableFuture.failedFuture(outage());
    }

    @Override
    public CompletableFuture<Void> settle(SettleRequest request) {
        return CompletableFuture.failedFuture(outage());
    }

    @Override
    public CompletableFuture<List<BucketSnapshot>> read(List<BucketKey> keys) {
        return CompletableFuture.failedFuture(outage());
    }

    @Override
    public ConfigStore configs() {
        return stores.configs();
    }

    @Override
    public EntityStore entities() {
        return stores.entities();
    }

    private static RateLimiterUnavailableException outage() {
        return new RateLimiterUnavailableException("backend down", new IOException("connection refused"));
    }
}
