package dev.limiter.testkit;

import dev.limiter.backend.Backend;
import dev.limiter.backend.BucketKey;
import dev.limiter.backend.BucketSnapshot;
import dev.limiter.backend.ChargeOutcome;
import dev.limiter.backend.ChargeRequest;
import dev.limiter.backend.SettleRequest;
import dev.limiter.config.ConfigStore;
import dev.limiter.entity.EntityStore;
import dev.limiter.memory.InMemoryBackend;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A backend that forwards every call to another one, for tests that change one behaviour (hold charges back, count
 * them, grant what should be rejected) and keep the rest: subclass it and override what differs. Thread-safe as far
 * as the delegate is.
 */
public class ForwardingBackend implements Backend {

    private final Backend delegate;

    /** Forwards to {@code delegate}. */
    public ForwardingBackend(Backend delegate) {
        this.delegate = delegate;
    }

    /** Forwards to a new in-memory backend. */
    public ForwardingBackend() {
        this(InMemoryBackend.create());
    }

    /** The backend calls are forwarded to. */
    protected final Backend delegate() {
        return delegate;
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
        return delegate.configs();
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
